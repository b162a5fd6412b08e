using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>
/// One pass of the lone-working escalation, run by <see cref="EscalationJob"/> every few seconds on every node and at
/// once after a duress check-out: raises an amber alert for each visit newly overdue (checked in and not out, or never
/// checked in), then for each open alert, red ones first, sends its pending step and climbs while the ladder says so
/// (<see cref="EscalationLadder"/>), and tells everyone already told when an alert has ended. Everything it knows is in
/// the database, so a node that dies loses nothing: the next pass, on any node, carries on.
/// <para>
/// Each alert is one unit of work. On PostgreSQL it runs in its own transaction holding a transaction-scoped advisory
/// lock for that alert (so nodes share the work, never do the same step twice, and a lock never outlives its node or
/// its transaction, even through a transaction-pooling PgBouncer); the alert's row is written last, so an
/// acknowledgement is never held up by a slow send. A unit cut short is rolled back and its step sent again by the next
/// pass: a message twice rather than never. SQLite is one node: a lock in the process keeps passes apart.
/// </para>
/// </summary>
public sealed class Escalation(MendDb db, DatabaseSettings dbSettings, LoneWorkingSettings settings, NotificationSettings notificationSettings,
    IAlertChannel channel, AlertWebhook webhook, TimeProvider clock, ILogger<Escalation> logger)
{
    private const int LockClass = 0x4d454e44; // "MEND"; the second key is the alert's id, 0 for raising alerts
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> InProcess = new();

    /// <summary>Runs one pass; returns how many alerts it raised, moved or stood down (0 when another node had them all).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (dbSettings.Provider == DatabaseProvider.Postgres)
        {
            return await PassAsync(ct);
        }

        var gate = InProcess.GetOrAdd(dbSettings.ConnectionString, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
        {
            return 0;
        }

        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        // Red alerts before anything else (raising new amber ones can wait on a slow webhook), then again any raised since.
        var done = await OpenAsync(redOnly: true, ct);
        done += await UnitAsync(0, RaiseAsync, ct);
        done += await OpenAsync(redOnly: false, ct);
        var ended = await db.VisitAlerts.AsNoTracking().Where(a => a.EndedAt != null && a.StoodDownAt == null).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ended)
        {
            done += await UnitAsync(id, unitCt => StandDownAsync(id, unitCt), ct);
        }

        return done;
    }

    private async Task<int> OpenAsync(bool redOnly, CancellationToken ct)
    {
        var open = await db.VisitAlerts.AsNoTracking().Where(a => a.EndedAt == null && (!redOnly || a.Kind == AlertKind.Duress))
            .OrderBy(a => a.Kind == AlertKind.Duress ? 0 : 1).ThenBy(a => a.RaisedAt).Select(a => a.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in open)
        {
            done += await UnitAsync(id, unitCt => MoveAsync(id, unitCt), ct);
        }

        return done;
    }

    /// <summary>
    /// One alert's work, alone: under its lock on PostgreSQL. When an acknowledgement (or the worker) changed the alert
    /// meanwhile, the change is dropped (theirs stands) but every message that went is kept, in the log and in Mend, in the
    /// same transaction (so no other node can stand it down in between). A unit that fails otherwise is logged, rolled
    /// back and tried again next pass; the other alerts go on.
    /// </summary>
    private async Task<int> UnitAsync(long key, Func<CancellationToken, Task<int>> work, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var postgres = dbSettings.Provider == DatabaseProvider.Postgres;
        try
        {
            await using var transaction = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
            if (postgres && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockClass}, {(int)(key % int.MaxValue)}) AS \"Value\"").SingleAsync(ct))
            {
                return 0;
            }

            int done;
            try
            {
                done = await work(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // EF rolled the failed save back to its savepoint; the transaction (and the lock) go on.
                var sent = db.ChangeTracker.Entries<AlertLogEntry>().Where(e => e.State == EntityState.Added && e.Entity.Event is AlertEvent.Sent or AlertEvent.Failed or AlertEvent.StoodDown)
                    .Select(e => e.Entity.Again()).ToList();
                var told = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
                db.ChangeTracker.Clear();
                db.VisitAlertLog.AddRange(sent);
                db.Notifications.AddRange(told);
                await db.SaveChangesAsync(ct);
                done = 0;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return done;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Lone-working escalation: alert {AlertId} could not be moved on; it is tried again next pass", key);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private async Task<int> RaiseAsync(CancellationToken ct)
    {
        var now = Now;
        var since = now - settings.Grace;
        var overdue = await db.Visits
            .Where(v => (v.Status == VisitStatus.InProgress || v.Status == VisitStatus.Planned) && v.ExpectedEndAt < since)
            .Where(v => !db.VisitAlerts.Any(a => a.VisitId == v.Id && a.Kind == AlertKind.Overdue && a.ExpectedEndAt == v.ExpectedEndAt))
            .ToListAsync(ct);
        var raised = new List<(VisitAlert Alert, Visit Visit)>();
        foreach (var visit in overdue)
        {
            var alert = VisitAlert.Overdue(visit, now);
            db.VisitAlerts.Add(alert);
            var what = visit.Status == VisitStatus.Planned
                ? $"Not checked in or out: the visit was due to end at {Clock(visit.ExpectedEndAt)}"
                : $"Not checked out: the visit was due to end at {Clock(visit.ExpectedEndAt)}";
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Raised, what, now));
            raised.Add((alert, visit));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (alert, visit) in raised)
        {
            await PostAsync(alert, visit, AlertEvent.Raised, "Not checked out", ct);
        }

        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    /// <summary>
    /// Sends the alert's pending step and climbs while a step is due (at once after a failure), at most once round the
    /// ladder per pass. An amber alert whose visit has since ended or been extended ends instead: the worker answered.
    /// </summary>
    private async Task<int> MoveAsync(long id, CancellationToken ct)
    {
        var alert = await db.VisitAlerts.SingleAsync(a => a.Id == id, ct);
        if (!alert.IsOpen)
        {
            return 0;
        }

        var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == alert.VisitId, ct);
        if (alert.Kind == AlertKind.Overdue && (!visit.IsOpen || visit.ExpectedEndAt != alert.ExpectedEndAt))
        {
            var what = visit.Status == VisitStatus.Cancelled ? $"{visit.WorkerName} cancelled the visit" : $"{visit.WorkerName} checked out or extended the visit";
            alert.AnsweredByWorker(visit.WorkerName, what, Now);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Ended, what, Now));
            await db.SaveChangesAsync(ct);
            return 1;
        }

        var moved = 0;
        for (var i = 0; i < 5; i++)
        {
            var now = Now;
            if (alert.StepState == StepState.Pending)
            {
                alert.StepDone(await SendStepAsync(alert, visit, now, ct), now);
                moved++;
                continue;
            }

            if (EscalationLadder.Next(alert, now, settings) is not { } next || (next == alert.Step && i > 0))
            {
                break;
            }

            alert.Climb(next);
            var escalated = $"Escalated to {EscalationLadder.Describe(next).ToLowerInvariant()}";
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Escalated, escalated, now));
            await PostAsync(alert, visit, AlertEvent.Escalated, escalated, ct);
        }

        await db.SaveChangesAsync(ct); // the alert's row last, after every message went
        return moved;
    }

    /// <summary>Tells everyone the step names, in Mend and outside it; true when at least one message left Mend.</summary>
    private async Task<bool> SendStepAsync(VisitAlert alert, Visit visit, DateTime now, CancellationToken ct)
    {
        var recipients = await TellAsync(alert, visit, now, ct);
        var workerMobile = await db.Users.AsNoTracking().Where(u => u.Id == visit.WorkerId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
        var (subject, message) = Message(alert, visit, workerMobile);
        var link = alert.Step == AlertStep.Worker && alert.Kind == AlertKind.Overdue ? "/Visits/Now" : $"/Visits/Alerts/{alert.Id}";
        var anySent = await SendAsync(alert, recipients, subject, message, link, AlertEvent.Sent, ct);
        await PostAsync(alert, visit, anySent ? AlertEvent.Sent : AlertEvent.Failed, subject, ct);
        return anySent;
    }

    /// <summary>Everyone who was told about an ended alert hears that it is over; so does the alarm-receiving centre.</summary>
    private async Task<int> StandDownAsync(long id, CancellationToken ct)
    {
        var alert = await db.VisitAlerts.SingleAsync(a => a.Id == id, ct);
        if (alert.IsOpen || alert.StoodDownAt is not null)
        {
            return 0;
        }

        var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == alert.VisitId, ct);
        if (alert.Kind == AlertKind.Overdue && await db.VisitAlerts.AnyAsync(a => a.VisitId == visit.Id && a.Kind == AlertKind.Duress, ct))
        {
            // Ended by a duress check-out: a stand-down now would contradict the red alert.
            alert.StoodDown(Now);
            await db.SaveChangesAsync(ct);
            return 0;
        }

        var reached = db.VisitAlertLog.Where(e => e.AlertId == id && e.Event == AlertEvent.Sent && e.RecipientId != null).Select(e => e.RecipientId!.Value);
        var told = await db.Users.AsNoTracking().Where(u => reached.Contains(u.Id) && u.Id != visit.WorkerId && !u.IsDisabled)
            .OrderBy(u => u.DisplayName).Select(u => new Recipient(u.Id, u.DisplayName, u.PhoneNumber, u.Email)).ToListAsync(ct);

        var subject = $"Stand down: {visit.WorkerName}'s alert has ended";
        await SendAsync(alert, told, subject, $"Mend lone working: stand down. The alert about {visit.WorkerName} ({alert.Describe().ToLowerInvariant()}) ended at {Clock(alert.EndedAt!.Value)}: {alert.Ending}",
            $"/Visits/Alerts/{alert.Id}", AlertEvent.StoodDown, ct);
        await PostAsync(alert, visit, AlertEvent.Ended, alert.Ending ?? "Ended", ct);
        alert.StoodDown(Now);
        await db.SaveChangesAsync(ct);
        return 1;
    }

    /// <summary>Whom the alert's current step tells (a red alert's first step tells the buddy, the managers and the duty manager together).</summary>
    private async Task<List<Recipient>> TellAsync(VisitAlert alert, Visit visit, DateTime now, CancellationToken ct)
    {
        var steps = alert.Kind == AlertKind.Duress && alert.Step == AlertStep.Buddy ? EscalationLadder.Duress : [alert.Step];
        var recipients = new List<Recipient>();
        foreach (var step in steps)
        {
            var found = await RecipientsAsync(step, visit, alert.Kind, now, ct);
            if (found.Count == 0)
            {
                db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, Nobody(step), now));
            }

            recipients.AddRange(found.Where(r => recipients.All(o => o.Id != r.Id)));
        }

        return recipients;
    }

    /// <summary>Sends one message to each person by text and e-mail, and in Mend; logs each; true when one left Mend.</summary>
    private async Task<bool> SendAsync(VisitAlert alert, IReadOnlyList<Recipient> recipients, string subject, string message, string link, AlertEvent logged, CancellationToken ct)
    {
        var anySent = false;
        foreach (var person in recipients)
        {
            db.Notifications.Add(Notification.To(person.Id, subject, link, Now));
            var reference = $"mend-alert-{alert.Id}-{(logged == AlertEvent.StoodDown ? "end" : alert.Step.ToString())}-{person.Id:N}";
            if (person.Mobile is { Length: > 0 } mobile)
            {
                anySent |= await TryAsync(alert, logged, person, "text message", () => channel.SendSmsAsync(mobile, message, reference, ct), ct);
            }

            if (person.Email is { Length: > 0 } email)
            {
                anySent |= await TryAsync(alert, logged, person, "e-mail", () => channel.SendEmailAsync(email, subject, message, reference, ct), ct);
            }

            if (person.Mobile is not { Length: > 0 } && person.Email is not { Length: > 0 })
            {
                db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, $"{person.Name}: no mobile number or e-mail address in Mend", Now, person.Id));
            }
        }

        return anySent;
    }

    private async Task<bool> TryAsync(VisitAlert alert, AlertEvent logged, Recipient person, string how, Func<Task> send, CancellationToken ct)
    {
        var what = $"{person.Name} by {how}";
        try
        {
            await send();
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, logged, what, Now, person.Id));
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Lone-working alert {AlertId}: could not send by {Channel}: {Reason}", alert.Id, how, ex.Message);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, $"{what}: not sent ({ex.GetType().Name})", Now, person.Id));
            return false;
        }
    }

    /// <summary>Tells the alarm-receiving centre, when one is connected; its failure is logged, and never stops the ladder.</summary>
    private async Task PostAsync(VisitAlert alert, Visit visit, AlertEvent what, string detail, CancellationToken ct)
    {
        if (!webhook.Configured)
        {
            return;
        }

        try
        {
            var mobile = await db.Users.AsNoTracking().Where(u => u.Id == visit.WorkerId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
            await webhook.PostAsync(new(alert.Id, visit.Id, alert.Kind.ToString(), what.ToString(), alert.Step.ToString(), Now, visit.WorkerName, mobile,
                VisitPlaces.Describe(visit.Place), visit.Address, visit.ExpectedEndAt, detail), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Lone-working alert {AlertId}: the alarm-receiving centre's webhook failed: {Reason}", alert.Id, ex.Message);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, $"The alarm-receiving centre: not sent ({ex.GetType().Name})", Now));
        }
    }

    private sealed record Recipient(Guid Id, string Name, string? Mobile, string? Email);

    /// <summary>
    /// Who a step tells, never the worker after their own step (they may be on the rota or a manager), nor, for a red
    /// alert, the second worker (who is in the same room). A worker with no team has no managers to tell.
    /// </summary>
    private async Task<List<Recipient>> RecipientsAsync(AlertStep step, Visit visit, AlertKind kind, DateTime now, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => !u.IsDisabled);
        if (step != AlertStep.Worker)
        {
            var second = kind == AlertKind.Duress ? visit.SecondWorkerId : null;
            users = users.Where(u => u.Id != visit.WorkerId && u.Id != second);
        }

        switch (step)
        {
            case AlertStep.Worker:
                users = users.Where(u => u.Id == visit.WorkerId);
                break;
            case AlertStep.Buddy:
                users = users.Where(u => u.Id == visit.BuddyId);
                break;
            case AlertStep.Manager:
                var team = await db.Users.AsNoTracking().Where(u => u.Id == visit.WorkerId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
                if (team is null)
                {
                    return [];
                }

                var managers = Staff.StaffWithRoles.Of(db, Roles.Manager).Select(m => m.Id);
                users = users.Where(u => u.TeamId == team && managers.Contains(u.Id));
                break;
            default:
                var onDuty = db.DutyShifts.Where(d => d.StartsAt <= now && d.EndsAt > now).Select(d => d.UserId);
                users = users.Where(u => onDuty.Contains(u.Id));
                break;
        }

        return await users.OrderBy(u => u.DisplayName).Select(u => new Recipient(u.Id, u.DisplayName, u.PhoneNumber, u.Email)).ToListAsync(ct);
    }

    private static string Nobody(AlertStep step) => step switch
    {
        AlertStep.Worker => "The worker's account is disabled: nobody to prompt",
        AlertStep.Buddy => "The buddy's account is disabled, or they are the worker: nobody to tell",
        AlertStep.Manager => "No manager in the worker's team: nobody to tell",
        _ => "No duty manager (other than the worker) is on the rota now: nobody to tell",
    };

    /// <summary>
    /// What the step says. No case, no names of the people visited: who is out, where, since when, how to reach them. A red
    /// alert gives no number to call (a ringing phone could give the worker away).
    /// </summary>
    private (string Subject, string Message) Message(VisitAlert alert, Visit visit, string? workerMobile)
    {
        var site = notificationSettings.PublicUrl?.TrimEnd('/') ?? "";
        if (alert.Kind == AlertKind.Duress)
        {
            return ($"RED ALERT: {visit.WorkerName} used the duress code",
                $"Mend lone working RED ALERT: {visit.WorkerName} used the duress code at {Clock(alert.RaisedAt)} checking out of a visit ({VisitPlaces.Describe(visit.Place).ToLowerInvariant()}) at {visit.Address}. "
                + $"Do not call them. Follow your service's duress procedure, and acknowledge in Mend when you have taken it on: {site}/Visits/Alerts/{alert.Id}");
        }

        if (alert.Step == AlertStep.Worker)
        {
            var what = visit.Status == VisitStatus.Planned ? "you have not checked in or out of your visit" : "you have not checked out of your visit";
            return ("Are you safe? Your visit has not been checked out",
                $"Mend lone working: {what} at {visit.Address}, due to end at {Clock(visit.ExpectedEndAt)}. Check out or extend it now: {site}/Visits/Now. "
                + $"If you do not, your buddy {visit.BuddyName} will be told in {settings.AnswerWithin.TotalMinutes:0} minutes.");
        }

        var reach = workerMobile is null ? "" : $" Their mobile: {workerMobile}.";
        return ($"ALERT: {visit.WorkerName} has not checked out of a visit",
            $"Mend lone working ALERT ({EscalationLadder.Describe(alert.Step).ToLowerInvariant()}): {visit.WorkerName} has not checked out of a visit ({VisitPlaces.Describe(visit.Place).ToLowerInvariant()}) at {visit.Address}, "
            + $"due to end at {Clock(visit.ExpectedEndAt)}.{reach} Their buddy: {visit.BuddyName}. Try to reach them, then acknowledge in Mend: {site}/Visits/Alerts/{alert.Id}");
    }

    private static string Clock(DateTime utc) => utc.ToLondonTime().ToString("HH:mm 'on' ddd d MMM", CultureInfo.GetCultureInfo("en-GB"));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
