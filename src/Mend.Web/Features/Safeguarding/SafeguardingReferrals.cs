using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Safeguarding;

/// <summary>
/// Safeguarding referrals, shared by the pages and the API: who may see them (anyone who may see the person), making one
/// (with the person's warning), chasing, recording the response, and the follow-ups due.
/// </summary>
public sealed class SafeguardingReferrals(MendDb db, CaseAccess access, FieldEncryption encryption, TimeProvider clock)
{
    public const string PurposeOfView = "Safeguarding";

    /// <summary>A referral on a list: no reason or response text, which are read on the referral's own page.</summary>
    public sealed record Listed(Guid Id, Guid PersonId, string PersonName, Guid? CaseId, string? CaseReference, DateOnly MadeOn, SafeguardingAgency Agency,
        string AgencyName, string ReferredByName, DateOnly? FollowUpOn, int TimesChased, SafeguardingResponse? Response, bool Open);

    public sealed record MakeInput(Guid? PersonId, Guid? CaseId, DateOnly? MadeOn, SafeguardingAgency? Agency, string? AgencyName, string? Reason, DateOnly? FollowUpOn);

    public sealed record ResponseInput(SafeguardingResponse? Response, DateOnly? RespondedOn, string? Notes, DateOnly? FollowUpOn);

    public DateOnly Today => clock.LondonToday();

    /// <summary>
    /// Referrals the user may see: one made on a case, by those who may see that case (a restricted case stays closed); one
    /// made on no case (or whose case was disposed of), by the referrer's team and by those who may see a case the person
    /// is on. Never by everyone who may see the person merely because they are on no case yet.
    /// </summary>
    public IQueryable<SafeguardingReferral> Visible(ClaimsPrincipal user)
    {
        var cases = access.VisibleCases(user);
        var teamId = user.TeamIdOf();
        return db.SafeguardingReferrals.Where(r => r.CaseId != null
            ? cases.Any(c => c.Id == r.CaseId)
            : (teamId != null && r.TeamId == teamId) || db.CaseParticipants.Any(cp => cp.PersonId == r.PersonId && cases.Any(c => c.Id == cp.CaseId)));
    }

    /// <summary>
    /// Records a referral about a person the user may see, on a case they may see that the person is on (when a case is
    /// given), and raises a "safeguarding concern" warning on the person unless one is active. One save: all or nothing.
    /// </summary>
    public async Task<Outcome<SafeguardingReferral>> MakeAsync(ClaimsPrincipal user, MakeInput input, CancellationToken ct)
    {
        var person = input.PersonId is { } personId ? await access.VisiblePeople(user).Include(p => p.Flags).SingleOrDefaultAsync(p => p.Id == personId, ct) : null;
        if (input.PersonId is not null && person is null)
        {
            return Outcome<SafeguardingReferral>.Invalid("personId", "Choose someone you can see");
        }

        if (input.CaseId is { } caseId && !await access.VisibleCases(user).AnyAsync(c => c.Id == caseId && c.Participants.Any(p => p.PersonId == input.PersonId), ct))
        {
            return Outcome<SafeguardingReferral>.Invalid("caseId", "Choose a case you can see that the person is on");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = new SafeguardingReferral.Details(input.PersonId, input.CaseId, input.MadeOn, input.Agency, input.AgencyName, input.Reason, input.FollowUpOn);
        if (SafeguardingReferral.Problems(details, Today) is { Count: > 0 } problems)
        {
            return Outcome<SafeguardingReferral>.Invalid(problems);
        }

        try
        {
            var referral = SafeguardingReferral.Make(details, Today, encryption, user.UserId(), user.DisplayNameOf(), now, user.TeamIdOf());
            if (!person!.Flags.Any(f => f.IsActive && f.Type == FlagType.SafeguardingConcern))
            {
                person.RaiseFlag(FlagType.SafeguardingConcern, $"Safeguarding referral to {referral.AgencyName} on {Date(referral.MadeOn)}", null,
                    user.UserId(), user.DisplayNameOf(), now);
            }

            db.SafeguardingReferrals.Add(referral);
            await db.SaveChangesAsync(ct);
            return Outcome<SafeguardingReferral>.Done(referral);
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return Outcome<SafeguardingReferral>.Invalid(ex.Field ?? "", ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>Chased and still waiting: sets the next follow-up date.</summary>
    public Task<Outcome<SafeguardingReferral>> ChaseAsync(ClaimsPrincipal user, Guid id, int version, DateOnly? next, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Visible(user).Where(r => r.Id == id), version, (r, _) => r.Chase(next, Today), StaleMessage, ct);

    /// <summary>Records the agency's response; without a further follow-up the referral is closed.</summary>
    public Task<Outcome<SafeguardingReferral>> RespondAsync(ClaimsPrincipal user, Guid id, int version, ResponseInput input, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Visible(user).Where(r => r.Id == id), version, (r, _) =>
            r.RecordResponse(input.Response, input.RespondedOn, input.Notes, input.FollowUpOn, Today, encryption, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime),
            StaleMessage, ct);

    /// <summary>
    /// Open referrals the user may see, follow-up soonest first; with <paramref name="mine"/>, only those they made or on
    /// cases allocated to them. At most 500.
    /// </summary>
    public Task<List<Listed>> OpenAsync(ClaimsPrincipal user, bool mine, CancellationToken ct) =>
        ListAsync(Open(user, mine).OrderBy(r => r.FollowUpOn).ThenBy(r => r.MadeOn).Take(500), ct);

    /// <summary>How many of the user's own open referrals are to be followed up today or are overdue (for the home page).</summary>
    public Task<int> FollowUpsDueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today;
        return Open(user, mine: true).CountAsync(r => r.FollowUpOn <= today, ct);
    }

    private IQueryable<SafeguardingReferral> Open(ClaimsPrincipal user, bool mine)
    {
        var userId = user.UserId();
        var query = Visible(user).Where(r => r.ClosedAt == null);
        return mine ? query.Where(r => r.ReferredById == userId || db.Cases.Any(c => c.Id == r.CaseId && c.AllocatedWorkerId == userId)) : query;
    }

    /// <summary>The referrals about a person that the user may see, newest first.</summary>
    public Task<List<Listed>> ForPersonAsync(ClaimsPrincipal user, Guid personId, CancellationToken ct) =>
        ListAsync(Visible(user).Where(r => r.PersonId == personId).OrderByDescending(r => r.MadeOn).Take(200), ct);

    private async Task<List<Listed>> ListAsync(IQueryable<SafeguardingReferral> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(r => new { r, Case = db.Cases.Where(c => c.Id == r.CaseId).Select(c => c.Reference).FirstOrDefault() })
            .ToListAsync(ct);
        var names = await PersonNames.OfAsync(db, rows.Select(x => x.r.PersonId), ct);
        return rows.Select(x => new Listed(x.r.Id, x.r.PersonId, names.GetValueOrDefault(x.r.PersonId, "Unknown"), x.r.CaseId, x.Case, x.r.MadeOn, x.r.Agency,
            x.r.AgencyName, x.r.ReferredByName, x.r.FollowUpOn, x.r.TimesChased, x.r.Response, x.r.IsOpen)).ToList();
    }

    public static readonly string StaleMessage = Conflicts.Message("this referral");

    private static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
