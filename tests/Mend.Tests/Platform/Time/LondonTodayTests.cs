using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.Extensions.Time.Testing;

namespace Mend.Tests.Platform.Time;

/// <summary>A user's "today" is the UK date: at 23:30 UTC in British Summer Time it is already tomorrow, on the pages and in the API alike.</summary>
public sealed class LondonTodayTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Theory]
    [InlineData("2027-06-30T22:59:00Z", "2027-06-30")]
    [InlineData("2027-06-30T23:30:00Z", "2027-07-01")]
    [InlineData("2027-12-31T23:30:00Z", "2027-12-31")]
    [InlineData("2027-03-28T00:30:00Z", "2027-03-28")]
    [InlineData("2027-03-27T23:59:00Z", "2027-03-27")]
    [InlineData("2027-10-30T23:30:00Z", "2027-10-31")]
    public void LondonToday_IsTheUkDate(string utc, string today)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), clock.LondonToday());
    }

    [Fact]
    public async Task DateOfBirthToday_At2330UtcInSummer_IsAcceptedByThePageAndTheApi()
    {
        var summerNight = new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero);
        if (factory.Clock.GetUtcNow() < summerNight)
        {
            factory.Clock.SetUtcNow(summerNight);
        }

        var today = factory.Clock.LondonToday();
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var page = await client.SubmitAsync("/People/Create", ("Input.Kind", "Individual"), ("Input.GivenName", "Newborn"), ("Input.FamilyName", "Page" + Guid.NewGuid().ToString("N")[..5]),
            ("Input.DateOfBirth.Day", today.Day.ToString()), ("Input.DateOfBirth.Month", today.Month.ToString()), ("Input.DateOfBirth.Year", today.Year.ToString()), ("NotADuplicate", "true"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var api = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Newborn", familyName = "Api" + Guid.NewGuid().ToString("N")[..5], dateOfBirth = today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd");
        var future = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Unborn", familyName = "Api", dateOfBirth = tomorrow });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }
}
