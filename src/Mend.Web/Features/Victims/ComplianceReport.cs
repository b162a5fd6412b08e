namespace Mend.Web.Features.Victims;

/// <summary>
/// Victims' Code compliance over a period (Victims and Prisoners Act 2024, ss. 5–6): for each
/// entitlement due in the period, how many were met on time, met late (with the reasons given),
/// are still not met, or did not apply.
/// </summary>
public sealed record ComplianceReport(DateOnly From, DateOnly To, IReadOnlyList<ComplianceReport.Line> Lines, IReadOnlyList<ComplianceReport.Exception> Exceptions)
{
    /// <summary>Why the report was read, in the audit trail, from its page and its API alike.</summary>
    public static string Purpose(DateOnly? from, DateOnly? to) =>
        $"Victims' Code compliance report {from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} to {to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Victim satisfaction over the same period, reported beside compliance.</summary>
    public VictimSatisfaction? Satisfaction { get; init; }

    public sealed record Line(Entitlement Entitlement, int Due, int MetOnTime, int MetLate, int NotMet, int NotApplicable)
    {
        /// <summary>Met on time as a share of those that applied, or null when none applied.</summary>
        public decimal? OnTimePercent => Due - NotApplicable == 0 ? null : Math.Round(100m * MetOnTime / (Due - NotApplicable), 1);
    }

    /// <summary>An entitlement met late or not met, and why.</summary>
    public sealed record Exception(Guid CaseId, string CaseReference, Guid PersonId, string PersonName, Entitlement Entitlement, DateOnly DueOn, DateOnly? MetOn, string? Reason);

    /// <summary>
    /// Field → message when a report period cannot be reported on: both ends given, in order, and within the years
    /// whose bank holidays Mend ships (<see cref="Platform.Time.WorkingDays"/>), since deadlines outside them cannot be counted.
    /// </summary>
    public static Dictionary<string, string> PeriodErrors(DateOnly? from, DateOnly? to, string fromField = "from", string toField = "to")
    {
        var errors = new Dictionary<string, string>();
        var first = new DateOnly(Platform.Time.WorkingDays.FirstYear, 1, 1);
        var last = new DateOnly(Platform.Time.WorkingDays.LastYear, 12, 31);
        var range = $"between {first:d MMMM yyyy} and {last:d MMMM yyyy}";
        if (from is null)
        {
            errors[fromField] = "Enter the start date";
        }
        else if (from < first || from > last)
        {
            errors[fromField] = $"Start date must be {range}";
        }

        if (to is null)
        {
            errors[toField] = "Enter the end date";
        }
        else if (to < first || to > last)
        {
            errors[toField] = $"End date must be {range}";
        }
        else if (from is not null && to < from && !errors.ContainsKey(fromField))
        {
            errors[toField] = "End date must be the same as or after the start date";
        }

        return errors;
    }

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
