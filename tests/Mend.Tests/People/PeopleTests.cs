using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.People;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.People;

public sealed class PeopleTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static (string, string)[] PersonFields(string given, string family, string day = "", string month = "", string year = "", params (string, string)[] more) =>
    [
        ("Input.Kind", "Individual"), ("Input.GivenName", given), ("Input.FamilyName", family),
        ("Input.DateOfBirth.Day", day), ("Input.DateOfBirth.Month", month), ("Input.DateOfBirth.Year", year), .. more,
    ];

    public static async Task<Guid> AddPersonAsync(HttpClient client, string given, string family, string day = "", string month = "", string year = "", params (string, string)[] more)
    {
        var response = await client.SubmitAsync("/People/Create", PersonFields(given, family, day, month, year, [("NotADuplicate", "true"), .. more]));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Adding {given} {family} gave {(int)response.StatusCode}: " + string.Join("; ", (await Html.ParseAsync(response)).ErrorSummary()));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<HttpClient> PractitionerAsync() =>
        await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));

    [Fact]
    public async Task Create_ValidPerson_IsSavedShownAndAudited()
    {
        var client = await PractitionerAsync();
        var family = "Okafor" + Guid.NewGuid().ToString("N")[..6];
        var id = await AddPersonAsync(client, "Chidi", family, "4", "5", "2010",
            ("Input.Postcode", "sw1a1aa"), ("Input.AddressLine1", "1 High Street"), ("Input.Aliases", "Chid\nCJ"), ("Input.NeedsInterpreter", "true"));

        var page = await client.GetPageAsync($"/People/{id}");
        Assert.Contains($"Chidi {family}", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("SW1A 1AA", page.Body!.TextContent);
        Assert.Contains("needs an interpreter", page.Body.TextContent);
        var audited = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectPersonId == id).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.Create, audited);
        Assert.Contains(AuditAction.View, audited);
    }

    [Fact]
    public async Task Create_FutureBirthDateAndNoName_ShowsFieldErrorsAndSavesNothing()
    {
        var client = await PractitionerAsync();
        var before = await factory.WithDbAsync(db => db.People.CountAsync());
        var tomorrow = factory.Clock.GetUtcNow().AddDays(2);
        var response = await client.SubmitAsync("/People/Create", PersonFields("", "", tomorrow.Day.ToString(), tomorrow.Month.ToString(), tomorrow.Year.ToString(), ("Input.Email", "not-an-email")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Html.ParseAsync(response)).ErrorSummary();
        Assert.Contains("Enter the person's name: a first name, a last name, or both", errors);
        Assert.Contains("Date of birth must be today or in the past", errors);
        Assert.Contains(errors, e => e.StartsWith("Enter an email address in the correct format", StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Create_LikelyDuplicate_IsShownFirst_AndSavedOnlyWhenConfirmed()
    {
        var client = await PractitionerAsync();
        var family = "Duplicat" + Guid.NewGuid().ToString("N")[..5];
        var existing = await AddPersonAsync(client, "Robert", family, "1", "2", "2011");

        var first = await client.SubmitAsync("/People/Create", PersonFields("Bob", family, "1", "2", "2011"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await Html.ParseAsync(first);
        Assert.Contains("Check this person is not already on Mend", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/People/{existing}']"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));

        var confirmed = await client.SubmitAsync("/People/Create", PersonFields("Bob", family, "1", "2", "2011", ("NotADuplicate", "true")));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family)));
    }

    [Fact]
    public async Task Create_PersonWithOneNameOnly_IsSaved_InEitherField_AndNoNameIsRefused()
    {
        var client = await PractitionerAsync();
        var only = "Ashkii" + Guid.NewGuid().ToString("N")[..5];
        var id = await AddPersonAsync(client, only, "");
        Assert.Equal(only, (await client.GetPageAsync($"/People/{id}")).QuerySelector("h1")!.TextContent.Trim());
        var other = await AddPersonAsync(client, "", "Sukarno" + Guid.NewGuid().ToString("N")[..5]);
        Assert.NotEqual(id, other);

        var none = await client.SubmitAsync("/People/Create", PersonFields("", "", more: ("NotADuplicate", "true")));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(["Enter the person's name: a first name, a last name, or both"], (await Html.ParseAsync(none)).ErrorSummary());

        var api = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", familyName = "Suharto" + Guid.NewGuid().ToString("N")[..5] });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
    }

    [Fact]
    public async Task Create_SeveralErrors_AreSummarisedInTheOrderOfTheFields()
    {
        var client = await PractitionerAsync();
        var response = await client.SubmitAsync("/People/Create", PersonFields("", "", "31", "apr", "2012", ("Input.Postcode", "not a postcode"), ("Input.Email", "nope")));
        Assert.Equal(
            ["Enter the person's name: a first name, a last name, or both", "Date of birth must be a real date",
             "Enter an email address in the correct format, like name@example.org", "Enter the first line of the address",
             "Enter a real postcode, like SW1A 1AA, JE2 4QB or BFPO 801"],
            (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task Create_SameNameSpeltWithSharpSAndSameBirthday_IsShownAsALikelyDuplicate_AndSearchFindsIt()
    {
        var client = await PractitionerAsync();
        var stem = "Stra" + Guid.NewGuid().ToString("N")[..4].Replace("s", "t", StringComparison.Ordinal);
        var existing = await AddPersonAsync(client, "Jürgen", stem + "ßberger", "3", "4", "2010");

        var second = await client.SubmitAsync("/People/Create", PersonFields("Jurgen", stem + "ssberger", "3", "4", "2010"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull((await Html.ParseAsync(second)).QuerySelector($"a[href='/People/{existing}']"));

        var search = await client.PostAsJsonAsync("/api/v1/people/search", new { name = stem + "ssberger" });
        Assert.Contains(existing.ToString(), await search.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Jonh Smiht")]
    [InlineData("Johnny Smith")]
    [InlineData("JD Smith")]
    public async Task Search_MisspeltNicknameOrAlias_FindsThePerson(string typed)
    {
        var client = await PractitionerAsync();
        var id = await AddPersonAsync(client, "John", "Smith", "3", "3", "2012", ("Input.Aliases", "JD Smith"));

        var response = await client.SubmitAsync("/People", ("Name", typed));
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#search-results a[href='/People/{id}']"));
    }

    [Fact]
    public async Task Search_ByPostcodeWithoutSpaces_FindsThePerson_AndIsAuditedWithoutTheTerms()
    {
        var client = await PractitionerAsync();
        var id = await AddPersonAsync(client, "Aisha", "Begum", more: [("Input.AddressLine1", "2 Mill Lane"), ("Input.Postcode", "JE2 4QB")]);

        var page = await Html.ParseAsync(await client.SubmitAsync("/People", ("Postcode", "je24qb")));
        Assert.NotNull(page.QuerySelector($"#search-results a[href='/People/{id}']"));
        var searches = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "PersonSearch").Select(e => e.Fields).ToListAsync());
        Assert.NotEmpty(searches);
        Assert.DoesNotContain(searches, f => f != null && f.Contains("je24qb", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_ShowsTheConflictAndKeepsTheOtherChange()
    {
        var client = await PractitionerAsync();
        var id = await AddPersonAsync(client, "Tariq", "Hussain");
        var form = await client.GetPageAsync($"/People/Edit/{id}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var staleVersion = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var first = await client.SubmitAsync($"/People/Edit/{id}", ("Input.Kind", "Individual"), ("Input.GivenName", "Tariq"), ("Input.FamilyName", "Hussain"), ("Input.Phone", "07700 900 001"), ("Version", staleVersion));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await client.PostAsync($"/People/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "Individual",
            ["Input.GivenName"] = "Tariq",
            ["Input.FamilyName"] = "Hussein",
            ["Version"] = staleVersion,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains((await Html.ParseAsync(second)).ErrorSummary(), e => e.StartsWith("Someone else changed this record", StringComparison.Ordinal));
        var saved = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("Hussain", saved.FamilyName);
        Assert.Equal("07700 900 001", saved.Phone);
    }

    [Fact]
    public async Task Flag_Raised_IsShownOnThePersonPage_AndTwiceIsRefused()
    {
        var client = await PractitionerAsync();
        var id = await AddPersonAsync(client, "Nia", "Roberts");
        var raised = await client.SubmitAsync($"/People/Flags/{id}", [new("Type", nameof(FlagType.RiskToStaff)), new("Note", "Do not visit alone")], $"/People/Flags/{id}?handler=Raise");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);

        var page = await client.GetPageAsync($"/People/{id}");
        Assert.Contains("Risk to staff: Do not visit alone", page.QuerySelector(".mend-flags")!.TextContent);

        var again = await client.SubmitAsync($"/People/Flags/{id}", [new("Type", nameof(FlagType.RiskToStaff))], $"/People/Flags/{id}?handler=Raise");
        Assert.Contains("Risk to staff is already shown for this person", (await Html.ParseAsync(again)).ErrorSummary());
    }

    [Fact]
    public async Task People_VolunteerAndPartner_AreRefused()
    {
        foreach (var role in new[] { Roles.Volunteer, Roles.Partner, Roles.Administrator })
        {
            var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [role]));
            var response = await client.GetAsync("/People");
            Assert.Equal("/Errors/403", response.Headers.Location?.AbsolutePath);
        }
    }
}
