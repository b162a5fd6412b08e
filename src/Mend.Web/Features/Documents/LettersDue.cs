using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>A letter due on an order: which starter template, why, and for whom.</summary>
public sealed record DueLetter(string TemplateKey, int TemplateId, string TemplateName, Guid OrderId, Guid CaseId, string CaseReference, string Child, string Why)
{
    /// <summary>The form value naming the letter: template and order.</summary>
    public string Key => $"{TemplateId}:{OrderId}";
}

/// <summary>
/// The letters due today on open orders the user can see, for one print run: a first or final warning letter for a
/// warning given in the last <see cref="WarningDays"/> days with no letter from that template made since, and an
/// appointment letter for an appointment in the next <see cref="AppointmentDays"/> days with none made in the
/// fortnight before it.
/// </summary>
public sealed class LettersDue(MendDb db, CaseAccess access, StarterTemplates starters, TimeProvider clock)
{
    public const int WarningDays = 14;
    public const int AppointmentDays = 7;

    public async Task<IReadOnlyList<DueLetter>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await starters.EnsureAsync(ct);
        var templates = await db.DocumentTemplates.AsNoTracking().Where(t => t.IsActive && (t.Key == "first-warning" || t.Key == "final-warning" || t.Key == "appointment-letter"))
            .ToDictionaryAsync(t => t.Key!, ct);
        var today = clock.LondonToday();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = access.VisibleCases(user).Where(c => c.Status == CaseStatus.Open);
        var orders = await access.VisibleOrders(user).AsNoTracking().Where(o => o.EndedOn == null && open.Any(c => c.Id == o.CaseId)).ToListAsync(ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var made = await db.Documents.AsNoTracking().Where(d => d.Subject == DocumentSubject.Order && orderIds.Contains(d.SubjectId!.Value))
            .Select(d => new { d.SubjectId, d.TemplateId, d.CreatedAt }).ToListAsync(ct);
        var caseIds = orders.Select(o => o.CaseId).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var children = await (from p in db.CaseParticipants
                              join person in db.People on p.PersonId equals person.Id
                              where caseIds.Contains(p.CaseId) && p.Role == ParticipantRole.YoungPerson && p.EndedAt == null
                              select new { p.CaseId, person.GivenName, person.FamilyName }).ToListAsync(ct);

        bool MadeSince(Guid orderId, DocumentTemplate template, DateTime since) =>
            made.Any(d => d.SubjectId == orderId && d.TemplateId == template.Id && d.CreatedAt >= since);

        var due = new List<DueLetter>();
        foreach (var order in orders)
        {
            var child = children.Where(c => c.CaseId == order.CaseId).Select(c => People.PersonNames.FullName(c.GivenName, c.FamilyName)).FirstOrDefault() ?? "The young person";
            void Add(DocumentTemplate template, string why) =>
                due.Add(new DueLetter(template.Key!, template.Id, template.Name, order.Id, order.CaseId, references[order.CaseId], child, why));

            foreach (var warning in order.Warnings.Where(w => w.GivenOn >= today.AddDays(-WarningDays)))
            {
                var earlier = order.Warnings.Count(w => w.GivenOn <= warning.GivenOn && w.Id != warning.Id && warning.GivenOn <= w.WarnedUntil);
                var key = earlier >= 1 ? "final-warning" : "first-warning";
                if (templates.TryGetValue(key, out var template) && template.AppliesTo(order.Jurisdiction)
                    && !MadeSince(order.Id, template, warning.GivenOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
                {
                    Add(template, $"Warning given {DocumentValues.Date(warning.GivenOn)}");
                }
            }

            if (templates.TryGetValue("appointment-letter", out var appointment) && appointment.AppliesTo(order.Jurisdiction)
                && order.Contacts.Where(c => c.Attendance == null && c.At > now && c.At <= now.AddDays(AppointmentDays)).MinBy(c => c.At) is { } next
                && !MadeSince(order.Id, appointment, next.At.AddDays(-14)))
            {
                Add(appointment, $"Appointment {next.At.ToLondon()}");
            }
        }

        return due.OrderBy(d => d.CaseReference).ThenBy(d => d.TemplateName).ToList();
    }
}
