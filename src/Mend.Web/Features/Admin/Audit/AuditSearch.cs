using Mend.Web.Platform.Audit;
using Mend.Web.Platform.GovUk;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Admin.Audit;

/// <summary>The audit trail filters, shared by the viewer, its CSV export and the API.</summary>
public sealed class AuditSearch
{
    public string? Actor { get; set; }
    public string? Person { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Action { get; set; }
    public DateParts From { get; set; } = new();
    public DateParts To { get; set; } = new();

    public Dictionary<string, string> Validate(out DateOnly? from, out DateOnly? to)
    {
        var errors = new Dictionary<string, string>();
        (from, var fromError) = From.Parse("Date from");
        (to, var toError) = To.Parse("Date to");
        if (fromError is not null)
        {
            errors[nameof(From)] = fromError;
        }

        if (toError is not null)
        {
            errors[nameof(To)] = toError;
        }

        if (from is not null && to is not null && to < from)
        {
            errors[nameof(To)] = "Date to must be the same as or after date from";
        }

        if (!string.IsNullOrWhiteSpace(Person) && !Guid.TryParse(Person.Trim(), out _))
        {
            errors[nameof(Person)] = "Enter the person's Mend record ID, for example 0193a7c2-5b1e-7c3d-9a8b-1c2d3e4f5a6b";
        }

        if (!string.IsNullOrWhiteSpace(Action) && !Enum.TryParse<AuditAction>(Action, out _))
        {
            errors[nameof(Action)] = "Select an action from the list";
        }

        return errors;
    }

    /// <summary>Applies already validated filters.</summary>
    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events, DateOnly? from, DateOnly? to)
    {
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            events = Guid.TryParse(actor, out var actorId)
                ? events.Where(e => e.ActorUserId == actorId)
                : events.Where(e => e.ActorName.Contains(actor));
        }

        if (Guid.TryParse(Person?.Trim(), out var personId))
        {
            events = events.Where(e => e.SubjectPersonId == personId);
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            var type = EntityType.Trim();
            events = events.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var id = EntityId.Trim();
            events = events.Where(e => e.EntityId == id);
        }

        if (Enum.TryParse<AuditAction>(Action, out var action))
        {
            events = events.Where(e => e.Action == action);
        }

        if (from is { } f)
        {
            var start = London.StartOfDayUtc(f);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (to is { } t)
        {
            var end = London.StartOfDayUtc(t.AddDays(1));
            events = events.Where(e => e.OccurredAt < end);
        }

        return events;
    }

    public string Describe(DateOnly? from, DateOnly? to)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Actor)) { parts.Add($"actor={Actor.Trim()}"); }
        if (!string.IsNullOrWhiteSpace(Person)) { parts.Add($"person={Person.Trim()}"); }
        if (!string.IsNullOrWhiteSpace(EntityType)) { parts.Add($"entity={EntityType.Trim()}"); }
        if (!string.IsNullOrWhiteSpace(EntityId)) { parts.Add($"id={EntityId.Trim()}"); }
        if (!string.IsNullOrWhiteSpace(Action)) { parts.Add($"action={Action}"); }
        if (from is not null) { parts.Add($"from={from:yyyy-MM-dd}"); }
        if (to is not null) { parts.Add($"to={to:yyyy-MM-dd}"); }
        return parts.Count == 0 ? "all events" : string.Join("; ", parts);
    }
}
