using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Data;

/// <summary>
/// Contexts are pooled (decision 0022): a scope that takes a context used before by another records its changes as its own
/// actor and counts only its own round trips, and nothing of the other scope stays on the context.
/// </summary>
public sealed class ContextPoolTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task ContextsUsedByOneScopeThenAnother_AuditAndCountEachScopeAsItsOwn()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var since = await factory.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)) ?? 0;
        var held = new List<MendDb>();
        var counted = new List<(int Before, int After)>();
        for (var i = 0; i < 20; i++)
        {
            await factory.WithScopeAsync(async services =>
            {
                services.GetRequiredService<AuditActor>().ActAsSystem($"scope-{i}");
                var db = services.GetRequiredService<MendDb>();
                Assert.Same(services, db.Scope);
                held.Add(db);
                var roundTrips = services.GetRequiredService<RoundTrips>();
                var before = roundTrips.Count;
                (await db.Users.SingleAsync(u => u.Id == user.Id)).DisplayName = $"Renamed {i}";
                await db.SaveChangesAsync();
                counted.Add((before, roundTrips.Count));
            });
            Assert.Null(held[^1].Scope);
        }

        // The pool handed the same contexts to more than one scope (the background jobs hold at most a few of their own).
        Assert.True(held.Distinct().Count() < held.Count, $"{held.Distinct().Count()} contexts for {held.Count} scopes");
        var rows = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > since && e.EntityType == nameof(MendUser) && e.EntityId == user.Id.ToString() && e.Action == AuditAction.Update)
            .OrderBy(e => e.Id).Select(e => e.ActorName).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"system:scope-{i}"), rows);
        // Each scope counted its own read and save, from zero: no other scope's commands reached its count.
        Assert.All(counted, c => Assert.Equal(0, c.Before));
        Assert.Single(counted.Select(c => c.After).Distinct());
        Assert.True(counted[0].After >= 2, $"{counted[0].After} round trips counted");
    }

    [Fact]
    public async Task AContextMadeOutsideAScope_Reads_ButRefusesToSave_RatherThanAuditAsNoOne()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<MendDb>>().CreateDbContext();
            await using (db)
            {
                Assert.True(await db.Users.AnyAsync(u => u.Id == user.Id));
                db.Users.Add(new MendUser { UserName = "nobody@example.invalid", Email = "nobody@example.invalid", DisplayName = "Nobody" });
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
                Assert.Contains("not held by a scope", refused.Message, StringComparison.Ordinal);
            }
        });
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nobody@example.invalid")));
    }
}
