using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>
/// Subject-access requests from receipt to release, for data protection officers. Each step goes through the one change
/// shape (<see cref="VersionedChange"/>), so a stale form or a refused rule changes nothing; every step is audited against
/// the person (the record's own changes by the audit interceptor; making, downloading and releasing the bundle here).
/// </summary>
public sealed class SubjectAccess(MendDb db, WhatIsHeld held, AccessBundle bundles, HolidayCalendar calendar, AuditTrail audit, DatabaseSettings settings, TimeProvider clock)
{
    public static readonly string StaleMessage = Conflicts.Message("this request");

    public sealed record ReceiveInput(string? RequestedBy, AccessRegime? Regime, DateOnly? ReceivedOn, DateOnly? IdentityConfirmedOn);

    public sealed record Row(Guid Id, Guid PersonId, string PersonName, AccessRegime Regime, DateOnly ReceivedOn, DateOnly? DueOn, AccessRequestStatus Status);

    /// <summary>Open requests first, soonest due first; then released ones, newest first (at most 200).</summary>
    public async Task<List<Row>> AllAsync(CancellationToken ct)
    {
        var rows = await (from r in db.SubjectAccessRequests.AsNoTracking().IgnoreAutoIncludes()
                          join p in db.People on r.PersonId equals p.Id
                          select new { r.Id, r.PersonId, p.GivenName, p.FamilyName, p.OrganisationName, r.Regime, r.ReceivedOn, r.DueOn, r.Status })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.PersonId, r.OrganisationName ?? $"{r.GivenName} {r.FamilyName}".Trim(), r.Regime, r.ReceivedOn, r.DueOn, r.Status))
            .OrderBy(r => !Open(r.Status)).ThenBy(r => !Open(r.Status) ? DateOnly.MaxValue.DayNumber - r.ReceivedOn.DayNumber : r.DueOn?.DayNumber ?? int.MaxValue)
            .Take(200).ToList();
    }

    public static bool Open(AccessRequestStatus status) => status is not (AccessRequestStatus.Released or AccessRequestStatus.Closed);

    public Task<SubjectAccessRequest?> OneAsync(Guid id, CancellationToken ct) => db.SubjectAccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Outcome<SubjectAccessRequest>> ReceiveAsync(ClaimsPrincipal user, Guid personId, ReceiveInput input, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return Outcome<SubjectAccessRequest>.NotFound();
        }

        try
        {
            var request = SubjectAccessRequest.Receive(personId, input.RequestedBy, input.Regime, input.ReceivedOn, input.IdentityConfirmedOn,
                clock.LondonToday(), await calendar.CurrentAsync(db, ct), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RetentionLock.TakeAsync(db, settings, ct);
            db.SubjectAccessRequests.Add(request);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome<SubjectAccessRequest>.Done(request);
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return Outcome<SubjectAccessRequest>.Invalid(ex.Field ?? "", ex.Message);
        }
    }

    public async Task<Outcome<SubjectAccessRequest>> ConfirmIdentityAsync(Guid id, int version, DateOnly? on, CancellationToken ct)
    {
        var days = await calendar.CurrentAsync(db, ct);
        return await ChangeAsync(id, version, r =>
        {
            if (on is null)
            {
                throw new DomainRuleException("Enter the date identity was confirmed", "identityConfirmedOn");
            }

            r.ConfirmIdentity(on, clock.LondonToday(), days);
        }, ct);
    }

    public async Task<Outcome<SubjectAccessRequest>> ExtendAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        var days = await calendar.CurrentAsync(db, ct);
        return await ChangeAsync(id, version, r => r.Extend(reason, clock.LondonToday(), days), ct);
    }

    /// <summary>Keeps details out of the bundle: each (text, reason); suggested ones are those Mend offered and the officer confirmed.</summary>
    public Task<Outcome<SubjectAccessRequest>> RedactAsync(Guid id, int version, IReadOnlyList<(string? Text, RedactionReason Reason, bool Suggested)> details, CancellationToken ct) =>
        ChangeAsync(id, version, r =>
        {
            if (details.Count == 0)
            {
                throw new DomainRuleException("Choose or enter at least one detail to keep out", "text");
            }

            foreach (var (text, reason, suggested) in details)
            {
                r.Redact(text, reason, suggested);
            }
        }, ct);

    public Task<Outcome<SubjectAccessRequest>> RemoveRedactionAsync(Guid id, int version, long redactionId, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.RemoveRedaction(redactionId), ct);

    /// <summary>Makes the bundle from what Mend holds now, with the redactions applied; audited as an export about the person.</summary>
    public Task<Outcome<SubjectAccessRequest>> PrepareAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.SubjectAccessRequests.Where(r => r.Id == id), version, async (SubjectAccessRequest r, Dictionary<string, string> errors) =>
        {
            var holding = await held.ForAsync(r.PersonId, ct) ?? throw new DomainRuleException("The person's record is no longer held");
            var now = clock.GetUtcNow().UtcDateTime;
            r.Prepare(await bundles.MakeAsync(r, holding, now, ct), user.UserId(), user.DisplayNameOf(), now);
            audit.Record(AuditAction.Export, nameof(SubjectAccessRequest), r.Id.ToString(), subjectPersonId: r.PersonId,
                purpose: "Subject access bundle made", outcome: $"{r.Redactions.Count} details withheld");
        }, StaleMessage, ct, wholeRecordRulesRefuse: true);

    public Task<Outcome<SubjectAccessRequest>> CloseAsync(Guid id, int version, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.Close(reason), ct);

    public Task<Outcome<SubjectAccessRequest>> SignOffAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct) =>
        ChangeAsync(id, version, r => r.SignOff(user.UserId(), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>Records the release and, in the disclosure log, what went to whom.</summary>
    public Task<Outcome<SubjectAccessRequest>> ReleaseAsync(ClaimsPrincipal user, Guid id, int version, string? method, DateOnly? on, CancellationToken ct) =>
        ChangeAsync(id, version, r =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            r.Release(method, on, clock.LondonToday(), user.DisplayNameOf(), now);
            db.Disclosures.Add(Disclosure.Record(r.PersonId, null, DisclosureKind.SubjectAccess, "Subject access bundle", r.RequestedBy, r.ReleaseMethod, r.ReleasedOn!.Value,
                $"SubjectAccessRequest:{r.Id}", user.DisplayNameOf(), now));
            audit.Record(AuditAction.Disclosure, nameof(SubjectAccessRequest), r.Id.ToString(), subjectPersonId: r.PersonId, purpose: "Subject access bundle released");
        }, ct);

    /// <summary>The bundle for download, audited; null when there is none.</summary>
    public async Task<(byte[] Zip, string Name)?> BundleAsync(Guid id, CancellationToken ct)
    {
        var request = await OneAsync(id, ct);
        if (request?.Bundle is not { } zip)
        {
            return null;
        }

        audit.Record(AuditAction.Download, nameof(SubjectAccessRequest), id.ToString(), subjectPersonId: request.PersonId, purpose: "Subject access bundle downloaded");
        await audit.SaveAsync(ct);
        return (zip, $"subject-access-{request.ReceivedOn:yyyy-MM-dd}-{id.ToString()[..8]}.zip");
    }

    private Task<Outcome<SubjectAccessRequest>> ChangeAsync(Guid id, int version, Action<SubjectAccessRequest> change, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.SubjectAccessRequests.Where(r => r.Id == id), version, (SubjectAccessRequest r, Dictionary<string, string> errors) =>
        {
            change(r);
            return Task.CompletedTask;
        }, StaleMessage, ct, wholeRecordRulesRefuse: true);
}
