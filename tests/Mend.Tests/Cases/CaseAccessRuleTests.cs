using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Cases;

/// <summary>
/// The case access rule (SECURITY.md 4.1.3) at each of its clauses and boundaries, as the case page reads a case (a compiled query on
/// PostgreSQL) and as every list filters cases (<see cref="CaseAccess.VisibleCases(CaseAccess.Viewer)"/>): both must agree with the rule
/// as written here, case by case and viewer by viewer; both databases, on the demo data.
/// </summary>
public sealed class CaseAccessRuleTests(Performance.RoundTripFactory factory) : IClassFixture<Performance.RoundTripFactory>
{
    private static readonly Guid Manager = Guid.NewGuid(), Elsewhere = Guid.NewGuid(), Colleague = Guid.NewGuid(), Outsider = Guid.NewGuid(), Named = Guid.NewGuid(), Breaker = Guid.NewGuid(),
        PersonBreaker = Guid.NewGuid();

    [Fact]
    public async Task EveryViewer_SeesExactlyTheCasesTheRuleGivesThem_ThroughTheCasePageAndTheLists()
    {
        // A cover names two accounts; the rest of the rule only compares ids.
        var (Worker, Coverer, Withdrawn) = ((await Infrastructure.TestUsers.CreateAsync(factory, [Mend.Web.Platform.Auth.Roles.Practitioner])).Id,
            (await Infrastructure.TestUsers.CreateAsync(factory, [Mend.Web.Platform.Auth.Roles.Practitioner])).Id,
            (await Infrastructure.TestUsers.CreateAsync(factory, [Mend.Web.Platform.Auth.Roles.Practitioner])).Id);
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var encryption = services.GetRequiredService<FieldEncryption>();
            var access = services.GetRequiredService<CaseAccess>();
            services.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);

