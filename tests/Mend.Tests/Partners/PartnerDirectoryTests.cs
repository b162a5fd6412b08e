using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Partners;

/// <summary>The partner directory: a manager keeps partners and their contacts; practitioners search it; an agreement names a partner from it; both databases.</summary>
public sealed class PartnerDirectoryTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task AManager_AddsAPartnerWithItsSectorAndContacts_AndAPractitionerFindsItByService()
    {
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var name = "Harbour Mentors " + Guid.NewGuid().ToString("N")[..6];
        var missing = await Html.ParseAsync(await manager.SubmitAsync("/Admin/Agencies", ("Input.Name", name), ("Input.Services", "Boxing and mentoring")));
        Assert.Contains("Choose whether it is statutory, voluntary, private or community", missing.ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.PartnerAgencies.AnyAsync(p => p.Name == name)));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync("/Admin/Agencies", ("Input.Name", name), ("Input.Services", "Boxing and mentoring for 12 to 17 year olds"),
            ("Input.Sector", "Voluntary"), ("Input.Address", "Pier Road"))).StatusCode);
        var id = await factory.WithDbAsync(db => db.PartnerAgencies.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
        var edit = $"/Admin/Agencies/Edit/{id}";
        var version = (await manager.GetPageAsync(edit)).QuerySelector("form[action*='AddContact'] input[name=Version]")!.GetAttribute("value")!;
        var bad = await Html.ParseAsync(await manager.SubmitAsync(edit, [new("Version", version), new("Contact.Name", "Kim Lee"), new("Contact.Email", "not an address")], edit + "?handler=AddContact"));
        Assert.Contains("Enter an email address like name@example.org", bad.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(edit, [new("Version", version), new("Contact.Name", "Kim Lee"), new("Contact.Role", "Referrals"),
            new("Contact.Email", "kim@example.org")], edit + "?handler=AddContact")).StatusCode);

        var practitioner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var found = await practitioner.GetPageAsync("/Partners?q=BOXING&sector=Voluntary");
        Assert.NotNull(found.QuerySelector($"#partners a[href='/Partners/{id}']"));
        Assert.Null((await practitioner.GetPageAsync("/Partners?q=boxing&sector=Statutory")).QuerySelector($"#partners a[href='/Partners/{id}']"));
        Assert.Contains("Kim Lee", (await practitioner.GetPageAsync($"/Partners/{id}")).QuerySelector("#contacts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await practitioner.GetAsync("/api/v1/partners?q=" + new string('x', 101))).StatusCode);
        var listed = await (await practitioner.GetAsync("/api/v1/partners?q=boxing")).Content.ReadFromJsonAsync<JsonElement>();
        var partner = listed.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal("Voluntary", partner.GetProperty("sector").GetString());
        Assert.Equal("Kim Lee", partner.GetProperty("contacts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnAgreementNamesAPartnerFromTheDirectory_AndThePartnersPageListsIt()
    {
        var partner = PartnerAgency.Create(new("Exampletown MASH " + Guid.NewGuid().ToString("N")[..6], "Safeguarding referrals", null, null, null, PartnerSector.Statutory));
        await factory.WithDbAsync(async db =>
        {
            db.PartnerAgencies.Add(partner);
            return await db.SaveChangesAsync();
        });
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var teamId = await factory.WithDbAsync(db => db.Teams.Select(t => t.Id).FirstAsync());
        var today = Mend.Web.Platform.Time.London.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        (string, string)[] Date(string prefix, DateOnly d) => [($"Input.{prefix}.Day", d.Day.ToString()), ($"Input.{prefix}.Month", d.Month.ToString()), ($"Input.{prefix}.Year", d.Year.ToString())];
        var made = await officer.SubmitAsync("/DataProtection/Agreements/Edit", [("Input.PartnerAgencyId", partner.Id.ToString()), ("Input.Purpose", "Safeguarding referrals and strategy meetings"),
            ("Input.LawfulBasis", "UK GDPR 6(1)(e); DPA 2018 Sch 1 para 18"), ("Input.Data", "People"), .. Date("StartsOn", today), .. Date("EndsOn", today.AddYears(1)),
            .. Date("ReviewOn", today.AddMonths(6)), ("Input.TeamIds", teamId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var agreement = await factory.WithDbAsync(db => db.Set<Mend.Web.Features.DataProtection.SharingAgreement>().AsNoTracking().SingleAsync(a => a.PartnerAgencyId == partner.Id));
        Assert.Equal(partner.Name, agreement.PartnerName);

        var practitioner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        Assert.Contains("In force", (await practitioner.GetPageAsync($"/Partners/{partner.Id}")).QuerySelector("#agreements")!.TextContent, StringComparison.Ordinal);
    }
}
