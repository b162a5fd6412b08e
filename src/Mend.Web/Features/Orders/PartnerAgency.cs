using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Orders;

/// <param name="Name">Up to 100 characters.</param>
/// <param name="Services">What it offers young people, up to 2,000 characters.</param>
/// <param name="Sector">Statutory, voluntary, private or community; null when not recorded (agencies added before the directory).</param>
/// <param name="Address">Up to 300 characters.</param>
public sealed record PartnerAgencyDetails(string Name, string Services, string? ContactName, string? Phone, string? Email, PartnerSector? Sector = null, string? Address = null);

/// <summary>What kind of organisation a partner is.</summary>
public enum PartnerSector
{
    /// <summary>A public body with statutory duties: police, children's and adult social care, health, education, probation, courts.</summary>
    Statutory,
    Voluntary,
    Private,

    /// <summary>A community group, faith group or parish body (in Jersey, the Honorary Police of a parish).</summary>
    Community,
}

public static class PartnerSectors
{
    public static string Describe(PartnerSector? sector) => sector switch
    {
        PartnerSector.Statutory => "Statutory",
        PartnerSector.Voluntary => "Voluntary or charity",
        PartnerSector.Private => "Private",
        PartnerSector.Community => "Community or parish",
        _ => "Not recorded",
    };
}

/// <summary>Someone to contact at a partner organisation, beyond its main contact.</summary>
public sealed class PartnerContact
{
    public const int NameLength = 200;
    public const int RoleLength = 100;

    public long Id { get; private set; }
    public int PartnerAgencyId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Role { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    internal static PartnerContact Make(string name, string? role, string? phone, string? email) => new() { Name = name, Role = role, Phone = phone, Email = email };
}

/// <summary>
/// An organisation in the partner directory (statutory and voluntary): its services, address and contacts. Interventions
/// in an order's plan are given to one, and information-sharing agreements can name one.
/// </summary>
public sealed class PartnerAgency : IVersioned
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Services { get; private set; } = "";
    public string? ContactName { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool IsActive { get; private set; } = true;
    public PartnerSector? Sector { get; private set; }
    public string? Address { get; private set; }
    public int Version { get; set; }

    public const int MostContacts = 20;

    private readonly List<PartnerContact> _contacts = [];

    public IReadOnlyList<PartnerContact> Contacts => _contacts;

    /// <summary>Adds a contact: a name, and a role, phone or email as known.</summary>
    /// <exception cref="DomainRuleException">A field refused ("contactName", "contactRole", "contactPhone", "contactEmail"), or too many contacts.</exception>
    public PartnerContact AddContact(string? name, string? role, string? phone, string? email)
    {
        var n = TextInput.Clean(name) ?? throw new Platform.DomainRuleException("Enter the contact's name", "contactName");
        if (n.Length > PartnerContact.NameLength)
        {
            throw new Platform.DomainRuleException($"The name must be {PartnerContact.NameLength} characters or fewer", "contactName");
        }

        var r = TextInput.Clean(role);
        if (r is { Length: > PartnerContact.RoleLength })
        {
            throw new Platform.DomainRuleException($"The role must be {PartnerContact.RoleLength} characters or fewer", "contactRole");
        }

        var p = TextInput.Clean(phone);
        if (p is { Length: > 40 })
        {
            throw new Platform.DomainRuleException("The phone number must be 40 characters or fewer", "contactPhone");
        }

        var e = TextInput.Clean(email);
        if (e is not null && (e.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(e, out _)))
        {
            throw new Platform.DomainRuleException("Enter an email address like name@example.org", "contactEmail");
        }

        if (_contacts.Count >= MostContacts)
        {
            throw new Platform.DomainRuleException($"A partner can have at most {MostContacts} contacts: remove one first");
        }

        var contact = PartnerContact.Make(n, r, p, e);
        _contacts.Add(contact);
        return contact;
    }

    /// <exception cref="DomainRuleException">No such contact.</exception>
    public void RemoveContact(long contactId) =>
        _contacts.Remove(_contacts.SingleOrDefault(c => c.Id == contactId) ?? throw new Platform.DomainRuleException("That contact is no longer listed"));

    public static PartnerAgency Create(PartnerAgencyDetails details)
    {
        var agency = new PartnerAgency();
        agency.Change(details, isActive: true);
        return agency;
    }

    public void Change(PartnerAgencyDetails d, bool isActive) =>
        (Name, Services, ContactName, Phone, Email, IsActive, Sector, Address) = (d.Name, d.Services, d.ContactName, d.Phone, d.Email, isActive, d.Sector, d.Address);
}

internal sealed class PartnerAgencyModel : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> builder)
    {
        builder.ToTable("PartnerAgencies");
        builder.Property(a => a.Name).HasMaxLength(100).IsOneLine();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.Services).HasMaxLength(2000);
        builder.Property(a => a.ContactName).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Phone).HasMaxLength(40).IsOneLine();
        builder.Property(a => a.Email).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Sector).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.PartnerAgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Contacts).AutoInclude();
    }
}

