using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>A letter due on an order: which starter template, why, and for whom.</summary>
/// <param name="Occasion">The event the letter is for: "warning:{id}" or "appointment:{id}".</param>
public sealed record DueLetter(string TemplateKey, int TemplateId, string TemplateName, Guid OrderId, Guid CaseId, string CaseReference, string Child, string Why,
    string Occasion, Guid? ChildId = null)
{
    /// <summary>The form value naming the letter: template, order and occasion.</summary>
    public string Key => $"{TemplateId}:{OrderId}:{Occasion}";
}

/// <summary>
/// The letters due today on open orders the user can see, for one print run: a first or final warning letter for a
/// warning given in the last <see cref="WarningDays"/> days with no letter from that template made since, and an
/// appointment letter for the next appointment in the next <see cref="AppointmentDays"/> days with no letter made for
/// that appointment. Each letter made here records its occasion, so it is due once.
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
            .Select(d => new { d.SubjectId, d.TemplateId, d.CreatedAt, d.Occasion }).ToListAsync(ct);
        var caseIds = orders.Select(o => o.CaseId).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var children = await (from p in db.CaseParticipants
                              join person in db.People on p.PersonId equals person.Id
                              where caseIds.Contains(p.CaseId) && p.Role == ParticipantRole.YoungPerson && p.EndedAt == null
                              select new { p.CaseId, p.PersonId, person.GivenName, person.FamilyName }).ToListAsync(ct);

        // Made already: for this very event, or (made by hand from the case) from the same template since the event.
        bool Made(Guid orderId, DocumentTemplate template, string occasion, DateTime since) =>
            made.Any(d => d.SubjectId == orderId && (d.Occasion == occasion || d.Occasion == null && d.TemplateId == template.Id && d.CreatedAt >= since));

        var due = new List<DueLetter>();
        foreach (var order in orders)
        {
            var childRow = children.FirstOrDefault(c => c.CaseId == order.CaseId);
            var child = childRow is null ? "The young person" : People.PersonNames.FullName(childRow.GivenName, childRow.FamilyName);
            void Add(DocumentTemplate template, string why, string occasion) =>
                due.Add(new DueLetter(template.Key!, template.Id, template.Name, order.Id, order.CaseId, references[order.CaseId], child, why, occasion, childRow?.PersonId));

            var warnings = order.Warnings.OrderBy(w => w.GivenOn).ThenBy(w => w.Id).ToList();
            for (var i = 0; i < warnings.Count; i++)
            {
                var warning = warnings[i];
                if (warning.GivenOn < today.AddDays(-WarningDays))
                {
                    continue;
                }

                // A warning given while an earlier one's warned period still ran is the final one.
                var key = warnings.Take(i).Any(w => warning.GivenOn <= w.WarnedUntil) ? "final-warning" : "first-warning";
                var occasion = $"warning:{warning.Id}";
                if (templates.TryGetValue(key, out var template) && template.AppliesTo(order.Jurisdiction)
                    && !Made(order.Id, template, occasion, warning.GivenOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
                {
                    Add(template, $"Warning given {DocumentValues.Date(warning.GivenOn)}", occasion);
                }
            }

            if (templates.TryGetValue("appointment-letter", out var appointment) && appointment.AppliesTo(order.Jurisdiction)
                && order.Contacts.Where(c => c.Attendance == null && c.At > now && c.At <= now.AddDays(AppointmentDays)).MinBy(c => c.At) is { } next
                && !made.Any(d => d.SubjectId == order.Id && d.Occasion == $"appointment:{next.Id}"))
            {
                Add(appointment, $"Appointment {next.At.ToLondon()}", $"appointment:{next.Id}");
            }
        }

        return due.OrderBy(d => d.CaseReference).ThenBy(d => d.TemplateName).ToList();
    }
}