            var ids = await db.Cases.OrderBy(c => c.Id).Select(c => c.Id).Take(6).ToListAsync();
            Assert.Equal(6, ids.Count);
            var (allocated, restricted, teams, otherTeams, restrictedAllocated, restrictedElsewhere) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
            var teamA = Team.Create("Access team A " + Guid.NewGuid().ToString("N")[..6]);
            var teamB = Team.Create("Access team B " + Guid.NewGuid().ToString("N")[..6]);
            db.AddRange(teamA, teamB);
            await db.SaveChangesAsync();
            await Arrange(db, allocated, teamA.Id, Worker, restricted: false);
            await Arrange(db, restricted, teamA.Id, Elsewhere, restricted: true);
            await Arrange(db, teams, teamA.Id, Elsewhere, restricted: false);
            await Arrange(db, otherTeams, teamB.Id, null, restricted: false);
            await Arrange(db, restrictedAllocated, teamA.Id, Worker, restricted: true);
            await Arrange(db, restrictedElsewhere, teamB.Id, Elsewhere, restricted: true);
            db.Add(new CaseAccessGrant(restricted, Named, "Named Person", "Manager", now));
            // A grant on a case that is not restricted gives nothing.
            db.Add(new CaseAccessGrant(teams, Named, "Named Person", "Manager", now));
            var glassAt = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddHours(-1);
            db.BreakGlass.Add(BreakGlass.ForCase(otherTeams, Breaker, "Breaker", "Urgent safeguarding call about this family", glassAt));
            db.BreakGlass.Add(BreakGlass.ForCase(restrictedElsewhere, Breaker, "Breaker", "Urgent safeguarding call about this family", glassAt));
            // Breaking the glass on a person on a case opens the person, not the case.
            var onOtherTeams = await db.CaseParticipants.Where(p => p.CaseId == otherTeams).Select(p => p.PersonId).FirstAsync();
            db.BreakGlass.Add(BreakGlass.ForPerson(onOtherTeams, PersonBreaker, "Person breaker", "Urgent safeguarding call about this person", glassAt));
            // Covering the worker from the 10th to the 15th day from today.
            db.CaseloadCovers.Add(CaseloadCover.Set(new(Worker, Coverer, today.AddDays(10), today.AddDays(15), "Leave"), "Worker", "Coverer", today, [], "Manager", now));
            // And from the 20th to the 25th by another colleague, withdrawn before it started.
            var withdrawn = CaseloadCover.Set(new(Worker, Withdrawn, today.AddDays(20), today.AddDays(25), "Leave"), "Worker", "Withdrawn", today, [], "Manager", now);
            withdrawn.EndEarly(today, "Manager", now);
            db.CaseloadCovers.Add(withdrawn);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            var since = now - BreakGlass.Lasts;
            CaseAccess.Viewer Viewer(Guid user, Guid team, bool manager = false, int day = 0, DateTime? glassSince = null) =>
                new(user, team, manager, today.AddDays(day), glassSince ?? since);
            // Each viewer and the cases the rule gives them, of these six.
            var expected = new (string Who, CaseAccess.Viewer Viewer, Guid[] Sees)[]
            {
                ("the allocated worker (in the team)", Viewer(Worker, teamA.Id), [allocated, teams, restrictedAllocated]),
                ("a team colleague", Viewer(Colleague, teamA.Id), [allocated, teams]),
                ("the team's manager", Viewer(Manager, teamA.Id, manager: true), [allocated, restricted, teams, restrictedAllocated]),
                ("a manager of another team", Viewer(Manager, teamB.Id, manager: true), [otherTeams, restrictedElsewhere]),
                ("someone in no team", new(Outsider, null, false, today, since), []),
                ("the named person, in another team", Viewer(Named, teamB.Id), [restricted, otherTeams]),
                ("the coverer, the day before the cover", Viewer(Coverer, Guid.NewGuid(), day: 9), []),
                ("the coverer, on its first day", Viewer(Coverer, Guid.NewGuid(), day: 10), [allocated]),
                ("the coverer, on its last day", Viewer(Coverer, Guid.NewGuid(), day: 15), [allocated]),
                ("the coverer, the day after", Viewer(Coverer, Guid.NewGuid(), day: 16), []),
                ("someone else, on a day of the cover", Viewer(Outsider, Guid.NewGuid(), day: 12), []),
                ("the colleague whose cover was withdrawn, on one of its days", Viewer(Withdrawn, Guid.NewGuid(), day: 22), []),
                ("the glass-breaker, at the moment it lapses", Viewer(Breaker, Guid.NewGuid(), glassSince: glassAt), [otherTeams, restrictedElsewhere]),
                ("a glass-breaker on a person on the case", Viewer(PersonBreaker, Guid.NewGuid()), []),
                ("the glass-breaker, after it lapsed", Viewer(Breaker, Guid.NewGuid(), glassSince: glassAt.AddTicks(TimeSpan.TicksPerMicrosecond)), []), // PostgreSQL keeps microseconds
            };

            foreach (var (who, viewer, sees) in expected)
            {
                foreach (var id in ids)
                {
                    var visible = sees.Contains(id);
                    var page = await CaseFile.LoadAsync(viewer, db, encryption, id, today, CancellationToken.None);
                    var api = await CaseFile.LoadAsync(viewer, db, encryption, id, today, CancellationToken.None, summaryOnly: true);
                    var listed = await access.VisibleCases(viewer).AnyAsync(c => c.Id == id);
                    Assert.True((page is not null, api is not null, listed) == (visible, visible, visible),
                        $"{who}, case {ids.IndexOf(id)}: page {page is not null}, API {api is not null}, lists {listed}; the rule says {visible}");
                    Assert.True(page is null || page.Case.Id == id);
                }
            }
        });
    }

    private static Task<int> Arrange(MendDb db, Guid caseId, Guid teamId, Guid? worker, bool restricted) =>
        db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.TeamId, teamId).SetProperty(c => c.AllocatedWorkerId, worker).SetProperty(c => c.IsRestricted, restricted));
}
