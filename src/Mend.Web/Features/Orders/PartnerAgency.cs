using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Orders;

/// <param name="Name">Up to 100 characters.</param>
/// <param name="Services">What it offers young people, up to 2,000 characters.</param>
public sealed record PartnerAgencyDetails(string Name, string Services, string? ContactName, string? Phone, string? Email);

/// <summary>An organisation in the directory of partner agencies that deliver activities in intervention plans.</summary>
public sealed class PartnerAgency : IVersioned
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Services { get; private set; } = "";
    public string? ContactName { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool IsActive { get; private set; } = true;
    public int Version { get; set; }

    public static PartnerAgency Create(PartnerAgencyDetails details)
    {
        var agency = new PartnerAgency();
        agency.Change(details, isActive: true);
        return agency;
    }

    public void Change(PartnerAgencyDetails d, bool isActive) =>
        (Name, Services, ContactName, Phone, Email, IsActive) = (d.Name, d.Services, d.ContactName, d.Phone, d.Email, isActive);
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
        builder.Property(a => a.Version).IsConcurrencyToken();
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
