using Mend.Web.Platform.Composition;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Staff;

/// <summary>Registers the register of staff and volunteers and its settings.</summary>
public static class StaffFeature
{
    public static IServiceCollection AddStaffRegister(this IServiceCollection services) => services
        .AddMendSettings<StaffSettings>("Mend:Staff")
        .AddScoped<StaffRegister>()
        .AddScoped<PanelClearance>()
        .AddScoped<CoverArrangements>()
        .AddScoped<TrainingDelivered>()
        .AddScoped<RegisterReminders>()
        .AddHostedService<HourlyJob<RegisterReminders>>();
}
