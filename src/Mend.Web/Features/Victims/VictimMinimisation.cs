using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>
/// Reduces the records of victims who declined the service, once the configured period has passed:
/// their contacts, views, records and surveys go, and their person record too when they take no
/// other part in Mend. Each reduction is audited as an erasure. Safe to run on every node: a victim
/// reduced by another node at the same moment is skipped.
/// </summary>
public sealed class VictimMinimisation(MendDb db, VictimSettings settings, AuditTrail audit, TimeProvider clock, ILogger<VictimMinimisation> logger) : IHourlyTask
{
    public static string Name => "victim-minimisation";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutOff = London.DateOf(now).AddDays(-settings.MinimiseDeclinedAfterDays);
        var dueIds = await db.Victims.Where(v => v.DeclinedOn != null && v.DeclinedOn <= cutOff && v.MinimisedAt == null).Select(v => v.Id).Take(500).ToListAsync(ct);
        var done = 0;
        foreach (var id in dueIds)
        {
            var victim = await db.Victims.AsSplitQuery().SingleAsync(v => v.Id == id, ct);
            if (await db.People.AnyAsync(p => p.Id == victim.PersonId && p.RestrictedSince != null, ct))
            {
                // Restricted processing keeps the data as it is (UK GDPR Art 18(1)(b), (c)); reduced once the restriction is lifted.
                db.ChangeTracker.Clear();
                continue;
            }

            victim.Minimise(now);
            var otherParts = await db.CaseParticipants.AnyAsync(p => p.PersonId == victim.PersonId && !(p.CaseId == victim.CaseId && p.Role == ParticipantRole.Victim), ct)
                || await db.Victims.AnyAsync(v => v.PersonId == victim.PersonId && v.Id != victim.Id && v.MinimisedAt == null, ct);
            if (!otherParts)
            {
                var person = await db.People.Include(p => p.Aliases).Include(p => p.Addresses).Include(p => p.Flags).IncludeSearchIndex()
                    .AsSplitQuery().SingleAsync(p => p.Id == victim.PersonId, ct);
                person.ReduceToStatistics();
            }

            audit.Record(AuditAction.Erasure, nameof(Victim), victim.Id.ToString(), subjectPersonId: victim.PersonId,
                purpose: $"Declined the service on {victim.DeclinedOn:yyyy-MM-dd}; reduced after {settings.MinimiseDeclinedAfterDays} days", outcome: otherParts ? "victim record" : "victim and person records");
            try
            {
                await db.SaveChangesAsync(ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("A declined victim was changed or reduced elsewhere; it is left for the next run.");
            }

            db.ChangeTracker.Clear();
        }

        return done;
    }
}
