using System.Globalization;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Victims;

/// <summary>One piece of work with a victim: choices, a contact, the decision, views, the offer of RJ, support, updates, the survey, or declining.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class TaskModel(VictimWork work, VictimSettings settings) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["details"] = "How to contact them",
        ["choices"] = "Consent and choices",
        ["contact"] = "Record a contact",
        ["decision"] = "Decide whether to invite them into a restorative process",
        ["views"] = "Their views for the decision-maker",
        ["offer"] = "Offer of restorative justice",
        ["support"] = "Support and compensation information",
        ["updates"] = "Keeping them informed",
        ["survey"] = "Satisfaction",
        ["decline"] = "The victim no longer wants the service",
    };

    public VictimWork.Loaded Loaded { get; private set; } = default!;

    public Victim Victim => Loaded.Victim!;

    public string Slug { get; private set; } = "";

    public string Title => Titles[Slug];

    public string? SurveyLink { get; private set; }

    public VictimSettings Settings => settings;

    /// <summary>The entitlements still open for this victim, to show what this piece of work is due by.</summary>
    public IReadOnlyList<EntitlementStatus> OpenDue => work.EntitlementsOf(Loaded).Where(d => d.IsOpen).ToList();

    public static IEnumerable<SelectListItem> DirectionItems => [new("We contacted them", nameof(ContactDirection.Outgoing)), new("They contacted us", nameof(ContactDirection.Incoming))];

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public DateParts ReceivedOn { get; set; } = new();
    [BindProperty] public List<string> Enhanced { get; set; } = [];
    [BindProperty] public string? PreferredMethod { get; set; }
    [BindProperty] public string? SafeTimes { get; set; }
    [BindProperty] public List<string> BlockedMethods { get; set; } = [];
    [BindProperty] public List<string> UnsafeAddressIds { get; set; } = [];
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Agreed { get; set; }
    [BindProperty] public DateParts On { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateParts AtDate { get; set; } = new();
    [BindProperty] public string? AtTime { get; set; }
    [BindProperty] public string? Direction { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Via { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? NextStep { get; set; }
    [BindProperty] public string? AddressId { get; set; }
    [BindProperty] public string? Appropriate { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? Detail { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? RjAnswer { get; set; }
    [BindProperty] public string? LateReason { get; set; }
    [BindProperty] public string? DecisionMaker { get; set; }
    [BindProperty] public string? Views { get; set; }
    [BindProperty] public string? WantsToAttend { get; set; }
    [BindProperty] public string? RepresentedBy { get; set; }
    [BindProperty] public string? ViewsId { get; set; }
    [BindProperty] public string? SharedWith { get; set; }
    [BindProperty] public DateParts SharedOn { get; set; } = new();
    [BindProperty] public string? Satisfaction { get; set; }
    [BindProperty] public string? FeltListenedTo { get; set; }
    [BindProperty] public string? WouldRecommend { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public static IEnumerable<SelectListItem> Items<T>(Func<T, string> describe, params T[] only) where T : struct, Enum =>
        (only.Length > 0 ? only : Enum.GetValues<T>()).Select(v => new SelectListItem(describe(v), v.ToString()));

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public static IEnumerable<SelectListItem> SatisfactionItems =>
        [new("Very satisfied", "5"), new("Satisfied", "4"), new("Neither satisfied nor dissatisfied", "3"), new("Dissatisfied", "2"), new("Very dissatisfied", "1")];

    public IEnumerable<SelectListItem> AddressItems =>
        Loaded.Person.Addresses.OrderByDescending(a => a.From).Select(a => new SelectListItem(
            string.Join(", ", new[] { a.Line1, a.Line2, a.Town, a.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))) + (a.To is null ? " (current)" : ""), a.Id.ToString(CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> ViewsItems =>
        Victim.Views.OrderByDescending(v => v.On).Select(v => new SelectListItem($"Views for the {Words.Describe(v.DecisionMaker).ToLowerInvariant()}, {Words.Date(v.On)}", v.Id.ToString(CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid personId, string task, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, personId, task, ct))
        {
            return NotFound();
        }

        Version = Victim.Version;
        if (Slug == "details")
        {
            Source = Victim.DetailsSource.ToString();
            ReceivedOn = DateParts.From(Victim.DetailsReceivedOn);
            Enhanced = Enum.GetValues<EnhancedReasons>().Where(r => r != EnhancedReasons.None && Victim.Enhanced.HasFlag(r)).Select(r => r.ToString()).ToList();
            PreferredMethod = Victim.PreferredMethod?.ToString();
            SafeTimes = Victim.SafeTimes;
            BlockedMethods = Enum.GetValues<ContactMethod>().Where(m => Victim.BlockedMethods.HasFlag(Words.AsFlag(m))).Select(m => m.ToString()).ToList();
            UnsafeAddressIds = Victim.UnsafeAddresses.Select(u => u.PersonAddressId.ToString(CultureInfo.InvariantCulture)).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, Guid personId, string task, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, personId, task, ct))
        {
            return NotFound();
        }

        var dateErrors = new Dictionary<string, string>();
        DateOnly? Date(DateParts parts, string key, string label)
        {
            var (day, error) = parts.Parse(label);
            if (error is not null)
            {
                dateErrors[key] = error;
            }

            return day;
        }

        var user = User;
        var result = Slug switch
        {
            "details" => await work.ChangeDetailsAsync(user, caseId, personId, Version, new(Parse<DetailsSource>(Source), Date(ReceivedOn, "receivedOn", "Date the details were received"),
                Enhanced.Select(Parse<EnhancedReasons>).OfType<EnhancedReasons>().ToList(), Parse<ContactMethod>(PreferredMethod), SafeTimes,
                BlockedMethods.Select(Parse<ContactMethod>).OfType<ContactMethod>().ToList(), UnsafeAddressIds.Select(a => long.TryParse(a, out var id) ? id : -1).ToList()), ct),
            "choices" => await work.ChoiceAsync(user, caseId, personId, Version, new(Parse<ChoiceKind>(Kind), YesOrNo(Agreed), Date(On, "on", "Date"), Note), ct),
            "contact" => await work.ContactAsync(user, caseId, personId, Version, new(When(dateErrors), Parse<ContactDirection>(Direction), Parse<ContactMethod>(Method), Via,
                Parse<ContactOutcome>(Outcome), NextStep, long.TryParse(AddressId, out var address) ? address : null, !string.IsNullOrWhiteSpace(AtTime)), ct),
            "decision" => await work.DecideAsync(user, caseId, personId, Version, new(YesOrNo(Appropriate), Reasons, Date(On, "on", "Date of the decision")), ct),
            "views" when ViewsId is not null => await work.ShareAsync(user, caseId, personId, Version, new(long.TryParse(ViewsId, out var viewsId) ? viewsId : null, SharedWith, Date(SharedOn, "sharedOn", "Date shared")), ct),
            "views" => await work.ViewsAsync(user, caseId, personId, Version, new(Parse<DecisionMaker>(DecisionMaker), Views, YesOrNo(WantsToAttend), RepresentedBy, Date(On, "on", "Date the views were given")), ct),
            "offer" => await work.RecordAsync(user, caseId, personId, Version, new(RecordKind.RjInformation, Date(On, "on", "Date RJ was explained"), Detail, null, Parse<RjResponse>(RjAnswer), Parse<ContactMethod>(Method), LateReason), ct),
            "support" or "updates" => await work.RecordAsync(user, caseId, personId, Version, new(Parse<RecordKind>(Kind), Date(On, "on", "Date"), Detail, To, null, Parse<ContactMethod>(Method), LateReason), ct),
            "survey" when Kind == "link" => await work.SurveyLinkAsync(user, caseId, personId, Version, ct),
            "survey" => await work.SurveyAsync(user, caseId, personId, Version, new(int.TryParse(Satisfaction, out var score) ? score : null, YesOrNo(FeltListenedTo), YesOrNo(WouldRecommend), Comments), ct),
            "decline" when Kind == "return" => await work.ReturnToServiceAsync(user, caseId, personId, Version, ct),
            _ => await work.DeclineAsync(user, caseId, personId, Version, Date(On, "on", "Date they declined"), ct),
        };

        if (result.NotFound)
        {
            return NotFound();
        }

        foreach (var (key, message) in dateErrors)
        {
            result.Errors[key] = message;
        }

        if (!result.Succeeded || dateErrors.Count > 0)
        {
            foreach (var (key, message) in result.Errors)
            {
                ModelState.AddModelError(Slug == "views" && ViewsId is not null && key == "on" ? nameof(SharedOn) : FieldOf(key), message);
            }

            await LoadAsync(caseId, personId, task, ct);
            if (result.Conflict)
            {
                ModelState.Remove(nameof(Version));
                Version = Victim.Version;
            }

            return Page();
        }

        if (result.SurveyLink is { } link)
        {
            SurveyLink = $"{Request.Scheme}://{Request.Host}{link}";
            await LoadAsync(caseId, personId, task, ct);
            ModelState.Clear();
            Version = Victim.Version;
            return Page();
        }

        TempData["Success"] = $"{Title}: saved";
        return RedirectToPage("/Victims/Journey", new { caseId, personId });
    }

    private DateTime? When(Dictionary<string, string> errors)
    {
        var (day, error) = AtDate.Parse("Date");
        if (error is not null)
        {
            errors["at"] = error;
            return null;
        }

        if (day is null)
        {
            return null;
        }

        var time = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(AtTime) && !TimeOnly.TryParseExact(AtTime.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            errors["atTime"] = "Enter a time like 14:30";
            return null;
        }

        var (utc, clockError) = London.ToUtc(day.Value, time);
        if (clockError is not null)
        {
            errors["atTime"] = clockError;
        }

        return utc;
    }

    private static string FieldOf(string key) => key switch
    {
        "" => "",
        "at" => nameof(AtDate),
        "response" => nameof(RjAnswer),
        _ => char.ToUpperInvariant(key[0]) + key[1..],
    };

    private static T? Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) ? v : null;

    private static bool? YesOrNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private async Task<bool> LoadAsync(Guid caseId, Guid personId, string task, CancellationToken ct)
    {
        if (!Titles.ContainsKey(task))
        {
            return false;
        }

        var loaded = await work.LoadAsync(User, caseId, personId, tracked: false, ct);
        if (loaded?.Victim is null || loaded.Victim.MinimisedAt is not null)
        {
            return false;
        }

        Loaded = loaded;
        Slug = task;
        return true;
    }
}
