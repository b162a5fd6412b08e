using Mend.Web.Features.Cases;
using Mend.Web.Features.Visits;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// Demo lone working: mobile numbers from Ofcom's range kept for drama (07700 900000 to 900999), the manager on the
/// duty-manager rota for the week, and the practitioner's visits for today (one to check in to) and tomorrow.
/// </summary>
public static class DemoVisits
{
    public static async Task SeedAsync(MendDb db, UserManager<MendUser> users, TimeProvider clock, string emailDomain)
    {
        if (await db.Visits.AnyAsync())
        {
            return;
        }

        var practitioner = await users.FindByEmailAsync($"practitioner@{emailDomain}");
        var manager = await users.FindByEmailAsync($"manager@{emailDomain}");
        if (practitioner is null || manager is null)
        {
            return;
        }

        practitioner.PhoneNumber = "+447700900101";
        manager.PhoneNumber = "+447700900102";
        var now = clock.GetUtcNow().UtcDateTime;
        db.DutyShifts.Add(DutyShift.Make(manager.Id, manager.DisplayName, now.AddHours(-1), now.AddDays(7), "Demo data"));

        var @case = await db.Cases.AsNoTracking().Include(c => c.Participants)
            .Where(c => c.Status == CaseStatus.Open && c.AllocatedWorkerId == practitioner.Id).OrderBy(c => c.Reference).FirstOrDefaultAsync();
        var youngPerson = @case?.Participants.FirstOrDefault(p => p.Role == ParticipantRole.YoungPerson)?.PersonId;
        var soon = now.AddMinutes(30);
        var plans = new[]
        {
            new Visit.Plan(@case?.Id, youngPerson, null, VisitPlace.Home, "14 Orchard Close, Exampletown EX4 7QP", soon, soon.AddHours(1),
                manager.Id, manager.DisplayName, null, null, "Pool car", "Preparation meeting"),
            new Visit.Plan(null, null, null, VisitPlace.PrisonOrSecureEstate, "HMYOI Exampletown, Gaol Road, Exampletown EX9 9ZZ", soon.AddDays(1), soon.AddDays(1).AddHours(2),
                manager.Id, manager.DisplayName, null, null, "Train and taxi", "Legal visit room booked"),
        };
        foreach (var plan in plans)
        {
            db.Visits.Add(Visit.Make(plan, practitioner.Id, practitioner.DisplayName, notAlone: false, TimeSpan.FromHours(12)));
        }

        await db.SaveChangesAsync();
    }
}
