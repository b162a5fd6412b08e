using Mend.Web.Platform.Composition;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Victims;

/// <summary>Registers victims' settings (Mend:Victims), operations and the hourly minimisation of declined victims.</summary>
public static class VictimsFeature
{
    public static IServiceCollection AddVictims(this IServiceCollection services) => services
        .AddMendSettings<VictimSettings>("Mend:Victims")
        .AddScoped<VictimWork>()
        .AddScoped<VictimDeadlines>()
        .AddScoped<VictimMinimisation>()
        .AddHostedService<HourlyJob<VictimMinimisation>>();
}
