using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Platform.Errors;

/// <summary>
/// What outside testing sent the API: unreadable bodies, wrong types, endless text, absurd dates. Every answer is
/// problem details naming the field, nothing is saved, and the log has a one-line warning, never an error with a stack.
/// </summary>
public sealed class BadInputTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    private async Task<HttpClient> ClientAsync(string role = Roles.Practitioner)
    {
        var user = await TestUsers.CreateAsync(factory, [role]);
        var token = await TestUsers.IssueTokenAsync(factory, user.Id, ApiScopes.All.ToArray());
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}\n" + string.Join("\n", factory.Lines.TakeLast(8)));
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"Expected problem details, got {response.Content.Headers.ContentType}: {body[..Math.Min(body.Length, 300)]}" + string.Join("\n", factory.Lines.TakeLast(30)));
        return JsonDocument.Parse(body).RootElement;
    }

    private static void AssertNames(JsonElement problem, string field) =>
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"The problem does not name {field}: {problem}");

    /// <summary>Nothing at error level since the start of the test's requests (the host's own start-up is not counted).</summary>
    private void AssertNoErrorsLogged(int from) =>
        Assert.DoesNotContain(factory.Lines.Skip(from), l => l.Contains(" Error: ", StringComparison.Ordinal) || l.Contains(" Critical: ", StringComparison.Ordinal));

    private int LogMark => factory.Lines.Count;

    [Fact]
    public async Task MalformedJson_IsProblemDetails_AndAWarningOnly()
    {
        var client = await ClientAsync();
        var mark = LogMark;
        var response = await client.PostAsync("/api/v1/people", new StringContent("{\"kind\": \"Individual\", \"givenName\": ", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("title").GetString() + problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        AssertNoErrorsLogged(mark);
    }

    [Fact]
    public async Task WrongType_NamesTheField()
    {
        var client = await ClientAsync();
        var mark = LogMark;
        var before = await factory.WithDbAsync(db => db.People.CountAsync());
        var response = await client.PostAsync("/api/v1/people",
            new StringContent("{\"kind\":\"Individual\",\"givenName\":\"Ada\",\"familyName\":\"Ngozi\",\"dateOfBirth\":\"2011-04-31\"}", Encoding.UTF8, "application/json"));
        AssertNames(await ProblemAsync(response, HttpStatusCode.BadRequest), "dateOfBirth");
        Assert.Equal(before, await factory.WithDbAsync(db => db.People.CountAsync()));
        AssertNoErrorsLogged(mark);
    }

    [Fact]
    public async Task QueryValueOfTheWrongType_NamesIt()
    {
        var client = await ClientAsync();
        var mark = LogMark;
        AssertNames(await ProblemAsync(await client.GetAsync("/api/v1/cases?page=abc"), HttpStatusCode.BadRequest), "page");
        AssertNoErrorsLogged(mark);
    }

    [Fact]
    public async Task MissingOrWrongContentType_Is415ProblemDetails()
    {
        var client = await ClientAsync();
        var mark = LogMark;
        var none = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people") { Content = new ByteArrayContent("{}"u8.ToArray()) };
        await ProblemAsync(await client.SendAsync(none), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await client.PostAsync("/api/v1/people", new StringContent("kind=Individual", Encoding.UTF8, "application/x-www-form-urlencoded")),
            HttpStatusCode.UnsupportedMediaType);
        AssertNoErrorsLogged(mark);
    }

    [Fact]
    public async Task AnUnknownApiAddress_OrNoToken_IsProblemDetails_WhateverTheClientAccepts()
    {
        var client = await ClientAsync();
        await ProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        var anonymous = factory.CreateBrowserClient();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await ProblemAsync(await anonymous.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        var wrongToken = factory.CreateBrowserClient();
        wrongToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "mend_not_a_token");
        await ProblemAsync(await wrongToken.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EndlessSearchWord_IsAFieldError_AtOnce()
    {
        var client = await ClientAsync();
        var mark = LogMark;
        var started = DateTime.UtcNow;
        var response = await client.PostAsJsonAsync("/api/v1/people/search", new { name = new string('a', 150_000) });
        AssertNames(await ProblemAsync(response, HttpStatusCode.BadRequest), "name");

        var justOver = await client.PostAsJsonAsync("/api/v1/people/search", new { name = new string('b', 101) });
        AssertNames(await ProblemAsync(justOver, HttpStatusCode.BadRequest), "name");
        var atTheLimit = await client.PostAsJsonAsync("/api/v1/people/search", new { name = new string('c', 100) });
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        AssertNoErrorsLogged(mark);
    }

    [Fact]
    public async Task AnyJsonStringOverTheLongestText_IsRefused_WithItsField()
    {
        var client = await ClientAsync();
        var mark = LogMark;
        var before = await factory.WithDbAsync(db => db.People.CountAsync());
        var response = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Ada", familyName = "Ngozi", communicationNeeds = new string('x', 5_000_000) });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        AssertNames(problem, "communicationNeeds");
        Assert.Equal(before, await factory.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task ComplianceOverAllOfTime_IsAFieldError()
    {
        var client = await ClientAsync(Roles.Manager);
        var mark = LogMark;
        var response = await client.GetAsync("/api/v1/victims/compliance?from=0001-01-01&to=9999-12-31");
        AssertNames(await ProblemAsync(response, HttpStatusCode.BadRequest), "from");
        AssertNoErrorsLogged(mark);
    }
}
