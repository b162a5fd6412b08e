using Mend.Tests.Infrastructure;
using Mend.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Data;

/// <summary>A Mend whose demo sign-ins are written to a temporary folder (the seed itself is run by the test, as `scripts/run` runs it).</summary>
public sealed class DemoFactory : MendFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mend-demo-").FullName;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mend:Demo:CredentialsFile"] = Path.Combine(_folder, "demo-sign-ins.txt"),
    };

    // The file holds the demo accounts' passwords: removed with the factory, not left in /tmp.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The demo data the README promises: the accounts, the cases, and a disposal of every kind in its own jurisdiction.</summary>
public sealed class DemoDataTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task DemoData_HasEveryKindOfDisposal_EachOnACaseOfItsJurisdiction_AndAReturnToCourtDue()
    {
        await factory.WithScopeAsync(services => Mend.Web.Data.DemoData.SeedAsync(services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var orders = await factory.WithDbAsync(db => db.Orders.AsNoTracking().ToListAsync());
        var cases = await factory.WithDbAsync(db => db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Jurisdiction));

        Assert.Equal(Enum.GetValues<DisposalKind>().Order(), orders.Select(o => o.Kind).Distinct().Order());
        Assert.All(orders, o => Assert.Equal(DisposalKinds.Of(o.Kind).Jurisdiction, cases[o.CaseId]));
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Contains(orders, o => CompliancePolicy.Steps(o).Any(s => s.Kind == EnforcementStep.ReturnToCourt && !s.Taken));
        Assert.Contains(orders, o => o.Warnings.Count > 0 && o.Warnings.All(w => w.WarnedUntil >= today));

        var documents = await factory.WithDbAsync(db => db.Documents.AsNoTracking().ToListAsync());
        Assert.Contains(documents, d => d.Subject == Mend.Web.Features.Documents.DocumentSubject.Victim && d.IsSent && d.SentPdf is not null);
        Assert.Contains(documents, d => d.Title.StartsWith("Progress report for court", StringComparison.Ordinal) && !d.IsSent);
        Assert.Contains(documents, d => d.Title.StartsWith("Parish Hall Enquiry report", StringComparison.Ordinal));

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await factory.WithDbAsync(db => db.DutyShifts.AnyAsync(d => d.StartsAt <= now && d.EndsAt > now)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Visits.CountAsync(v => v.Status == Mend.Web.Features.Visits.VisitStatus.Planned)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.PhoneNumber != null && u.PhoneNumber.StartsWith("+4477009"))));
        Assert.Equal(2, await factory.WithDbAsync(db => db.DbsChecks.Select(d => d.UserId).Distinct().CountAsync()));
        Assert.True(await factory.WithDbAsync(db => db.TrainingRecords.AnyAsync(t => t.Kind == Mend.Web.Features.Staff.TrainingKind.PanelMember)));
        Assert.True(await factory.WithDbAsync(db => db.SafeguardingReferrals.AnyAsync(r => r.ClosedAt == null && r.FollowUpOn > today)));
        Assert.True(await factory.WithDbAsync(db => db.MeetingActions.AnyAsync(a => a.DoneOn == null && a.DueOn <= today.AddDays(7))));
        Assert.True(await factory.WithDbAsync(db => db.TrainingSessions.AnyAsync(t => t.Attendees.Count == 3)));
        Assert.Equal(3, await factory.WithDbAsync(db => db.PartnerAgencies.CountAsync(p => p.Sector != null)));
    }
}
