using Mend.Web.Platform.Composition;

namespace Mend.Web.Features.Visits;

/// <summary>Registers the diary, visits and lone-working safety: the escalation job, GOV.UK Notify and the alarm-receiving centre's webhook.</summary>
public static class VisitsFeature
{
    public static IServiceCollection AddVisits(this IServiceCollection services)
    {
        services.AddMendSettings<LoneWorkingSettings>("Mend:LoneWorking");
        services.AddMendSettings<NotifySettings>("Mend:Notify");
        services.AddHttpClient(nameof(AlertWebhook), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<NotifyChannel>();
        services.AddSingleton<FileChannel>();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<NotifySettings>().Configured
            ? sp.GetRequiredService<NotifyChannel>()
            : sp.GetRequiredService<FileChannel>());
        services.AddSingleton<EscalationSignal>();
        return services
            .AddScoped<AlertWebhook>()
            .AddScoped<Escalation>()
            .AddScoped<LoneWorking>()
            .AddHostedService<EscalationJob>();
    }
}
