using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>Orders (disposals) on a case, their requirements, contacts and compliance: /api/v1/cases/{id}/orders and /api/v1/orders/{id}.</summary>
public static class OrdersApi
{
    public sealed record RequirementResource(long Id, RequirementKind Kind, decimal? Amount, string? Unit, int? DailyHours, int? WeeklyHours, string? Detail,
        string? Responsible);

    public sealed record ContactResource(long Id, DateTime At, string Purpose, Attendance? Attendance, string? AbsenceReason, DateTime? FollowedUpAt, long? ActivityId);

    public sealed record WarningResource(long Id, long ContactId, DateOnly GivenOn, DateOnly WarnedUntil, string By);

    public sealed record BreachResource(long Id, long ContactId, bool Proceed, string Reasons, string DecidedBy, DateOnly DecidedOn, DateOnly? HeardOn,
        string? HearingOutcome);

    public sealed record ReparationResource(long Id, int ProjectId, long? RequirementId, long? AgreementItemId, DateOnly On, decimal Hours,
        Attendance Attendance, string? Note, string By);

    public sealed record PanelResource(long Id, PanelKind Kind, DateOnly HeldOn, bool? ParentAttended, string? Note, string By);

    public sealed record OrderResource(Guid Id, Guid CaseId, DisposalKind Kind, string Name, Cases.Jurisdiction Jurisdiction, DateOnly DecidedOn,
        DateOnly? ConvictedOn, DateOnly? StartsOn, int? LengthMonths, DateOnly? EndsOn, DateOnly? OriginalEndsOn, DateOnly? ReturnOn, InterventionLevel Level,
        JerseyCourt? Court, string? DecidedBy, int? AgeYoungest, int? AgeOldest, DateOnly? EndedOn, EndReason? EndReason, string? EndNote,
        IReadOnlyList<RequirementResource> Requirements, IReadOnlyList<ContactResource> Contacts, IReadOnlyList<WarningResource> Warnings,
        IReadOnlyList<BreachResource> Breaches, IReadOnlyList<PanelResource> Panels, bool ParentMustAttendPanels, IReadOnlyList<ReparationResource> Reparation,
        IReadOnlyList<HoursDone> Hours, IReadOnlyList<ActivityResource> Plan, IReadOnlyList<ReviewResource> Reviews, Compliance Compliance, int Version);

    public sealed record AgencyResource(int Id, string Name, string Services, string? ContactName, string? Phone, string? Email, bool IsActive);

    public sealed record ActivityResource(long Id, string Title, int? AgencyId, string Owner, DateOnly StartsOn, DateOnly? EndsOn, bool PositiveSteps,
        ActivityProgress Progress, string? ProgressNote, DateOnly? ProgressOn, int SessionsAttended, int Sessions);

    public sealed record ReviewResource(long Id, DateOnly ReviewedOn, string Note, string By);

    public sealed record ProjectResource(int Id, string Name, ReparationKind Kind, string Supervisor, string? Phone, string Address, string Safety, bool IsActive);

