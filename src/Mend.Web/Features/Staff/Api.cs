using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.Staff;

/// <summary>The staff and volunteers' register through the API: the same summaries and records as the pages, for managers and administrators.</summary>
public static class StaffApi
{
    /// <param name="Shortfall">True for a shortfall found today (CPD hours) rather than a dated expiry; On is then today.</param>
    public sealed record DueResource(string What, DateOnly On, bool Expired, bool Shortfall);

    public sealed record DbsResource(long Id, DbsLevel Level, string MaskedNumber, DateOnly IssuedOn, bool UpdateService, DateOnly RenewBy);

    public sealed record TrainingResource(long Id, TrainingKind Kind, string Course, string? Provider, int? Level, DateOnly CompletedOn, DateOnly? ExpiresOn, decimal? CpdHours, bool RjcApproved);

    public sealed record SupervisionResource(long Id, SupervisionKind Kind, Guid SupervisorId, string SupervisorName, DateOnly HeldOn, string? CasesDiscussed);

    public sealed record SummaryResource(Guid UserId, string Name, IReadOnlyList<string> Roles, PractitionerLevel? Level, DbsResource? Dbs, bool DbsCurrent,
        bool SafeguardingCurrent, bool PanelTrained, decimal CpdHours, decimal? CpdRequired, DateOnly? SupervisionDue, DateOnly? ObservationDue, IReadOnlyList<DueResource> Due);

    public sealed record SupervisionInput(SupervisionKind? Kind, Guid? SupervisorId, DateOnly? HeldOn, string? CasesDiscussed, string? Notes);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/staff", async (StaffRegister register, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var all = await register.AllAsync(ct);
                audit.Record(AuditAction.View, "StaffRegister", null, purpose: "Staff register");
                await db.SaveChangesAsync(ct);
                return Results.Ok(all.Select(Resource).ToList());
            })
            .WithTags("Staff").WithName("StaffRegister").WithSummary("Everyone on the register: DBS, safeguarding, panel training, CPD against the RJC level's hours, supervision due, and what has expired or is due")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Administrator).RequireScope(ApiScopes.ReadStaff))
            .Produces<List<SummaryResource>>();

        v1.MapGet("/staff/{id:guid}", async (Guid id, StaffRegister register, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                if (await register.ForAsync(id, ct) is not { } summary)
                {
                    return NotFound();
                }

                audit.Record(AuditAction.View, "StaffRegister", id.ToString(), purpose: "Staff register");
                await db.SaveChangesAsync(ct);
                return Results.Ok(Resource(summary));
            })
            .WithTags("Staff").WithName("StaffMember").WithSummary("One person's register summary")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Administrator).RequireScope(ApiScopes.ReadStaff))
            .Produces<SummaryResource>().ProducesProblem(404);

        v1.MapPost("/staff/{id:guid}/training", async (Guid id, TrainingRecord.Details input, HttpContext http, StaffRegister register, CancellationToken ct) =>
                ApiChange.Answer(http, await register.RecordTrainingAsync(http.User, id, input, ct), null,
                    t => Results.Created($"/api/v1/staff/{id}", new TrainingResource(t.Id, t.Kind, t.Course, t.Provider, t.Level, t.CompletedOn, t.ExpiresOn, t.CpdHours, t.RjcApproved))))
            .WithTags("Staff").WithName("RecordTraining").WithSummary("Records a course: kind, course, provider, safeguarding level (1 to 3), completed and expiry dates, CPD hours, RJC approval")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Administrator).RequireScope(ApiScopes.WriteStaff))
            .Produces<TrainingResource>(201).ProducesValidationProblem().ProducesProblem(404);

        v1.MapPost("/staff/{id:guid}/dbs-checks", async (Guid id, DbsCheck.Details input, HttpContext http, StaffRegister register, CancellationToken ct) =>
                ApiChange.Answer(http, await register.RecordDbsAsync(http.User, id, input, ct), null,
                    d => Results.Created($"/api/v1/staff/{id}", new DbsResource(d.Id, d.Level, d.MaskedNumber, d.IssuedOn, d.UpdateService, d.RenewBy))))
            .WithTags("Staff").WithName("RecordDbsCheck").WithSummary("Records a DBS check (the 12-digit number is kept encrypted and answered masked); one past its renewal date is refused")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Administrator).RequireScope(ApiScopes.WriteStaff))
            .Produces<DbsResource>(201).ProducesValidationProblem().ProducesProblem(404);

        v1.MapPost("/staff/{id:guid}/supervisions", async (Guid id, SupervisionInput input, HttpContext http, StaffRegister register, CancellationToken ct) =>
                ApiChange.Answer(http, await register.RecordSupervisionAsync(http.User, id, new Supervision.Details(input.Kind, input.SupervisorId, null, input.HeldOn, input.CasesDiscussed, input.Notes), ct), null,
                    s => Results.Created($"/api/v1/staff/{id}", new SupervisionResource(s.Id, s.Kind, s.SupervisorId, s.SupervisorName, s.HeldOn, s.CasesDiscussed))))
            .WithTags("Staff").WithName("RecordSupervision")
            .WithSummary("Records a case supervision or observed practice (notes kept encrypted); nobody records their own (422), and the supervisor is someone else")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Administrator).RequireScope(ApiScopes.WriteStaff))
            .Produces<SupervisionResource>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
    }

    private static SummaryResource Resource(StaffRegister.Summary s) => new(s.UserId, s.Name, s.Roles, s.Level,
        s.Dbs is { } d ? new DbsResource(d.Id, d.Level, d.MaskedNumber, d.IssuedOn, d.UpdateService, d.RenewBy) : null, s.DbsCurrent, s.SafeguardingCurrent, s.PanelTrained,
        s.CpdHours, s.CpdRequired, s.SupervisionDue, s.ObservationDue, s.Due.Select(x => new DueResource(x.What, x.On, x.Expired, x.Shortfall)).ToList());

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "There is no member of staff or volunteer with that id.");
}
