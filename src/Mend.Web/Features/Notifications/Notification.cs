using Mend.Web.Platform;

namespace Mend.Web.Features.Notifications;

/// <summary>
/// A message to one user inside Mend, such as an assessment decision. It holds no personal data
/// beyond what the linked page shows, and is marked read when the user opens it.
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Text { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public static Notification To(Guid userId, string text, string link, DateTime now)
    {
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new DomainRuleException("A notification links only to a page inside Mend.");
        }

        return new Notification { UserId = userId, Text = text, Link = link, CreatedAt = now };
    }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
