using Mend.Web.Features.Reports;

namespace Mend.Tests.Reports;

/// <summary>
/// KPI 10 counted from facts written here and checked by hand: the quarter of the intervention's end, one count per
/// victim against the most serious offence, consent as at the quarter's end, RJ only with consent.
/// </summary>
public sealed class Kpi10Tests
{
    private static readonly ReportQuarter Q3 = ReportQuarter.Parse("2026-Q3").Quarter!;
    private static readonly DateOnly LastDay = new(2026, 12, 31);
    private static readonly Guid ChildA = Guid.NewGuid();
    private static readonly Guid ChildB = Guid.NewGuid();

    private static Kpi10Facts Facts(Guid victim, Guid child, DateOnly ended, ConsentAnswer[]? answers = null, DateOnly? rj = null, int gravity = 3,
        string offence = "Theft", bool views = false, DateOnly? progressAsked = null, DateOnly? progressGiven = null, DateOnly? supportAsked = null,
        DateOnly? supportGiven = null) =>
        new(victim, "Individual", child, Guid.NewGuid(), ended, offence, gravity, new DateOnly(2026, 6, 1), answers ?? [], views, rj, null,
            progressAsked, progressGiven, supportAsked, supportGiven);

    private static int Count(Kpi10Return result, string key) => result.Lines.Single(l => l.Key == key).Count;

    [Fact]
    public void AVictim_IsCountedInTheQuarterTheInterventionEnds_OnItsLastDayButNotTheDayAfter()
    {
        var inside = Facts(Guid.NewGuid(), ChildA, LastDay);
        var after = Facts(Guid.NewGuid(), ChildB, LastDay.AddDays(1));
        var before = Facts(Guid.NewGuid(), ChildB, new DateOnly(2026, 9, 30));

        var result = Kpi10.For(Q3, [inside, after, before]);

        Assert.Equal([inside.VictimPersonId], result.Lines.Single(l => l.Key == Kpi10.Victims).Behind);
        Assert.Equal(1, Count(result, Kpi10.Children));
    }

    [Fact]
    public void ConsentCounts_AsItStoodOnTheQuartersLastDay()
    {
        var yes = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), [new(new DateOnly(2026, 10, 5), true)]);
        var yesAfterTheQuarter = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), [new(new DateOnly(2027, 1, 1), true)]);
        var withdrawn = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), [new(new DateOnly(2026, 10, 5), true), new(LastDay, false)]);
        var noThenYes = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), [new(new DateOnly(2026, 10, 5), false), new(LastDay, true)]);

        var result = Kpi10.For(Q3, [yes, yesAfterTheQuarter, withdrawn, noThenYes]);

        Assert.Equal(new[] { yes.VictimPersonId, noThenYes.VictimPersonId }.Order(), result.Lines.Single(l => l.Key == Kpi10.Consented).Behind.Order());
        Assert.Equal(LastDay, result.Rows.Single(r => r.Facts == noThenYes).ConsentedOn);
    }

    [Fact]
    public void RjEngaged_CountsOnlyVictimsWhoConsented_AndTheHeadlineIsTheirShare()
    {
        var engaged = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), [new(new DateOnly(2026, 10, 1), true)], rj: new DateOnly(2026, 10, 20));
        var consentedOnly = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), [new(new DateOnly(2026, 10, 1), true)]);
        var withoutConsent = Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), rj: new DateOnly(2026, 10, 20));

        var result = Kpi10.For(Q3, [engaged, consentedOnly, withoutConsent]);

        Assert.Equal(3, Count(result, Kpi10.Victims));
        Assert.Equal(2, Count(result, Kpi10.Consented));
        Assert.Equal([engaged.VictimPersonId], result.Lines.Single(l => l.Key == Kpi10.Engaged).Behind);
        Assert.Equal(50.0m, result.Headline);
    }

    [Fact]
    public void AChildWithTwoVictimsOnTwoOffences_IsOneChildAndTwoVictims_AndAVictimOfTwoOffencesIsCountedOnceAgainstTheMostSerious()
    {
        var shop = Guid.NewGuid();
        var neighbour = Guid.NewGuid();
        var ended = new DateOnly(2026, 12, 1);
        var result = Kpi10.For(Q3,
        [
            Facts(shop, ChildA, ended, offence: "Theft", gravity: 2),
            Facts(neighbour, ChildA, ended, offence: "Criminal damage", gravity: 3),
            Facts(shop, ChildA, ended, offence: "Robbery", gravity: 6),
        ]);

        Assert.Equal(1, Count(result, Kpi10.Children));
        Assert.Equal(2, Count(result, Kpi10.Victims));
        Assert.Equal("Robbery", result.Rows.Single(r => r.Facts.VictimPersonId == shop).Facts.Offence);
    }

    [Fact]
    public void TwoChildrenWhoHarmedOneVictim_AreBothCounted_ThoughTheVictimIsCountedOnceAgainstTheMoreSeriousOffence()
    {
        var victim = Guid.NewGuid();
        var ended = new DateOnly(2026, 11, 2);
        var result = Kpi10.For(Q3, [Facts(victim, ChildA, ended, gravity: 5), Facts(victim, ChildB, ended, gravity: 2)]);

        Assert.Equal(2, Count(result, Kpi10.Children));
        Assert.Equal(1, Count(result, Kpi10.Victims));
        Assert.Equal(ChildA, Assert.Single(result.Rows).Facts.ChildId);
        Assert.Equal(2, result.CasesBehind(Kpi10.Children)!.Count);
    }

    [Fact]
    public void ProgressAndSupport_CountRequestsAndThoseProvided_ByTheQuartersEnd()
    {
        var asked = new DateOnly(2026, 10, 10);
        var result = Kpi10.For(Q3,
        [
            Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), views: true, progressAsked: asked, progressGiven: asked.AddDays(3), supportAsked: asked,
                supportGiven: LastDay.AddDays(1)),
            Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), progressAsked: asked),
            Facts(Guid.NewGuid(), ChildA, new DateOnly(2026, 11, 1), supportAsked: LastDay.AddDays(2)),
        ]);

        Assert.Equal(1, Count(result, Kpi10.ViewsSought));
        Assert.Equal(2, Count(result, Kpi10.ProgressRequested));
        Assert.Equal(1, Count(result, Kpi10.ProgressProvided));
        Assert.Equal(1, Count(result, Kpi10.SupportRequested));
        Assert.Equal(0, Count(result, Kpi10.SupportProvided));
        Assert.Null(Kpi10.For(Q3, []).Headline);
    }
}
