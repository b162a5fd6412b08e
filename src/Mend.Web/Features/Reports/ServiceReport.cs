using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The restorative justice service report over a period, for one jurisdiction, every figure with the cases behind it:
/// referrals by source and by month; processes started by kind and where they stand; how long victims waited for a
/// first contact and cases for a process; whether agreements were kept; and how satisfied participants were.
/// </summary>
public sealed record ServiceReport(
    ReportPeriod Period,
    Jurisdiction Jurisdiction,
    IReadOnlyList<Figure> ReferralsBySource,
    IReadOnlyList<Figure> ReferralsByMonth,
    IReadOnlyList<ServiceReport.ProcessCount> Processes,
    ServiceReport.Wait FirstContact,
    ServiceReport.Wait ToProcess,
    IReadOnlyList<Figure> Agreements,
    IReadOnlyList<ServiceReport.Feedback> Satisfaction)
{
    public ReportWords Words => ReportWords.For(Jurisdiction);

    /// <summary>Training the team delivered to others in the period, by audience (sessions, attendees, organisations, hours, rating); not cases, so no drill-down.</summary>
    public IReadOnlyList<Staff.TrainingDelivered.AudienceFigures> TrainingDelivered { get; init; } = [];

    /// <summary>Every figure in the report, for the drill-down and the exports.</summary>
    public IEnumerable<Figure> Figures =>
        ReferralsBySource.Concat(ReferralsByMonth).Concat(Processes.Select(p => p.Figure)).Concat([FirstContact.Done, FirstContact.Waiting])
            .Concat([ToProcess.Done, ToProcess.Waiting]).Concat(Agreements).Concat(Satisfaction.SelectMany(s => s.Figures));

    /// <summary>The report as exported: one table per section.</summary>
    public IEnumerable<ReportTable> Tables()
    {
        static object? Percent(Figure part, Figure whole) => Feedback.Percent(part, whole);
        yield return ReportTable.Of("Referrals by source", ReferralsBySource);
        yield return ReportTable.Of("Referrals by month", ReferralsByMonth);
        yield return new ReportTable("Processes", ["Kind", "Where it stands", "Count"],
            Processes.Select(p => (IReadOnlyList<object?>)[p.Kind, p.Outcome, p.Figure.Count]).ToList());
        yield return new ReportTable("Waits", ["Wait", "Ended", "Still waiting", "Median days", "Longest days"],
        [
            ["Referral to first contact with the victim", FirstContact.Done.Count, FirstContact.Waiting.Count, (decimal?)FirstContact.MedianDays, FirstContact.LongestDays],
            ["Referral to the first process meeting held", ToProcess.Done.Count, ToProcess.Waiting.Count, (decimal?)ToProcess.MedianDays, ToProcess.LongestDays],
        ]);
        yield return ReportTable.Of("Agreements", Agreements);
        yield return new ReportTable("Satisfaction",
            ["Who answered", "Answered", "Satisfied", "Satisfied (%)", "Felt safe", "Felt safe (%)", "Felt listened to", "Felt listened to (%)", "Would recommend",
                "Would recommend (%)"],
            Satisfaction.Select(s => (IReadOnlyList<object?>)
            [
                s.Group, s.Answered.Count, s.Satisfied.Count, Percent(s.Satisfied, s.Answered), s.FeltSafe?.Count, s.FeltSafe is { } safe ? Percent(safe, s.Answered) : null,
                s.FeltListenedTo.Count, Percent(s.FeltListenedTo, s.Answered), s.WouldRecommend?.Count,
                s.WouldRecommend is { } recommend ? Percent(recommend, s.Answered) : null,
            ]).ToList());
        yield return new ReportTable("Training delivered", ["Audience", "Sessions", "Attendees", "Organisations", "Hours", "Feedback forms", "Average rating (of 5)"],
            TrainingDelivered.Select(t => (IReadOnlyList<object?>)[Staff.TrainingAudiences.Describe(t.Audience), t.Sessions, t.Attendees, t.Organisations, t.Hours,
                t.FeedbackReturned, t.AverageRating]).ToList());
    }

    public sealed record ProcessCount(string Kind, string Outcome, Figure Figure);

    /// <summary>
    /// A wait measured in calendar days: those for whom it ended (with the median and longest wait) and those still waiting.
    /// </summary>
    public sealed record Wait(Figure Done, Figure Waiting, double? MedianDays, int? LongestDays);

    /// <summary>
    /// One group's answers to the questionnaire (after a process, or the victims' end-of-service survey): how many
    /// answered, and of them how many were satisfied (4 or 5 of 5), felt safe, felt listened to and would recommend it.
    /// </summary>
    public sealed record Feedback(string Group, Figure Answered, Figure Satisfied, Figure? FeltSafe, Figure FeltListenedTo, Figure? WouldRecommend)
    {
        public IEnumerable<Figure> Figures => new[] { Answered, Satisfied, FeltSafe, FeltListenedTo, WouldRecommend }.OfType<Figure>();

        public static decimal? Percent(Figure part, Figure whole) => whole.Count == 0 ? null : Math.Round(100m * part.Count / whole.Count, 1);
    }

    /// <summary>The median of whole-day waits: the middle one, or the mean of the middle two; null when there are none.</summary>
    public static double? Median(IReadOnlyList<int> days)
    {
        if (days.Count == 0)
        {
            return null;
        }

        var sorted = days.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
