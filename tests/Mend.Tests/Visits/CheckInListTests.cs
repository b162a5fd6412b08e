using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Visits;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;

namespace Mend.Tests.Visits;

/// <summary>
/// The phone page offers today's planned visits and those starting within the next 3 hours, so a worker on a late shift
/// can check in after midnight; on both databases. A factory of its own: the test moves the clock to late evening.
/// </summary>
public sealed class CheckInListTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task LateInTheEvening_VisitsAfterMidnightWithinThreeHours_AreOfferedWithTheirDay()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var day = London.DateOf(now).AddDays(1);
        var elevenPm = London.ToUtc(day, new TimeOnly(23, 0)).Utc!.Value; // 11pm UK time, whatever the day's length
        factory.Clock.Advance(elevenPm - now);

        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var buddy = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, worker);
        var tomorrow = London.StartOfDayUtc(day.AddDays(1));
        var signedInAt = factory.Clock.GetUtcNow().UtcDateTime; // signing in moves the test clock on a little
        foreach (var (address, start) in new[]
        {
            ("1 Tonight Street", elevenPm.AddMinutes(30)),
            ("2 Small Hours Road", tomorrow.AddMinutes(30)),
            ("3 Edge Lane", signedInAt.Add(NowModel.Ahead).AddMinutes(-1)),
            ("4 Small Hours Close", signedInAt.Add(NowModel.Ahead).AddMinutes(1)),
            ("5 Next Morning Close", tomorrow.AddHours(10)),
        })
        {
            var planned = await client.PostAsJsonAsync("/api/v1/visits", new
            {
                place = "Home",
                address,
                startsAt = start.ToString("O"),
                endsAt = start.AddHours(1).ToString("O"),
                buddyId = buddy.Id,
                purpose = "Preparation meeting",
            });
            Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        }

        var page = (await client.GetPageAsync("/Visits/Now")).Body!.TextContent;
        Assert.Contains("1 Tonight Street", page, StringComparison.Ordinal);
        Assert.Contains("2 Small Hours Road", page, StringComparison.Ordinal);
        Assert.Contains("3 Edge Lane", page, StringComparison.Ordinal);
        Assert.DoesNotContain("4 Small Hours Close", page, StringComparison.Ordinal);
        Assert.DoesNotContain("5 Next Morning Close", page, StringComparison.Ordinal);
        var tonight = elevenPm.AddMinutes(30);
        Assert.Contains($"{tonight.ToLondonClock()} to {tonight.AddHours(1).ToLondonClock()}", page, StringComparison.Ordinal);
        var small = tomorrow.AddMinutes(30);
        Assert.Contains(small.ToLondonTime().ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + $", {small.ToLondonClock()} to {small.AddHours(1).ToLondonClock()}", page, StringComparison.Ordinal);
    }
}
