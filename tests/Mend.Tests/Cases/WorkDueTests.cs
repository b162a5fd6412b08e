using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Cases;

/// <summary>Work due on a caseload: of more processes with agreement items due than it lists, the most urgent are listed; both databases, on the demo data.</summary>
public sealed class WorkDueTests(Performance.RoundTripFactory factory) : IClassFixture<Performance.RoundTripFactory>
{
    [Fact]
    public async Task AgreementItemsDue_OfMoreThanFiftyProcesses_ListTheSoonestDue_WhateverTheProcessesIds()
    {
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            services.GetRequiredService<Mend.Web.Platform.Audit.AuditActor>().ActAsSystem("test");
            var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var parties = await db.CaseParticipants
                .Where(p => p.EndedAt == null && (p.Role == ParticipantRole.YoungPerson || p.Role == ParticipantRole.Victim) && db.Cases.Any(c => c.Id == p.CaseId && c.Status == CaseStatus.Open))
                .GroupBy(p => p.CaseId).Where(g => g.Select(p => p.Role).Distinct().Count() == 2)
                .Select(g => new { CaseId = g.Key, People = g.Select(p => new { p.PersonId, p.Role }).ToList() }).FirstAsync();
            var planned = Enumerable.Range(0, 51).Select(_ => RjProcess.Plan(parties.CaseId, ProcessKind.Letter,
                parties.People.DistinctBy(p => p.Role).Select(p => (p.PersonId, p.Role)), "Ada Practitioner", now)).ToList();
            db.RjProcesses.AddRange(planned);
            await db.SaveChangesAsync();

            // The process the database orders last by id has the soonest item; every other has one due later in the week.
            var ids = await db.RjProcesses.Where(p => p.CaseId == parties.CaseId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            Assert.True(ids.Count >= 51);
            foreach (var process in planned)
            {
                var urgent = process.Id == ids[^1];
                process.AddAgreementItem(AgreementItemKind.Apology, urgent ? "The urgent apology" : "A later apology", "Sam", today.AddDays(urgent ? 1 : 6), null, today);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            var due = await services.GetRequiredService<WorkDue>().ForAsync(db.Cases.Where(c => c.Id == parties.CaseId), CancellationToken.None);
            Assert.Equal(50, due.Agreements.Count);
            Assert.Equal(("The urgent apology", ids[^1], today.AddDays(1)), (due.Agreements[0].What, due.Agreements[0].ProcessId, due.Agreements[0].DueOn));
            Assert.All(due.Agreements.Skip(1), a => Assert.Equal(today.AddDays(6), a.DueOn));
        });
    }
}
