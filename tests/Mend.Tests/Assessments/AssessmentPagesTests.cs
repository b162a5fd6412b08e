using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Assessments;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Assessments;

/// <summary>Assessments through the pages: the task list, sections, submitting, the manager's decision and the caseload prompts.</summary>
public sealed class AssessmentPagesTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<(HttpClient Client, AssessmentCase Case)> PractitionerWithCaseAsync(string offence = "Theft from a shop")
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        return (client, await AssessmentCase.CreateAsync(factory, client, offence));
    }

    private async Task<Guid> StartOnPageAsync(HttpClient client, Guid caseId, Guid personId)
    {
        var started = await client.SubmitAsync($"/Cases/{caseId}/Assessments", [new("PersonId", personId.ToString())], $"/Cases/{caseId}/Assessments?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return Guid.Parse(started.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static (string, string)[] Ratings(string rating, params (string Name, string Value)[] more) =>
        [.. Enum.GetNames<RiskFactor>().SelectMany((f, i) => new[] { ($"Factors[{i}].Factor", f), ($"Factors[{i}].Rating", f == "Safeguarding" ? "None" : rating) }), .. more];

    private async Task CompleteOnPagesAsync(HttpClient client, Guid id)
    {
        var review = factory.Clock.GetUtcNow().AddMonths(2);
        var sections = new (string Slug, (string, string)[] Fields)[]
        {
            ("understanding", [("Willingness", "Willing"), ("UnderstandsRj", "yes"), ("WillingnessNote", "Wants to hear why it happened")]),
            ("expectations", [("Expectations", "An apology, and to feel safe in the shop again")]),
            ("risks", Ratings("Low", ("PowerImbalance", "Intimidation"))),
            ("processes", [("Suitable", "DirectConference"), ("Suitable", "Letter"), ("Venue", "YotOffice"), ("SafetyMeasures", "Arrive 15 minutes apart")]),
            ("recommendation", [("OverallRisk", "Low"), ("Recommendation", "Proceed"), ("Reasons", "Willing and low risk"),
                ("ReviewOn.Day", review.Day.ToString()), ("ReviewOn.Month", review.Month.ToString()), ("ReviewOn.Year", review.Year.ToString())]),
        };
        foreach (var (slug, fields) in sections)
        {
            var saved = await SaveSectionAsync(client, id, slug, fields);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{slug}: {string.Join("; ", (await Html.ParseAsync(saved)).ErrorSummary())}");
        }
    }

    /// <summary>Posts a section the way the browser does, with the version the page was showing.</summary>
    private static async Task<HttpResponseMessage> SaveSectionAsync(HttpClient client, Guid id, string slug, IEnumerable<(string, string)> fields)
    {
        var page = await client.GetPageAsync($"/Assessments/{id}/{slug}");
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await client.SubmitAsync($"/Assessments/{id}/{slug}", fields.Select(f => new KeyValuePair<string, string>("Input." + f.Item1, f.Item2)).Append(new("Version", version)));
    }

    [Fact]
    public async Task TaskList_CompletedSectionByPage_SubmitsAndApprovesOwnLowRiskAssessment_AndTheGateIsOpen()
    {
        var (client, c) = await PractitionerWithCaseAsync();
        var id = await StartOnPageAsync(client, c.CaseId, c.VictimId);

        var fresh = await client.GetPageAsync($"/Assessments/{id}");
        Assert.Equal(5, fresh.QuerySelectorAll(".govuk-task-list__item").Length);
        Assert.Equal(5, fresh.QuerySelectorAll(".govuk-task-list__status .govuk-tag--blue").Length);
        Assert.Null(fresh.QuerySelector("form[action*='handler=Submit']"));

        await CompleteOnPagesAsync(client, id);
        var complete = await client.GetPageAsync($"/Assessments/{id}");
        Assert.Empty(complete.QuerySelectorAll(".govuk-task-list__status .govuk-tag--blue"));
        Assert.Contains("does not need a manager's approval", complete.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var submitted = await client.SubmitAsync($"/Assessments/{id}", [new("Version", complete.QuerySelector("form[action*='handler=Submit'] input[name=Version]")!.GetAttribute("value")!)], $"/Assessments/{id}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var approved = await client.GetPageAsync($"/Assessments/{id}");
        Assert.Equal("Approved", approved.QuerySelector("h1 .govuk-tag")!.TextContent.Trim());
        Assert.Empty(approved.QuerySelectorAll(".govuk-task-list"));

        var gate = await client.GetPageAsync($"/Cases/{c.CaseId}/Assessments?Kind=Letter&People={c.VictimId}");
        Assert.NotNull(gate.QuerySelector(".govuk-notification-banner--success"));
        var notReady = await client.GetPageAsync($"/Cases/{c.CaseId}/Assessments?Kind=Letter&People={c.VictimId}&People={c.YoungPersonId}");
        Assert.Contains("has no approved assessment", notReady.QuerySelector("#readiness-missing")!.TextContent, StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.DoesNotContain("apology", stored.ExpectationsCiphertext!, StringComparison.Ordinal);
        Assert.Equal(PowerImbalanceKinds.Intimidation, stored.PowerImbalanceKinds);
    }

    [Fact]
    public async Task Section_WithMissingAnswers_ShowsAnErrorPerField_AndSavesNothing()
    {
        var (client, c) = await PractitionerWithCaseAsync();
        var id = await StartOnPageAsync(client, c.CaseId, c.YoungPersonId);

        var risks = await SaveSectionAsync(client, id, "risks", Ratings("Low").Where(f => !f.Item1.StartsWith("Factors[0].Rating", StringComparison.Ordinal) && !f.Item1.StartsWith("Factors[1].Rating", StringComparison.Ordinal))
            .Select(f => f.Item1 == "Factors[2].Rating" ? (f.Item1, "High") : f));

        Assert.Equal(HttpStatusCode.OK, risks.StatusCode);
        var page = await Html.ParseAsync(risks);
        var errors = page.ErrorSummary();
        Assert.Contains("Rate risk of physical harm (to anyone taking part or staff)", errors);
        Assert.Contains("Rate risk of emotional harm or re-victimisation", errors);
        Assert.Contains("Say why power imbalance is high", errors);
        Assert.NotNull(page.QuerySelector("#Input_Factors_0__Rating-error, .govuk-form-group--error #Input_Factors_0__Rating"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AssessmentFactors.CountAsync(f => f.AssessmentId == id)));

        var review = await SaveSectionAsync(client, id, "recommendation", [("OverallRisk", "Low"), ("ReviewOn.Day", "31"), ("ReviewOn.Month", "2"), ("ReviewOn.Year", "2027")]);
        var reviewErrors = (await Html.ParseAsync(review)).ErrorSummary();
        Assert.Contains("Select your recommendation", reviewErrors);
        Assert.Contains("Enter the reasons for your recommendation", reviewErrors);
        Assert.Contains(reviewErrors, e => e.StartsWith("Review date must be a real date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoManagersDecidingAtOnce_OneWins_TheOtherIsToldAndNothingIsOverwritten_AndTheAssessorIsNotified()
    {
        var (client, c) = await PractitionerWithCaseAsync("Racially or religiously aggravated assault");
        var id = await StartOnPageAsync(client, c.CaseId, c.VictimId);
        await CompleteOnPagesAsync(client, id);
        var page = await client.GetPageAsync($"/Assessments/{id}");
        Assert.Contains("is a sensitive or complex kind", page.QuerySelector("#approval-reasons")!.TextContent, StringComparison.Ordinal);
        await client.SubmitAsync($"/Assessments/{id}", [new("Version", page.QuerySelector("form[action*='handler=Submit'] input[name=Version]")!.GetAttribute("value")!)], $"/Assessments/{id}?handler=Submit");

        var first = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var second = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var queue = await first.GetPageAsync("/Assessments/Approvals");
        Assert.NotNull(queue.QuerySelector($"a[href='/Assessments/{id}#decide']"));
        var firstView = await first.GetPageAsync($"/Assessments/{id}");
        var secondView = await second.GetPageAsync($"/Assessments/{id}");
        string Version(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector("form[action*='handler=Approve'] input[name=Version]")!.GetAttribute("value")!;
        string Token(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var approve = await first.PostAsync($"/Assessments/{id}?handler=Approve", new FormUrlEncodedContent(
            [new("Version", Version(firstView)), new("Conditions", "Separate rooms"), new("__RequestVerificationToken", Token(firstView))]));
        var returned = await second.PostAsync($"/Assessments/{id}?handler=Return", new FormUrlEncodedContent(
            [new("Version", Version(secondView)), new("ReturnReasons", "Needs more detail"), new("__RequestVerificationToken", Token(secondView))]));

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Contains("Someone else changed or decided this assessment", string.Join(" ", (await Html.ParseAsync(returned)).ErrorSummary()), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AssessmentStatus.Approved, stored.Status);
        Assert.Null(stored.ReturnReasonsCiphertext);

        var home = await client.GetPageAsync("/");
        Assert.Contains("1 new notification", home.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var notifications = await client.GetPageAsync("/Notifications");
        Assert.NotNull(notifications.QuerySelector($"a[href='/Assessments/{id}']"));
        Assert.Null((await client.GetPageAsync("/")).QuerySelector(".govuk-notification-banner"));
        Assert.Contains(Directory.GetFiles(factory.MailFolder), f => File.ReadAllText(f).Contains("an assessment you submitted was approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovedAssessment_SectionPage_IsReadOnly_AndPractitionersCannotReachTheQueue()
    {
        var (client, c) = await PractitionerWithCaseAsync();
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, client, c.CaseId, c.VictimId, youngPerson: false);
        await AssessmentCase.PostWithVersionAsync(client, $"/api/v1/assessments/{id}/submit", version);

        var edit = await client.GetAsync($"/Assessments/{id}/expectations");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/Assessments/{id}", edit.Headers.Location!.OriginalString);
        var forbidden = await client.GetAsync("/Assessments/Approvals");
        Assert.Equal("/Errors/403", forbidden.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Caseload_ShowsAssessmentsDueForReview_AndOutOfDateOnes()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var client = await SignIn.AsAsync(factory, user);
        var c = await AssessmentCase.CreateAsync(factory, client);
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, client, c.CaseId, c.VictimId, youngPerson: false);
        await AssessmentCase.PostWithVersionAsync(client, $"/api/v1/assessments/{id}/submit", version);
        await factory.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Accept(null, "Test", factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        string? Entry(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector($"#assessment-reviews a[href='/Assessments/{id}']")?.ParentElement!.TextContent;

        Assert.Null(Entry(await client.GetPageAsync("/Cases?view=team")));

        factory.Clock.Advance(TimeSpan.FromDays(80));
        client = await SignIn.AsAsync(factory, user);
        Assert.Contains("review due by", Entry(await client.GetPageAsync("/Cases?view=team")), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(20));
        client = await SignIn.AsAsync(factory, user);
        Assert.Contains("out of date because its review date", Entry(await client.GetPageAsync("/Cases?view=team")), StringComparison.Ordinal);
    }
}
