using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>
/// Every hour: a DBS check whose renewal date, or a course whose expiry, falls within the reminder period (30 days by
/// default) is brought to the person's attention and their team's managers', once, in Mend and by e-mail.
/// </summary>
public sealed class RegisterReminders(MendDb db, Notify notify, StaffSettings settings, TimeProvider clock) : IHourlyTask
{
    public static string Name => "register-reminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = London.DateOf(now).AddDays(settings.ReminderDays);
        var checks = await db.DbsChecks.Where(d => d.RemindedAt == null && d.RenewBy <= soon).Take(200).ToListAsync(ct);
        var courses = await db.TrainingRecords.Where(t => t.RemindedAt == null && t.ExpiresOn != null && t.ExpiresOn <= soon).Take(200).ToListAsync(ct);
        var users = checks.Select(c => c.UserId).Concat(courses.Select(c => c.UserId)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.TeamId }, ct);
        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(ct);
        var teams = people.Values.Select(p => p.TeamId).OfType<Guid>().Distinct().ToList();
        var managers = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.TeamId != null && teams.Contains(u.TeamId.Value) && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == managerRole))
            .Select(u => new { u.Id, u.TeamId }).ToListAsync(ct);

        void Tell(Guid userId, string what, DateOnly on)
        {
            if (!people.TryGetValue(userId, out var person))
            {
                return;
            }

            var text = $"{what} for {person.DisplayName} {(on < London.DateOf(now) ? "ran out" : "runs out")} on {on.ToGovUkDate()}";
            foreach (var to in managers.Where(m => m.TeamId == person.TeamId).Select(m => m.Id).Append(userId).Distinct())
            {
                notify.User(to, text, $"/Staff/{userId}", "something on the staff register is due for renewal");
            }
        }

        foreach (var check in checks)
        {
            Tell(check.UserId, $"The DBS check ({DbsCheck.Describe(check.Level)}, {check.MaskedNumber})", check.RenewBy);
            check.Reminded(now);
        }

        foreach (var course in courses)
        {
            Tell(course.UserId, $"The training \"{course.Course}\"", course.ExpiresOn!.Value);
            course.Reminded(now);
        }

        await db.SaveChangesAsync(ct);
        await notify.SendEmailsAsync(ct);
        return checks.Count + courses.Count;
    }
}
