using Mend.Web.Features.Account;
using Mend.Web.Features.Admin.Audit;
using Mend.Web.Features.Admin.Users;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

namespace Mend.Web.Platform.Api;

public static class ApiEndpoints
{
    /// <summary>Maps /api/v1: every endpoint needs a signed-in user or a token; each feature adds its own group.</summary>
    public static void MapMendApi(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json").RequireAuthorization(Policies.ApiReference);
        app.MapScalarApiReference("/api/reference", o => o
                .WithTitle("Mend API reference")
                .WithOpenApiRoutePattern("/api/v1/openapi.json"))
            .RequireAuthorization(Policies.ApiReference);

        var v1 = app.MapGroup("/api/v1").RequireAuthorization(Policies.SignedIn);
        AccountApi.Map(v1);
        UsersApi.Map(v1);
        AuditApi.Map(v1);
        Features.People.PeopleApi.Map(v1);
        Features.Cases.CasesApi.Map(v1);
        Features.Assessments.AssessmentsApi.Map(v1);
        Features.Victims.VictimsApi.Map(v1);
        Features.Processes.ProcessesApi.Map(v1);
        Features.Orders.OrdersApi.Map(v1);
        Features.Documents.DocumentsApi.Map(v1);
        Features.Reports.ReportsApi.Map(v1);
        Features.DataProtection.RetentionApi.Map(v1);
        Features.Panels.PanelsApi.Map(v1);
        Features.Visits.VisitsApi.Map(v1);
        Features.Staff.StaffApi.Map(v1);
        Features.Staff.CoverApi.Map(v1);
        Features.Staff.SessionsApi.Map(v1);
        Features.Safeguarding.SafeguardingApi.Map(v1);
        Features.Meetings.MeetingsApi.Map(v1);
        Features.Partners.DirectoryApi.Map(v1);
    }

    /// <summary>A token must carry the scope; a signed-in browser session is limited by roles alone.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAssertion(context =>
            !context.User.HasClaim(c => c.Type == MendClaims.ApiTokenId) || context.User.HasClaim(MendClaims.Scope, scope));
}
