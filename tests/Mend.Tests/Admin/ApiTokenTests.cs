using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Admin.Users;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Admin;

public sealed class ApiTokenTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<(string Token, Guid TokenId)> IssueAsync(Guid userId, string[] scopes, string days = "30")
    {
        string? plain = null;
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var result = await services.GetRequiredService<IssueApiToken>().HandleAsync(new IssueApiToken.Request(userId, "integration", scopes, days));
            plain = result.Value;
        });
        Assert.NotNull(plain);
        Assert.True(PersonalAccessToken.TryParse(plain!, out var id, out _));
        return (plain!, id);
    }

    private HttpClient ClientWith(string token)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Token_WithTheScope_Works_IsHashedAtRest_AndItsUseIsAttributed()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var (token, tokenId) = await IssueAsync(user.Id, [ApiScopes.ReadProfile, ApiScopes.ReadCases]);
        var client = ClientWith(token);

        var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Email, (await me.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("email").GetString());
        var search = await client.PostAsJsonAsync("/api/v1/people/search", new { name = "anyone" });
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);

        var stored = await factory.WithDbAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == tokenId));
        Assert.DoesNotContain(Convert.ToBase64String(stored.SecretHash), token);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.ApiTokenId == tokenId && e.ActorUserId == user.Id && e.EntityType == "PersonSearch")));
    }

    [Fact]
    public async Task Token_WithoutTheScope_IsRefused403()
    {
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var (token, _) = await IssueAsync(user.Id, [ApiScopes.ReadProfile]);
        var response = await ClientWith(token).PostAsJsonAsync("/api/v1/people/search", new { name = "anyone" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_Revoked_IsRefusedAtOnce_AndExpired_IsRefused()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var (token, tokenId) = await IssueAsync(user.Id, [ApiScopes.ReadProfile]);
        var client = ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await admin.SubmitAsync($"/Admin/Users/Edit/{user.Id}", [new("tokenId", tokenId.ToString())], $"/Admin/Users/Edit/{user.Id}?handler=Revoke&tokenId={tokenId}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        var (shortLived, _) = await IssueAsync(user.Id, [ApiScopes.ReadProfile], days: "1");
        var other = ClientWith(shortLived);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_OfADisabledUser_StopsWorking()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var user = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var (token, _) = await IssueAsync(user.Id, [ApiScopes.ReadProfile]);
        var client = ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var disabled = await admin.SubmitAsync($"/Admin/Users/Disable/{user.Id}", [new("Reason", "Left the service")]);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}
