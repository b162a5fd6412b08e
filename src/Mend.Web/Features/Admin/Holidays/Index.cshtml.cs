using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Holidays;

/// <summary>
/// The bank and public holidays that stop the Victims' Code clock, for both jurisdictions: the shipped list, the days
/// administrators have added since (a newly proclaimed holiday), and whether next year's list has been checked.
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(MendDb db, HolidayCalendar calendar, TimeProvider clock) : PageModel
{
    public sealed class AddForm
    {
        public string? Jurisdiction { get; set; }
        public DateParts Date { get; set; } = new();
        public string? Name { get; set; }
        public string? Source { get; set; }
    }

    public sealed class ConfirmForm
    {
        public string? Jurisdiction { get; set; }
        public string? Source { get; set; }
    }

    public sealed record Unchecked(Jurisdiction Jurisdiction, int Year);

    [BindProperty]
    public AddForm Add { get; set; } = new();

    [BindProperty]
    public ConfirmForm Confirm { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A day asked to be removed, shown for confirmation before anything changes.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Remove { get; set; }

    public int ShownYear => Year is { } y && y >= WorkingDays.FirstYear && y <= WorkingDays.LastYear ? y : Today.Year;

    public DateOnly Today => clock.LondonToday();

    public IReadOnlyList<ProclaimedHoliday> Added { get; private set; } = [];

    public IReadOnlyList<HolidayListCheck> Checks { get; private set; } = [];

    public IReadOnlyList<Unchecked> NextYearUnchecked { get; private set; } = [];

    public static IEnumerable<SelectListItem> JurisdictionItems =>
        Enum.GetValues<Jurisdiction>().Select(j => new SelectListItem(CaseWords.Describe(j), j.ToString()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var jurisdiction = Enum.TryParse<Jurisdiction>(Add.Jurisdiction, out var j) && Enum.IsDefined(j) ? j : (Jurisdiction?)null;
        var (date, dateError) = Add.Date.Parse("Date");
        var name = TextInput.CleanLine(Add.Name);
        var source = TextInput.CleanLine(Add.Source);
        Error("Add.Jurisdiction", jurisdiction is null ? "Select England and Wales or Jersey" : null);
        Error("Add.Date", dateError ?? (date is null ? "Enter the date of the holiday" : null));
        if (date is { } d && dateError is null)
        {
            Error("Add.Date", d.Year < WorkingDays.FirstYear || d.Year > WorkingDays.LastYear
                ? $"Date must be between {WorkingDays.FirstYear} and {WorkingDays.LastYear}"
                : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "That day is a weekend, which the deadlines already skip. Enter the weekday proclaimed"
                : jurisdiction is { } jj && (await calendar.CurrentAsync(db, ct)).IsHoliday(d, jj) ? "That day is already a holiday there" : null);
        }

        Error("Add.Name", name is null ? "Enter the holiday's name" : TextInput.TooLong(name, TextLimits.Line, "Name"));
        Error("Add.Source", source is null ? "Enter where it was proclaimed, so others can check it" : TextInput.TooLong(source, 500, "Where it was proclaimed"));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.ProclaimedHolidays.Add(ProclaimedHoliday.Add(jurisdiction!.Value, date!.Value, name!, source!, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same day a moment ago.
            db.ChangeTracker.Clear();
            Error("Add.Date", "That day is already a holiday there");
            await LoadAsync(ct);
            return Page();
        }

        await calendar.ReloadAsync(db, ct);
        TempData["Success"] = $"{name} added for {CaseWords.Describe(jurisdiction.Value)}. Victims' Code deadlines now skip {date.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.";
        return RedirectToPage(new { year = date.Value.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await db.ProclaimedHolidays.SingleOrDefaultAsync(h => h.Id == id, ct) is not { } holiday)
        {
            return NotFound();
        }

        db.ProclaimedHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
        await calendar.ReloadAsync(db, ct);
        TempData["Success"] = $"{holiday.Name} removed. Deadlines count {holiday.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} as a working day again.";
        return RedirectToPage(new { year = holiday.Date.Year });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var year = Today.Year + 1;
        var jurisdiction = Enum.TryParse<Jurisdiction>(Confirm.Jurisdiction, out var j) && Enum.IsDefined(j) ? j : (Jurisdiction?)null;
        var source = TextInput.CleanLine(Confirm.Source);
        Error("Confirm.Jurisdiction", jurisdiction is null ? "Select the list you checked" : null);
        Error("Confirm.Source", source is null ? "Enter the published list you checked it against" : TextInput.TooLong(source, 500, "Published list"));
        if (jurisdiction is { } jj && await db.HolidayListChecks.AnyAsync(c => c.Jurisdiction == jj && c.Year == year, ct))
        {
            Error("Confirm.Jurisdiction", $"The {year} list for {CaseWords.Describe(jj)} is already confirmed");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.HolidayListChecks.Add(HolidayListCheck.Confirm(jurisdiction!.Value, year, source!, User.DisplayNameOf(), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            Error("Confirm.Jurisdiction", $"The {year} list for {CaseWords.Describe(jurisdiction.Value)} is already confirmed");
            await LoadAsync(ct);
            return Page();
        }

        TempData["Success"] = $"The {year} list for {CaseWords.Describe(jurisdiction.Value)} is confirmed as checked.";
        return RedirectToPage(new { year });
    }

    private void Error(string field, string? message)
    {
        if (message is not null && ModelState[field] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(field, message);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Added = await db.ProclaimedHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);
        Checks = await db.HolidayListChecks.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        var next = Today.Year + 1;
        NextYearUnchecked = Enum.GetValues<Jurisdiction>()
            .Where(j => WorkingDays.CheckedThrough.GetValueOrDefault(j) < next && !Checks.Any(c => c.Jurisdiction == j && c.Year == next))
            .Select(j => new Unchecked(j, next)).ToList();
    }
}
