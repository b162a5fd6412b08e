using Mend.Web.Features.Orders;
using Mend.Web.Features.Reports;

namespace Mend.Tests.Reports;

/// <summary>KPI 6 from disposals written here and counted by hand: ended in the quarter, completed, by kind, each child once.</summary>
public sealed class Kpi6Tests
{
    private static readonly ReportQuarter Q3 = ReportQuarter.Parse("2026-Q3").Quarter!;

    private static Kpi6Disposal D(Guid child, DisposalKind kind, DateOnly ended, EndReason reason = EndReason.Completed) =>
        new(Guid.NewGuid(), Guid.NewGuid(), child, kind, ended, reason);

    [Fact]
    public void ChildrenWhoCompleted_AreCountedAgainstThoseWhoseDisposalEnded_InAllAndByKind()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var lines = Kpi6.For(Q3,
        [
            D(a, DisposalKind.Outcome22, new DateOnly(2026, 12, 31)),
            D(b, DisposalKind.Outcome22, new DateOnly(2026, 10, 1), EndReason.Revoked),
            D(c, DisposalKind.YouthCaution, new DateOnly(2026, 11, 15)),
            D(d, DisposalKind.YouthCaution, new DateOnly(2027, 1, 1)),
            D(a, DisposalKind.ReferralOrder, new DateOnly(2026, 11, 1)),
        ]);

        var all = lines.Single(l => l.Kind is null);
        Assert.Equal((3, 2), (all.Ended, all.Completed));
        Assert.Equal(66.7m, all.CompletedPercent);
        var outcome22 = lines.Single(l => l.Kind == DisposalKind.Outcome22);
        Assert.Equal((2, 1), (outcome22.Ended, outcome22.Completed));
        Assert.Equal((1, 1), (lines.Single(l => l.Kind == DisposalKind.YouthCaution).Ended, lines.Single(l => l.Kind == DisposalKind.YouthCaution).Completed));
        Assert.Null(lines.Single(l => l.Kind == DisposalKind.CommunityResolution).CompletedPercent);
        Assert.Equal(7, lines.Count);
    }
}
