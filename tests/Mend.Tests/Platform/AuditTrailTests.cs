using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform;

public sealed class AuditTrailTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Views_AreRecordedByDefault_AndOnlyViewsStopWhenTheBenchmarkSwitchIsOff()
    {
        Assert.True(factory.Services.GetRequiredService<AuditSettings>().RecordViews);
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var db = services.GetRequiredService<MendDb>();
            var trail = new AuditTrail(db, services.GetRequiredService<AuditActor>(), new AuditSettings { RecordViews = false }, TimeProvider.System,
                services.GetRequiredService<ViewCommits>());
            var marker = Guid.NewGuid().ToString();
            trail.Record(AuditAction.View, "Test", marker);
            trail.Record(AuditAction.Disclosure, "Test", marker);
            await db.SaveChangesAsync();
            Assert.Equal([AuditAction.Disclosure], await db.AuditEvents.Where(e => e.EntityId == marker).Select(e => e.Action).ToListAsync());
        });
    }

    [Fact]
    public async Task SaveChanges_ChangedEntity_RecordsFieldNamesNotValues()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var db = services.GetRequiredService<MendDb>();
            var entity = await db.Users.SingleAsync(u => u.Id == user.Id);
            entity.DisplayName = "Renamed Person";
            await db.SaveChangesAsync();
        });

        var row = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(MendUser) && e.EntityId == user.Id.ToString() && e.Action == AuditAction.Update)
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("DisplayName", row.Fields);
        Assert.Equal("system:test", row.ActorName);
        Assert.DoesNotContain("Renamed", row.CanonicalText());
    }

    [Fact]
    public async Task AuditRows_UpdateOrDelete_RefusedByTheDatabase()
    {
        await factory.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<AuditTrail>().RecordNowAsync(AuditAction.View, "Thing", "1", purpose: "test");
            await services.GetRequiredService<AuditSealer>().SealPendingAsync();
        });

        await factory.WithDbAsync<int>(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = 'someone else'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditSeals\""));
            Assert.True(await db.AuditEvents.AnyAsync());
            return 0;
        });
    }
}

/// <summary>In its own class (and so its own database) because it removes the append-only guard.</summary>
public sealed class AuditTamperTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Verify_AfterSealing_IsIntact_AndFindsAOneRowEdit()
    {
        long target = 0;
        await factory.WithScopeAsync(async services =>
        {
            var trail = services.GetRequiredService<AuditTrail>();
            for (var i = 0; i < 5; i++)
            {
                target = trail.Record(AuditAction.View, "Thing", i.ToString(), purpose: "test").Id;
            }

            await trail.SaveAsync();
            target = (await services.GetRequiredService<MendDb>().AuditEvents.OrderByDescending(e => e.Id).Skip(2).FirstAsync()).Id;
            await services.GetRequiredService<AuditSealer>().SealPendingAsync();
            var intact = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.True(intact.Intact, intact.Message);
            Assert.Equal(0, intact.UnsealedEvents);
        });

        // A database administrator bypasses the append-only guard and edits one row.
        await factory.WithDbAsync<int>(async db =>
        {
            var tamper = factory.Database.IsPostgres
                ? $"ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER; UPDATE \"AuditEvents\" SET \"Purpose\" = 'edited' WHERE \"Id\" = {target}; ALTER TABLE \"AuditEvents\" ENABLE TRIGGER USER;"
                : $"DROP TRIGGER \"AuditEvents_no_update\"; UPDATE \"AuditEvents\" SET \"Purpose\" = 'edited' WHERE \"Id\" = {target};";
            await db.Database.ExecuteSqlRawAsync(tamper);
            return 0;
        });

        await factory.WithScopeAsync(async services =>
        {
            var broken = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.False(broken.Intact);
            Assert.Contains($"audit event {target} has been changed", broken.Message);
        });
    }
}

