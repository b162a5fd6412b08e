using System.Globalization;
using Mend.Web.Data;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

/// <summary>Issues a personal access token; shared by the Issue token page and the create-token command.</summary>
public sealed class IssueApiToken(MendDb db, AuditTrail audit, AuditActor actor, TimeProvider clock)
{
    public sealed record Request(Guid UserId, string? Name, IReadOnlyCollection<string> Scopes, string? Days);

    /// <summary>The token in plain text (shown once; only its hash is kept), or invalid under the request's property names.</summary>
    public async Task<Outcome<string>> HandleAsync(Request request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (actor.Current.ApiTokenId is not null)
        {
            // Defence in depth: tokens never reach the pages, and must never mint other tokens.
            errors[""] = "A token cannot issue tokens. Sign in to Mend to issue one.";
            return Outcome<string>.Invalid(errors);
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["Name"] = "Enter a name for the token";
        }
        else if (name.Length > 100)
        {
            errors["Name"] = "Name must be 100 characters or fewer";
        }

        if (request.Scopes.Count == 0)
        {
            errors["Scopes"] = "Select at least one scope";
        }
        else if (request.Scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            errors["Scopes"] = $"Select scopes from the list: {string.Join(", ", ApiScopes.All.Order())}";
        }

        if (!int.TryParse(request.Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 366)
        {
            errors["Days"] = "Days until it expires must be a whole number between 1 and 366";
        }

        if (!await db.Users.AnyAsync(u => u.Id == request.UserId && !u.IsDisabled, ct))
        {
            errors["UserId"] = "The user does not exist or is disabled";
        }

        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }

        var issuedBy = actor.Current.UserId ?? request.UserId;
        var (token, plain) = PersonalAccessToken.Issue(request.UserId, name, request.Scopes, clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(days), issuedBy);
        db.PersonalAccessTokens.Add(token);
        audit.Record(AuditAction.TokenIssued, nameof(PersonalAccessToken), token.Id.ToString(), fields: "Scopes:" + token.Scopes);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Done(plain);
    }
}
