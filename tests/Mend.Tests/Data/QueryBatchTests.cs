using Mend.Tests.Performance;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Data;

/// <summary>
/// Queries run in a <see cref="QueryBatch"/> read exactly what they read alone, in one round trip on PostgreSQL (decision 0021),
/// and a query that cannot be batched fails rather than reading another query's result.
/// </summary>
public sealed class QueryBatchTests(RoundTripFactory factory) : IClassFixture<RoundTripFactory>
{
    private sealed record CaseLine(Guid Id, string Reference, int Notes, DateTime? LastNote);

    private static IQueryable<CaseLine> Lines(MendDb db) => db.Cases.OrderBy(c => c.Reference)
        .Select(c => new CaseLine(c.Id, c.Reference, db.CaseNotes.Count(n => n.CaseId == c.Id), db.CaseNotes.Where(n => n.CaseId == c.Id).Max(n => (DateTime?)n.OccurredAt)));

    [Fact]
    public async Task Batched_ReadsWhatEachQueryReadsAlone_InOneRoundTripOnPostgres()
    {
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var roundTrips = services.GetRequiredService<RoundTrips>();
            var since = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var alone = (
                Lines: await Lines(db).ToListAsync(),
                Orders: await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.CreatedAt > since).OrderBy(o => o.Id).ToListAsync(),
                Nothing: await db.Cases.Where(c => c.Reference == "no such case").Select(c => c.Id).ToListAsync(),
                Notes: await db.CaseNotes.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Id, n.Type, n.OccurredAt, n.AuthorName }).ToListAsync());

            var batch = services.GetRequiredService<QueryBatch>();
            var lines = batch.Add(Lines(db));
            var orders = batch.Add(db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.CreatedAt > since).OrderBy(o => o.Id));
            var nothing = batch.Add(db.Cases.Where(c => c.Reference == "no such case").Select(c => c.Id));
            var notes = batch.Add(db.CaseNotes.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Id, n.Type, n.OccurredAt, n.AuthorName }));
            var before = roundTrips.Count;
            await batch.RunAsync(CancellationToken.None);

            Assert.Equal(factory.Database.IsPostgres ? 1 : 4, roundTrips.Count - before);
            Assert.NotEmpty(alone.Lines);
            Assert.Contains(alone.Lines, l => l.Notes > 0);
            Assert.Equal(alone.Lines, lines.Rows);
            Assert.NotEmpty(alone.Orders);
            Assert.Equal(alone.Orders.Select(o => (o.Id, o.Kind, o.DecidedOn, o.Version)), orders.Rows.Select(o => (o.Id, o.Kind, o.DecidedOn, o.Version)));
            Assert.Empty(nothing.Rows);
            Assert.Equal(alone.Notes, notes.Rows);

            // The context goes on working as before, and a later batch runs on its own.
            var again = batch.Add(db.Cases.Select(c => c.Id));
            var count = batch.Add(db.Orders.Select(o => o.Id));
            await batch.RunAsync(CancellationToken.None);
            Assert.Equal(await db.Cases.CountAsync(), again.Rows.Count);
            Assert.Equal(await db.Orders.CountAsync(), count.Rows.Count);
        });
    }

    [Fact]
    public async Task Batched_TrackedEntities_CanBeChangedAndSaved_InsideATransaction()
    {
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            services.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
            var batch = services.GetRequiredService<QueryBatch>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var first = batch.Add(db.Cases.OrderBy(c => c.Reference).Take(1));
            var notes = batch.Add(db.CaseNotes.OrderBy(n => n.Id).Take(3));
            await batch.RunAsync(CancellationToken.None);
            var @case = Assert.Single(first.Rows);
            Assert.Equal(3, notes.Rows.Count);
            var was = @case.LastActivityAt;
            @case.Touch(was.AddMinutes(1));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            Assert.Equal(was, await db.Cases.AsNoTracking().Where(c => c.Id == @case.Id).Select(c => c.LastActivityAt).SingleAsync());
        });
    }

    [Fact]
    public async Task ASplitQuery_CannotBeBatched_AndFailsWithoutReadingAnotherQuerysResult()
    {
        Assert.SkipUnless(factory.Database.IsPostgres, "SQLite runs the queries one after another, so any query can be in a batch");
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var batch = services.GetRequiredService<QueryBatch>();
            batch.Add(db.Cases.Select(c => c.Id));
            batch.Add(db.Orders.AsNoTracking().AsSplitQuery()); // an order and its collections: nine statements
            await Assert.ThrowsAnyAsync<InvalidOperationException>(() => batch.RunAsync(CancellationToken.None));
            Assert.NotEmpty(await db.Cases.Select(c => c.Id).ToListAsync());
        });
    }
}
