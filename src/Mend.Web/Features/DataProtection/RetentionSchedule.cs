namespace Mend.Web.Features.DataProtection;

/// <summary>
/// The retention schedule Mend ships: examples to adapt, not a standard. No national retention schedule for youth justice
/// services in England and Wales could be found (docs/research/data-protection-sources.md); the periods below follow the
/// pattern issue 18 gives ("until the young person is 25 or 6 years after closure, whichever is later") and each service's
/// data protection officer replaces them with its own.
/// </summary>
public static class RetentionSchedule
{
    internal static readonly RetentionRule[] Examples =
    [
        RetentionRule.Example(1, RetentionRecordKind.YoungPersonCase, RetentionTrigger.CaseClosed, 6, 25,
            "Example to adapt: long enough for the young person to ask what was held about them as an adult, and for any later review of the work."),
        RetentionRule.Example(2, RetentionRecordKind.VictimRecord, RetentionTrigger.CaseClosed, 6, null,
            "Example to adapt: kept with the case it belongs to. A victim who declines the service has their record reduced after 30 days (Victims' Code work)."),
        RetentionRule.Example(3, RetentionRecordKind.PersonWithNoOpenPart, RetentionTrigger.LastPartEnded, 6, null,
            "Example to adapt: a person's details are kept while any case they are on is kept."),
        RetentionRule.Example(4, RetentionRecordKind.Assessment, RetentionTrigger.CaseClosed, 6, 25,
            "Example to adapt: assessments are part of the young person's case."),
        RetentionRule.Example(5, RetentionRecordKind.DocumentOrFile, RetentionTrigger.CaseClosed, 6, 25,
            "Example to adapt: letters, reports and files are part of the case they were made for."),
        RetentionRule.Example(6, RetentionRecordKind.AuditTrail, RetentionTrigger.Recorded, 7, null,
            "Example to adapt: long enough to answer questions about who saw or changed a record for as long as the records are kept."),
    ];

    public static string Describe(RetentionRecordKind kind) => kind switch
    {
        RetentionRecordKind.YoungPersonCase => "A young person's case",
        RetentionRecordKind.VictimRecord => "A victim's record",
        RetentionRecordKind.PersonWithNoOpenPart => "A person's details, once they have no part on any case",
        RetentionRecordKind.Assessment => "Assessments",
        RetentionRecordKind.DocumentOrFile => "Letters, reports and files",
        _ => "The audit trail of who saw and changed records",
    };

    /// <summary>The rule in words, as the privacy notice and the schedule show it: "6 years after the case closes, or until they are 25 if that is later".</summary>
    public static string Describe(RetentionRule rule)
    {
        var period = string.Join(" and ", new[] { Plural(rule.Years, "year"), Plural(rule.Months, "month") }.Where(p => p.Length > 0));
        var after = rule.Trigger switch
        {
            RetentionTrigger.CaseClosed => "the case closes",
            RetentionTrigger.LastPartEnded => "their last part on a case ends",
            _ => "it is recorded",
        };
        return $"{period} after {after}" + (rule.UntilAge is { } age ? $", or until the young person is {age} if that is later" : "");
    }

    private static string Plural(int n, string unit) => n switch
    {
        0 => "",
        1 => $"1 {unit}",
        _ => $"{n} {unit}s",
    };
}
