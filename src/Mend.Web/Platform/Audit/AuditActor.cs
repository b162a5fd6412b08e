using System.Security.Claims;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Platform.Audit;

public sealed record AuditActorInfo(Guid? UserId, string Name, string CorrelationId, Guid? ApiTokenId);

/// <summary>
/// Who is acting in this scope: the signed-in user or API token owner of the current request,
/// or a named system process (a command-line tool or background job).
/// </summary>
public sealed class AuditActor(IHttpContextAccessor httpContextAccessor)
{
    private AuditActorInfo? _override;

    public void ActAsSystem(string processName) =>
        _override = new AuditActorInfo(null, "system:" + processName, Guid.NewGuid().ToString("N")[..16], null);

    /// <summary>Attributes what follows to a user who is not yet signed in (sign-in attempts, invitations).</summary>
    public void ActAs(Guid? userId, string name) =>
        _override = Current with { UserId = userId, Name = name };

    public AuditActorInfo Current
    {
        get
        {
            if (_override is not null)
            {
                return _override;
            }

            var http = httpContextAccessor.HttpContext;
            if (http is null)
            {
                return new AuditActorInfo(null, "system", "", null);
            }

            var user = http.User;
            Guid? userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
            Guid? tokenId = Guid.TryParse(user.FindFirstValue(MendClaims.ApiTokenId), out var t) ? t : null;
            var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous";
            return new AuditActorInfo(userId, name, http.TraceIdentifier, tokenId);
        }
    }
}
