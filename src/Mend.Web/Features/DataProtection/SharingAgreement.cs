using Mend.Web.Platform;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.DataProtection;

/// <summary>The kinds of data an information-sharing agreement lets a partner see, beyond each case's reference, status and dates.</summary>
[Flags]
public enum SharedData
{
    None = 0,
    People = 1,
    ContactDetails = 2,
    Offences = 4,
    Risk = 8,
    Notes = 16,
}

/// <summary>
/// An information-sharing agreement with a partner organisation: the parties, purpose, lawful basis, the kinds of data
/// shared, the teams and cases it covers, and its start, end and review dates. A Partner user named on an agreement in
/// force sees, read-only, the cases it covers and only the kinds of data it allows; every look is audited against the
/// agreement and logged as a disclosure. An agreement that ends (on its end date, or ended early) cuts access at once.
/// </summary>
public sealed class SharingAgreement : IVersioned
{
    public const int NameLength = 200;
    public const int PurposeLength = 1000;
    public const int BasisLength = 500;

    private readonly List<AgreementScope> _scope = [];
    private readonly List<AgreementMember> _members = [];

    public Guid Id { get; private set; }
    public string PartnerName { get; private set; } = "";

    /// <summary>The partner in the directory, when the agreement names one there.</summary>
    public int? PartnerAgencyId { get; private set; }
    public string Purpose { get; private set; } = "";
    public string LawfulBasis { get; private set; } = "";
    public SharedData Data { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateOnly ReviewOn { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string? EndedByName { get; private set; }
    public string ChangedByName { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<AgreementScope> Scope => _scope;
    public IReadOnlyList<AgreementMember> Members => _members;

    public bool InForceOn(DateOnly day) => EndedAt is null && StartsOn <= day && day <= EndsOn;

    public sealed record Terms(string? PartnerName, string? Purpose, string? LawfulBasis, SharedData Data, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ReviewOn,
        IReadOnlyList<Guid> TeamIds, IReadOnlyList<Guid> CaseIds, int? PartnerAgencyId = null);

    public static SharingAgreement Make(Terms terms, string byName, DateTime now)
    {
        var agreement = new SharingAgreement { Id = Guid.CreateVersion7() };
        agreement.Change(terms, byName, now);
        return agreement;
    }

    /// <summary>Sets the agreement's terms; each is required, the end after the start, the review no later than the end.</summary>
    /// <exception cref="DomainRuleException">A term refused, naming its field.</exception>
    public void Change(Terms t, string byName, DateTime now)
    {
        if (EndedAt is not null)
        {
            throw new DomainRuleException("This agreement has ended; make a new one");
        }

        Require(t.PartnerName, NameLength, "partnerName", "Enter the partner organisation");
        Require(t.Purpose, PurposeLength, "purpose", "Enter what the sharing is for");
        Require(t.LawfulBasis, BasisLength, "lawfulBasis", "Enter the lawful basis for sharing");
        if (t.StartsOn is null)
        {
            throw new DomainRuleException("Enter the date the agreement starts", "startsOn");
        }

        if (t.EndsOn is null || t.EndsOn < t.StartsOn)
        {
            throw new DomainRuleException("Enter an end date on or after the start date", "endsOn");
        }

        if (t.ReviewOn is null || t.ReviewOn < t.StartsOn || t.ReviewOn > t.EndsOn)
        {
            throw new DomainRuleException("Enter a review date between the start and the end", "reviewOn");
        }

        if (t.TeamIds.Count == 0 && t.CaseIds.Count == 0)
        {
            throw new DomainRuleException("Choose the teams or name the cases the agreement covers", "teamIds");
        }

        (PartnerName, Purpose, LawfulBasis, Data, StartsOn, EndsOn, ReviewOn, ChangedByName, ChangedAt, PartnerAgencyId) =
            (t.PartnerName!.Trim(), t.Purpose!.Trim(), t.LawfulBasis!.Trim(), t.Data, t.StartsOn.Value, t.EndsOn.Value, t.ReviewOn.Value, byName, now, t.PartnerAgencyId);
        _scope.RemoveAll(s => !(s.TeamId is { } team ? t.TeamIds.Contains(team) : t.CaseIds.Contains(s.CaseId!.Value)));
        _scope.AddRange(t.TeamIds.Where(id => !_scope.Any(s => s.TeamId == id)).Select(id => new AgreementScope(id, null)));
        _scope.AddRange(t.CaseIds.Where(id => !_scope.Any(s => s.CaseId == id)).Select(id => new AgreementScope(null, id)));
    }

    /// <summary>Ends the agreement now: its partner users lose access at once.</summary>
    public void End(string byName, DateTime now)
    {
        if (EndedAt is not null)
        {
            throw new DomainRuleException("This agreement has already ended");
        }

        (EndedAt, EndedByName) = (now, byName);
    }

    public void AddMember(Guid userId)
    {
        if (EndedAt is not null)
        {
            throw new DomainRuleException("This agreement has ended");
        }

        if (_members.All(m => m.UserId != userId))
        {
            _members.Add(new AgreementMember(userId));
        }
    }

    public void RemoveMember(Guid userId) => _members.RemoveAll(m => m.UserId == userId);

    public static string Describe(SharedData data) => data switch
    {
        SharedData.People => "Names, dates of birth and parts on the case",
        SharedData.ContactDetails => "Phone numbers, e-mail and addresses",
        SharedData.Offences => "Offences",
        SharedData.Risk => "Risk level and warnings",
        SharedData.Notes => "Case notes",
        _ => "Case reference, status and dates only",
    };

    public static string DescribeAll(SharedData data) =>
        string.Join("; ", new[] { "Case reference, status and dates" }.Concat(Enum.GetValues<SharedData>().Where(d => d != SharedData.None && data.HasFlag(d)).Select(Describe)));

    private static void Require(string? text, int max, string field, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(missing, field);
        }

        if (text.Length > max)
        {
            throw new DomainRuleException($"This must be {max} characters or fewer", field);
        }
    }
}

/// <summary>A team whose cases, or one case, an agreement covers.</summary>
public sealed class AgreementScope(Guid? teamId, Guid? caseId)
{
    public long Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public Guid? TeamId { get; private set; } = teamId;
    public Guid? CaseId { get; private set; } = caseId;
}

/// <summary>A Partner user of the partner organisation, given access under the agreement.</summary>
public sealed class AgreementMember(Guid userId)
{
    public long Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public Guid UserId { get; private set; } = userId;
}

internal sealed class SharingAgreementModel : IEntityTypeConfiguration<SharingAgreement>
{
    public void Configure(EntityTypeBuilder<SharingAgreement> builder)
    {
        builder.ToTable("SharingAgreements");
        builder.Property(a => a.PartnerName).HasMaxLength(SharingAgreement.NameLength).IsOneLine();
        builder.HasOne<Orders.PartnerAgency>().WithMany().HasForeignKey(a => a.PartnerAgencyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.Purpose).HasMaxLength(SharingAgreement.PurposeLength);
        builder.Property(a => a.LawfulBasis).HasMaxLength(SharingAgreement.BasisLength);
        builder.Property(a => a.Data).HasConversion<int>();
        builder.Property(a => a.EndedByName).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.ChangedByName).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Scope).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Scope).HasField("_scope").AutoInclude();
        builder.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Members).HasField("_members").AutoInclude();
    }
}

internal sealed class AgreementScopeModel : IEntityTypeConfiguration<AgreementScope>
{
    public void Configure(EntityTypeBuilder<AgreementScope> builder)
    {
        builder.ToTable("AgreementScopes");
        builder.HasIndex(s => s.TeamId);
        builder.HasIndex(s => s.CaseId);
    }
}

internal sealed class AgreementMemberModel : IEntityTypeConfiguration<AgreementMember>
{
    public void Configure(EntityTypeBuilder<AgreementMember> builder)
    {
        builder.ToTable("AgreementMembers");
        builder.HasIndex(m => new { m.AgreementId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}
