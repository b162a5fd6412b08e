using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>Legal holds, placed and lifted by data protection officers; <see cref="RetentionDue"/> reads them.</summary>
public sealed class LegalHolds(MendDb db, DatabaseSettings settings, TimeProvider clock)
{
    public static readonly string StaleMessage = Conflicts.Message("this legal hold");

    /// <summary>What a hold is placed on, as typed: a case reference ("YJ-2026-0001") or nothing, and a person's id from their page.</summary>
    public sealed record PlaceInput(string? CaseReference, Guid? PersonId, string? Reason, DateOnly? ReviewOn);

    public sealed record Row(LegalHold Hold, string On, string? Link);

    /// <summary>Holds in place (first) and lifted, with what each is on in words and a link to it while it exists.</summary>
    public Task<List<Row>> AllAsync(bool includeLifted, CancellationToken ct) =>
        RowsAsync(db.LegalHolds.AsNoTracking().Where(h => includeLifted || h.LiftedAt == null).OrderBy(h => h.LiftedAt != null).ThenBy(h => h.ReviewOn).Take(500), ct);

    /// <summary>One hold, described as <see cref="AllAsync"/> describes it; null when there is none.</summary>
    public async Task<Row?> RowAsync(Guid id, CancellationToken ct) =>
        (await RowsAsync(db.LegalHolds.AsNoTracking().Where(h => h.Id == id), ct)).SingleOrDefault();

    private async Task<List<Row>> RowsAsync(IQueryable<LegalHold> query, CancellationToken ct)
    {
        var holds = await query.ToListAsync(ct);
        var caseIds = holds.Where(h => h.CaseId != null).Select(h => h.CaseId!.Value).ToList();
        var personIds = holds.Where(h => h.PersonId != null).Select(h => h.PersonId!.Value).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return holds.Select(h => h.CaseId is { } c
            ? new Row(h, cases.TryGetValue(c, out var reference) ? $"Case {reference}" : "A case no longer held", null)
            : new Row(h, people.TryGetValue(h.PersonId!.Value, out var name) ? name : "A person no longer held", people.ContainsKey(h.PersonId.Value) ? $"/DataProtection/People/{h.PersonId}" : null)).ToList();
    }

    /// <summary>Places a hold on a case (by its reference) or a person (by id). Field errors name "caseReference", "reason" or "reviewOn".</summary>
    public async Task<Outcome<LegalHold>> PlaceAsync(ClaimsPrincipal user, PlaceInput input, CancellationToken ct)
    {
        Guid? caseId = null;
        if (!string.IsNullOrWhiteSpace(input.CaseReference))
        {
            var reference = input.CaseReference.Trim().ToUpperInvariant();
            caseId = await db.Cases.Where(c => c.Reference == reference).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (caseId is null)
            {
                return Outcome<LegalHold>.Invalid("caseReference", "No case has that reference. Enter it as it appears on the case, like YJ-2026-0001");
            }
        }
        else if (input.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return Outcome<LegalHold>.NotFound();
        }

        try
        {
            var hold = LegalHold.Place(caseId is null ? input.PersonId : null, caseId, input.Reason, input.ReviewOn, clock.LondonToday(),
                user.UserId(), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RetentionLock.TakeAsync(db, settings, ct);
            db.LegalHolds.Add(hold);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome<LegalHold>.Done(hold);
        }
        catch (DomainRuleException ex)
        {
            return Outcome<LegalHold>.Invalid(ex.Field == "on" ? "caseReference" : ex.Field ?? "", ex.Message);
        }
    }

    public Task<Outcome<LegalHold>> LiftAsync(ClaimsPrincipal user, Guid id, int version, string? reason, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.LegalHolds.Where(h => h.Id == id), version,
            (LegalHold hold, Dictionary<string, string> errors) => hold.Lift(reason, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime), StaleMessage, ct);
}
