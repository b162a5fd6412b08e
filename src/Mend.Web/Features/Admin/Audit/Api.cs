using Mend.Web.Data;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Audit;

public static class AuditApi
{
    public sealed record Row(long Id, DateTime OccurredAt, Guid? ActorUserId, string ActorName, AuditAction Action, string EntityType,
        string? EntityId, string? Fields, Guid? SubjectPersonId, string? Purpose, string? Recipient, string? Outcome, string CorrelationId, Guid? ApiTokenId);

    public sealed record Page(IReadOnlyList<Row> Items, long? NextAfterId);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/audit-events", async (MendDb db, AuditTrail audit, long? afterId, Guid? person, string? entityType, string? entityId, CancellationToken ct) =>
            {
                const int size = 500;
                var search = new AuditSearch { Person = person?.ToString(), EntityType = entityType, EntityId = entityId };
                var events = search.Apply(db.AuditEvents.AsNoTracking(), null, null).Where(e => e.Id > (afterId ?? 0)).OrderBy(e => e.Id).Take(size);
                var items = await events.Select(e => new Row(e.Id, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType,
                    e.EntityId, e.Fields, e.SubjectPersonId, e.Purpose, e.Recipient, e.Outcome, e.CorrelationId, e.ApiTokenId)).ToListAsync(ct);
                audit.Record(AuditAction.Export, nameof(AuditEvent), purpose: "API read of the audit trail", outcome: $"{items.Count} events: {search.Describe(null, null)}");
                await db.SaveChangesAsync(ct);
                return Results.Ok(new Page(items, items.Count == size ? items[^1].Id : null));
            })
            .WithName("ListAuditEvents")
            .WithSummary("Audit events in order, 500 a page; pass the last id as afterId for the next page")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.DataProtectionOfficer).RequireScope(ApiScopes.ReadAudit))
            .Produces<Page>();
    }
}
