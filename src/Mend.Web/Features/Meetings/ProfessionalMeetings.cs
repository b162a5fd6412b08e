using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Meetings;

/// <summary>Professionals' meetings about cases the user can see, shared by the pages and the API: recording one with its actions, adding and completing actions.</summary>
public sealed class ProfessionalMeetings(MendDb db, CaseAccess access, FieldEncryption encryption, Notifications.Notify notify, TimeProvider clock)
{
    public const string PurposeOfView = "Case work";

    public sealed record ActionInput(string? What, Guid? OwnerUserId, string? OwnerName, DateOnly? DueOn)
    {
        public bool IsBlank => string.IsNullOrWhiteSpace(What) && OwnerUserId is null && string.IsNullOrWhiteSpace(OwnerName) && DueOn is null;
    }

    public sealed record RecordInput(MeetingKind? Kind, DateOnly? HeldOn, string? AgenciesPresent, string? Decisions, IReadOnlyList<ActionInput>? Actions);

    /// <summary>An action not yet done, with its case, for the caseload.</summary>
    public sealed record OpenAction(Guid MeetingId, Guid CaseId, string Reference, string What, string OwnerName, DateOnly DueOn);

    public DateOnly Today => clock.LondonToday();

    /// <summary>The people on a case: whose data a meeting about it may hold, for the audit of each view.</summary>
    public Task<List<Guid>> PeopleOnAsync(Guid caseId, CancellationToken ct) =>
        db.CaseParticipants.Where(p => p.CaseId == caseId).Select(p => p.PersonId).Distinct().ToListAsync(ct);

    public IQueryable<ProfessionalMeeting> Visible(ClaimsPrincipal user)
    {
        var cases = access.VisibleCases(user);
        return db.ProfessionalMeetings.Where(m => cases.Any(c => c.Id == m.CaseId));
    }

    /// <summary>Active practitioners and managers, who may own an action by name in Mend.</summary>
    public async Task<List<(Guid Id, string Name)>> OwnersAsync(CancellationToken ct) =>
        (await Staff.StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>
    /// Records a meeting on a case the user can see, with its actions (blank rows ignored); every field refused is named
    /// at once ("actions[1].dueOn" for the second action's date), and nothing is saved unless all of it is.
    /// </summary>
    public async Task<Outcome<ProfessionalMeeting>> RecordAsync(ClaimsPrincipal user, Guid caseId, RecordInput input, CancellationToken ct)
    {
        if (!await access.VisibleCases(user).AnyAsync(c => c.Id == caseId, ct))
        {
            return Outcome<ProfessionalMeeting>.NotFound();
        }

        var details = new ProfessionalMeeting.Details(input.Kind, input.HeldOn, input.AgenciesPresent, input.Decisions);
        var errors = ProfessionalMeeting.Problems(details, Today);
        var meeting = errors.Count == 0 ? ProfessionalMeeting.Record(caseId, details, Today, encryption, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime) : null;
        var owners = (await OwnersAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var actions = input.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is null)
            {
                errors[$"actions[{i}]"] = "Give each action its what, whose and due date, or leave it out";
            }
            else if (!actions[i].IsBlank)
            {
                AddTo(meeting ?? Scratch(input.HeldOn), actions[i], owners, $"actions[{i}].", errors);
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<ProfessionalMeeting>.Invalid(errors);
        }

        db.ProfessionalMeetings.Add(meeting!);
        TellOwners(user, meeting!, meeting!.Actions);
        await db.SaveChangesAsync(ct);
        return Outcome<ProfessionalMeeting>.Done(meeting!);
    }

    /// <summary>Adds an action agreed at the meeting, or since.</summary>
    public async Task<Outcome<ProfessionalMeeting>> AddActionAsync(ClaimsPrincipal user, Guid id, int version, ActionInput input, CancellationToken ct)
    {
        var owners = (await OwnersAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        return await VersionedChange.RunAsync(db, Visible(user).Where(m => m.Id == id), version, (meeting, errors) =>
        {
            var before = meeting.Actions.Count;
            AddTo(meeting, input, owners, "", errors);
            TellOwners(user, meeting, meeting.Actions.Skip(before));
        }, StaleMessage, ct);
    }

    /// <summary>Marks an action done today.</summary>
    public Task<Outcome<ProfessionalMeeting>> CompleteActionAsync(ClaimsPrincipal user, Guid id, int version, long actionId, CancellationToken ct) =>
        VersionedChange.RunAsync(db, Visible(user).Where(m => m.Id == id), version, (meeting, _) => meeting.CompleteAction(actionId, Today, user.DisplayNameOf()),
            StaleMessage, ct);

    /// <summary>Open actions on <paramref name="cases"/> due by <paramref name="by"/> (overdue first), at most 50.</summary>
    public async Task<List<OpenAction>> DueAsync(IQueryable<Case> cases, DateOnly by, CancellationToken ct) => await Due(cases, by).ToListAsync(ct);

    /// <summary>The query of <see cref="DueAsync"/>, for a page that batches it with its other reads.</summary>
    public IQueryable<OpenAction> Due(IQueryable<Case> cases, DateOnly by) =>
        db.MeetingActions.AsNoTracking().Where(a => a.DoneOn == null && a.DueOn <= by)
            .Join(db.ProfessionalMeetings, a => a.ProfessionalMeetingId, m => m.Id, (a, m) => new { a, m })
            .Where(x => cases.Any(c => c.Id == x.m.CaseId))
            .OrderBy(x => x.a.DueOn).ThenBy(x => x.a.Id).Take(50)
            .Select(x => new OpenAction(x.m.Id, x.m.CaseId, db.Cases.Where(c => c.Id == x.m.CaseId).Select(c => c.Reference).First(), x.a.What, x.a.OwnerName, x.a.DueOn));

    public static readonly string StaleMessage = Conflicts.Message("this meeting");

    /// <summary>Tells each owner in Mend (other than whoever records it) of their action, in the same unit of work.</summary>
    private void TellOwners(ClaimsPrincipal user, ProfessionalMeeting meeting, IEnumerable<MeetingAction> added)
    {
        foreach (var action in added.Where(a => a.OwnerUserId is { } owner && owner != user.UserId()))
        {
            notify.InApp(action.OwnerUserId!.Value, $"An action for you from a {MeetingWords.Describe(meeting.Kind).ToLowerInvariant()}: {action.What}, due {action.DueOn:d MMMM yyyy}",
                $"/Meetings/{meeting.Id}#actions");
        }
    }

    private static void AddTo(ProfessionalMeeting meeting, ActionInput input, IReadOnlyDictionary<Guid, string> owners, string prefix, Dictionary<string, string> errors)
    {
        if (input.OwnerUserId is { } ownerId && !owners.ContainsKey(ownerId))
        {
            errors[prefix + "owner"] = "Choose the owner from the list of staff, or enter the name of someone at another agency";
            return;
        }

        try
        {
            meeting.AddAction(input.What, input.OwnerUserId, input.OwnerUserId is { } id ? owners[id] : input.OwnerName, input.DueOn, prefix);
        }
        catch (DomainRuleException ex)
        {
            errors[ex.Field ?? ""] = ex.Message;
        }
    }

    /// <summary>A meeting that is never saved, to check actions against when the meeting's own fields were refused.</summary>
    private ProfessionalMeeting Scratch(DateOnly? heldOn) =>
        ProfessionalMeeting.Record(Guid.Empty, new(MeetingKind.Other, heldOn is { } h && h <= Today ? h : Today, "-", "-"), Today, encryption, "", default);
}
