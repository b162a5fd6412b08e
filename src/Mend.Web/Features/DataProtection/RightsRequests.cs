using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Requests to correct data or restrict processing, and the restriction itself: placed when a restriction request is met,
/// lifted with a reason, and set aside for <see cref="Person.ExceptionLasts"/> for a lawful reason. Each step is audited
/// against the person with its reason.
/// </summary>
public sealed class RightsRequests(MendDb db, HolidayCalendar calendar, AuditTrail audit, TimeProvider clock)
{
    public static readonly string StaleMessage = Conflicts.Message("this request");

    public sealed record ReceiveInput(RightAsked? Right, AccessRegime? Regime, DateOnly? ReceivedOn, string? Details);

    public Task<List<RightsRequest>> ForAsync(Guid? personId, CancellationToken ct) =>
        db.Set<RightsRequest>().AsNoTracking().Where(r => personId == null || r.PersonId == personId)
            .OrderBy(r => r.Status != RightsRequestStatus.Open).ThenBy(r => r.DueOn).Take(200).ToListAsync(ct);

    public Task<RightsRequest?> OneAsync(Guid id, CancellationToken ct) => db.Set<RightsRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Outcome<RightsRequest>> ReceiveAsync(ClaimsPrincipal user, Guid personId, ReceiveInput input, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return Outcome<RightsRequest>.NotFound();
        }

        try
        {
            var request = RightsRequest.Receive(personId, input.Right, input.Regime, input.ReceivedOn, input.Details, clock.LondonToday(),
                await calendar.CurrentAsync(db, ct), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.Add(request);
            await db.SaveChangesAsync(ct);
            return Outcome<RightsRequest>.Done(request);
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return Outcome<RightsRequest>.Invalid(ex.Field ?? "", ex.Message);
        }
    }

    /// <summary>Meets the request; for a restriction, the person's processing is restricted from now, for the reason the person gave.</summary>
    public Task<Outcome<RightsRequest>> CompleteAsync(ClaimsPrincipal user, Guid id, int version, string? outcome, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.Set<RightsRequest>().Where(r => r.Id == id), version, async (RightsRequest r, Dictionary<string, string> errors) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            r.Complete(outcome, user.DisplayNameOf(), now);
            if (r.Right == RightAsked.Restriction)
            {
                var person = await db.People.SingleAsync(p => p.Id == r.PersonId, ct);
                person.Restrict(r.Details.Length <= 200 ? r.Details : r.Details[..200], now);
            }
        }, StaleMessage, ct, wholeRecordRulesRefuse: true);

    public Task<Outcome<RightsRequest>> RefuseAsync(ClaimsPrincipal user, Guid id, int version, string? reason, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.Set<RightsRequest>().Where(r => r.Id == id), version,
            (RightsRequest r, Dictionary<string, string> errors) => r.Refuse(reason, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime), StaleMessage, ct);

    /// <summary>Lifts a person's restriction (the person must be told before it is lifted: UK GDPR Art 18(3)).</summary>
    public Task<Outcome<Person>> LiftAsync(Guid personId, int version, string? reason, CancellationToken ct) =>
        PersonChangeAsync(personId, version, reason, "Restriction lifted", p =>
        {
            if (p.RestrictedSince is null)
            {
                throw new DomainRuleException("Processing of this person's data is not restricted");
            }

            p.LiftRestriction();
        }, ct);

    /// <summary>Allows changes and sharing for a day, for a lawful reason (Art 18(2)); the reason is kept on the person and in the audit trail.</summary>
    public Task<Outcome<Person>> AllowExceptionAsync(Guid personId, int version, string? reason, CancellationToken ct) =>
        PersonChangeAsync(personId, version, reason, "Restriction exception allowed", p => p.AllowException(reason!.Trim(), clock.GetUtcNow().UtcDateTime), ct);

    private Task<Outcome<Person>> PersonChangeAsync(Guid personId, int version, string? reason, string what, Action<Person> change, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.People.Where(p => p.Id == personId), version, (Person p, Dictionary<string, string> errors) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                errors["reason"] = "Enter the reason, as the person or a court would be told it";
                return;
            }

            if (reason.Length > 200)
            {
                errors["reason"] = "The reason must be 200 characters or fewer";
                return;
            }

            change(p);
            audit.Record(AuditAction.Update, nameof(Person), personId.ToString(), subjectPersonId: personId, purpose: $"{what}: {reason.Trim()}");
        }, Conflicts.Message("this person's record"), ct);
}
