using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection.Requests;

/// <summary>
/// One subject-access request, step by step: the deadline; identity; an extension; the details kept out of the bundle
/// (Mend's suggestions from the people on the person's cases, and the officer's own), each with its exemption; making
/// the bundle; a second officer's sign-off; the release.
/// </summary>
[Authorize(Policy = Policies.ManageDataProtection)]
public sealed class ViewModel(SubjectAccess access, WhatIsHeld held, MendDb db, Platform.Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DateParts IdentityConfirmedOn { get; set; } = new();

    [BindProperty]
    public string? ExtensionReason { get; set; }

    /// <summary>Suggested details the officer ticked to keep out.</summary>
    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public RedactionReason ChosenReason { get; set; } = RedactionReason.OtherPersonsData;

    [BindProperty]
    public string? OwnText { get; set; }

    [BindProperty]
    public RedactionReason OwnReason { get; set; } = RedactionReason.OtherPersonsData;

    [BindProperty]
    public long RedactionId { get; set; }

    [BindProperty]
    public string? ClosedReason { get; set; }

    [BindProperty]
    public string? ReleaseMethod { get; set; }

    [BindProperty]
    public DateParts ReleasedOn { get; set; } = new();

    public SubjectAccessRequest Sar { get; private set; } = default!;

    public string PersonName { get; private set; } = "";

    /// <summary>Mend's suggestions not yet kept out: the other people's details it knows on the person's cases.</summary>
    public List<string> Suggestions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool PreparedByMe => Sar.PreparedById == User.UserId();

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ReasonItems =>
        Enum.GetValues<RedactionReason>().Select(r => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(SubjectAccessRequest.Describe(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ReleasedOn = DateParts.From(Today);
        audit.Record(Platform.Audit.AuditAction.View, nameof(SubjectAccessRequest), id.ToString(), subjectPersonId: Sar.PersonId, purpose: "Subject access request");
        await audit.SaveAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetBundleAsync(Guid id, CancellationToken ct) =>
        await access.BundleAsync(id, ct) is { } bundle ? File(bundle.Zip, "application/zip", bundle.Name) : NotFound();

    public async Task<IActionResult> OnPostIdentityAsync(Guid id, CancellationToken ct)
    {
        var (on, error) = IdentityConfirmedOn.Parse("The date identity was confirmed");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(IdentityConfirmedOn), error);
            return await ShowAgainAsync(id, ct);
        }

        return await AnswerAsync(id, await access.ConfirmIdentityAsync(id, Version, on, ct), "Identity recorded; the deadline has been worked out again", ct);
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await access.ExtendAsync(id, Version, ExtensionReason, ct), "Deadline extended. Tell the person, with the reasons, before the first deadline", ct);

    public async Task<IActionResult> OnPostRedactAsync(Guid id, CancellationToken ct)
    {
        var details = Chosen.Select(c => ((string?)c, ChosenReason, true)).ToList();
        if (!string.IsNullOrWhiteSpace(OwnText))
        {
            details.Add((OwnText, OwnReason, false));
        }

        return await AnswerAsync(id, await access.RedactAsync(id, Version, details, ct), "Details kept out of the bundle", ct);
    }

    public async Task<IActionResult> OnPostUnredactAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await access.RemoveRedactionAsync(id, Version, RedactionId, ct), "The detail will be shown in the bundle", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await access.CloseAsync(id, Version, ClosedReason, ct), "Request closed", ct);

    public async Task<IActionResult> OnPostPrepareAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await access.PrepareAsync(User, id, Version, ct), "Bundle made. Check it, then ask another data protection officer to sign it off", ct);

    public async Task<IActionResult> OnPostSignOffAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await access.SignOffAsync(User, id, Version, ct), "Signed off: the bundle can be released", ct);

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct)
    {
        var (on, error) = ReleasedOn.Parse("The day it was sent");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(ReleasedOn), error);
            return await ShowAgainAsync(id, ct);
        }

        return await AnswerAsync(id, await access.ReleaseAsync(User, id, Version, ReleaseMethod, on, ct), "Released, and recorded in the disclosure log", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Outcome<SubjectAccessRequest> outcome, string success, CancellationToken ct)
    {
        var answer = PageOutcome.Apply(outcome, ModelState, field => field switch
        {
            "identityConfirmedOn" => nameof(IdentityConfirmedOn),
            "reason" => nameof(ExtensionReason),
            "text" => nameof(OwnText),
            "method" => nameof(ReleaseMethod),
            "releasedOn" => nameof(ReleasedOn),
            "closedReason" => nameof(ClosedReason),
            _ => field,
        });
        return await this.AnswerOnSamePageAsync(answer, success, new { id }, () => LoadAsync(id, ct));
    }

    private async Task<IActionResult> ShowAgainAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct, freshVersion: false) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool freshVersion = true)
    {
        if (await access.OneAsync(id, ct) is not { } request)
        {
            return false;
        }

        Sar = request;
        Today = Platform.Time.London.LondonToday(clock);
        if (freshVersion)
        {
            Version = request.Version;
        }

        PersonName = await db.People.DisplayNameOfAsync(request.PersonId, ct);
        if (request.Status is AccessRequestStatus.Received or AccessRequestStatus.Prepared && await held.OtherPeopleAsync(request.PersonId, ct) is { } others)
        {
            Suggestions = others.Where(s => !request.Redactions.Any(r => string.Equals(r.Text, s, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        return true;
    }
}
