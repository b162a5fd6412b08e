using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Features.Notifications;
using Mend.Web.Platform.Email;
using Mend.Web.Platform.Security;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>
/// Meetings in people's diaries: invitations (and cancellations) to the facilitators and panel
/// members, in Mend and by e-mail with the meeting attached, and each user's private calendar feed.
/// Neither names the people taking part.
/// </summary>
public sealed class MeetingDiary(MendDb db, Staff.PanelClearance clearance, Notify notify, IEmailSender email, Platform.Email.EmailSettings emailSettings, TimeProvider clock, ILogger<MeetingDiary> logger)
{
    public sealed record Invitee(Guid UserId, string Part, string Link);

    /// <summary>Who a meeting invites: the facilitators, and the panel's members for a panel process.</summary>
    public async Task<IReadOnlyList<Invitee>> InviteesAsync(RjProcess process, CancellationToken ct)
    {
        var invitees = new List<Invitee>();
        if (process.FacilitatorId is { } facilitator)
        {
            invitees.Add(new(facilitator, "facilitating", $"/Processes/{process.Id}"));
        }

        if (process.CoFacilitatorId is { } co)
        {
            invitees.Add(new(co, "co-facilitating", $"/Processes/{process.Id}"));
        }

        if (process.PanelId is { } panelId)
        {
            var members = await db.Panels.AsNoTracking().Where(p => p.Id == panelId).SelectMany(p => p.Members.Select(m => m.UserId)).ToListAsync(ct);
            invitees.AddRange(members.Where(m => invitees.All(i => i.UserId != m)).Select(m => new Invitee(m, "on the panel for", $"/Panels/Meetings/{process.Id}")));
        }

        return invitees;
    }

    /// <summary>Adds the in-Mend notifications to the caller's unit of work; the e-mails follow once it is saved.</summary>
    public void Notify(RjProcess process, IEnumerable<Invitee> invited, IEnumerable<Invitee> cancelled)
    {
        foreach (var i in invited)
        {
            notify.InApp(i.UserId, $"You are {i.Part} a restorative meeting on {When(process)}", i.Link);
        }

        foreach (var i in cancelled)
        {
            notify.InApp(i.UserId, $"You are no longer {i.Part} the restorative meeting on {When(process)}", i.Link);
        }
    }

