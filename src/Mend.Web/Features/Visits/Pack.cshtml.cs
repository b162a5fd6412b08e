using Mend.Web.Data;
using Mend.Web.Features.Documents;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>
/// The printable visit pack, for places without a signal (prisons, some custody suites): when and where, the safety
/// information, whom to call and their numbers. Only the person visited is named (as the plan shows them); no case
/// details. Each printing is audited.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class PackModel(LoneWorking visits, MendDb db, AuditTrail audit, DocumentSettings service, LoneWorkingSettings settings, TimeProvider clock) : PageModel
{
    public sealed record Contact(string Role, string Name, string? Mobile);

    public Visit Visit { get; private set; } = default!;
    public string? VenueName { get; private set; }
    public LoneWorking.Risks Risks { get; private set; } = new([], false, []);
    public List<Contact> Contacts { get; } = [];
    public string ServicePhone => service.ServicePhone;
    public DateTime PrintedAt { get; private set; }
    public TimeSpan Grace => settings.Grace;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await visits.Visible(User).AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is not { } visit)
        {
            return NotFound();
        }

        Visit = visit;
        PrintedAt = clock.GetUtcNow().UtcDateTime;
        VenueName = visit.VenueId is { } venue ? await db.Venues.AsNoTracking().Where(v => v.Id == venue).Select(v => v.Name).SingleOrDefaultAsync(ct) : null;
        Risks = await visits.RisksAsync(User, visit.CaseId, visit.PersonId, visit.VenueId, visit.Address, ct);
        var mobiles = await db.Users.AsNoTracking().Where(u => u.Id == visit.BuddyId || u.Id == visit.WorkerId || u.Id == visit.SecondWorkerId)
            .ToDictionaryAsync(u => u.Id, u => u.PhoneNumber, ct);
        Contacts.Add(new("Buddy", visit.BuddyName, mobiles.GetValueOrDefault(visit.BuddyId)));
        if (visit.SecondWorkerId is { } second)
        {
            Contacts.Add(new("Second worker", visit.SecondWorkerName ?? "", mobiles.GetValueOrDefault(second)));
        }

        var team = await db.Users.AsNoTracking().Where(u => u.Id == visit.WorkerId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
        Contacts.AddRange(await Staff.StaffWithRoles.Of(db, Roles.Manager).AsNoTracking()
            .Where(u => u.TeamId == team && u.Id != visit.WorkerId)
            .OrderBy(u => u.DisplayName).Select(u => new Contact("Manager", u.DisplayName, u.PhoneNumber)).ToListAsync(ct));
        var duty = await db.DutyShifts.AsNoTracking().Where(d => d.StartsAt <= visit.ExpectedEndAt && d.EndsAt > visit.StartsAt).OrderBy(d => d.StartsAt)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new Contact("Duty manager", u.DisplayName, u.PhoneNumber)).FirstOrDefaultAsync(ct);
        if (duty is not null)
        {
            Contacts.Add(duty);
        }

        audit.Record(AuditAction.Print, nameof(Visits.Visit), id.ToString(), subjectPersonId: visit.PersonId, purpose: "Visit pack printed for a visit without a signal");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
