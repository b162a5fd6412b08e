namespace Mend.Web.Features.Reports;

/// <summary>What the audit trail and the downloads say about each report over a period, the same from its page and its API.</summary>
public static class ReportPages
{
    /// <summary>A report over a period: its title, audit entity, download file name and how its figures are counted.</summary>
    public sealed record Kind(string Title, string Entity, string File, string Rules)
    {
        public string Purpose(ReportPeriod period) => $"{Title} {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}";
    }

    public static readonly Kind Service = new("Restorative justice service report", "ServiceReport", "service-report",
        "Referrals: cases whose referral was received in the period. Processes: set up in the period, where they stand now. " +
        "First contact: days from the referral to the first contact that reached the victim (spoke, met, or a letter sent). " +
        "To a process: days from the referral to the first process meeting held. Agreements: made at processes held in the period. " +
        "Satisfaction: questionnaires answered in the period; satisfied is 4 or 5 of 5.");

    public static readonly Kind Disproportionality = new("Disproportionality report", "DisproportionalityReport", "disproportionality",
        "People referred in the period (victims whose details reached the service in it), by Census 2021 ethnic group, sex as recorded " +
        "and age band at referral; each stage counted among them, with its rate against those referred. Counts from 1 to 4, and rates " +
        "worked out from them, are shown as [c].");
}