    public static void Map(RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("").WithTags("Orders");
        orders.MapGet("/cases/{id:guid}/orders", async (Guid id, HttpContext http, CaseAccess access, RecordOrders record, AuditTrail audit, MendDb db,
                CancellationToken ct) =>
            {
                if (!await access.VisibleCases(http.User).AnyAsync(c => c.Id == id, ct))
                {
                    return Results.Problem(statusCode: 404, title: "Not found, or you cannot see it.");
                }

                var list = await access.VisibleOrders(http.User).AsNoTracking().Where(o => o.CaseId == id).OrderByDescending(o => o.DecidedOn).ToListAsync(ct);
                audit.Viewed(nameof(Case), id.ToString(), await OrderPeople.ChildrenAsync(db, id, ct), Order.ViewPurpose);
                await db.SaveChangesAsync(ct);
                var resources = new List<OrderResource>();
                foreach (var order in list)
                {
                    resources.Add(Resource(order, await record.ComplianceAsync(order, ct)));
                }

                return Results.Ok(resources);
            })
            .WithName("ListOrders").WithSummary("The disposals recorded on a case, newest first, each with its compliance")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<OrderResource>>().ProducesProblem(404);

        orders.MapPost("/cases/{id:guid}/orders", async (Guid id, RecordOrders.OrderInput input, HttpContext http, RecordOrders record, CancellationToken ct) =>
            {
                var outcome = await record.RecordAsync(http.User, id, input, ct);
                return outcome.IsDone
                    ? await AnswerAsync(http, record, outcome, order => Results.Created($"/api/v1/orders/{order.Id}", order), ct)
                    : ApiChange.Answer(http, outcome, o => o.Version, Results.Ok);
            })
            .WithName("RecordOrder")
            .WithSummary("Records a disposal on a case: an out-of-court disposal or court order in England and Wales, or a Parish Hall outcome or court order in Jersey")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<OrderResource>(201).ProducesValidationProblem().ProducesProblem(404);

        orders.MapGet("/orders/{id:guid}", async (Guid id, HttpContext http, CaseAccess access, RecordOrders record, AuditTrail audit, MendDb db,
                CancellationToken ct) =>
            {
                var order = await access.VisibleOrders(http.User).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
                if (order is null)
                {
                    return Results.Problem(statusCode: 404, title: "Not found, or you cannot see it.");
                }

                audit.Viewed(nameof(Order), id.ToString(), await OrderPeople.ChildrenAsync(db, order.CaseId, ct), Order.ViewPurpose);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, order.Version);
                return Results.Ok(Resource(order, await record.ComplianceAsync(order, ct)));
            })
            .WithName("GetOrder").WithSummary("A disposal with its requirements, contacts, warnings, breach actions and compliance, and an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<OrderResource>().ProducesProblem(404);

        orders.MapGet("/reparation-projects", async (MendDb db, CancellationToken ct) =>
                Results.Ok(await db.ReparationProjects.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name)
                    .Select(p => new ProjectResource(p.Id, p.Name, p.Kind, p.Supervisor, p.Phone, p.Address, p.Safety, p.IsActive)).ToListAsync(ct)))
            .WithName("ListReparationProjects").WithSummary("The service's reparation placements and projects, with their supervisors and safety information")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<ProjectResource>>();

        orders.MapGet("/partner-agencies", async (MendDb db, CancellationToken ct) =>
                Results.Ok(await db.PartnerAgencies.AsNoTracking().OrderByDescending(a => a.IsActive).ThenBy(a => a.Name)
                    .Select(a => new AgencyResource(a.Id, a.Name, a.Services, a.ContactName, a.Phone, a.Email, a.IsActive)).ToListAsync(ct)))
            .WithName("ListPartnerAgencies").WithSummary("The directory of partner agencies that deliver activities in intervention plans")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<AgencyResource>>();

