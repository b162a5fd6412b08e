using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Staff;

public enum SupervisionKind
{
    /// <summary>Case supervision with an experienced case supervisor.</summary>
    CaseSupervision,

    /// <summary>A supervisor watching the practitioner facilitate.</summary>
    ObservedPractice,
}

/// <summary>
/// A practitioner's case supervision or observed practice: when, who supervised, the cases discussed (by reference) and the
/// notes and actions, kept encrypted. <see cref="SupervisionRule"/> says when the next is due.
/// </summary>
public sealed class Supervision
{
    public const int CasesLength = 500;
    public const int NotesLength = 4000;

    public long Id { get; private set; }
    public Guid SuperviseeId { get; private set; }
    public Guid SupervisorId { get; private set; }
    public string SupervisorName { get; private set; } = "";
    public SupervisionKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }

    /// <summary>The case references discussed, as typed ("RJ-2026-00012, RJ-2026-00015").</summary>
    public string? CasesDiscussed { get; private set; }
    public string NotesCiphertext { get; private set; } = "";
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public sealed record Details(SupervisionKind? Kind, Guid? SupervisorId, string? SupervisorName, DateOnly? HeldOn, string? CasesDiscussed, string? Notes);

    /// <summary>
    /// A supervision recorded. Nobody supervises themselves, and the person supervised does not record their own
    /// supervision: a supervisor or manager does.
    /// </summary>
    /// <exception cref="DomainRuleException">A field refused, naming it: "kind", "supervisorId", "heldOn", "casesDiscussed", "notes"; or the whole ("") when the supervisee records it.</exception>
    public static Supervision Record(Guid superviseeId, Details details, DateOnly today, FieldEncryption encryption, Guid byId, string byName, DateTime now)
    {
        if (byId == superviseeId)
        {
            throw new DomainRuleException("You cannot record your own supervision: your supervisor or a manager records it");
        }

        if (details.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Choose case supervision or observed practice", "kind");
        }

        if (details.SupervisorId is not { } supervisor || supervisor == superviseeId)
        {
            throw new DomainRuleException("Choose the supervisor: someone other than the person supervised", "supervisorId");
        }

        if (details.HeldOn is not { } held)
        {
            throw new DomainRuleException("Enter the date it was held", "heldOn");
        }

        if (held > today)
        {
            throw new DomainRuleException("The date held must be today or in the past", "heldOn");
        }

        var cases = TextInput.Clean(details.CasesDiscussed);
        if (cases is { Length: > CasesLength })
        {
            throw new DomainRuleException($"The cases discussed must be {CasesLength} characters or fewer", "casesDiscussed");
        }

        var notes = TextInput.Clean(details.Notes) ?? throw new DomainRuleException("Enter the notes and actions agreed", "notes");
        if (notes.Length > NotesLength)
        {
            throw new DomainRuleException($"The notes must be {NotesLength} characters or fewer", "notes");
        }

        return new Supervision
        {
            SuperviseeId = superviseeId,
            SupervisorId = supervisor,
            SupervisorName = details.SupervisorName ?? "",
            Kind = kind,
            HeldOn = held,
            CasesDiscussed = cases,
            NotesCiphertext = encryption.Encrypt(notes),
            RecordedById = byId,
            RecordedByName = byName,
            RecordedAt = now,
        };
    }

    public string ReadNotes(FieldEncryption encryption) => encryption.Decrypt(NotesCiphertext);

    /// <summary>
    /// Supervision notes are about a worker's practice and wellbeing: only the supervisor, whoever recorded them and the
    /// managers of the worker's own team read them; other managers and administrators see that supervision was held.
    /// </summary>
    public bool NotesReadableBy(Guid viewerId, bool managesTheirTeam) => viewerId == SupervisorId || viewerId == RecordedById || managesTheirTeam;
}

/// <summary>
/// When a practitioner's next supervision is due. Source: Restorative Justice Council, Practitioner Code of Practice,
/// requirement C (restorativejustice.org.uk/resources/practitioner-code-practice): case supervision "at least every 12
/// weeks" and "a minimum of one observed practice per year".
/// </summary>
public static class SupervisionRule
{
    public const string Source = "Restorative Justice Council, Practitioner Code of Practice, requirement C";

    public static readonly IReadOnlyDictionary<SupervisionKind, Func<DateOnly, DateOnly>> Next = new Dictionary<SupervisionKind, Func<DateOnly, DateOnly>>
    {
        [SupervisionKind.CaseSupervision] = last => last.AddDays(12 * 7),
        [SupervisionKind.ObservedPractice] = last => last.AddYears(1),
    };

    /// <summary>The day the next of <paramref name="kind"/> is due after one held on <paramref name="last"/>.</summary>
    public static DateOnly DueAfter(SupervisionKind kind, DateOnly last) => Next[kind](last);

    public static string Describe(SupervisionKind kind) => kind == SupervisionKind.CaseSupervision ? "Case supervision" : "Observed practice";
}

internal sealed class SupervisionModel : IEntityTypeConfiguration<Supervision>
{
    public void Configure(EntityTypeBuilder<Supervision> builder)
    {
        builder.ToTable("Supervisions");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.SupervisorName).HasMaxLength(200).IsOneLine();
        builder.Property(s => s.CasesDiscussed).HasMaxLength(Supervision.CasesLength);
        builder.Property(s => s.RecordedByName).HasMaxLength(200);
        builder.HasOne<MendUser>().WithMany().HasForeignKey(s => s.SuperviseeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.SuperviseeId, s.Kind, s.HeldOn });
    }
}
