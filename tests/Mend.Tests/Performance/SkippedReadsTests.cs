using System.Text.Json;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Performance;

/// <summary>
/// The case page and the orders read only what a case or an order holds (issue 21): skipping the reads that would find nothing
/// must change nothing shown. Checked on every demo case, from a bare referral to a case with orders, processes, documents,
/// meetings, safeguarding referrals and visits, against reading everything (orders with every collection, as auto-included).
/// On PostgreSQL the case's records are read in one statement as JSON (decision 0020): every mapped column of every record,
/// and every record of every collection, must equal what EF Core's own queries read.
/// </summary>
public sealed class SkippedReadsTests(RoundTripFactory factory) : IClassFixture<RoundTripFactory>
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    private static string Json(object value) => JsonSerializer.Serialize(value, Options);

    /// <summary>An order and its collections as JSON, each collection in the order its rows were added (a query does not promise one).</summary>
    private static string Whole(Order o) => Json(new
    {
        o.Id,
        o.Version,
        o.ChangedAt,
        o.Kind,
        o.EndedOn,
        Requirements = o.Requirements.OrderBy(x => x.Id),
        Contacts = o.Contacts.OrderBy(x => x.Id),
        Warnings = o.Warnings.OrderBy(x => x.Id),
        Breaches = o.Breaches.OrderBy(x => x.Id),
        Panels = o.Panels.OrderBy(x => x.Id),
        Reparation = o.Reparation.OrderBy(x => x.Id),
        Plan = o.Plan.OrderBy(x => x.Id),
        Reviews = o.Reviews.OrderBy(x => x.Id),
    });

    /// <summary>
    /// Every mapped property of an entity and, recursively, of the entities in its collections (in key order: a split query's
    /// collections come in no promised order), as JSON.
    /// </summary>
    private static string Mapped(Microsoft.EntityFrameworkCore.Metadata.IModel model, object entity) => Json(MappedValues(model, entity));

    private static Dictionary<string, object?> MappedValues(Microsoft.EntityFrameworkCore.Metadata.IModel model, object entity)
    {
        var type = model.FindEntityType(entity.GetType())!;
        var values = type.GetProperties().Where(p => p.PropertyInfo is not null).ToDictionary(p => p.Name, p => p.PropertyInfo!.GetValue(entity));
        foreach (var navigation in type.GetNavigations().Where(n => n.IsCollection))
        {
            var key = navigation.TargetEntityType.FindPrimaryKey()!.Properties.Single().PropertyInfo!;
            values[navigation.Name] = ((System.Collections.IEnumerable)navigation.PropertyInfo!.GetValue(entity)!).Cast<object>()
                .OrderBy(e => key.GetValue(e)).Select(e => MappedValues(model, e)).ToList();
        }

        return values;
    }

    private static void SameRecords(Microsoft.EntityFrameworkCore.Metadata.IModel model, CaseRecords expected, CaseRecords actual)
    {
        Assert.Equal(expected.Notes.Select(e => Mapped(model, e)), actual.Notes.Select(e => Mapped(model, e)));
        Assert.Equal(expected.Orders.Select(e => Mapped(model, e)), actual.Orders.Select(e => Mapped(model, e)));
        Assert.Equal(expected.Processes.Select(e => Mapped(model, e)), actual.Processes.Select(e => Mapped(model, e)));
        Assert.Equal(expected.Meetings.Select(e => Mapped(model, e)), actual.Meetings.Select(e => Mapped(model, e)));
        Assert.Equal(expected.Visits.Select(e => Mapped(model, e)), actual.Visits.Select(e => Mapped(model, e)));
        Assert.Equal(expected.Assessments, actual.Assessments);
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Referrals, actual.Referrals);
    }

    [Fact]
    public async Task EveryDemoCase_ReadsTheSame_AsReadingEverything()
    {
        var compared = 0;
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var encryption = services.GetRequiredService<FieldEncryption>();
            var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
            // The demo data plans no restorative process: one is planned here, on a case with a young person and a victim.
            services.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
            var parties = await db.CaseParticipants.Where(p => p.EndedAt == null && (p.Role == ParticipantRole.YoungPerson || p.Role == ParticipantRole.Victim))
                .GroupBy(p => p.CaseId).Where(g => g.Select(p => p.Role).Distinct().Count() == 2)
                .Select(g => new { CaseId = g.Key, People = g.Select(p => new { p.PersonId, p.Role }).ToList() }).FirstAsync();
            // It has agreement items (hours, one settled), an ending and a feedback link, so that every column of its collections is read.
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var process = Mend.Web.Features.Processes.RjProcess.Plan(parties.CaseId, Mend.Web.Features.Processes.ProcessKind.Letter,
                parties.People.DistinctBy(p => p.Role).Select(p => (p.PersonId, p.Role)), "Ada Practitioner", now);
            process.AddAgreementItem(Mend.Web.Features.Processes.AgreementItemKind.ReparationHours, "Garden clearing", "Sam", today.AddDays(14), 2.5m, today);
            process.AddAgreementItem(Mend.Web.Features.Processes.AgreementItemKind.Apology, "A letter of apology", "Sam", today.AddDays(7), null, today)
                .Settle(true, today, "Sent through the office");
            process.Conclude(Mend.Web.Features.Processes.ProcessStatus.Withdrawn, "The victim", "Moved away", now);
            process.StartFeedback(parties.People.First(p => p.Role == ParticipantRole.Victim).PersonId, "a-token-hash", now.AddDays(14), now);
            db.RjProcesses.Add(process);
            await db.SaveChangesAsync();
            foreach (var (id, teamId) in (await db.Cases.Select(c => new { c.Id, c.TeamId }).ToListAsync()).Select(c => (c.Id, c.TeamId)))
            {
                var all = await CaseFile.LoadAsync(db.Cases, db, encryption, id, today, summaryOnly: false, CaseFile.Reads.EveryQuery, CancellationToken.None);
                Assert.NotNull(all);
                // As the case page reads it (a compiled query on PostgreSQL), by a manager of its team, who sees every case in it.
                var viewer = new CaseAccess.Viewer(Guid.NewGuid(), teamId, true, today, now - BreakGlass.Lasts);
                var leans = new List<CaseFile?> { await CaseFile.LoadAsync(viewer, db, encryption, id, today, CancellationToken.None) };
                foreach (var reads in factory.Database.IsPostgres ? new[] { CaseFile.Reads.HeldQueries, CaseFile.Reads.OneStatement } : [CaseFile.Reads.HeldQueries])
                {
                    leans.Add(await CaseFile.LoadAsync(db.Cases, db, encryption, id, today, summaryOnly: false, reads, CancellationToken.None));
                }

                foreach (var lean in leans)
                {
                    Assert.NotNull(lean);
                    Assert.Equal(Json(all.Timeline(null)), Json(lean.Timeline(null)));
                    Assert.Equal(Json(all.Notes), Json(lean.Notes));
                    Assert.Equal(Json(all.Participants), Json(lean.Participants));
                    Assert.Equal(Json(all.Offences), Json(lean.Offences));
                    Assert.Equal(all.Orders.Select(Whole), lean.Orders.Select(Whole));
                    Assert.Equal(Json(all.Visits), Json(lean.Visits));
                }

                if (factory.Database.IsPostgres)
                {
                    SameRecords(db.Model, await CaseRecords.QueryAsync(db, id, CaseFile.Holds.Everything, readAll: true, CancellationToken.None),
                        await CaseRecords.ReadAsOneAsync(db, id, CancellationToken.None));
                }

                compared++;
            }
        });
        Assert.True(compared >= 5, $"the demo data has cases of every kind ({compared} read)");
        // Each read that can be skipped has something to find on some demo case, so a wrong "holds" would show above.
        var kinds = await factory.WithDbAsync(async db => new Dictionary<string, bool>
        {
            ["notes"] = await db.CaseNotes.AnyAsync(),
            ["orders"] = await db.Orders.AnyAsync(),
            ["assessments"] = await db.Assessments.AnyAsync(),
            ["processes"] = await db.RjProcesses.AnyAsync(),
            ["documents"] = await db.Documents.AnyAsync(),
            ["meetings"] = await db.ProfessionalMeetings.AnyAsync(),
            ["safeguarding referrals"] = await db.SafeguardingReferrals.AnyAsync(),
            ["visits to come"] = await db.Visits.AnyAsync(v => v.CaseId != null && v.Status == Mend.Web.Features.Visits.VisitStatus.Planned),
        });
        Assert.Empty(kinds.Where(k => !k.Value).Select(k => k.Key));
    }

    [Fact]
    public async Task Orders_ReadWithOnlyTheirNonEmptyCollections_AreTheWholeOrders()
    {
        var (lean, whole) = await factory.WithDbAsync(async db =>
        {
            // Newest decision first and a page from the middle, as the caseload's orders due are read in batches.
            var lean = await OrderReads.LoadAsync(new Mend.Web.Data.QueryBatch(db, new Mend.Web.Platform.Diagnostics.RoundTrips()), db, db.Orders.OrderByDescending(o => o.DecidedOn).ThenBy(o => o.Id).Skip(1).Take(1000), CancellationToken.None);
            var whole = await db.Orders.AsNoTracking().AsSplitQuery().OrderByDescending(o => o.DecidedOn).ThenBy(o => o.Id).Skip(1).Take(1000).ToListAsync();
            return (lean, whole);
        });
        Assert.NotEmpty(whole);
        Assert.Contains(whole, o => o.Contacts.Count > 0);
        Assert.Contains(whole, o => o.Contacts.Count == 0 && o.Requirements.Count == 0);
        Assert.Equal(whole.Select(o => o.Id), lean.Select(o => o.Id));
        foreach (var (a, b) in whole.Zip(lean))
        {
            Assert.Equal(Whole(a), Whole(b));
        }
    }

    [Fact]
    public async Task OrdersDue_AreThoseOfEveryOpenOrderReadWhole()
    {
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var due = services.GetRequiredService<OrdersDue>();
            var today = services.GetRequiredService<TimeProvider>().LondonToday();
            var found = await due.ForAsync(db.Cases, CancellationToken.None, most: 10_000);

            var live = await db.Cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Referred).Select(c => c.Id).ToListAsync();
            var whole = await db.Orders.AsNoTracking().AsSplitQuery().Where(o => o.EndedOn == null && live.Contains(o.CaseId)).ToListAsync();
            var expected = new List<(Guid, string)>();
            foreach (var onCase in whole.Where(o => o.Info.Supervised).GroupBy(o => o.CaseId))
            {
                expected.AddRange((await due.OnCaseAsync(onCase, "", CancellationToken.None))
                    .Where(i => OrdersDue.NeedsAction(i.Compliance, today)).Select(i => (i.OrderId, i.What)));
            }

            Assert.NotEmpty(found);
            Assert.Equal(expected.Order(), found.Select(i => (i.OrderId, i.What)).Order());
        });
    }
}
