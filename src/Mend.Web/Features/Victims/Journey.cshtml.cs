using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>One victim's journey on one case: where they are, what they chose, and what is due next.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class JourneyModel(MendDb db, VictimWork work, FieldEncryption encryption, AuditTrail audit) : PageModel
{
    public sealed record Task(string Slug, string Name, string Status, string Colour, string? Due);

    public VictimWork.Loaded Loaded { get; private set; } = default!;

    public IReadOnlyList<EntitlementStatus> Due { get; private set; } = [];

    public IReadOnlyList<Task> Tasks { get; private set; } = [];

    public FieldEncryption Encryption => encryption;

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public DateParts ReceivedOn { get; set; } = new();

    [BindProperty]
    public List<string> Enhanced { get; set; } = [];

    [BindProperty]
    public string? OnBehalfOfPersonId { get; set; }

    public IReadOnlyList<SelectListItem> YoungVictims { get; private set; } = [];

    public static IEnumerable<SelectListItem> SourceItems => Enum.GetValues<DetailsSource>().Select(s => new SelectListItem(Words.Describe(s), s.ToString()));

    public static IEnumerable<SelectListItem> EnhancedItems =>
        new[] { EnhancedReasons.MostSeriousCrime, EnhancedReasons.PersistentlyTargeted, EnhancedReasons.VulnerableOrIntimidated }
            .Select(r => new SelectListItem(Words.Describe(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, personId, ct))
        {
            return NotFound();
        }

        audit.Record(AuditAction.View, nameof(Victim), caseId.ToString(), subjectPersonId: personId, purpose: Victim.ViewPurpose);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        var (received, dateError) = ReceivedOn.Parse("Date the details were received");
        var input = new VictimWork.StartInput(Enum.TryParse<DetailsSource>(Source, out var s) && Enum.IsDefined(s) ? s : null, received,
            Enhanced.Select(e => Enum.TryParse<EnhancedReasons>(e, out var r) ? r : EnhancedReasons.None).ToList(),
            Guid.TryParse(OnBehalfOfPersonId, out var child) ? child : null);
        var outcome = await work.StartAsync(User, caseId, personId, input, ct);
        switch (PageOutcome.Apply(outcome, ModelState, PageOutcome.InputName))
        {
            case PageAnswer.NotFound:
                return NotFound();
            case PageAnswer.Done when dateError is null:
                TempData["Success"] = "Victim's record started";
                return RedirectToPage(new { caseId, personId });
        }

        if (dateError is not null)
        {
            ModelState.Remove(nameof(ReceivedOn));
            ModelState.AddModelError(nameof(ReceivedOn), dateError);
        }

        await LoadAsync(caseId, personId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid caseId, Guid personId, CancellationToken ct)
    {
        var loaded = await work.LoadAsync(User, caseId, personId, tracked: false, ct);
        if (loaded is null)
        {
            return false;
        }

        Loaded = loaded;
        Due = work.EntitlementsOf(loaded);
        Tasks = loaded.Victim is { } v ? TasksOf(v, Due) : [];
        if (loaded.Role == ParticipantRole.ParentOrCarer)
        {
            var victimIds = loaded.Case.Participants.Where(p => p.Role == ParticipantRole.Victim && p.EndedAt is null).Select(p => p.PersonId).ToList();
            var people = (await db.People.AsNoTracking().Where(p => victimIds.Contains(p.Id)).ToListAsync(ct)).Where(p => p.AgeOn(loaded.Today) is < 18).ToList();
            YoungVictims = people.Select(p => new SelectListItem(p.DisplayName, p.Id.ToString())).ToList();
        }

        return true;
    }

    public sealed record Entry(DateTime At, bool TimeKnown, string Title, string? Detail, string By);

    /// <summary>Everything recorded for the victim, newest first.</summary>
    public IReadOnlyList<Entry> Entries()
    {
        var v = Loaded.Victim!;
        string? Read(string? c) => c is null ? null : encryption.Decrypt(c);
        static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return v.Contacts.Select(c => new Entry(c.At, c.TimeRecorded,
                $"{(c.Direction == ContactDirection.Outgoing ? "Contact" : "They contacted us")} by {Words.Describe(c.Method).ToLowerInvariant()}{(c.Via is null ? "" : " through " + c.Via)}: {Words.Describe(c.Outcome).ToLowerInvariant()}",
                c.NextStep is null ? null : "Next: " + c.NextStep, c.ByName))
            .Concat(v.Records.Select(r => new Entry(Day(r.On), false,
                Words.Describe(r.Kind) + (r.Response is { } resp ? $": {Words.Describe(resp).ToLowerInvariant()}" : "") + (r.To is null ? "" : $" ({r.To})"),
                string.Join(" ", new[] { Read(r.DetailCiphertext), r.LateReason is null ? null : "Late because: " + r.LateReason }.OfType<string>()), r.ByName)))
            .Concat(v.Views.Select(w => new Entry(Day(w.On), false,
                $"Views for the {Words.Describe(w.DecisionMaker).ToLowerInvariant()}" + (w.Shares.Count > 0 ? $" (shared with {string.Join(", ", w.Shares.Select(s => s.SharedWith))})" : ""),
                Read(w.ViewsCiphertext) + (w.WantsToAttend ? " Wants to attend." : "") + (w.RepresentedBy is null ? "" : $" Represented by {w.RepresentedBy}."), w.ByName)))
            .Concat(v.Surveys.Where(s => s.IsComplete).Select(s => new Entry(s.CompletedAt!.Value, true, $"Satisfaction survey: {s.Satisfaction} out of 5",
                Read(s.CommentsCiphertext), s.CompletedByVictim ? "the victim, through the survey link" : "the practitioner")))
            .OrderByDescending(e => e.At).ToList();
    }

    private static IReadOnlyList<Task> TasksOf(Victim v, IReadOnlyList<EntitlementStatus> due)
    {
        string? DueText(Entitlement e) => due.Where(d => d.Entitlement == e && d.IsOpen).OrderBy(d => d.DueOn)
            .Select(d => (d.State == EntitlementState.Overdue ? "Overdue: was due by " : "Due by ") + Words.Date(d.DueOn)).FirstOrDefault();
        bool Overdue(Entitlement e) => due.Any(d => d.Entitlement == e && d.State == EntitlementState.Overdue);
        Task Make(string slug, string name, bool done, bool started, string? dueText, bool overdue, bool blocked = false) =>
            new(slug, name,
                blocked ? "Cannot start" : overdue ? "Overdue" : done ? "Completed" : started ? "In progress" : "Not started",
                blocked ? "grey" : overdue ? "red" : done ? "" : started ? "light-blue" : "blue", done ? null : dueText);

        var noContact = v.WhyNoContactAtAll() is not null;
        var records = v.Records;
        return
        [
            Make("choices", "Consent and choices", v.Current(ChoiceKind.Contact) is not null, v.Choices.Count > 0, null, false),
            Make("contact", "First contact", v.Contacts.Any(c => !c.IsAttempt), v.Contacts.Count > 0, DueText(Entitlement.RjInformation), false, noContact && v.Contacts.Count == 0),
            Make("decision", "Decide whether to invite them into a restorative process", v.InviteDecidedOn is not null, false, null, false),
            Make("views", "Their views for the decision-maker", v.Views.Count > 0, false, null, false),
            Make("offer", "Offer of restorative justice", records.Any(r => r.Kind == RecordKind.RjInformation), false, DueText(Entitlement.RjInformation), Overdue(Entitlement.RjInformation), noContact),
            Make("support", "Support and compensation information", records.Any(r => r.Kind is RecordKind.SupportReferral or RecordKind.CompensationInformation) && !due.Any(d => d.Entitlement == Entitlement.SupportReferral && d.IsOpen),
                records.Any(r => r.Kind is RecordKind.SupportWanted or RecordKind.SupportReferral or RecordKind.CompensationInformation), DueText(Entitlement.SupportReferral), Overdue(Entitlement.SupportReferral), noContact),
            Make("updates", "Keeping them informed", records.Any(r => r.Kind == RecordKind.ConclusionNotice), records.Any(r => r.Kind == RecordKind.ProgressUpdate),
                DueText(Entitlement.ConclusionNotice) ?? DueText(Entitlement.ProgressUpdate), Overdue(Entitlement.ProgressUpdate) || Overdue(Entitlement.ConclusionNotice), !v.Agreed(ChoiceKind.KeptInformed) && !records.Any(r => r.Kind == RecordKind.ProgressUpdate)),
            Make("survey", "Satisfaction", v.Surveys.Any(s => s.IsComplete), v.Surveys.Count > 0, null, false, !v.Agreed(ChoiceKind.SatisfactionSurvey) && v.Surveys.Count == 0),
        ];
    }
}
