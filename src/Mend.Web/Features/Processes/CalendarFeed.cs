using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Processes;

/// <summary>
/// A user's private calendar feed: a secret address Outlook or Google Calendar reads to show the
/// meetings the user facilitates or sits on as a panel member. Only the address's hash is kept; a new
/// address replaces the old one, and turning it off stops it at once.
/// </summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    [Platform.Changes.Bookkeeping]
    public DateTime? LastReadAt { get; private set; }

    public static CalendarFeed For(Guid userId, string tokenHash, DateTime now) => new() { UserId = userId, TokenHash = tokenHash, CreatedAt = now };

    public void Replace(string tokenHash, DateTime now)
    {
        TokenHash = tokenHash;
        CreatedAt = now;
        LastReadAt = null;
    }

    public void Read(DateTime now) => LastReadAt = now;
}

internal sealed class CalendarFeedModel : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<MendUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
