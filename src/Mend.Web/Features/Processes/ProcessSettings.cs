using Mend.Web.Platform;

namespace Mend.Web.Features.Processes;

/// <summary>Mend:Processes: the safety margins Mend enforces when a meeting is scheduled, and how long feedback links work.</summary>
public sealed class ProcessSettings : Platform.Composition.ISelfValidating<ProcessSettings>
{
    /// <summary>The victim and the young person never arrive, or leave, within this many minutes of each other.</summary>
    public int StaggerMinutes { get; set; } = 15;

    /// <summary>The longest a meeting may last, in hours.</summary>
    public int LongestMeetingHours { get; set; } = 8;

    /// <summary>How long a participant's feedback link works.</summary>
    public int FeedbackLinkDays { get; set; } = 28;

    /// <summary>How many days before an agreement item is due the case worker is reminded.</summary>
    public int AgreementReminderDays { get; set; } = 7;

    public ProcessSettings Validated()
    {
        if (AgreementReminderDays is < 1 or > 90)
        {
            throw new MendConfigurationException($"Mend:Processes:AgreementReminderDays is {AgreementReminderDays}; use 1 to 90 days.");
        }

        if (FeedbackLinkDays is < 1 or > 365)
        {
            throw new MendConfigurationException($"Mend:Processes:FeedbackLinkDays is {FeedbackLinkDays}; use 1 to 365 days.");
        }

        if (StaggerMinutes is < 1 or > 240)
        {
            throw new MendConfigurationException($"Mend:Processes:StaggerMinutes is {StaggerMinutes}; use 1 to 240 minutes.");
        }

        if (LongestMeetingHours is < 1 or > 24)
        {
            throw new MendConfigurationException($"Mend:Processes:LongestMeetingHours is {LongestMeetingHours}; use 1 to 24 hours.");
        }

        return this;
    }
}
