using Mend.Web.Platform.Composition;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Processes;

/// <summary>Registers processes' settings (Mend:Processes), operations, diaries and the hourly agreement reminders.</summary>
public static class ProcessesFeature
{
    public static IServiceCollection AddProcesses(this IServiceCollection services) => services
        .AddMendSettings<ProcessSettings>("Mend:Processes")
        .AddScoped<ScheduleMeeting>()
        .AddScoped<RecordProcess>()
        .AddScoped<MeetingDiary>()
        .AddScoped<AgreementReminders>()
        .AddHostedService<HourlyJob<AgreementReminders>>();
}
