using Microsoft.AspNetCore.Identity;

namespace Mend.Web.Platform.Auth;

/// <summary>A member of staff or volunteer who signs in to Mend.</summary>
public sealed class MendUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? InvitedAt { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be used twice (SECURITY.md 2.8.4).</summary>
    [Platform.Changes.Bookkeeping]
    public long LastTotpTimeStep { get; set; }

    /// <summary>The team whose cases the user works on and sees.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>Their level in the RJC practitioner framework, which sets their yearly CPD hours; null for those not practising.</summary>
    public Features.Staff.PractitionerLevel? PractitionerLevel { get; set; }

    public static MendUser Create(string email, string displayName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        UserName = email,
        DisplayName = displayName,
        CreatedAt = now,
        LockoutEnabled = true,
        TeamId = Features.Staff.Team.DefaultId,
    };

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;
}

public sealed class MendRole : IdentityRole<Guid>
{
    public MendRole() { }

    public MendRole(string name) : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}
