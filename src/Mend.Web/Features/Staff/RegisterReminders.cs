using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>
/// Every hour: a DBS check whose renewal date, or a course whose expiry, falls within the reminder period (30 days by
/// default) is brought to the person's attention and their team's managers', once, in Mend and by e-mail; only the record
/// that counts (not one a later one replaced, nor history entered after it ran out), and never for someone who has left.
/// </summary>
public sealed class RegisterReminders(MendDb db, Notify notify, StaffSettings settings, TimeProvider clock) : IHourlyTask
{
    public static string Name => "register-reminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = London.DateOf(now).AddDays(settings.ReminderDays);
        // Only the record that counts: not one a later check or course has replaced, nor one already past when it was entered (history).
        var checks = (await db.DbsChecks.AsNoTracking().Where(d => d.RemindedAt == null && d.RenewBy <= soon)
            .Where(d => !db.DbsChecks.Any(o => o.UserId == d.UserId && o.RenewBy > d.RenewBy)).Take(200).ToListAsync(ct))
            .Where(d => London.DateOf(d.RecordedAt) <= d.RenewBy).ToList();
        var courses = (await db.TrainingRecords.AsNoTracking().Where(t => t.RemindedAt == null && t.ExpiresOn != null && t.ExpiresOn <= soon)
            .Where(t => !db.TrainingRecords.Any(o => o.UserId == t.UserId && o.Kind == t.Kind && o.Id != t.Id && (o.ExpiresOn == null || o.ExpiresOn > t.ExpiresOn) && o.CompletedOn >= t.CompletedOn))
            .Take(200).ToListAsync(ct))
            .Where(t => London.DateOf(t.RecordedAt) <= t.ExpiresOn).ToList();
        var users = checks.Select(c => c.UserId).Concat(courses.Select(c => c.UserId)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id) && !u.IsDisabled).ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.TeamId }, ct);
        var managers = await StaffWithRoles.Of(db, Roles.Manager).AsNoTracking()
            .Select(u => new { u.Id, u.TeamId }).ToListAsync(ct);

        void Tell(Guid userId, string what, DateOnly on)
        {
            if (!people.TryGetValue(userId, out var person))
            {
                return;
            }

            var text = $"{what} for {person.DisplayName} {(on < London.DateOf(now) ? "ran out" : "runs out")} on {on.ToGovUkDate()}";
            // Their team's managers (every manager when they have no team), at the register; the person at their own account.
            var theirs = managers.Where(m => person.TeamId is null || m.TeamId == person.TeamId).Select(m => m.Id).Where(id => id != userId).Distinct();
            foreach (var to in theirs)
            {
                notify.User(to, text, $"/Staff/{userId}", "something on the staff register is due for renewal");
            }

            notify.User(userId, text, "/Account", "something on your record is due for renewal");
        }

        // Each row is claimed before anyone is told, so two nodes running this hour never remind twice.
        var told = 0;
        foreach (var check in checks)
        {
            if (await db.DbsChecks.Where(d => d.Id == check.Id && d.RemindedAt == null).ExecuteUpdateAsync(u => u.SetProperty(d => d.RemindedAt, now), ct) == 1)
            {
                Tell(check.UserId, $"The DBS check ({DbsCheck.Describe(check.Level)}, {check.MaskedNumber})", check.RenewBy);
                told++;
            }
        }

        foreach (var course in courses)
        {
            if (await db.TrainingRecords.Where(t => t.Id == course.Id && t.RemindedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RemindedAt, now), ct) == 1)
            {
                Tell(course.UserId, $"The training \"{course.Course}\"", course.ExpiresOn!.Value);
                told++;
            }
        }

        await db.SaveChangesAsync(ct);
        await notify.SendEmailsAsync(ct);
        return told;
    }
}