internal sealed class PartnerContactModel : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> builder)
    {
        builder.ToTable("PartnerContacts");
        builder.Property(c => c.Name).HasMaxLength(PartnerContact.NameLength).IsOneLine();
        builder.Property(c => c.Role).HasMaxLength(PartnerContact.RoleLength).IsOneLine();
        builder.Property(c => c.Phone).HasMaxLength(40).IsOneLine();
        builder.Property(c => c.Email).HasMaxLength(200).IsOneLine();
    }
}

/// <summary>How far an activity in an intervention plan has got.</summary>
public enum ActivityProgress
{
    NotStarted,
    InProgress,
    Completed,
    Stopped,
}

/// <summary>
/// An activity in the order's intervention plan (or a Jersey probation work plan): what, delivered by which partner
/// agency, whose it is, when, and how far it has got. <see cref="PositiveSteps"/> marks the Jersey Positive Steps
/// programme, whose sessions are the order's appointments linked to it.
/// </summary>
public sealed class PlanActivity(string title, int? agencyId, string owner, DateOnly startsOn, DateOnly? endsOn, bool positiveSteps)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>Up to 200 characters.</summary>
    public string Title { get; private set; } = title;
    public int? AgencyId { get; private set; } = agencyId;

    /// <summary>Who is responsible for it, up to 200 characters.</summary>
    public string Owner { get; private set; } = owner;
    public DateOnly StartsOn { get; private set; } = startsOn;
    public DateOnly? EndsOn { get; private set; } = endsOn;
    public bool PositiveSteps { get; private set; } = positiveSteps;
    public ActivityProgress Progress { get; private set; } = ActivityProgress.NotStarted;
    public string? ProgressNote { get; private set; }
    public DateOnly? ProgressOn { get; private set; }

    internal void Update(ActivityProgress progress, string? note, DateOnly on) => (Progress, ProgressNote, ProgressOn) = (progress, note, on);

    public static string Describe(ActivityProgress progress) => progress switch
    {
        ActivityProgress.NotStarted => "Not started",
        ActivityProgress.InProgress => "In progress",
        ActivityProgress.Completed => "Completed",
        _ => "Stopped",
    };
}

/// <summary>A review of the intervention plan (at least every three months).</summary>
public sealed class PlanReview(DateOnly reviewedOn, string note, string byName)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public DateOnly ReviewedOn { get; private set; } = reviewedOn;

    /// <summary>Up to 2,000 characters.</summary>
    public string Note { get; private set; } = note;
    public string ByName { get; private set; } = byName;
}

internal sealed class PlanActivityModel : IEntityTypeConfiguration<PlanActivity>
{
    public void Configure(EntityTypeBuilder<PlanActivity> builder)
    {
        builder.ToTable("PlanActivities");
        builder.Property(a => a.Title).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Owner).HasMaxLength(200).IsOneLine();
        builder.Property(a => a.Progress).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ProgressNote).HasMaxLength(2000);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanReviewModel : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder)
    {
        builder.ToTable("PlanReviews");
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.ByName).HasMaxLength(200);
    }
}
