namespace Mend.Web.Features.Victims;

/// <summary>
/// Victims' Code compliance over a period (Victims and Prisoners Act 2024, ss. 5–6): for each
/// entitlement due in the period, how many were met on time, met late (with the reasons given),
/// are still not met, or did not apply.
/// </summary>
public sealed record ComplianceReport(DateOnly From, DateOnly To, IReadOnlyList<ComplianceReport.Line> Lines, IReadOnlyList<ComplianceReport.Exception> Exceptions)
{
    /// <summary>Victim satisfaction over the same period, reported beside compliance.</summary>
    public VictimSatisfaction? Satisfaction { get; init; }

    public sealed record Line(Entitlement Entitlement, int Due, int MetOnTime, int MetLate, int NotMet, int NotApplicable)
    {
        /// <summary>Met on time as a share of those that applied, or null when none applied.</summary>
        public decimal? OnTimePercent => Due - NotApplicable == 0 ? null : Math.Round(100m * MetOnTime / (Due - NotApplicable), 1);
    }

    /// <summary>An entitlement met late or not met, and why.</summary>
    public sealed record Exception(Guid CaseId, string CaseReference, Guid PersonId, string PersonName, Entitlement Entitlement, DateOnly DueOn, DateOnly? MetOn, string? Reason);

    public static ComplianceReport Build(IEnumerable<VictimDeadlines.Row> victims, DateOnly from, DateOnly to)
    {
        var inPeriod = victims.SelectMany(v => v.Entitlements.Where(e => e.DueOn >= from && e.DueOn <= to).Select(e => (Victim: v, Status: e))).ToList();
        var lines = Enum.GetValues<Entitlement>().Select(kind =>
        {
            var of = inPeriod.Where(x => x.Status.Entitlement == kind).Select(x => x.Status).ToList();
            return new Line(kind, of.Count, of.Count(s => s.State == EntitlementState.MetOnTime), of.Count(s => s.State == EntitlementState.MetLate),
                of.Count(s => s.IsOpen), of.Count(s => s.State == EntitlementState.NotApplicable));
        }).ToList();
        var exceptions = inPeriod.Where(x => x.Status.State is EntitlementState.MetLate or EntitlementState.Overdue)
            .Select(x => new Exception(x.Victim.CaseId, x.Victim.CaseReference, x.Victim.PersonId, x.Victim.PersonName, x.Status.Entitlement, x.Status.DueOn, x.Status.MetOn,
                x.Status.State == EntitlementState.Overdue ? "Not met yet" : x.Status.Reason ?? "No reason recorded"))
            .OrderBy(e => e.DueOn).ToList();
        return new ComplianceReport(from, to, lines, exceptions);
    }
}