        orders.MapGet("/orders/{id:guid}/contacts", async (Guid id, HttpContext http, CaseAccess access, CancellationToken ct) =>
                await access.VisibleOrders(http.User).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } order
                    ? Results.Ok(order.Contacts.OrderBy(c => c.At).Select(Contact).ToList())
                    : Results.Problem(statusCode: 404, title: "Not found, or you cannot see it."))
            .WithName("ListOrderContacts").WithSummary("The order's appointments, in date order, with attendance")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<ContactResource>>().ProducesProblem(404);

        orders.MapGet("/orders/{id:guid}/requirements", async (Guid id, HttpContext http, CaseAccess access, CancellationToken ct) =>
                await access.VisibleOrders(http.User).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } order
                    ? Results.Ok(order.Requirements.Select(Requirement).ToList())
                    : Results.Problem(statusCode: 404, title: "Not found, or you cannot see it."))
            .WithName("ListOrderRequirements").WithSummary("The order's requirements or conditions")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<RequirementResource>>().ProducesProblem(404);

        orders.MapGet("/orders/returns-due", async (HttpContext http, CaseAccess access, OrdersDue due, CancellationToken ct) =>
                Results.Ok((await due.ForAsync(access.VisibleCases(http.User), ct, most: 500)).Where(i => i.Compliance.BreachActionDue)
                    .Select(i => new ReturnDue(i.OrderId, i.CaseId, i.Reference, i.OrderName)).ToList()))
            .WithName("OrdersWithReturnToCourtDue").WithSummary("Orders on cases you can see where a return to court (or the Parish Hall) is due for a manager's decision (managers)")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<ReturnDue>>();

        MapChange<RecordOrders.RequirementInput>(orders, "/orders/{id:guid}/requirements", "AddOrderRequirement",
            "Adds a requirement or condition, checked against the law in force on the conviction date and the child's age then",
            (r, u, id, v, i, ct) => r.AddRequirementAsync(u, id, v, i, ct));
        MapChange<RecordOrders.ContactInput>(orders, "/orders/{id:guid}/contacts", "ArrangeOrderContact", "Arranges an appointment (UK time if no offset)",
            (r, u, id, v, i, ct) => r.ArrangeContactAsync(u, id, v, i, ct));
        MapChange<RecordOrders.AttendanceInput>(orders, "/orders/{id:guid}/attendance", "RecordOrderAttendance",
            "Records whether the child attended an appointment that has happened: attended, acceptable absence or unacceptable absence (with the reason)",
            (r, u, id, v, i, ct) => r.AttendanceAsync(u, id, v, i, ct));
        MapChange<RecordOrders.FollowUpInput>(orders, "/orders/{id:guid}/follow-ups", "FollowUpMissedContact", "Records how a missed appointment was followed up",
            (r, u, id, v, i, ct) => r.FollowUpAsync(u, id, v, i, ct));
        MapChange<RecordOrders.WarningInput>(orders, "/orders/{id:guid}/warnings", "GiveOrderWarning",
            "Records a warning for an unacceptable absence; refused when two warnings in the warned period call for a return to court instead",
            (r, u, id, v, i, ct) => r.WarningAsync(u, id, v, i, ct));
        MapChange<RecordOrders.BreachInput>(orders, "/orders/{id:guid}/breach-decisions", "DecideBreachAction",
            "A manager's decision on a return to court that is due: proceed, or not in the interest of justice, with reasons",
            (r, u, id, v, i, ct) => r.BreachDecisionAsync(u, id, v, i, ct));
        MapChange<RecordOrders.HearingInput>(orders, "/orders/{id:guid}/hearings", "RecordBreachHearing", "Records the outcome of the hearing after a breach",
            (r, u, id, v, i, ct) => r.HearingAsync(u, id, v, i, ct));
        MapChange<RecordOrders.SignInput>(orders, "/orders/{id:guid}/contract", "SignReferralOrderContract",
            "Records the day the referral order's contract was signed; the order runs from that day",
            (r, u, id, v, i, ct) => r.SignContractAsync(u, id, v, i, ct));
        MapChange<RecordOrders.PanelInput>(orders, "/orders/{id:guid}/panels", "RecordReferralOrderPanel",
            "Records a youth offender panel meeting on a referral order (initial, progress or final), with the parent's attendance when the child was under 16",
            (r, u, id, v, i, ct) => r.PanelAsync(u, id, v, i, ct));
        MapChange<RecordOrders.ReparationInput>(orders, "/orders/{id:guid}/reparation", "RecordReparationSession",
            "Records a reparation session at a placement or project: hours worked (0.5 to 12, not more than are left) and attendance, counted towards an hours requirement or an outcome-agreement item",
            (r, u, id, v, i, ct) => r.ReparationAsync(u, id, v, i, ct));
        MapChange<RecordOrders.ActivityInput>(orders, "/orders/{id:guid}/plan", "AddPlanActivity",
            "Adds an activity to the intervention plan (or a Jersey probation work plan): what, by which partner agency, whose, when; positiveSteps marks the Positive Steps programme",
            (r, u, id, v, i, ct) => r.ActivityAsync(u, id, v, i, ct));
        MapChange<RecordOrders.ProgressInput>(orders, "/orders/{id:guid}/plan-progress", "UpdatePlanActivity", "Records how far a plan activity has got",
            (r, u, id, v, i, ct) => r.ProgressAsync(u, id, v, i, ct));
        MapChange<RecordOrders.ReviewInput>(orders, "/orders/{id:guid}/plan-reviews", "ReviewPlan", "Records a review of the intervention plan (at least every three months)",
            (r, u, id, v, i, ct) => r.ReviewAsync(u, id, v, i, ct));
        MapChange<RecordOrders.ExtendInput>(orders, "/orders/{id:guid}/extension", "ExtendOrder", "Extends the order's end, once, by up to 6 months",
            (r, u, id, v, i, ct) => r.ExtendAsync(u, id, v, i, ct));
        MapChange<RecordOrders.EndInput>(orders, "/orders/{id:guid}/end", "EndOrder", "Records how and when the order ended",
            (r, u, id, v, i, ct) => r.EndAsync(u, id, v, i, ct));
    }

    public sealed record ReturnDue(Guid OrderId, Guid CaseId, string CaseReference, string Order);

    private sealed record Changed(Order Order, Compliance Compliance);

    private delegate Task<Outcome<Order>> Change<in T>(RecordOrders record, ClaimsPrincipal user, Guid id, int version, T input, CancellationToken ct);

    private static void MapChange<T>(RouteGroupBuilder group, string pattern, string name, string summary, Change<T> change) =>
        group.MapPost(pattern, (Guid id, T input, HttpContext http, CaseAccess access, RecordOrders record, CancellationToken ct) =>
                ApiChange.RunAsync(http, access.VisibleOrders(http.User).AsNoTracking().Where(o => o.Id == id).Select(o => o.Version),
                    async version =>
                    {
                        var outcome = await change(record, http.User, id, version, input, ct);
                        var compliance = outcome.IsDone ? await record.ComplianceAsync(outcome.Value!, ct) : null;
                        return outcome.Map(o => new Changed(o, compliance!));
                    },
                    c => c.Order.Version, c => Results.Ok(Resource(c.Order, c.Compliance)), ct))
            .WithName(name).WithSummary(summary + ". Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<OrderResource>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

    private static async Task<IResult> AnswerAsync(HttpContext http, RecordOrders record, Outcome<Order> outcome, Func<OrderResource, IResult> done,
        CancellationToken ct)
    {
        var order = outcome.Value!;
        ApiResults.SetETag(http, order.Version);
        return done(Resource(order, await record.ComplianceAsync(order, ct)));
    }

    public static OrderResource Resource(Order o, Compliance compliance) => new(o.Id, o.CaseId, o.Kind, o.Info.Name, o.Jurisdiction, o.DecidedOn,
        o.ConvictedOn, o.StartsOn, o.LengthMonths, o.EndsOn, o.OriginalEndsOn, o.ReturnOn, o.Level, o.Court, o.DecidedBy, o.AgeYoungest, o.AgeOldest,
        o.EndedOn, o.EndReason, o.EndNote, o.Requirements.Select(Requirement).ToList(), o.Contacts.OrderBy(c => c.At).Select(Contact).ToList(),
        o.Warnings.OrderBy(w => w.GivenOn).Select(w => new WarningResource(w.Id, w.ContactId, w.GivenOn, w.WarnedUntil, w.ByName)).ToList(),
        o.Breaches.Select(b => new BreachResource(b.Id, b.ContactId, b.Proceed, b.Reasons, b.DecidedByName, b.DecidedOn, b.HeardOn, b.HearingOutcome)).ToList(),
        o.Panels.OrderBy(p => p.HeldOn).Select(p => new PanelResource(p.Id, p.Kind, p.HeldOn, p.ParentAttended, p.Note, p.ByName)).ToList(),
        o.ParentMustAttendPanels,
        o.Reparation.OrderBy(r => r.On).Select(r => new ReparationResource(r.Id, r.ProjectId, r.RequirementId, r.AgreementItemId, r.On, r.Hours, r.Attendance, r.Note,
            r.ByName)).ToList(),
        o.Hours,
        o.Plan.OrderBy(a => a.StartsOn).Select(a => new ActivityResource(a.Id, a.Title, a.AgencyId, a.Owner, a.StartsOn, a.EndsOn, a.PositiveSteps, a.Progress,
            a.ProgressNote, a.ProgressOn, o.Contacts.Count(c => c.ActivityId == a.Id && c.Attendance == Attendance.Attended), o.Contacts.Count(c => c.ActivityId == a.Id)))
            .ToList(),
        o.Reviews.OrderBy(r => r.ReviewedOn).Select(r => new ReviewResource(r.Id, r.ReviewedOn, r.Note, r.ByName)).ToList(),
        compliance, o.Version);

    private static RequirementResource Requirement(OrderRequirement r) =>
        new(r.Id, r.Kind, r.Amount, RequirementRules.Unit(r.Kind), r.DailyHours, r.WeeklyHours, r.Detail, r.Responsible);

    private static ContactResource Contact(OrderContact c) => new(c.Id, c.At, c.Purpose, c.Attendance, c.AbsenceReason, c.FollowedUpAt, c.ActivityId);
}
