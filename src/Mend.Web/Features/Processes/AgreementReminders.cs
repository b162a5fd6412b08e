using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>
/// Reminds the case worker (or, with nobody allocated, the facilitator) of open agreement items:
/// once when one falls due within the configured days, and once when it is overdue. The e-mail says
/// only that there is something to see in Mend.
/// </summary>
public sealed class AgreementReminders(MendDb db, Notify notify, ProcessSettings settings, TimeProvider clock) : IHourlyTask
{
    public static string Name => "agreement-reminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        var soon = today.AddDays(settings.AgreementReminderDays);
        var due = await db.RjProcesses
            .Where(p => p.Status != ProcessStatus.Completed && p.Status != ProcessStatus.PartiallyCompleted && p.Status != ProcessStatus.Withdrawn && p.Status != ProcessStatus.NotSuitable)
            .Where(p => p.Agreement.Any(i => i.Status == AgreementStatus.Open && (i.RemindedAt == null && i.DueOn <= soon || i.OverdueNoticeAt == null && i.DueOn < today)))
            .Select(p => new { Process = p, Worker = db.Cases.Where(c => c.Id == p.CaseId).Select(c => c.AllocatedWorkerId).Single(), Reference = db.Cases.Where(c => c.Id == p.CaseId).Select(c => c.Reference).Single() })
            .Take(200).ToListAsync(ct);
        var reminded = 0;
        foreach (var row in due)
        {
            if ((row.Worker ?? row.Process.FacilitatorId) is not { } userId)
            {
                continue;
            }

            foreach (var item in row.Process.Agreement.Where(i => i.Status == AgreementStatus.Open))
            {
                var overdue = item.DueOn < today && item.OverdueNoticeAt is null;
                if (!overdue && (item.RemindedAt is not null || item.DueOn > soon))
                {
                    continue;
                }

                var on = item.DueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
                notify.User(userId, overdue ? $"Case {row.Reference}: an agreement item was due on {on} and is not marked done: {item.What}" : $"Case {row.Reference}: an agreement item is due on {on}: {item.What}",
                    $"/Processes/{row.Process.Id}#agreement", overdue ? "an agreement item is overdue" : "an agreement item is due soon");
                item.Reminded(overdue, now);
                reminded++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node reminded about the same items at the same moment; its reminders stand.
            return 0;
        }

        await notify.SendEmailsAsync(ct);
        return reminded;
    }
}
