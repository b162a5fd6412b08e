using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>Caseload cover through the API: a manager lists, sets and ends cover for their team's workers.</summary>
public static class CoverApi
{
    public sealed record CoverResource(long Id, Guid AbsentUserId, string AbsentName, Guid CoveringUserId, string CoveringName, DateOnly StartsOn, DateOnly EndsOn,
        string? Reason, string SetByName, DateTime? EndedEarlyAt, int Version);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/staff/cover", async (HttpContext http, CoverArrangements cover, CancellationToken ct) =>
                Results.Ok((await cover.ListAsync(http.User, ct)).Select(Resource).ToList()))
            .WithTags("Staff").WithName("CaseloadCover").WithSummary("Cover of your team's caseloads not yet ended, or ended in the last 30 days, soonest first")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadStaff))
            .Produces<List<CoverResource>>();

        v1.MapPost("/staff/cover", async (CaseloadCover.Details input, HttpContext http, CoverArrangements cover, CancellationToken ct) =>
                ApiChange.Answer(http, await cover.SetAsync(http.User, input, ct), c => c.Version, c => Results.Created("/api/v1/staff/cover", Resource(c))))
            .WithTags("Staff").WithName("SetCaseloadCover")
            .WithSummary("Sets cover: absentUserId (your team), coveringUserId, startsOn (today or later), endsOn (at most 183 days on), reason (up to 100 characters); never overlapping another cover of that caseload")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.WriteStaff))
            .Produces<CoverResource>(201).ProducesValidationProblem();

        v1.MapPost("/staff/cover/{id:long}/end", (long id, HttpContext http, CoverArrangements cover, CancellationToken ct) =>
                ApiChange.RunAsync(http, cover.Visible(http.User).AsNoTracking().Where(c => c.Id == id).Select(c => c.Version),
                    version => cover.EndAsync(http.User, id, version, ct), c => c.Version, c => Results.Ok(Resource(c)), ct))
            .WithTags("Staff").WithName("EndCaseloadCover").WithSummary("Ends a cover now (the worker is back), or withdraws one not yet started. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.WriteStaff))
            .Produces<CoverResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    private static CoverResource Resource(CaseloadCover c) =>
        new(c.Id, c.AbsentUserId, c.AbsentName, c.CoveringUserId, c.CoveringName, c.StartsOn, c.EndsOn, c.Reason, c.SetByName, c.EndedEarlyAt, c.Version);
}
