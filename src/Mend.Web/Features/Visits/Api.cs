using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Visits;

/// <summary>Visits and lone-working alerts through the API: a phone app or an alarm-receiving centre's system can do what the pages do.</summary>
public static class VisitsApi
{
    /// <summary>A visit; it never says whether a check-out used the duress code (whoever holds the phone must not learn it).</summary>
    public sealed record VisitResource(Guid Id, Guid? CaseId, Guid? PersonId, int? VenueId, VisitPlace Place, string Address, string? Purpose, string? Travel,
        DateTime StartsAt, DateTime ExpectedEndAt, Guid WorkerId, string WorkerName, Guid BuddyId, string BuddyName, Guid? SecondWorkerId, string? SecondWorkerName,
        VisitStatus Status, DateTime? CheckedInAt, DateTime? CheckedOutAt, int Version);

    /// <summary>A visit just planned, with what else is in the worker's diary at the time (a warning, not a refusal).</summary>
    public sealed record PlannedResource(VisitResource Visit, IReadOnlyList<LoneWorking.Clash> Clashes);

    public sealed record CheckOutInput(string? Code);

    public sealed record ExtendInput(DateTime? ExpectedEndAt);

    public sealed record AcknowledgeInput(string? Note);

    public sealed record AlertResource(long Id, Guid VisitId, AlertKind Kind, AlertStep Step, StepState StepState, DateTime RaisedAt, DateTime? StepAt,
        string WorkerName, VisitPlace Place, string Address, DateTime ExpectedEndAt, DateTime? EndedAt, string? Ending);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/visits", async (LoneWorking.PlanInput input, HttpContext http, LoneWorking visits, CancellationToken ct) =>
            {
                var outcome = await visits.PlanAsync(http.User, input, ct);
                if (outcome.Value is not { } visit)
                {
                    return ApiChange.Answer(http, outcome, v => v.Version, _ => Results.Ok());
                }

                var clashes = await visits.ClashesAsync(visit.WorkerId, visit.StartsAt, visit.ExpectedEndAt, visit.Id, ct);
                ApiResults.SetETag(http, visit.Version);
                return Results.Created($"/api/v1/visits/{visit.Id}", new PlannedResource(Resource(visit), clashes));
            })
            .WithTags("Visits").WithName("PlanVisit")
            .WithSummary("Plans a visit for the signed-in worker: where, when, a buddy, how they travel; a second worker when a \"do not visit alone\" warning applies")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<PlannedResource>(201).ProducesValidationProblem().ProducesProblem(404);

        v1.MapGet("/visits/{id:guid}", async (Guid id, HttpContext http, LoneWorking visits, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var visit = await visits.Visible(http.User).AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
                if (visit is null)
                {
                    return NotFound("visit");
                }

                audit.Viewed(nameof(Visit), id.ToString(), visit.PersonId is { } p ? [p] : [], PurposeOfView);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, visit.Version);
                return Results.Ok(Resource(visit));
            })
            .WithTags("Visits").WithName("GetVisit").WithSummary("A visit the user goes on, goes with or is buddy for (a manager: any), with an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<VisitResource>().ProducesProblem(404);

        MapChange(v1, "check-in", "CheckInVisit", "The worker has arrived: the visit is live. Needs If-Match",
            (visits, http, id, version, ct) => visits.CheckInAsync(http.User, id, version, ct));
        MapChange<ExtendInput>(v1, "extend", "ExtendVisit", "A new expected end, no more than the longest visit after checking in; answers an amber alert. Needs If-Match",
            (visits, http, id, version, input, ct) => visits.ExtendAsync(http.User, id, version, input?.ExpectedEndAt, ct));
        MapChange<CheckOutInput>(v1, "check-out", "CheckOutVisit",
            "The worker has left safely: with the service's check-out code when it has one. The duress code answers exactly the same and raises a red alert. A wrong code is refused (field code). Needs If-Match",
            (visits, http, id, version, input, ct) => visits.CheckOutAsync(http.User, id, version, input?.Code, ct));
        MapChange(v1, "cancel", "CancelVisit", "A planned visit that will not happen. Needs If-Match",
            (visits, http, id, version, ct) => visits.CancelAsync(http.User, id, version, ct));

        v1.MapGet("/visits/alerts", async (HttpContext http, LoneWorking visits, MendDb db, AuditTrail audit, CancellationToken ct) =>
            {
                var alerts = await visits.VisibleAlerts(http.User).AsNoTracking().Where(a => a.EndedAt == null).OrderBy(a => a.RaisedAt).Take(500).ToListAsync(ct);
                var ids = alerts.Select(a => a.VisitId).ToList();
                var about = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
                foreach (var v in about.Values)
                {
                    audit.Viewed(nameof(Visit), v.Id.ToString(), v.PersonId is { } p ? [p] : [], PurposeOfView);
                }

                await db.SaveChangesAsync(ct);
                return Results.Ok(alerts.Select(a => ToResource(a, about[a.VisitId])).ToList());
            })
            .WithTags("Visits").WithName("OpenAlerts").WithSummary("Lone-working alerts not yet acknowledged that the user may see: a manager's, all of them")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<AlertResource>>();

        v1.MapPost("/visits/alerts/{id:long}/acknowledge", async (long id, AcknowledgeInput? input, HttpContext http, LoneWorking visits, MendDb db, CancellationToken ct) =>
            {
                var outcome = await visits.AcknowledgeAsync(http.User, id, input?.Note, ct);
                if (outcome.Value is not { } alert)
                {
                    return ApiChange.Answer(http, outcome, null, _ => Results.Ok());
                }

                var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == alert.VisitId, ct);
                return Results.Ok(ToResource(alert, visit));
            })
            .WithTags("Visits").WithName("AcknowledgeAlert").WithSummary("Takes an alert on: its escalation stops. An alert already ended is refused (422)")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<AlertResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
    }

    public const string PurposeOfView = "Lone working";

    private delegate Task<Outcome<Visit>> Change<in T>(LoneWorking visits, HttpContext http, Guid id, int version, T input, CancellationToken ct);

    private delegate Task<Outcome<Visit>> Change(LoneWorking visits, HttpContext http, Guid id, int version, CancellationToken ct);

    private static void MapChange<T>(RouteGroupBuilder v1, string action, string name, string summary, Change<T?> change) where T : class =>
        Describe(v1.MapPost($"/visits/{{id:guid}}/{action}", (Guid id, T? input, HttpContext http, LoneWorking visits, CancellationToken ct) =>
            RunAsync(id, http, visits, (version) => change(visits, http, id, version, input, ct), ct)), name, summary);

    private static void MapChange(RouteGroupBuilder v1, string action, string name, string summary, Change change) =>
        Describe(v1.MapPost($"/visits/{{id:guid}}/{action}", (Guid id, HttpContext http, LoneWorking visits, CancellationToken ct) =>
            RunAsync(id, http, visits, (version) => change(visits, http, id, version, ct), ct)), name, summary);

    private static void Describe(RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithTags("Visits").WithName(name).WithSummary(summary)
        .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
        .Produces<VisitResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

    /// <summary>A change to the user's own visit by the one API change sequence (<see cref="ApiChange"/>): If-Match, then the change.</summary>
    private static Task<IResult> RunAsync(Guid id, HttpContext http, LoneWorking visits, Func<int, Task<Outcome<Visit>>> change, CancellationToken ct) =>
        ApiChange.RunAsync(http, visits.Mine(http.User).AsNoTracking().Where(v => v.Id == id).Select(v => v.Version), change, v => v.Version, v => Results.Ok(Resource(v)), ct);

    public static VisitResource Resource(Visit v) => new(v.Id, v.CaseId, v.PersonId, v.VenueId, v.Place, v.Address, v.Purpose, v.Travel, v.StartsAt, v.ExpectedEndAt,
        v.WorkerId, v.WorkerName, v.BuddyId, v.BuddyName, v.SecondWorkerId, v.SecondWorkerName, v.Status, v.CheckedInAt, v.CheckedOutAt, v.Version);

    private static AlertResource ToResource(VisitAlert a, Visit v) =>
        new(a.Id, a.VisitId, a.Kind, a.Step, a.StepState, a.RaisedAt, a.StepAt, v.WorkerName, v.Place, v.Address, v.ExpectedEndAt, a.EndedAt, a.Ending);

    private static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: $"There is no {what} with that id that you can see.");
}