    /// <summary>E-mails each invitation or cancellation with the meeting attached. A relay outage is logged, never shown as a failure.</summary>
    public async Task SendAsync(RjProcess process, IReadOnlyList<Invitee> invited, IReadOnlyList<Invitee> cancelled, CancellationToken ct)
    {
        if (!notify.Settings.Email || invited.Count + cancelled.Count == 0)
        {
            return;
        }

        var entry = (await EntriesAsync([process], ct)).Single();
        var ids = invited.Concat(cancelled).Select(i => i.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        var site = notify.Settings.PublicUrl?.TrimEnd('/');
        foreach (var (invitee, cancel) in invited.Select(i => (i, false)).Concat(cancelled.Select(i => (i, true))))
        {
            if (!users.TryGetValue(invitee.UserId, out var user))
            {
                continue;
            }

            var ics = MeetingCalendar.Invitation(entry with { Link = "Open it in Mend for the details." }, cancel, emailSettings.From, user.Email!);
            var body = cancel
                ? $"Hello {user.DisplayName},\n\nYou are no longer {invitee.Part} the restorative meeting for case {entry.CaseReference} on {When(process)}. The attached file removes it from your calendar.\n"
                : $"Hello {user.DisplayName},\n\nYou are {invitee.Part} a restorative meeting for case {entry.CaseReference} on {When(process)}, {entry.Place}.\n\n"
                  + $"The meeting is attached for your calendar. Sign in to Mend{(site is null ? "" : $" at {site}{invitee.Link}")} for the safety plan and who is attending.\n";
            try
            {
                await email.SendAsync(new EmailMessage(user.Email!, cancel ? $"Mend: meeting cancelled, {When(process)}" : $"Mend: restorative meeting, {When(process)}", body,
                    [new EmailAttachment(cancel ? "cancelled-meeting.ics" : "meeting.ics", MeetingCalendar.InvitationContentType(cancel), System.Text.Encoding.UTF8.GetBytes(ics))]), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send a meeting invitation e-mail");
            }
        }
    }

    /// <summary>The case reference and place of each meeting, in two queries.</summary>
    public async Task<IReadOnlyList<MeetingCalendar.Entry>> EntriesAsync(IReadOnlyList<RjProcess> processes, CancellationToken ct)
    {
        var caseIds = processes.Select(p => p.CaseId).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var venueIds = processes.Where(p => p.VenueId != null).Select(p => p.VenueId!.Value).Distinct().ToList();
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        return processes.Select(p =>
        {
            var venue = p.VenueId is { } id ? venues[id] : null;
            var place = venue is null ? "Video call" : $"{venue.Rooms.FirstOrDefault(r => r.Id == p.RoomId)?.Name}, {venue.Name}{(venue.Address is null ? "" : ", " + venue.Address)}";
            return new MeetingCalendar.Entry(p, references[p.CaseId], place, "Open the case in Mend for the safety plan and who is attending.");
        }).ToList();
    }

    /// <summary>The feed behind a secret address, or null if the address is unknown or turned off.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.TokenHash == hash, ct);
        var owner = feed is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == feed.UserId && !u.IsDisabled).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (feed is null || owner is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        var userId = feed.UserId;
        var panels = clearance.PanelsSatOnBy(userId, Platform.Time.London.DateOf(now));
        var meetings = await db.RjProcesses.AsNoTracking()
            .Where(p => p.StartsAt != null && p.StartsAt >= since && p.Status != ProcessStatus.Withdrawn && p.Status != ProcessStatus.NotSuitable)
            .Where(p => p.FacilitatorId == userId || p.CoFacilitatorId == userId || (p.PanelId != null && panels.Contains(p.PanelId.Value)))
            .OrderBy(p => p.StartsAt).Take(500).ToListAsync(ct);
        // Visits (times and places: never whom, or what for) and the order appointments on the user's cases.
        var visits = await db.Visits.AsNoTracking()
            .Where(v => (v.WorkerId == userId || v.SecondWorkerId == userId) && v.StartsAt >= since && v.Status != Visits.VisitStatus.Cancelled)
            .OrderBy(v => v.StartsAt).Take(500).ToListAsync(ct);
        var contacts = await db.Set<Orders.OrderContact>().AsNoTracking()
            .Where(c => c.At >= since && db.Orders.Any(o => o.Id == c.OrderId && db.Cases.Any(k => k.Id == o.CaseId && k.AllocatedWorkerId == userId)))
            .OrderBy(c => c.At).Take(500).Select(c => new { c.Id, c.At }).ToListAsync(ct);
        var others = visits.Select(v => new MeetingCalendar.Other($"{v.Id}@mend-visit", Visits.VisitPlaces.Describe(v.Place), v.Address, v.StartsAt, v.ExpectedEndAt, v.Version))
            .Concat(contacts.Select(c => new MeetingCalendar.Other($"{c.Id}@mend-appointment", "Order appointment", null, c.At, c.At.AddHours(1), 0)));
        feed.Read(now);
        await db.SaveChangesAsync(ct);
        return MeetingCalendar.Feed(await EntriesAsync(meetings, ct), owner, others);
    }

    /// <summary>Makes (or replaces) the user's secret feed address; it is returned once and only its hash is kept.</summary>
    public async Task<string> MakeFeedAsync(Guid userId, CancellationToken ct)
    {
        var token = LinkTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            db.CalendarFeeds.Add(CalendarFeed.For(userId, LinkTokens.Hash(token), now));
        }
        else
        {
            feed.Replace(LinkTokens.Hash(token), now);
        }

        await db.SaveChangesAsync(ct);
        return $"/calendar/{token}.ics";
    }

    public async Task TurnOffFeedAsync(Guid userId, CancellationToken ct)
    {
        if (await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct) is { } feed)
        {
            db.CalendarFeeds.Remove(feed);
            await db.SaveChangesAsync(ct);
        }
    }

    private static string When(RjProcess process) =>
        process.StartsAt!.Value.ToLondonTime().ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The .ics file for a scheduled meeting the user can see (page and API alike), or null.</summary>
    public async Task<(byte[] Content, string Name)?> IcsFileAsync(IQueryable<RjProcess> visible, Guid id, CancellationToken ct)
    {
        var process = await visible.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == ProcessStatus.Scheduled, ct);
        if (process is null)
        {
            return null;
        }

        var entry = (await EntriesAsync([process], ct)).Single();
        return (System.Text.Encoding.UTF8.GetBytes(MeetingCalendar.For(process, entry.CaseReference, entry.Place)), $"meeting-{entry.CaseReference}.ics");
    }
}
