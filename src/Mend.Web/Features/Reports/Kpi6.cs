using Mend.Web.Features.Orders;

namespace Mend.Web.Features.Reports;

/// <summary>An out-of-court disposal as KPI 6 reads it: whose, which kind, when and how it ended.</summary>
public sealed record Kpi6Disposal(Guid OrderId, Guid CaseId, Guid ChildId, DisposalKind Kind, DateOnly EndedOn, EndReason Reason);

/// <summary>One line of KPI 6: children whose disposal of this kind (or any, when null) ended in the quarter, and of them those who completed it.</summary>
public sealed record Kpi6Line(DisposalKind? Kind, string Name, int Ended, int Completed, IReadOnlyList<Guid> Cases)
{
    /// <summary>The line's key in links: the disposal kind, or "all".</summary>
    public string Key => Kind?.ToString() ?? "all";

    public decimal? CompletedPercent => Ended == 0 ? null : Math.Round(100m * Completed / Ended, 1);
}

/// <summary>
/// YJB KPI 6 (out-of-court disposals) as issue 17 sets it out: children who completed their intervention against those
/// whose disposal ended in the quarter, in all and by kind (community resolution, Outcome 22, Outcome 22 deferred
/// prosecution, Outcome 20/21 with youth justice involvement, youth caution, youth conditional caution). The YJB's own
/// definition could not be read here (docs/research/kpi-sources.md); "completed" is Mend's reading: the disposal was
/// ended with the reason Completed. A child is counted once per line.
/// </summary>
public static class Kpi6
{
    public static readonly IReadOnlyList<DisposalKind> Kinds =
    [
        DisposalKind.CommunityResolution, DisposalKind.Outcome22, DisposalKind.Outcome22DeferredProsecution, DisposalKind.Outcome20Or21,
        DisposalKind.YouthCaution, DisposalKind.YouthConditionalCaution,
    ];

    public static IReadOnlyList<Kpi6Line> For(ReportQuarter quarter, IEnumerable<Kpi6Disposal> disposals)
    {
        var ended = disposals.Where(d => Kinds.Contains(d.Kind) && quarter.Contains(d.EndedOn)).ToList();

        Kpi6Line Line(DisposalKind? kind, string name)
        {
            var these = ended.Where(d => kind is null || d.Kind == kind).ToList();
            return new Kpi6Line(kind, name, these.Select(d => d.ChildId).Distinct().Count(),
                these.Where(d => d.Reason == EndReason.Completed).Select(d => d.ChildId).Distinct().Count(),
                these.Select(d => d.CaseId).Distinct().ToList());
        }

        return [Line(null, "All out-of-court disposals"), .. Kinds.Select(k => Line(k, DisposalKinds.Of(k).Name))];
    }
}
