using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.DataProtection;

/// <summary>The audit trail's own retention rule, applied: in its own class because it moves the clock on seven years.</summary>
public sealed class AuditPruningTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<long> RecordAndSealAsync(string marker)
    {
        long id = 0;
        await factory.WithScopeAsync(async services =>
        {
            var trail = services.GetRequiredService<AuditTrail>();
            trail.Record(AuditAction.View, "Thing", marker, purpose: "names someone");
            await trail.SaveAsync();
            await services.GetRequiredService<AuditSealer>().SealPendingAsync();
            id = await services.GetRequiredService<MendDb>().AuditEvents.Where(e => e.EntityId == marker).Select(e => e.Id).SingleAsync();
        });
        return id;
    }

    private async Task<HttpResponseMessage> StepAsync(HttpClient client, long id, string handler, params (string, string)[] fields)
    {
        var version = await factory.WithDbAsync(db => db.Disposals.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        return await client.SubmitAsync($"/DataProtection/Disposals/{id}", [new("Version", version.ToString()), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))],
            $"/DataProtection/Disposals/{id}?handler={handler}");
    }

    [Fact]
    public async Task TheOldestEntries_AreDisposedOfAfterReviewAndApproval_AndTheChainStillVerifiesFromItsCheckpoint()
    {
        var old = await RecordAndSealAsync("prune-old-" + Guid.NewGuid().ToString("N")[..8]);
        factory.Clock.Advance(TimeSpan.FromDays((366 * 7) + 62));
        var recent = await RecordAndSealAsync("prune-recent-" + Guid.NewGuid().ToString("N")[..8]);
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var second = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync("/DataProtection/Disposals")).StatusCode);
        var id = await factory.WithDbAsync(db => db.Disposals.Where(d => d.RecordType == DisposalRecordType.AuditTrail).Select(d => d.Id).SingleAsync());
        Assert.Contains("Recorded before", (await officer.GetPageAsync($"/DataProtection/Disposals/{id}")).QuerySelector("#record")!.TextContent, StringComparison.Ordinal);
        await factory.WithDbAsync<int>(async db =>
        {
            // Until a checkpoint covers them, the database refuses to delete audit rows, old or not.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {old}"));

            // Nor can anyone write a checkpoint of their own to skip or delete entries: it must follow a real seal of a
            // disposal of the audit trail under way.
            var seal = await db.AuditSeals.OrderByDescending(x => x.Id).Select(x => new { x.Id, x.Hash }).FirstAsync();
            var at = factory.Clock.GetUtcNow().UtcDateTime;
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AuditCheckpoints\" (\"ThroughSealId\", \"Hash\", \"Before\", \"EntriesRemoved\", \"DisposalId\", \"At\") VALUES ({seal.Id}, {seal.Hash}, {at}, {1L}, {id}, {at})"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AuditCheckpoints\" (\"ThroughSealId\", \"Hash\", \"Before\", \"EntriesRemoved\", \"DisposalId\", \"At\") VALUES ({seal.Id}, {"0000"}, {at}, {1L}, {id}, {at})"));
            Assert.False(await db.AuditCheckpoints.AnyAsync());
            return 0;
        });

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(officer, id, "Review")).StatusCode);

        // The audit trail holds managers' own entries too: only another data protection officer approves.
        var byManager = await StepAsync(manager, id, "Approve", ("Confirm", "yes"));
        Assert.Contains("a data protection officer must approve", string.Join(" ", (await Html.ParseAsync(byManager)).ErrorSummary()), StringComparison.Ordinal);

        // Any legal hold in place keeps the audit trail whole: who saw the held records may be evidence too.
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var holdId = await factory.WithDbAsync(async db =>
        {
            var hold = LegalHold.Place(Guid.NewGuid(), null, "Inquiry", today.AddDays(30), today, Guid.NewGuid(), "Test officer", now);
            db.LegalHolds.Add(hold);
            await db.SaveChangesAsync();
            return hold.Id;
        });
        var held = await StepAsync(second, id, "Approve", ("Confirm", "yes"));
        Assert.Contains("A legal hold keeps this record", string.Join(" ", (await Html.ParseAsync(held)).ErrorSummary()), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Id == old)));
        await factory.WithDbAsync(async db =>
        {
            (await db.LegalHolds.SingleAsync(h => h.Id == holdId)).Lift("Inquiry closed", "Test officer", now);
            return await db.SaveChangesAsync();
        });

        var approved = await StepAsync(second, id, "Approve", ("Confirm", "yes"));
        Assert.True(approved.StatusCode == HttpStatusCode.Redirect, string.Join(" ", (await Html.ParseAsync(approved)).ErrorSummary()));

        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Id == old));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Id == recent));
            var checkpoint = await db.AuditCheckpoints.SingleAsync();
            Assert.Equal(id, checkpoint.DisposalId);
            Assert.Equal("1 audit trail entry", (await db.Disposals.SingleAsync(d => d.Id == id)).Erased);
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {recent}"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditCheckpoints\""));

            await services.GetRequiredService<AuditSealer>().SealPendingAsync();
            var verified = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.True(verified.Intact, verified.Message);
            Assert.Contains("The chain starts at a checkpoint", verified.Message, StringComparison.Ordinal);
        });
    }
}
