using Mend.Web.Data;
using Mend.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Notifications;

/// <summary>Mend:Notifications: whether users are also told by e-mail.</summary>
public sealed class NotificationSettings
{
    /// <summary>Also e-mail the user (the e-mail says only that there is something to see in Mend).</summary>
    public bool Email { get; set; } = true;

    /// <summary>The address users sign in at, for the link in the e-mail.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Tells a user something in Mend, and by e-mail when configured. The notification is added to the
/// caller's unit of work; the e-mail goes only after that is saved, and carries no case details.
/// </summary>
public sealed class Notify(MendDb db, IEmailSender email, NotificationSettings settings, TimeProvider clock, ILogger<Notify> logger)
{
    private readonly List<(Guid UserId, string Subject)> _emails = [];

    public void User(Guid userId, string text, string link, string emailSubject)
    {
        db.Notifications.Add(Notification.To(userId, text, link, clock.GetUtcNow().UtcDateTime));
        _emails.Add((userId, emailSubject));
    }

    /// <summary>Tells a user in Mend only, when the caller sends its own e-mail.</summary>
    public void InApp(Guid userId, string text, string link) =>
        db.Notifications.Add(Notification.To(userId, text, link, clock.GetUtcNow().UtcDateTime));

    public NotificationSettings Settings => settings;

    /// <summary>Sends the e-mails for the notifications just saved. A relay outage is logged, never shown as a failure.</summary>
    public async Task SendEmailsAsync(CancellationToken ct)
    {
        if (!settings.Email || _emails.Count == 0)
        {
            _emails.Clear();
            return;
        }

        var ids = _emails.Select(e => e.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        foreach (var (userId, subject) in _emails)
        {
            if (!users.TryGetValue(userId, out var user))
            {
                continue;
            }

            try
            {
                await email.SendAsync(new EmailMessage(user.Email!, $"Mend: {subject}",
                    $"Hello {user.DisplayName},\n\n{subject}. Sign in to Mend{(settings.PublicUrl is null ? "" : " at " + settings.PublicUrl)} and open your notifications to see it.\n"), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send a notification e-mail");
            }
        }

        _emails.Clear();
    }
}
