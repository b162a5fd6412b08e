using Mend.Web.Platform;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Meetings;

/// <summary>The kind of meeting between professionals about a case.</summary>
public enum MeetingKind
{
    /// <summary>A strategy meeting or discussion under child protection procedures (Children Act 1989 s.47).</summary>
    StrategyMeeting,
    ChildProtectionConference,

    /// <summary>Multi-agency public protection arrangements (MAPPA) or a risk management meeting.</summary>
    RiskManagement,
    MultiAgencyMeeting,
    Other,
}

public static class MeetingWords
{
    public static string Describe(MeetingKind kind) => kind switch
    {
        MeetingKind.StrategyMeeting => "Strategy meeting or discussion",
        MeetingKind.ChildProtectionConference => "Child protection conference",
        MeetingKind.RiskManagement => "Risk management or MAPPA meeting",
        MeetingKind.MultiAgencyMeeting => "Multi-agency meeting",
        _ => "Another professionals' meeting",
    };
}

/// <summary>
/// A meeting of professionals about a case: when, the agencies present, what was decided (encrypted), and the actions
/// agreed, each with an owner and a due date, tracked until done on the caseload.
/// </summary>
public sealed class ProfessionalMeeting : IVersioned
{
    public const int AgenciesLength = 500;
    public const int DecisionsLength = 4000;
    public const int MostActions = 30;

    private readonly List<MeetingAction> _actions = [];

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public MeetingKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }

    /// <summary>The agencies present, as typed ("Children's social care, police, school").</summary>
    public string AgenciesPresent { get; private set; } = "";
    public string DecisionsCiphertext { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public int Version { get; set; }
    public IReadOnlyList<MeetingAction> Actions => _actions;

    public sealed record Details(MeetingKind? Kind, DateOnly? HeldOn, string? AgenciesPresent, string? Decisions);

    /// <summary>Every field refused, by the API's name: the kind; held today or before; the agencies present; the decisions.</summary>
    public static Dictionary<string, string> Problems(Details d, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (d.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = "Choose the kind of meeting";
        }

        if (d.HeldOn is not { } held)
        {
            errors["heldOn"] = "Enter the date of the meeting";
        }
        else if (held > today)
        {
            errors["heldOn"] = "The meeting must have been held today or before: record it afterwards";
        }

        var agencies = TextInput.Clean(d.AgenciesPresent);
        if (agencies is null)
        {
            errors["agenciesPresent"] = "Enter the agencies present";
        }
        else if (agencies.Length > AgenciesLength)
        {
            errors["agenciesPresent"] = $"The agencies present must be {AgenciesLength} characters or fewer";
        }

        var decisions = TextInput.Clean(d.Decisions);
        if (decisions is null)
        {
            errors["decisions"] = "Enter what was decided";
        }
        else if (decisions.Length > DecisionsLength)
        {
            errors["decisions"] = $"The decisions must be {DecisionsLength} characters or fewer";
        }

        return errors;
    }

    /// <exception cref="DomainRuleException">The first problem <see cref="Problems"/> finds, naming its field.</exception>
    public static ProfessionalMeeting Record(Guid caseId, Details d, DateOnly today, FieldEncryption encryption, string byName, DateTime now)
    {
        if (Problems(d, today) is { Count: > 0 } problems)
        {
            var (field, message) = problems.First();
            throw new DomainRuleException(message, field);
        }

        return new ProfessionalMeeting
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            Kind = d.Kind!.Value,
            HeldOn = d.HeldOn!.Value,
            AgenciesPresent = TextInput.Clean(d.AgenciesPresent)!,
            DecisionsCiphertext = encryption.Encrypt(TextInput.Clean(d.Decisions)!),
            RecordedByName = byName,
            RecordedAt = now,
        };
    }

    public string ReadDecisions(FieldEncryption encryption) => encryption.Decrypt(DecisionsCiphertext);

    /// <summary>An action agreed: what, whose (a Mend user or someone at another agency, by name), due on or after the meeting.</summary>
    /// <exception cref="DomainRuleException">A field refused, naming it (the API's "what", "owner", "dueOn"), or too many actions.</exception>
    public MeetingAction AddAction(string? what, Guid? ownerUserId, string? ownerName, DateOnly? dueOn, string prefix = "")
    {
        var text = TextInput.Clean(what) ?? throw new DomainRuleException("Enter the action", prefix + "what");
        if (text.Length > MeetingAction.WhatLength)
        {
            throw new DomainRuleException($"The action must be {MeetingAction.WhatLength} characters or fewer", prefix + "what");
        }

        var owner = TextInput.Clean(ownerName) ?? throw new DomainRuleException("Choose or enter who will do it", prefix + "owner");
        if (owner.Length > MeetingAction.OwnerLength)
        {
            throw new DomainRuleException($"The owner must be {MeetingAction.OwnerLength} characters or fewer", prefix + "owner");
        }

        if (dueOn is not { } due)
        {
            throw new DomainRuleException("Enter when the action is due", prefix + "dueOn");
        }

        if (due < HeldOn)
        {
            throw new DomainRuleException("The action must be due on or after the day of the meeting", prefix + "dueOn");
        }

        if (_actions.Count >= MostActions)
        {
            throw new DomainRuleException($"A meeting can have at most {MostActions} actions");
        }

        var action = new MeetingAction(text, ownerUserId, owner, due);
        _actions.Add(action);
        return action;
    }

    /// <exception cref="DomainRuleException">No such action, or it is done already.</exception>
    public MeetingAction CompleteAction(long actionId, DateOnly today, string byName)
    {
        var action = _actions.SingleOrDefault(a => a.Id == actionId) ?? throw new DomainRuleException("There is no such action on this meeting");
        action.Complete(today, byName);
        return action;
    }
}

