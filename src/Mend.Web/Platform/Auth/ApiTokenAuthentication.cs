using System.Security.Claims;
using System.Text.Encodings.Web;
using Mend.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mend.Web.Platform.Auth;

/// <summary>Authenticates API requests that carry "Authorization: Bearer mend_…" personal access tokens.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    MendDb db,
    IUserClaimsPrincipalFactory<MendUser> principals,
    ApiTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MendApiToken";

    /// <summary>Tokens are read only on the JSON API (/api/v1/…), and only from a Bearer Authorization header.</summary>
    public static bool Applies(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1")
        && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!PersonalAccessToken.TryParse(header["Bearer ".Length..].Trim(), out var tokenId, out var secret))
        {
            return AuthenticateResult.Fail("The token is not a Mend personal access token.");
        }

        if (cache.Find(tokenId, secret) is { } cached)
        {
            return Success(cached);
        }

        var now = TimeProvider.GetUtcNow().UtcDateTime;
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId, Context.RequestAborted);
        if (token is null || !token.Matches(secret) || !token.IsUsable(now))
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("The token's user is disabled.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(MendClaims.ApiTokenId, token.Id.ToString()));
        foreach (var scope in token.ScopeList)
        {
            identity.AddClaim(new Claim(MendClaims.Scope, scope));
        }

        // Recorded at most once a minute so a busy integration does not write on every call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.MarkUsed(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        cache.Keep(token.Id, token.SecretHash, token.ExpiresAt, identity.Claims);
        return Success(identity.Claims);
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
