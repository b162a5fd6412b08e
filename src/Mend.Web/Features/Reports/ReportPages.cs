namespace Mend.Web.Features.Reports;

/// <summary>What the audit trail and the exports say about each report, the same from its page and its API.</summary>
public static class ReportPages
{
    public const string ServiceRules =
        "Referrals: cases whose referral was received in the period. Processes: set up in the period, where they stand now. " +
        "First contact: days from the referral to the first contact that reached the victim (spoke, met, or a letter sent). " +
        "To a process: days from the referral to the first process meeting held. Agreements: made at processes held in the period. " +
        "Satisfaction: questionnaires answered in the period; satisfied is 4 or 5 of 5.";

    public const string DisproportionalityRules =
        "People referred in the period (victims whose details reached the service in it), by Census 2021 ethnic group, sex as recorded " +
        "and age band at referral; each stage counted among them, with its rate against those referred. Counts from 1 to 4, and rates " +
        "worked out from them, are shown as [c].";

    public static string ServicePurpose(ReportPeriod period) => $"Restorative justice service report {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}";

    public static string DisproportionalityPurpose(ReportPeriod period) => $"Disproportionality report {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}";
}
