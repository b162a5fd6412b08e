using Mend.Web.Platform;

namespace Mend.Web.Features.Victims;

/// <summary>
/// Mend:Victims: the Victims' Code time limits (its deadlines are the defaults; a service may set
/// tighter ones), counted in working days, and how long a declined victim's details are kept.
/// </summary>
public sealed class VictimSettings : Platform.Composition.ISelfValidating<VictimSettings>
{
    /// <summary>Information about restorative justice, from receiving the victim's details (Code, Right 3).</summary>
    public int RjInformationWorkingDays { get; set; } = 5;

    /// <summary>The same for victims entitled to enhanced rights.</summary>
    public int EnhancedRjInformationWorkingDays { get; set; } = 1;

    /// <summary>Referral to support services once the victim wants it.</summary>
    public int SupportReferralWorkingDays { get; set; } = 2;

    /// <summary>The longest gap between progress updates while the victim has asked to be kept informed (Mend's default: about a month).</summary>
    public int ProgressUpdateWorkingDays { get; set; } = 20;

    /// <summary>Telling a victim kept informed that the intervention has concluded, from the case's closing (Mend's default).</summary>
    public int ConclusionNoticeWorkingDays { get; set; } = 5;

    /// <summary>How long a satisfaction survey link works, in days.</summary>
    public int SurveyLinkDays { get; set; } = 28;

    /// <summary>Days after a victim declines the service before their details are reduced to what is needed to count them.</summary>
    public int MinimiseDeclinedAfterDays { get; set; } = 30;

    public VictimSettings Validated()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(RjInformationWorkingDays), RjInformationWorkingDays), (nameof(EnhancedRjInformationWorkingDays), EnhancedRjInformationWorkingDays),
            (nameof(SupportReferralWorkingDays), SupportReferralWorkingDays), (nameof(ProgressUpdateWorkingDays), ProgressUpdateWorkingDays),
            (nameof(ConclusionNoticeWorkingDays), ConclusionNoticeWorkingDays), (nameof(SurveyLinkDays), SurveyLinkDays),
            (nameof(MinimiseDeclinedAfterDays), MinimiseDeclinedAfterDays),
        })
        {
            if (value is < 1 or > 365)
            {
                throw new MendConfigurationException($"Mend:Victims:{name} is {value}; use a whole number of days from 1 to 365.");
            }
        }

        if (EnhancedRjInformationWorkingDays > RjInformationWorkingDays)
        {
            throw new MendConfigurationException(
                $"Mend:Victims:EnhancedRjInformationWorkingDays ({EnhancedRjInformationWorkingDays}) is longer than RjInformationWorkingDays ({RjInformationWorkingDays}); enhanced rights are never slower.");
        }

        return this;
    }
}
