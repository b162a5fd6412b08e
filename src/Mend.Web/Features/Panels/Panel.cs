using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Changes;

namespace Mend.Web.Features.Panels;

/// <summary>
/// A community RJ panel or a referral-order (youth offender) panel: a standing group of trained
/// volunteers and staff, one of whom chairs. Members see only their panels' meetings, with the
/// least case information the panel needs. Panels are retired, never deleted.
/// </summary>
public sealed class Panel : IVersioned
{
    private readonly List<PanelMember> _members = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public PanelKind Kind { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>When the panel or its membership last changed; it moves the version when only a member changed.</summary>
    public DateTime ChangedAt { get; private set; }
    public int Version { get; set; }

    public void Touch(DateTime now) => ChangedAt = now;

    public IReadOnlyList<PanelMember> Members => _members;

    public PanelMember? Chair => _members.FirstOrDefault(m => m.IsChair);

    public static Panel Create(string name, PanelKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the panel's name.");
        }

        return new Panel { Name = name.Trim(), Kind = kind };
    }

    public void Rename(string name, bool isActive)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the panel's name.");
        }

        Name = name.Trim();
        IsActive = isActive;
    }

    public void AddMember(Guid userId, string displayName, DateTime now)
    {
        if (_members.Any(m => m.UserId == userId))
        {
            throw new DomainRuleException($"{displayName} is already on this panel.");
        }

        _members.Add(new PanelMember(userId, displayName, now));
    }

    public void RemoveMember(Guid userId)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId) ?? throw new DomainRuleException("That person is not on this panel.");
        _members.Remove(member);
    }

    /// <summary>Makes one member the chair; the panel has one chair at a time.</summary>
    public void MakeChair(Guid userId)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId) ?? throw new DomainRuleException("Only a member of the panel can chair it.");
        foreach (var m in _members)
        {
            m.IsChair = m == member;
        }
    }

    public bool HasMember(Guid userId) => _members.Any(m => m.UserId == userId);

    /// <summary>The kind of panel a restorative process of this kind meets with, or null if it has none.</summary>
    public static PanelKind? For(Processes.ProcessKind kind) => kind switch
    {
        Processes.ProcessKind.CommunityPanel => PanelKind.CommunityRj,
        Processes.ProcessKind.ReferralOrderPanel => PanelKind.ReferralOrder,
        _ => null,
    };
}

public sealed class PanelMember(Guid userId, string displayName, DateTime addedAt)
{
    public long Id { get; private set; }
    public int PanelId { get; private set; }
    public Guid UserId { get; private set; } = userId;
    public string DisplayName { get; private set; } = displayName;
    public DateTime AddedAt { get; private set; } = addedAt;
    public bool IsChair { get; internal set; }
}

public enum PanelKind
{
    CommunityRj,
    ReferralOrder,
}