/// <summary>
/// The sealer's frequent passes read only the new end of the trail, the minutely pass the recent window, and the full pass finds an
/// event that became visible far behind.
/// </summary>
public sealed class AuditSealerPassTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task NewestPass_SealsWhatIsNew_RecentPass_WhatAppearedJustBehind_AndTheFullPass_WhatAppearedFarBehind()
    {
        await factory.WithScopeAsync(async services =>
        {
            var trail = services.GetRequiredService<AuditTrail>();
            var db = services.GetRequiredService<MendDb>();
            var sealer = services.GetRequiredService<AuditSealer>();
            await sealer.SealPendingAsync();
            var start = await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
            // Events ahead of the rest, as if the ids between had been taken by transactions not yet committed: one just
            // ahead (within the recent window), one far ahead.
            var near = trail.Record(AuditAction.Export, "Thing", "near", purpose: "test");
            db.Entry(near).Property(e => e.Id).CurrentValue = start + 10;
            await trail.SaveAsync();
            Assert.Equal(1, await sealer.SealPendingAsync(scope: SealScope.Newest));

            // One that became visible behind the one just sealed, within the window: not new, but recent.
            var late = trail.Record(AuditAction.Export, "Thing", "late", purpose: "test");
            db.Entry(late).Property(e => e.Id).CurrentValue = start + 5;
            await trail.SaveAsync();
            Assert.Equal(0, await sealer.SealPendingAsync(scope: SealScope.Newest));
            Assert.Equal(1, await sealer.SealPendingAsync(scope: SealScope.Recent));

            var far = trail.Record(AuditAction.Export, "Thing", "far", purpose: "test");
            db.Entry(far).Property(e => e.Id).CurrentValue = start + 20 + 10 * AuditSealer.RecentWindow;
            await trail.SaveAsync();
            Assert.Equal(1, await sealer.SealPendingAsync(scope: SealScope.Newest));

            for (var i = 0; i < 3; i++)
            {
                trail.Record(AuditAction.Export, "Thing", i.ToString(), purpose: "test");
            }

            await trail.SaveAsync();
            var behind = await db.AuditEvents.CountAsync(e => e.EntityType == "Thing" && e.Id < far.Id && new[] { "0", "1", "2" }.Contains(e.EntityId));
            // PostgreSQL hands out the next ids from its sequence, far behind the newest sealed (beyond the recent window); SQLite takes
            // the highest plus one.
            Assert.Equal(factory.Database.IsPostgres ? 3 : 0, behind);
            Assert.Equal(3 - behind, await sealer.SealPendingAsync(scope: SealScope.Newest));
            Assert.Equal(0, await sealer.SealPendingAsync(scope: SealScope.Recent));
            Assert.Equal(behind, await sealer.SealPendingAsync());

            var verified = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.True(verified.Intact, verified.Message);
            Assert.Equal(0, verified.UnsealedEvents);
        });
    }
}

/// <summary>A batch of view records larger than one statement's parameters is written in several statements, all in one transaction.</summary>
public sealed class MultiRowInsertTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task MoreRowsThanOneStatementCarries_AreAllInserted()
    {
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var actor = services.GetRequiredService<AuditActor>();
            actor.ActAsSystem("test");
            var columns = db.Model.FindEntityType(typeof(AuditEvent))!.GetProperties().Count(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd);
            var rows = Enumerable.Range(0, MultiRowInsert.MostParameters / columns + 500)
                .Select(i => AuditEvent.Create(actor.Current, DateTime.UtcNow, AuditAction.View, "Chunk", i.ToString(System.Globalization.CultureInfo.InvariantCulture), purpose: "test"))
                .ToList();

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await MultiRowInsert.ExecuteAsync(db, rows);
                await transaction.CommitAsync();
            }

            Assert.Equal(rows.Count, await db.AuditEvents.CountAsync(e => e.EntityType == "Chunk"));
        });
    }

    [Fact]
    public async Task StatementsFor_CountsOneStatementUpToItsParameters_AndOneMoreForTheRowBeyond()
    {
        await factory.WithDbAsync(db =>
        {
            var columns = db.Model.FindEntityType(typeof(AuditEvent))!.GetProperties().Count(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd);
            var perStatement = MultiRowInsert.MostParameters / columns;
            Assert.Equal(0, MultiRowInsert.StatementsFor<AuditEvent>(db, 0));
            Assert.Equal(1, MultiRowInsert.StatementsFor<AuditEvent>(db, 1));
            Assert.Equal(1, MultiRowInsert.StatementsFor<AuditEvent>(db, perStatement));
            Assert.Equal(2, MultiRowInsert.StatementsFor<AuditEvent>(db, perStatement + 1));
            // A batch of the writer's usual size is one statement, so it commits by itself in one round trip.
            Assert.True(AuditViewWriter.MostPerBatch <= perStatement);
            return Task.FromResult(0);
        });
    }
}