/// <summary>
/// An action agreed at a professionals' meeting: on the caseload of whoever holds the case until done; an owner in Mend is
/// told of it when it is recorded.
/// </summary>
public sealed class MeetingAction(string what, Guid? ownerUserId, string ownerName, DateOnly dueOn)
{
    public const int WhatLength = 300;
    public const int OwnerLength = 200;

    public long Id { get; private set; }
    public Guid ProfessionalMeetingId { get; private set; }
    public string What { get; private set; } = what;

    /// <summary>The owner when they use Mend; otherwise only their name and agency ("DS Khan, police").</summary>
    public Guid? OwnerUserId { get; private set; } = ownerUserId;
    public string OwnerName { get; private set; } = ownerName;
    public DateOnly DueOn { get; private set; } = dueOn;
    public DateOnly? DoneOn { get; private set; }
    public string? DoneByName { get; private set; }

    public bool IsDone => DoneOn is not null;

    internal void Complete(DateOnly today, string byName)
    {
        if (IsDone)
        {
            throw new DomainRuleException("This action is already marked done");
        }

        DoneOn = today;
        DoneByName = byName;
    }
}

internal sealed class ProfessionalMeetingModel : IEntityTypeConfiguration<ProfessionalMeeting>
{
    public void Configure(EntityTypeBuilder<ProfessionalMeeting> builder)
    {
        builder.ToTable("ProfessionalMeetings");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.AgenciesPresent).HasMaxLength(ProfessionalMeeting.AgenciesLength);
        builder.Property(m => m.RecordedByName).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.ProfessionalMeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Actions).AutoInclude();
        builder.HasIndex(m => new { m.CaseId, m.HeldOn });
    }
}

internal sealed class MeetingActionModel : IEntityTypeConfiguration<MeetingAction>
{
    public void Configure(EntityTypeBuilder<MeetingAction> builder)
    {
        builder.ToTable("MeetingActions");
        builder.Property(a => a.What).HasMaxLength(MeetingAction.WhatLength);
        builder.Property(a => a.OwnerName).HasMaxLength(MeetingAction.OwnerLength).IsOneLine();
        builder.Property(a => a.DoneByName).HasMaxLength(200);
        builder.HasIndex(a => new { a.OwnerUserId, a.DoneOn, a.DueOn });
    }
}
