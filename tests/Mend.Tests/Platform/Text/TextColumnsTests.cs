using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Platform.Text;

/// <summary>Text at save: one-line columns keep no line breaks, and no column takes more than its length on either database.</summary>
public sealed class TextColumnsTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task VenueName_WithALineBreak_IsKeptOnOneLine()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var stem = "HMP Two " + Guid.NewGuid().ToString("N")[..6];
        var added = await client.SubmitAsync("/Admin/Venues",
            ("Input.Name", stem + "\r\nLines\tHere"), ("Input.Kind", "PrisonOrSecureEstate"), ("Input.Rooms", "Visits hall"), ("Input.SeparateWaitingRooms", "yes"),
            ("Input.StaffMayBeAlone", "no"), ("Input.EscortRules", "Escorted"), ("Input.Status", "active"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(stem + " Lines Here", await factory.WithDbAsync(db => db.Venues.Where(v => v.Name.StartsWith(stem)).Select(v => v.Name).SingleAsync()));
    }

    [Fact]
    public async Task PersonName_WithALineBreakThroughTheApi_IsKeptOnOneLine()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var family = "Break" + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Ada\nMary", familyName = family, addressLine1 = "1 High\nStreet", town = "Exe\u0000ter" });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("Ada Mary", await factory.WithDbAsync(db => db.People.Where(p => p.FamilyName == family).Select(p => p.GivenName).SingleAsync()));
        var address = await factory.WithDbAsync(db => db.People.Where(p => p.FamilyName == family).SelectMany(p => p.Addresses).SingleAsync());
        Assert.Equal(("1 High Street", "Exe ter"), (address.Line1, address.Town));
    }

    [Fact]
    public async Task AValueLongerThanItsColumn_IsRefusedAtSave_WithTheField_OnEitherDatabase()
    {
        var team = Mend.Web.Features.Staff.Team.Create(new string('t', 201));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => factory.WithDbAsync(async db => { db.Teams.Add(team); return await db.SaveChangesAsync(); }));
        Assert.Equal("Name", refused.Field);
        Assert.Equal("Name must be 200 characters or fewer", refused.Message);
    }
}
