using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Admin;

/// <summary>The managed list of venues and the staff accreditation record, kept by managers and administrators.</summary>
public sealed class VenuesTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static (string, string)[] Prison(string name, string rooms = "Visits hall\nChapel") =>
    [
        ("Input.Name", name), ("Input.Kind", "PrisonOrSecureEstate"), ("Input.Rooms", rooms), ("Input.SeparateWaitingRooms", "yes"),
        ("Input.StaffMayBeAlone", "no"), ("Input.EscortRules", "Escorted by prison staff at all times"), ("Input.Status", "active"),
    ];

    [Fact]
    public async Task Manager_AddsAVenueWithItsSafetyInformation_AndBadInputGetsAMessagePerField()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));

        var bad = await client.SubmitAsync("/Admin/Venues", ("Input.Name", ""), ("Input.Rooms", " \n "));
        var errors = (await Html.ParseAsync(bad)).ErrorSummary();
        Assert.Contains("Enter the venue's name", errors);
        Assert.Contains("Select what kind of venue this is", errors);
        Assert.Contains("Enter at least one room, one a line", errors);
        Assert.Contains("Select whether there are separate waiting rooms", errors);

        var name = "HMP Example " + Guid.NewGuid().ToString("N")[..6];
        var added = await client.SubmitAsync("/Admin/Venues", Prison(name).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var venue = await factory.WithDbAsync(db => db.Venues.AsNoTracking().SingleAsync(v => v.Name == name));
        Assert.Equal(["Visits hall", "Chapel"], venue.Rooms.Select(r => r.Name));
        Assert.False(venue.StaffMayBeAlone);

        var duplicate = await client.SubmitAsync("/Admin/Venues", Prison(name).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        Assert.Contains("There is already a venue with that name", (await Html.ParseAsync(duplicate)).ErrorSummary());
    }

    [Fact]
    public async Task Edit_ClosesARoomWithoutDeletingIt_RetiresTheVenue_AndAStaleEditIsRefused()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var name = "Hub " + Guid.NewGuid().ToString("N")[..6];
        await client.SubmitAsync("/Admin/Venues", Prison(name).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        var id = await factory.WithDbAsync(db => db.Venues.Where(v => v.Name == name).Select(v => v.Id).SingleAsync());
        var page = await client.GetPageAsync($"/Admin/Venues/Edit/{id}");
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var fields = Prison(name, "Visits hall\nFamily room").Select(f => f.Item1 == "Input.Status" ? (f.Item1, "retired") : f)
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("Version", version)).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Admin/Venues/Edit/{id}", fields)).StatusCode);
        var venue = await factory.WithDbAsync(db => db.Venues.AsNoTracking().SingleAsync(v => v.Id == id));
        Assert.False(venue.IsActive);
        Assert.Equal(["Visits hall", "Family room"], venue.Rooms.Where(r => r.IsOpen).Select(r => r.Name));
        Assert.Contains(venue.Rooms, r => r.Name == "Chapel" && !r.IsOpen);

        var stale = await client.SubmitAsync($"/Admin/Venues/Edit/{id}", fields);
        Assert.Contains((await Html.ParseAsync(stale)).ErrorSummary(), e => e.StartsWith("Someone else changed this venue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accreditation_IsRecordedCheckedAndWithdrawn_AndPractitionersCannotReachIt()
    {
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var facilitator = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var today = factory.Clock.GetUtcNow();

        var bad = await manager.SubmitAsync("/Admin/Accreditations", ("UserId", facilitator.Id.ToString()), ("Level", "Facilitator"), ("AwardedBy", "RJC"),
            ("AwardedOn.Day", "1"), ("AwardedOn.Month", "6"), ("AwardedOn.Year", "2024"), ("ExpiresOn.Day", "1"), ("ExpiresOn.Month", "1"), ("ExpiresOn.Year", "2024"));
        Assert.Contains("Expiry date must be after the date awarded", (await Html.ParseAsync(bad)).ErrorSummary());

        var added = await manager.SubmitAsync("/Admin/Accreditations", ("UserId", facilitator.Id.ToString()), ("Level", "AdvancedFacilitator"), ("AwardedBy", "Restorative Justice Council"),
            ("AwardedOn.Day", "1"), ("AwardedOn.Month", "6"), ("AwardedOn.Year", "2024"), ("ExpiresOn.Day", "1"), ("ExpiresOn.Month", "6"), ("ExpiresOn.Year", (today.Year + 2).ToString()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var award = await factory.WithDbAsync(db => db.Accreditations.AsNoTracking().SingleAsync(a => a.UserId == facilitator.Id));
        var day = DateOnly.FromDateTime(today.UtcDateTime);
        Assert.True(award.IsCurrentOn(day));
        Assert.True(award.Covers(AccreditationLevel.Facilitator));
        Assert.False(award.IsCurrentOn(new DateOnly(today.Year + 2, 6, 2)));

        var withdrawn = await manager.SubmitAsync("/Admin/Accreditations", [new("AccreditationId", award.Id.ToString()), new("Reason", "Left the service")], "/Admin/Accreditations?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False((await factory.WithDbAsync(db => db.Accreditations.AsNoTracking().SingleAsync(a => a.Id == award.Id))).IsCurrentOn(day));

        var practitioner = await SignIn.AsAsync(factory, facilitator);
        Assert.Equal("/Errors/403", (await practitioner.GetAsync("/Admin/Accreditations")).Headers.Location!.AbsolutePath);
        Assert.Equal("/Errors/403", (await practitioner.GetAsync("/Admin/Venues")).Headers.Location!.AbsolutePath);
    }
}
