using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Staff;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Accreditations;

/// <summary>Staff and volunteers' RJ facilitator accreditations: who holds one, until when; recording and withdrawing them.</summary>
[Authorize(Policy = Policies.ManageVenues)]
public sealed class IndexModel(MendDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string Name, AccreditationLevel Level, string AwardedBy, DateOnly AwardedOn, DateOnly? ExpiresOn, bool Current, string? Withdrawn);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    [BindProperty] public string? UserId { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? AwardedBy { get; set; }
    [BindProperty] public DateParts AwardedOn { get; set; } = new();
    [BindProperty] public DateParts ExpiresOn { get; set; } = new();
    [BindProperty] public long AccreditationId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public static IEnumerable<SelectListItem> LevelItems =>
        [new("RJ facilitator", nameof(AccreditationLevel.Facilitator)), new("Advanced facilitator (sensitive and complex cases)", nameof(AccreditationLevel.AdvancedFacilitator))];

    public static string Describe(AccreditationLevel level) => level == AccreditationLevel.AdvancedFacilitator ? "Advanced facilitator" : "RJ facilitator";

    private DateOnly Today => clock.LondonToday();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (awarded, awardedError) = AwardedOn.Parse("Date awarded");
        var (expires, expiresError) = ExpiresOn.Parse("Expiry date");
        var person = People.FirstOrDefault(p => p.Value == UserId && p.Value.Length > 0);
        if (person is null)
        {
            ModelState.AddModelError(nameof(UserId), "Select the person");
        }

        if (!Enum.TryParse<AccreditationLevel>(Level, out var level) || !Enum.IsDefined(level))
        {
            ModelState.AddModelError(nameof(Level), "Select the accreditation");
        }

        var body = TextInput.Clean(AwardedBy);
        if (body is null)
        {
            ModelState.AddModelError(nameof(AwardedBy), "Enter who awarded it, for example the Restorative Justice Council");
        }
        else if (body.Length > 200)
        {
            ModelState.AddModelError(nameof(AwardedBy), "Who awarded it must be 200 characters or fewer");
        }

        if (awardedError is not null || awarded is null)
        {
            ModelState.AddModelError(nameof(AwardedOn), awardedError ?? "Enter the date it was awarded");
        }
        else if (awarded > Today)
        {
            ModelState.AddModelError(nameof(AwardedOn), "Date awarded must be today or in the past");
        }

        if (expiresError is not null)
        {
            ModelState.AddModelError(nameof(ExpiresOn), expiresError);
        }
        else if (expires is not null && awarded is not null && expires <= awarded)
        {
            ModelState.AddModelError(nameof(ExpiresOn), "Expiry date must be after the date awarded");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Accreditations.Add(Accreditation.Award(Guid.Parse(person!.Value), level, body!, awarded!.Value, expires, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{Describe(level)} recorded for {person.Text}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var accreditation = await db.Accreditations.SingleOrDefaultAsync(a => a.Id == AccreditationId, ct);
        if (accreditation is null)
        {
            return NotFound();
        }

        var reason = TextInput.Clean(Reason);
        if (reason is null || reason.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), reason is null ? "Enter why the accreditation is withdrawn" : "Reason must be 500 characters or fewer");
        }
        else
        {
            try
            {
                accreditation.Withdraw(reason, clock.GetUtcNow().UtcDateTime);
            }
            catch (DomainRuleException ex)
            {
                ModelState.AddModelError(nameof(Reason), ex.Message.TrimEnd('.'));
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Accreditation withdrawn";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        var names = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        People = [new SelectListItem("Choose a person", ""), .. names.Select(n => new SelectListItem(n.DisplayName, n.Id.ToString()))];
        var all = await db.Accreditations.AsNoTracking().ToListAsync(ct);
        var byId = await db.Users.AsNoTracking().Where(u => all.Select(a => a.UserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Rows = all.Select(a => new Row(a.Id, byId.GetValueOrDefault(a.UserId, ""), a.Level, a.AwardedBy, a.AwardedOn, a.ExpiresOn, a.IsCurrentOn(today),
                a.WithdrawnAt is null ? null : a.WithdrawnReason))
            .OrderByDescending(r => r.Current).ThenBy(r => r.Name).ThenByDescending(r => r.Level).ToList();
    }

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
