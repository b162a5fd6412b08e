using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform;

/// <summary>
/// Every route the app maps, requested anonymously and as each role. A route missing from
/// <see cref="Expected"/> fails the test, so nobody can add an endpoint without deciding who may use it.
/// </summary>
public sealed class AuthorisationMatrixTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private const string Public = "public";
    private static readonly string[] Staff = [Roles.Practitioner, Roles.Manager, Roles.Administrator, Roles.DataProtectionOfficer];
    private static readonly string[] Everyone = Roles.All.ToArray();
    private static readonly string[] CaseWork = [Roles.Practitioner, Roles.Manager];
    private static readonly string[] PanelWork = [Roles.Volunteer, Roles.Practitioner, Roles.Manager];

    /// <summary>Route pattern → who may GET it ("public" for anyone, signed in or not).</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/health/live"] = [Public],
        ["/health/ready"] = [Public],
        ["Account/SignIn"] = [Public],
        ["Account/SignOut"] = [Public],
        ["Account/ForgotPassword"] = [Public],
        ["Account/ResetPassword"] = [Public],
        ["Account/Invitation"] = [Public],
        ["Account/TwoFactor/Verify"] = [Public],
        ["Account/TwoFactor/Recovery"] = [Public],
        ["Accessibility"] = [Public],
        ["Privacy"] = [Public],
        ["Errors/{code:int}"] = [Public],
        [""] = Everyone,
        ["Home"] = Everyone,
        ["Home/Index"] = Everyone,
        ["Account"] = Everyone,
        ["Account/Index"] = Everyone,
        ["Account/ChangePassword"] = Everyone,
        ["Account/TwoFactor/Setup"] = Everyone,
        ["Account/TwoFactor/RecoveryCodes"] = Everyone,
        ["People"] = CaseWork,
        ["People/Index"] = CaseWork,
        ["People/Create"] = CaseWork,
        ["People/{id:guid}"] = CaseWork,
        ["People/Edit/{id:guid}"] = CaseWork,
        ["People/Flags/{id:guid}"] = CaseWork,
        ["Cases"] = CaseWork,
        ["Cases/Index"] = CaseWork,
        ["Cases/Refer"] = CaseWork,
        ["Cases/{id:guid}"] = CaseWork,
        ["Cases/AddParticipant/{id:guid}"] = CaseWork,
        ["Cases/AddOffence/{id:guid}"] = CaseWork,
        ["Cases/Manage/{id:guid}"] = CaseWork,
        ["Cases/Attachments/{id:guid}"] = CaseWork,
        ["Cases/AmendNote/{id:guid}/{noteId:long}"] = CaseWork,
        ["Cases/BrokenGlass"] = [Roles.Manager],
        ["Cases/{caseId:guid}/Assessments"] = CaseWork,
        ["Assessments/{id:guid}"] = CaseWork,
        ["Assessments/{id:guid}/{section}"] = CaseWork,
        ["Assessments/Approvals"] = [Roles.Manager],
        ["Cases/{caseId:guid}/Victims/{personId:guid}"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/details"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/choices"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/contact"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/decision"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/views"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/views/share"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/offer"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/support"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/updates"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/survey"] = CaseWork,
        ["Cases/{caseId:guid}/Victims/{personId:guid}/decline"] = CaseWork,
        ["Victims/Overdue"] = [Roles.Manager],
        ["Orders/ReturnsDue"] = [Roles.Manager],
        ["Admin/Venues"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Reparation"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Agencies"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Templates"] = [Roles.Administrator],
        ["Admin/Templates/Add"] = [Roles.Administrator],
        ["Admin/Templates/{id:int}"] = [Roles.Administrator],
        ["Cases/{caseId:guid}/Documents"] = CaseWork,
        ["Cases/{caseId:guid}/Documents/Make"] = CaseWork,
        ["Documents/{id:guid}"] = CaseWork,
        ["Documents/Due"] = CaseWork,
        ["Reports"] = [Roles.Manager],
        ["Reports/Service"] = [Roles.Manager],
        ["Reports/Disproportionality"] = [Roles.Manager],
        ["Reports/Behind"] = [Roles.Manager],
        ["Admin/Retention"] = [Roles.DataProtectionOfficer],
        ["Admin/Retention/{id:int}"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Disposals"] = [Roles.DataProtectionOfficer, Roles.Manager],
        ["DataProtection/Disposals/{id:long}"] = [Roles.DataProtectionOfficer, Roles.Manager],
        ["DataProtection/Destroyed"] = [Roles.DataProtectionOfficer, Roles.Manager],
        ["DataProtection/Holds"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Holds/Place"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Holds/{id:guid}"] = [Roles.DataProtectionOfficer],
        ["DataProtection/People"] = [Roles.DataProtectionOfficer],
        ["DataProtection/People/{id:guid}"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Requests"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Requests/New"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Requests/{id:guid}"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Disclosures"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Agreements"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Agreements/Edit/{id:guid?}"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Agreements/{id:guid}"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Rights/New"] = [Roles.DataProtectionOfficer],
        ["DataProtection/Rights/{id:guid}"] = [Roles.DataProtectionOfficer],
        ["Partner"] = [Roles.Partner],
        ["Partner/Index"] = [Roles.Partner],
        ["Partner/Cases/{id:guid}"] = [Roles.Partner],
        ["Documents/Runs/{runId:guid}"] = CaseWork,
        ["Admin/Agencies/Edit/{id:int}"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Reparation/Edit/{id:int}"] = [Roles.Manager, Roles.Administrator],
        ["Cases/{caseId:guid}/Processes"] = CaseWork,
        ["Processes/{id:guid}"] = CaseWork,
        ["Admin/Venues/Index"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Venues/Edit/{id:int}"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Accreditations"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Accreditations/Index"] = [Roles.Manager, Roles.Administrator],
        ["Victims/Compliance"] = [Roles.Manager],
        ["Survey/{token}"] = [Public],
        ["Feedback/{token}"] = [Public],
        ["Panels"] = PanelWork,
        ["Account/Calendar"] = PanelWork,
        ["Account/Mobile"] = CaseWork,
        ["Visits"] = CaseWork,
        ["Visits/Index"] = CaseWork,
        ["Visits/Plan"] = CaseWork,
        ["Visits/Now"] = CaseWork,
        ["Visits/{id:guid}"] = CaseWork,
        ["Visits/{id:guid}/Pack"] = CaseWork,
        ["Visits/Alerts/{id:long}"] = CaseWork,
        ["Visits/Board"] = [Roles.Manager],
        ["Safeguarding"] = CaseWork,
        ["Partners"] = CaseWork,
        ["Partners/Index"] = CaseWork,
        ["Partners/{id:int}"] = CaseWork,
        ["Cases/{caseId:guid}/Meetings"] = CaseWork,
        ["Cases/{caseId:guid}/Meetings/Record"] = CaseWork,
        ["Meetings/{id:guid}"] = CaseWork,
        ["Safeguarding/Index"] = CaseWork,
        ["Safeguarding/Refer"] = CaseWork,
        ["Safeguarding/{id:guid}"] = CaseWork,
        ["Safeguarding/{id:guid}/Respond"] = CaseWork,
        ["Safeguarding/{id:guid}/Chase"] = CaseWork,
        ["Staff"] = [Roles.Manager, Roles.Administrator],
        ["Staff/{id:guid}"] = [Roles.Manager, Roles.Administrator],
        ["Staff/{id:guid}/Training"] = [Roles.Manager, Roles.Administrator],
        ["Staff/{id:guid}/Dbs"] = [Roles.Manager, Roles.Administrator],
        ["Staff/{id:guid}/Supervision"] = [Roles.Manager, Roles.Administrator],
        ["Staff/Cover"] = [Roles.Manager],
        ["Staff/Sessions"] = CaseWork,
        ["Staff/Sessions/Record"] = CaseWork,
        ["Staff/Cover/New"] = [Roles.Manager],
        ["/calendar/{token}.ics"] = [Public],
        ["Panels/Meetings/{id:guid}"] = PanelWork,
        ["Admin/Panels"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Panels/Index"] = [Roles.Manager, Roles.Administrator],
        ["Admin/Panels/Edit/{id:int}"] = [Roles.Manager, Roles.Administrator],
        ["Processes/{id:guid}/Feedback"] = CaseWork,
        ["Cases/{caseId:guid}/Orders"] = CaseWork,
        ["Cases/{caseId:guid}/Orders/Record"] = CaseWork,
        ["Orders/{id:guid}"] = CaseWork,
        ["Orders/{id:guid}/Breach/{contactId:long}"] = CaseWork,
        ["Orders/{id:guid}/Contacts/{contactId:long}"] = CaseWork,
        ["Orders/{id:guid}/Contacts/{contactId:long}/FollowUp"] = CaseWork,
        ["Orders/{id:guid}/Contacts/Arrange"] = CaseWork,
        ["Orders/{id:guid}/Contract"] = CaseWork,
        ["Orders/{id:guid}/End"] = CaseWork,
        ["Orders/{id:guid}/Extend"] = CaseWork,
        ["Orders/{id:guid}/Panels/Record"] = CaseWork,
        ["Orders/{id:guid}/Reparation/Record"] = CaseWork,
        ["Orders/{id:guid}/Plan/Add"] = CaseWork,
        ["Orders/{id:guid}/Plan/Review"] = CaseWork,
        ["Orders/{id:guid}/Plan/{activityId:long}"] = CaseWork,
        ["Orders/{id:guid}/Hearings/{breachId:long}"] = CaseWork,
        ["Orders/{id:guid}/Requirements/Add"] = CaseWork,
        ["Orders/{id:guid}/Warnings/{contactId:long}"] = CaseWork,
        ["Processes/{id:guid}/Agreement"] = CaseWork,
        ["Processes/{id:guid}/Agreement/{itemId:long}"] = CaseWork,
        ["Processes/{id:guid}/Outcome"] = CaseWork,
        ["Processes/{id:guid}/Panel"] = CaseWork,
        ["Processes/{id:guid}/Preparation"] = CaseWork,
        ["Processes/{id:guid}/Record"] = CaseWork,
        ["Processes/{id:guid}/SafetyPlan"] = CaseWork,
        ["Processes/{id:guid}/Schedule"] = CaseWork,
        ["Notifications"] = Everyone,
        ["Notifications/Index"] = Everyone,
        ["People/Merge/{id:guid}"] = [Roles.Manager],
        ["Admin/OffenceTypes"] = [Roles.Administrator],
        ["Admin/Holidays"] = [Roles.Administrator],
        ["Admin/Holidays/Index"] = [Roles.Administrator],
        ["Admin/OffenceTypes/Index"] = [Roles.Administrator],
        ["Admin/OffenceTypes/Edit/{id:int}"] = [Roles.Administrator],
        ["Admin/Users"] = [Roles.Administrator],
        ["Admin/Users/Index"] = [Roles.Administrator],
        ["Admin/Users/Invite"] = [Roles.Administrator],
        ["Admin/Users/Edit/{id:guid}"] = [Roles.Administrator],
        ["Admin/Users/Disable/{id:guid}"] = [Roles.Administrator],
        ["Admin/Users/IssueToken/{id:guid}"] = [Roles.Administrator],
        ["Admin/Audit"] = [Roles.Administrator, Roles.DataProtectionOfficer],
        ["Admin/Audit/Index"] = [Roles.Administrator, Roles.DataProtectionOfficer],
        ["/api/{documentName}/openapi.json"] = Staff,
        ["/api/reference/{documentName?}"] = Staff,
        // The reference page's own script and icon are the open-source Scalar library's static files,
        // served without sign-in by Scalar; nothing in them is private. The page and the document are not.
        ["/api/reference/scalar.js"] = [Public],
        ["/api/reference/scalar.aspnetcore.js"] = [Public],
        ["/api/reference/favicon.svg"] = [Public],
        ["/api/v1/me"] = Everyone,
        ["/api/v1/retention-rules"] = Everyone,
        ["/api/v1/users"] = [Roles.Administrator],
        ["/api/v1/audit-events"] = [Roles.Administrator, Roles.DataProtectionOfficer],
        ["/api/v1/people/{id:guid}"] = CaseWork,
        ["/api/v1/people/"] = CaseWork,
        ["/api/v1/people/search"] = CaseWork,
        ["/api/v1/cases/{id:guid}"] = CaseWork,
        ["/api/v1/cases"] = CaseWork,
        ["/api/v1/cases/{id:guid}/decision"] = CaseWork,
        ["/api/v1/cases/{id:guid}/risk"] = CaseWork,
        ["/api/v1/referrals"] = CaseWork,
        ["/api/v1/cases/{id:guid}/assessments"] = CaseWork,
        ["/api/v1/cases/{id:guid}/process-readiness"] = CaseWork,
        ["/api/v1/assessments/{id:guid}"] = CaseWork,
        ["/api/v1/assessments/{id:guid}/answers"] = CaseWork,
        ["/api/v1/assessments/{id:guid}/submit"] = CaseWork,
        ["/api/v1/assessments/{id:guid}/approve"] = CaseWork,
        ["/api/v1/assessments/{id:guid}/return"] = [Roles.Manager],
        ["/api/v1/assessments/awaiting-approval"] = [Roles.Manager],
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/details"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/choices"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/contacts"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/decision"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/records"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/views"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/shares"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/surveys"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/decline"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/victims/{personId:guid}/survey-links"] = CaseWork,
        ["/api/v1/victims/overdue"] = [Roles.Manager],
        ["/api/v1/orders/returns-due"] = [Roles.Manager],
        ["/api/v1/cases/{id:guid}/processes"] = CaseWork,
        ["/api/v1/cases/{id:guid}/orders"] = CaseWork,
        ["/api/v1/orders/{id:guid}"] = CaseWork,
        ["/api/v1/orders/{id:guid}/attendance"] = CaseWork,
        ["/api/v1/orders/{id:guid}/breach-decisions"] = CaseWork,
        ["/api/v1/orders/{id:guid}/contacts"] = CaseWork,
        ["/api/v1/orders/{id:guid}/contract"] = CaseWork,
        ["/api/v1/orders/{id:guid}/end"] = CaseWork,
        ["/api/v1/orders/{id:guid}/extension"] = CaseWork,
        ["/api/v1/orders/{id:guid}/panels"] = CaseWork,
        ["/api/v1/orders/{id:guid}/reparation"] = CaseWork,
        ["/api/v1/orders/{id:guid}/plan"] = CaseWork,
        ["/api/v1/orders/{id:guid}/plan-progress"] = CaseWork,
        ["/api/v1/orders/{id:guid}/plan-reviews"] = CaseWork,
        ["/api/v1/partner-agencies"] = CaseWork,
        ["/api/v1/reports/kpi10"] = [Roles.Manager],
        ["/api/v1/reports/kpi6"] = [Roles.Manager],
        ["/api/v1/reports/service"] = [Roles.Manager],
        ["/api/v1/reports/disproportionality"] = [Roles.Manager],
        ["/api/v1/documents"] = CaseWork,
        ["/api/v1/documents/{id:guid}"] = CaseWork,
        ["/api/v1/documents/{id:guid}/content"] = CaseWork,
        ["/api/v1/documents/{id:guid}/sent"] = CaseWork,
        ["/api/v1/cases/{id:guid}/documents"] = CaseWork,
        ["/api/v1/document-templates"] = [Roles.Practitioner, Roles.Manager, Roles.Administrator],
        ["/api/v1/document-templates/{id:int}"] = [Roles.Administrator],
        ["/api/v1/document-templates/{id:int}/versions"] = [Roles.Administrator],
        ["/api/v1/document-templates/{id:int}/versions/{number:int}/content"] = [Roles.Administrator],
        ["/api/v1/reparation-projects"] = CaseWork,
        ["/api/v1/orders/{id:guid}/follow-ups"] = CaseWork,
        ["/api/v1/orders/{id:guid}/hearings"] = CaseWork,
        ["/api/v1/orders/{id:guid}/requirements"] = CaseWork,
        ["/api/v1/orders/{id:guid}/warnings"] = CaseWork,
        ["/api/v1/processes/{id:guid}"] = CaseWork,
        ["/api/v1/processes/{id:guid}/schedule"] = CaseWork,
        ["/api/v1/processes/{id:guid}/meeting.ics"] = CaseWork,
        ["/api/v1/processes/{id:guid}/record"] = CaseWork,
        ["/api/v1/processes/{id:guid}/agreement"] = CaseWork,
        ["/api/v1/processes/{id:guid}/agreement/settle"] = CaseWork,
        ["/api/v1/processes/{id:guid}/outcome"] = CaseWork,
        ["/api/v1/processes/{id:guid}/preparation"] = CaseWork,
        ["/api/v1/processes/{id:guid}/safety-plan"] = CaseWork,
        ["/api/v1/processes/{id:guid}/feedback"] = CaseWork,
        ["/api/v1/processes/{id:guid}/panel"] = CaseWork,
        ["/api/v1/panel-meetings"] = PanelWork,
        ["/api/v1/panel-meetings/{id:guid}"] = PanelWork,
        ["/api/v1/panel-meetings/{id:guid}/minutes"] = PanelWork,
        ["/api/v1/processes/{id:guid}/feedback-links"] = CaseWork,
        ["/api/v1/victims/compliance"] = [Roles.Manager],
        ["/api/v1/visits"] = CaseWork,
        ["/api/v1/safeguarding-referrals"] = CaseWork,
        ["/api/v1/partners"] = CaseWork,
        ["/api/v1/partners/{id:int}"] = CaseWork,
        ["/api/v1/cases/{caseId:guid}/meetings"] = CaseWork,
        ["/api/v1/meetings/{id:guid}"] = CaseWork,
        ["/api/v1/meetings/{id:guid}/actions"] = CaseWork,
        ["/api/v1/meetings/{id:guid}/actions/{actionId:long}/done"] = CaseWork,
        ["/api/v1/safeguarding-referrals/{id:guid}"] = CaseWork,
        ["/api/v1/safeguarding-referrals/{id:guid}/chase"] = CaseWork,
        ["/api/v1/safeguarding-referrals/{id:guid}/response"] = CaseWork,
        ["/api/v1/staff"] = [Roles.Manager, Roles.Administrator],
        ["/api/v1/staff/cover"] = [Roles.Manager],
        ["/api/v1/training-sessions"] = CaseWork,
        ["/api/v1/staff/cover/{id:long}/end"] = [Roles.Manager],
        ["/api/v1/staff/{id:guid}"] = [Roles.Manager, Roles.Administrator],
        ["/api/v1/staff/{id:guid}/training"] = [Roles.Manager, Roles.Administrator],
        ["/api/v1/staff/{id:guid}/dbs-checks"] = [Roles.Manager, Roles.Administrator],
        ["/api/v1/staff/{id:guid}/supervisions"] = [Roles.Manager, Roles.Administrator],
        ["/api/v1/visits/{id:guid}"] = CaseWork,
        ["/api/v1/visits/{id:guid}/check-in"] = CaseWork,
        ["/api/v1/visits/{id:guid}/check-out"] = CaseWork,
        ["/api/v1/visits/{id:guid}/extend"] = CaseWork,
        ["/api/v1/visits/{id:guid}/cancel"] = CaseWork,
        ["/api/v1/visits/alerts"] = CaseWork,
        ["/api/v1/visits/alerts/{id:long}/acknowledge"] = CaseWork,
    };

    private IReadOnlyList<string> MappedRoutes() => Endpoints().Select(e => e.Route).Distinct().Order().ToList();

    /// <summary>Each route with the method to probe it by: GET where it answers GET, otherwise its own method.</summary>
    private List<(string Route, string Method)> Endpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/scalar", StringComparison.Ordinal))
            .Select(e => (Route: e.RoutePattern.RawText ?? "", Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .GroupBy(e => e.Route)
            .Select(g => (g.Key, g.SelectMany(e => e.Methods).Contains("GET") ? "GET" : g.First().Methods.First()))
            .ToList();
    }

    private static Task<HttpResponseMessage> ProbeAsync(HttpClient client, string route, string method) =>
        method == "GET"
            ? client.GetAsync(Url(route))
            : client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(route)) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });

    private string MethodOf(string route) => Endpoints().First(e => e.Route == route).Method;

    private static string Url(string pattern)
    {
        var path = pattern.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{noteId:long}", "1").Replace("{itemId:long}", "1").Replace("{contactId:long}", "1").Replace("{breachId:long}", "1").Replace("{activityId:long}", "1").Replace("{actionId:long}", "1").Replace("{id:long}", "999999").Replace("{id:int}", "999999").Replace("{number:int}", "1").Replace("{code:int}", "404")
            .Replace("{caseId:guid}", Guid.NewGuid().ToString()).Replace("{runId:guid}", Guid.NewGuid().ToString()).Replace("{section}", "risks")
            .Replace("{personId:guid}", Guid.NewGuid().ToString()).Replace("{token}", "not-a-real-token")
            .Replace("{documentName}", "v1").Replace("{documentName?}", "").Replace("{id:guid?}", "");
        return "/" + path.TrimStart('/');
    }

    [Fact]
    public void EveryMappedRoute_HasAnExpectedAccessEntry()
    {
        var missing = MappedRoutes().Where(r => !Expected.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Routes with no entry in the authorisation matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Anonymous_EveryNonPublicRoute_IsRefused()
    {
        var client = factory.CreateBrowserClient();
        foreach (var route in MappedRoutes().Where(r => Expected.TryGetValue(r, out var who) && !who.Contains(Public)))
        {
            var response = await ProbeAsync(client, route, MethodOf(route));
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Account/SignIn");
            Assert.True(refused, $"{route} answered {(int)response.StatusCode} to an anonymous request");
        }
    }

    /// <summary>
    /// A token authenticates the JSON API only: with every scope there is, and no cookie, each page (and the API
    /// reference page) is refused as if anonymous, so a token can neither skip the second factor nor issue tokens.
    /// </summary>
    [Theory]
    [InlineData(Roles.Practitioner)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.DataProtectionOfficer)]
    [InlineData(Roles.Volunteer)]
    [InlineData(Roles.Partner)]
    public async Task BearerTokenWithoutCookie_EveryPageRoute_IsRefused(string role)
    {
        var user = await TestUsers.CreateAsync(factory, [role]);
        var token = await TestUsers.IssueTokenAsync(factory, user.Id, ApiScopes.All.ToArray());
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var pages = MappedRoutes().Where(r => !r.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase)
            && !r.StartsWith("/api/{documentName}", StringComparison.OrdinalIgnoreCase)
            && Expected.TryGetValue(r, out var who) && !who.Contains(Public)).ToList();
        Assert.Contains("Admin/Users/IssueToken/{id:guid}", pages);
        foreach (var route in pages)
        {
            var response = await ProbeAsync(client, route, MethodOf(route));
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Account/SignIn");
            Assert.True(refused, $"{route} answered {(int)response.StatusCode} to a {role}'s bearer token with no session");
        }

        var issue = await client.PostAsync($"/Admin/Users/IssueToken/{user.Id}",
            new FormUrlEncodedContent([new("Input.Name", "more"), new("Input.Scopes", ApiScopes.ReadAudit), new("Input.Days", "30")]));
        Assert.True(issue.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
        Assert.Equal(1, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.PersonalAccessTokens, t => t.UserId == user.Id)));
    }

    [Theory]
    [InlineData(Roles.Practitioner)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.DataProtectionOfficer)]
    [InlineData(Roles.Volunteer)]
    [InlineData(Roles.Partner)]
    public async Task SignedIn_EachRoute_AllowedOnlyForItsRoles(string role)
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [role]));
        foreach (var route in MappedRoutes().Where(r => Expected.ContainsKey(r) && !Expected[r].Contains(Public)))
        {
            var response = await ProbeAsync(client, route, MethodOf(route));
            var allowed = Expected[route].Contains(role);
            if (allowed)
            {
                // Allowed: the page, a not-found for the made-up id, or (for an empty POST) its field errors; never a refusal.
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect or HttpStatusCode.BadRequest,
                    $"{role} should reach {route} but got {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.NotEqual("/Errors/403", response.Headers.Location!.AbsolutePath);
                    Assert.NotEqual("/Account/SignIn", response.Headers.Location!.AbsolutePath);
                }
            }
            else
            {
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Errors/403");
                Assert.True(refused, $"{role} must not reach {route} but got {(int)response.StatusCode}");
            }
        }
    }
}
