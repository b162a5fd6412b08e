using Mend.Web.Features.Cases;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Platform.Time;

/// <summary>
/// A bank or public holiday proclaimed after Mend's shipped list was made (a jubilee, a state funeral, a royal visit in
/// Jersey), added by an administrator with where it was proclaimed. It stops the Victims' Code clock from the moment it
/// is added, on every node within a minute.
/// </summary>
public sealed class ProclaimedHoliday
{
    public int Id { get; private set; }
    public Jurisdiction Jurisdiction { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Where it was proclaimed, e.g. "Royal Proclamation, 12 September 2022" or "States of Jersey Act, R&amp;O 36/2024".</summary>
    public string Source { get; private set; } = "";
    public string AddedByName { get; private set; } = "";
    public DateTime AddedAt { get; private set; }

    public static ProclaimedHoliday Add(Jurisdiction jurisdiction, DateOnly date, string name, string source, string byName, DateTime now) =>
        new() { Jurisdiction = jurisdiction, Date = date, Name = name, Source = source, AddedByName = byName, AddedAt = now };
}

/// <summary>An administrator's confirmation that a year's list for a jurisdiction was checked against the published one.</summary>
public sealed class HolidayListCheck
{
    public int Id { get; private set; }
    public Jurisdiction Jurisdiction { get; private set; }
    public int Year { get; private set; }
    public string Source { get; private set; } = "";
    public string CheckedByName { get; private set; } = "";
    public DateTime CheckedAt { get; private set; }

    public static HolidayListCheck Confirm(Jurisdiction jurisdiction, int year, string source, string byName, DateTime now) =>
        new() { Jurisdiction = jurisdiction, Year = year, Source = source, CheckedByName = byName, CheckedAt = now };
}

internal sealed class ProclaimedHolidayModel : IEntityTypeConfiguration<ProclaimedHoliday>
{
    public void Configure(EntityTypeBuilder<ProclaimedHoliday> builder)
    {
        builder.Property(h => h.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Name).HasMaxLength(TextLimits.Line).IsOneLine();
        builder.Property(h => h.Source).HasMaxLength(500).IsOneLine();
        builder.Property(h => h.AddedByName).HasMaxLength(200);
        builder.HasIndex(h => new { h.Jurisdiction, h.Date }).IsUnique();
    }
}

internal sealed class HolidayListCheckModel : IEntityTypeConfiguration<HolidayListCheck>
{
    public void Configure(EntityTypeBuilder<HolidayListCheck> builder)
    {
        builder.Property(h => h.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Source).HasMaxLength(500).IsOneLine();
        builder.Property(h => h.CheckedByName).HasMaxLength(200);
        builder.HasIndex(h => new { h.Jurisdiction, h.Year }).IsUnique();
    }
}
