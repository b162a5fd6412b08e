using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.DataProtection;

/// <summary>The retention rules Mend ships and how a record's due day is worked out, at the boundaries; the privacy notice shows them.</summary>
public sealed class RetentionRuleTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static RetentionRule Case => RetentionSchedule.Examples.Single(r => r.Kind == RetentionRecordKind.YoungPersonCase);

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2030-05-01", "2010-01-01", "2036-05-01")]
    [InlineData("2030-05-01", "2012-05-01", "2037-05-01")]
    [InlineData("2030-05-01", "2011-05-01", "2036-05-01")]
    [InlineData("2030-05-01", "2011-05-02", "2036-05-02")]
    [InlineData("2030-05-01", null, "2036-05-01")]
    public void AYoungPersonsCase_IsDueSixYearsAfterClosure_OrAtTwentyFiveIfLater(string closed, string? born, string due) =>
        Assert.Equal(D(due), Case.DueOn(D(closed), born is null ? null : D(born)));

    [Fact]
    public void SomeoneBornOn29February_ReachesTheAgeOn1MarchInACommonYear() =>
        Assert.Equal(D("2033-03-01"), Case.DueOn(D("2020-01-01"), D("2008-02-29")));

    [Fact]
    public void APeriodEndingOn29FebruaryInACommonYear_EndsOn28February() =>
        Assert.Equal(D("2034-02-28"), RetentionSchedule.Examples.Single(r => r.Kind == RetentionRecordKind.VictimRecord).DueOn(D("2028-02-29"), null));

    [Fact]
    public void EveryKindOfRecord_HasOneShippedRule_MarkedAsAnExample()
    {
        Assert.Equal(Enum.GetValues<RetentionRecordKind>().Order(), RetentionSchedule.Examples.Select(r => r.Kind).Order());
        Assert.All(RetentionSchedule.Examples, r => Assert.True(r.IsExample && r.Years > 0 && r.Reason.StartsWith("Example to adapt", StringComparison.Ordinal)));
        Assert.Equal("6 years after the case closes, or until the young person is 25 if that is later", RetentionSchedule.Describe(Case));
    }

    [Fact]
    public async Task ThePrivacyNotice_ShowsTheScheduleFromTheRules_WithoutSigningIn()
    {
        var page = await factory.CreateBrowserClient().GetPageAsync("/Privacy");
        var rows = page.QuerySelectorAll("#retention-schedule tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r.Contains("A young person's case", StringComparison.Ordinal)
                                   && r.Contains("6 years after the case closes, or until the young person is 25 if that is later", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("7 years after it is recorded", StringComparison.Ordinal) && r.Contains("Mend's example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1, 0, null, "years")]
    [InlineData(101, 0, null, "years")]
    [InlineData(0, 0, null, "years")]
    [InlineData(0, 12, null, "months")]
    [InlineData(0, -1, null, "months")]
    [InlineData(6, 0, 17, "untilAge")]
    [InlineData(6, 0, 101, "untilAge")]
    public void ARule_RefusesAPeriodOrAgeOutOfRange_NamingTheField(int years, int months, int? age, string field)
    {
        var rule = RetentionRule.Example(99, RetentionRecordKind.YoungPersonCase, RetentionTrigger.CaseClosed, 6, 25, "Example");
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => rule.Change(years, months, age, "Our schedule", "Dee", DateTime.UtcNow)).Field);
        rule.Change(0, 1, 18, "Our schedule", "Dee", DateTime.UtcNow);
        Assert.False(rule.IsExample);
    }

    [Fact]
    public void OnlyTheYoungPersonsOwnRecords_CanBeKeptUntilAnAge()
    {
        var victims = RetentionRule.Example(98, RetentionRecordKind.VictimRecord, RetentionTrigger.CaseClosed, 6, null, "Example");
        Assert.Equal("untilAge", Assert.Throws<DomainRuleException>(() => victims.Change(6, 0, 25, "Ours", "Dee", DateTime.UtcNow)).Field);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => victims.Change(6, 0, null, " ", "Dee", DateTime.UtcNow)).Field);
    }

    [Fact]
    public async Task ADataProtectionOfficer_SetsARule_FieldByField_AndThePrivacyNoticeShowsIt()
    {
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));
        var id = RetentionSchedule.Examples.Single(r => r.Kind == RetentionRecordKind.VictimRecord).Id;
        var url = $"/Admin/Retention/{id}";

        var wrong = await Html.ParseAsync(await officer.SubmitAsync(url, ("Input.Years", "six"), ("Input.Months", "14"), ("Input.Reason", "Our schedule")));
        Assert.Equal(["Enter years as a whole number, like 6"], wrong.ErrorSummary());
        var refused = await Html.ParseAsync(await officer.SubmitAsync(url, ("Input.Years", "3"), ("Input.Months", "14"), ("Input.Reason", "Our schedule")));
        Assert.Equal(["Enter a number of months from 0 to 11"], refused.ErrorSummary());
        Assert.True(await factory.WithDbAsync(db => db.RetentionRules.AnyAsync(r => r.Id == id && r.IsExample && r.Years == 6)));

        var saved = await officer.SubmitAsync(url, ("Input.Years", "3"), ("Input.Months", "6"), ("Input.Reason", "Agreed by the board in 2026"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var schedule = await officer.GetPageAsync("/Admin/Retention");
        Assert.Contains("3 years and 6 months after the case closes", schedule.QuerySelector("#schedule")!.TextContent, StringComparison.Ordinal);
        var notice = await factory.CreateBrowserClient().GetPageAsync("/Privacy");
        var row = notice.QuerySelectorAll("#retention-schedule tbody tr").Single(r => r.TextContent.Contains("A victim's record", StringComparison.Ordinal)).TextContent;
        Assert.Contains("3 years and 6 months after the case closes", row, StringComparison.Ordinal);
        Assert.DoesNotContain("example", row, StringComparison.OrdinalIgnoreCase);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "RetentionRule" && e.EntityId == id.ToString())));

        var stale = await Html.ParseAsync(await officer.SubmitAsync(url, ("Version", "0"), ("Input.Years", "4"), ("Input.Reason", "Later")));
        Assert.Contains("Someone else", Assert.Single(stale.ErrorSummary()), StringComparison.Ordinal);

        var rules = await (await officer.GetAsync("/api/v1/retention-rules")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("3 years and 6 months after the case closes", rules.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id).GetProperty("keptFor").GetString());
        var practitioner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        Assert.Equal("/Errors/403", (await practitioner.GetAsync(url)).Headers.Location?.AbsolutePath);
    }
}
