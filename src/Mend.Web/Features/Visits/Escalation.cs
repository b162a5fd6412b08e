using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>
/// One pass of the lone-working escalation, run by <see cref="EscalationJob"/> every few seconds on every node and by a
/// duress check-out at once: raises an amber alert for each visit newly overdue, sends each alert's pending step, and
/// climbs each alert whose step has waited long enough (<see cref="EscalationLadder"/>). Everything it knows is in the
/// database, so a node that dies mid-pass loses nothing: the next pass, on any node, carries on (a step whose sending
/// was cut short is sent again). Only one node runs a pass at a time: a PostgreSQL transaction-scoped advisory lock, or
/// on SQLite (one node) a lock in the process.
/// </summary>
public sealed class Escalation(MendDb db, DatabaseSettings dbSettings, LoneWorkingSettings settings, NotificationSettings notificationSettings,
    IAlertChannel channel, AlertWebhook webhook, TimeProvider clock, ILogger<Escalation> logger)
{
    private const long LockKey = 0x4d454e44_56495349; // "MENDVISI"
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> InProcess = new();

    /// <summary>Runs one pass; returns how many alerts it raised or moved, or 0 when another node is running one.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (dbSettings.Provider != DatabaseProvider.Postgres)
        {
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

        // A transaction's lock, like the audit sealer's: it goes with the transaction (or the node's connection, if the node
        // dies), and works through a transaction-pooling PgBouncer. A pass that dies after sending and before committing is
        // sent again by the next: a message twice rather than never.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct))
        {
            return 0;
        }

        var done = await PassAsync(ct);
        await transaction.CommitAsync(ct);
        return done;
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        var done = await RaiseOverdueAsync(ct);
        var open = await db.VisitAlerts.Where(a => a.EndedAt == null).OrderBy(a => a.RaisedAt).ToListAsync(ct);
        foreach (var alert in open)
        {
            try
            {
                done += await MoveAsync(alert, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Acknowledged (or answered) while this pass was sending: the acknowledgement stands.
                db.ChangeTracker.Clear();
            }
        }

        return done;
    }

    private async Task<int> RaiseOverdueAsync(CancellationToken ct)
    {
        var now = Now;
        var since = now - settings.Grace;
        var overdue = await db.Visits
            .Where(v => v.Status == VisitStatus.InProgress && v.ExpectedEndAt < since)
            .Where(v => !db.VisitAlerts.Any(a => a.VisitId == v.Id && a.Kind == AlertKind.Overdue && a.ExpectedEndAt == v.ExpectedEndAt))
            .ToListAsync(ct);
        foreach (var visit in overdue)
        {
            var alert = VisitAlert.Overdue(visit, now);
            db.VisitAlerts.Add(alert);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Raised, $"Not checked out: the visit was due to end at {Clock(visit.ExpectedEndAt)}", now));
        }

        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    /// <summary>Sends the alert's pending step and climbs while a step is due (at once after a failure), at most once round the ladder per pass.</summary>
    private async Task<int> MoveAsync(VisitAlert alert, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == alert.VisitId, ct);
        var moved = 0;
        for (var i = 0; i < 5; i++)
        {
            var now = Now;
            if (alert.StepState == StepState.Pending)
            {
                var sent = await SendStepAsync(alert, visit, now, ct);
                alert.StepDone(sent, now);
                await db.SaveChangesAsync(ct);
                moved++;
                continue;
            }

            if (EscalationLadder.Next(alert, now, settings) is not { } next || (next == alert.Step && i > 0))
            {
                break;
            }

            alert.Climb(next);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Escalated, $"Escalated to {EscalationLadder.Describe(next).ToLowerInvariant()}", now));
            await db.SaveChangesAsync(ct);
            await PostAsync(alert, visit, AlertEvent.Escalated, $"Escalated to {EscalationLadder.Describe(next).ToLowerInvariant()}", ct);
        }

        return moved;
    }

    /// <summary>Tells everyone the step names, in Mend and outside it; true when at least one message left Mend.</summary>
    private async Task<bool> SendStepAsync(VisitAlert alert, Visit visit, DateTime now, CancellationToken ct)
    {
        var steps = alert.Kind == AlertKind.Duress && alert.Step == AlertStep.Buddy ? EscalationLadder.Duress : [alert.Step];
        var recipients = new List<Recipient>();
        foreach (var step in steps)
        {
            var found = await RecipientsAsync(step, visit, now, ct);
            if (found.Count == 0)
            {
                db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, Nobody(step), now));
            }

            recipients.AddRange(found.Where(r => recipients.All(o => o.Id != r.Id)));
        }

        var worker = await db.Users.AsNoTracking().Where(u => u.Id == visit.WorkerId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
        var (subject, message) = Message(alert, visit, worker);
        var anySent = false;
        foreach (var person in recipients)
        {
            db.Notifications.Add(Notification.To(person.Id, subject, alert.Step == AlertStep.Worker && alert.Kind == AlertKind.Overdue ? "/Visits/Now" : $"/Visits/Alerts/{alert.Id}", now));
            var reference = $"mend-alert-{alert.Id}-{alert.Step}-{person.Id:N}";
            if (person.Mobile is { Length: > 0 } mobile)
            {
                anySent |= await TryAsync(alert, $"{person.Name} by text message", () => channel.SendSmsAsync(mobile, message, reference, ct), ct);
            }

            if (person.Email is { Length: > 0 } email)
            {
                anySent |= await TryAsync(alert, $"{person.Name} by e-mail", () => channel.SendEmailAsync(email, subject, message, reference, ct), ct);
            }

            if (person.Mobile is not { Length: > 0 } && person.Email is not { Length: > 0 })
            {
                db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, $"{person.Name}: no mobile number or e-mail address in Mend", Now));
            }
        }

        await PostAsync(alert, visit, anySent ? AlertEvent.Sent : AlertEvent.Failed, subject, ct);
        return anySent;
    }

    private async Task<bool> TryAsync(VisitAlert alert, string what, Func<Task> send, CancellationToken ct)
    {
        try
        {
            await send();
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Sent, what, Now));
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Lone-working alert {AlertId}: could not send to {Recipient}: {Reason}", alert.Id, what, ex.Message);
            db.VisitAlertLog.Add(AlertLogEntry.For(alert, AlertEvent.Failed, $"{what}: not sent ({ex.GetType().Name})", Now));
            return false;
        }
    }

    /// <summary>Tells the alarm-receiving centre, when one is connected; its failure is logged, and never stops the ladder.</summary>
    internal async Task PostAsync(VisitAlert alert, Visit visit, AlertEvent what, string detail, CancellationToken ct)
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
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed record Recipient(Guid Id, string Name, string? Mobile, string? Email);

    private async Task<List<Recipient>> RecipientsAsync(AlertStep step, Visit visit, DateTime now, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => !u.IsDisabled);
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
                var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(ct);
                users = users.Where(u => u.TeamId == team && u.Id != visit.WorkerId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == managerRole));
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
        AlertStep.Buddy => "The buddy's account is disabled: nobody to tell",
        AlertStep.Manager => "No manager in the worker's team: nobody to tell",
        _ => "No duty manager is on the rota now: nobody to tell",
    };

    /// <summary>What the step says. No case, no names of the people visited: who is out, where, since when, how to reach them.</summary>
    private (string Subject, string Message) Message(VisitAlert alert, Visit visit, string? workerMobile)
    {
        var site = notificationSettings.PublicUrl?.TrimEnd('/') ?? "";
        var reach = workerMobile is null ? "" : $" Their mobile: {workerMobile}.";
        if (alert.Kind == AlertKind.Duress)
        {
            return ($"RED ALERT: {visit.WorkerName} used the duress code",
                $"Mend lone working RED ALERT: {visit.WorkerName} used the duress code at {Clock(alert.RaisedAt)} checking out of a visit ({VisitPlaces.Describe(visit.Place).ToLowerInvariant()}) at {visit.Address}.{reach} "
                + $"Follow your service's duress procedure. Acknowledge in Mend when you have taken it on: {site}/Visits/Alerts/{alert.Id}");
        }

        if (alert.Step == AlertStep.Worker)
        {
            return ("Are you safe? Your visit has not been checked out",
                $"Mend lone working: your visit at {visit.Address} was due to end at {Clock(visit.ExpectedEndAt)}. Check out or extend it now: {site}/Visits/Now. "
                + $"If you do not, your buddy {visit.BuddyName} will be told in {settings.AnswerWithin.TotalMinutes:0} minutes.");
        }

        return ($"ALERT: {visit.WorkerName} has not checked out of a visit",
            $"Mend lone working ALERT ({EscalationLadder.Describe(alert.Step).ToLowerInvariant()}): {visit.WorkerName} has not checked out of a visit ({VisitPlaces.Describe(visit.Place).ToLowerInvariant()}) at {visit.Address}, "
            + $"due to end at {Clock(visit.ExpectedEndAt)}.{reach} Their buddy: {visit.BuddyName}. Try to reach them, then acknowledge in Mend: {site}/Visits/Alerts/{alert.Id}");
    }

    private static string Clock(DateTime utc) => utc.ToLondonTime().ToString("HH:mm 'on' ddd d MMM", CultureInfo.GetCultureInfo("en-GB"));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
