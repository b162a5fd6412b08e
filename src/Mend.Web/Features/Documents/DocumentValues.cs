using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Features.People;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Documents;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>The values for one document, with who it is about and the victims whose views it discloses.</summary>
/// <param name="Title">A title for the document list, as "First contact with a victim: Alex Morgan".</param>
/// <param name="PersonId">The person it is addressed to or about (the victim, else the child).</param>
/// <param name="Victim">For a letter to a victim, the victim (its contact rules apply).</param>
/// <param name="SharedViews">Views included in the document, shared on sending (the victim agreed).</param>
/// <param name="AddressId">For a letter to a victim, the address it is written to; null when they have none Mend may use.</param>
public sealed record DocumentData(TemplateValues Values, Guid CaseId, Jurisdiction Jurisdiction, string About, Guid? PersonId, Victim? Victim,
    IReadOnlyList<(Victim Victim, VictimViews Views)> SharedViews, long? AddressId = null);

/// <summary>
/// Builds <see cref="TemplateValues"/> for every field of <see cref="DocumentFields"/> from a record the user may see:
/// the case, a victim on it, an order or a restorative process. Only the fields the catalogue lists are ever set.
/// </summary>
public sealed class DocumentValues(MendDb db, CaseAccess access, FieldEncryption encryption, DocumentSettings settings, RecordOrders orders,
    TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The values for a subject, or null when the user may not see it (or it is not on a case they may see).</summary>
    /// <param name="withViews">Whether the template shows victims' views (<c>each:victimViews</c>): only then are they read and disclosed.</param>
    public async Task<DocumentData?> ForAsync(ClaimsPrincipal user, DocumentSubject subject, Guid id, CancellationToken ct, bool withViews = false)
    {
        var (caseId, victim, order, process) = subject switch
        {
            DocumentSubject.Victim => await db.Victims.AsSplitQuery().Where(v => v.Id == id && access.VisibleCases(user).Any(c => c.Id == v.CaseId))
                .SingleOrDefaultAsync(ct) is { } v ? (v.CaseId, v, null, null) : default((Guid, Victim?, Order?, RjProcess?)),
            DocumentSubject.Order => await access.VisibleOrders(user).SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
                ? (o.CaseId, null, o, null) : default,
            DocumentSubject.Process => await access.VisibleProcesses(user).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? (p.CaseId, null, null, p) : default,
            _ => (id, null, null, null),
        };
        var @case = caseId == Guid.Empty ? null
            : await access.VisibleCases(user).AsNoTracking().Include(c => c.Participants).Include(c => c.Offences).AsSplitQuery()
                .SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return null;
        }

        var today = clock.LondonToday();
        var values = new TemplateValues()
            .Set("today", Date(today))
            .Set("service.name", settings.ServiceName).Set("service.address", settings.AddressLines)
            .Set("service.phone", settings.ServicePhone).Set("service.email", settings.ServiceEmail)
            .Set("worker.name", user.DisplayNameOf()).Set("worker.role", user.IsInRole(Roles.Manager) ? "Manager" : "Restorative justice worker")
            .Set("case.reference", @case.Reference).Set("case.jurisdiction", CaseWords.Describe(@case.Jurisdiction))
            .When("case.isJersey", @case.Jurisdiction == Jurisdiction.Jersey)
            .Set("case.allocatedTo", @case.AllocatedWorkerName ?? "");

        var childId = @case.Participants.Where(p => p.Role == ParticipantRole.YoungPerson && p.EndedAt == null).Select(p => (Guid?)p.PersonId).FirstOrDefault();
        var child = childId is { } cid ? await db.People.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.Id == cid, ct) : null;
        values.Set("child.name", child?.DisplayName).Set("child.firstName", child?.GivenName ?? child?.DisplayName)
            .Set("child.dateOfBirth", child?.DateOfBirth is { } born ? Date(born) : "")
            .Set("child.age", child?.AgeOn(today)?.ToString(English) ?? "")
            .Set("child.address", child?.CurrentAddress is { } home ? Lines(home) : "");

        var types = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        values.List("offences");
        foreach (var offence in @case.Offences.OrderBy(o => o.CommittedOn))
        {
            values.Add("offences").Set("offence.description", types.GetValueOrDefault(offence.OffenceTypeId, "Offence") + (offence.Description is { } d ? $": {d}" : ""))
                .Set("offence.date", Date(offence.CommittedOn)).Set("offence.place", offence.Location);
        }

        var about = child?.DisplayName ?? @case.Reference;
        var shared = new List<(Victim, VictimViews)>();
        long? addressId = null;
        if (subject is DocumentSubject.Case or DocumentSubject.Order)
        {
            await CaseSummariesAsync(values, @case.Id, withViews ? order is null ? Enum.GetValues<DecisionMaker>() : [DecisionFor(order)] : [], shared, ct);
        }

        switch (subject)
        {
            case DocumentSubject.Victim:
                (about, addressId) = await VictimAsync(values, victim!, ct);
                break;
            case DocumentSubject.Order:
                OrderValues.Fill(values, order!, await orders.ComplianceAsync(order!, ct), clock.GetUtcNow().UtcDateTime);
                about = $"{order!.Info.Name}, {about}";
                break;
            case DocumentSubject.Process:
                about = await ProcessAsync(values, process!, about, ct);
                break;
        }

        return new DocumentData(values, @case.Id, @case.Jurisdiction, about, victim?.PersonId ?? childId, victim, shared, addressId);
    }

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", English);

    public static string When(DateTime utc) => utc.ToLondon();

    private static string Lines(PersonAddress address) =>
        string.Join("\n", new[] { address.Line1, address.Line2, address.Town, address.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private async Task<(string Name, long? AddressId)> VictimAsync(TemplateValues values, Victim victim, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == victim.PersonId, ct);
        var unsafeIds = victim.UnsafeAddresses.Select(u => u.PersonAddressId).ToHashSet();
        var address = person.Addresses.Where(a => a.To is null && !unsafeIds.Contains(a.Id)).MaxBy(a => a.From ?? DateOnly.MinValue);
        values.Set("victim.name", person.DisplayName).Set("victim.firstName", person.GivenName ?? person.DisplayName)
            .Set("victim.address", address is null ? "" : Lines(address))
            .When("victim.isYoung", victim.Enhanced.HasFlag(EnhancedReasons.ChildAtOffence))
            .When("victim.isEnhanced", victim.Enhanced != EnhancedReasons.None)
            .Set("victim.detailsReceivedOn", Date(victim.DetailsReceivedOn));
        return (person.DisplayName, address?.Id);
    }

    /// <summary>Who decides on this order, so its reports carry the views victims gave for that decision.</summary>
    public static DecisionMaker DecisionFor(Order order) =>
        order.Kind == DisposalKind.ReferralOrder ? DecisionMaker.ReferralOrderPanel
        : order.Info.Jurisdiction == Jurisdiction.Jersey && !order.Info.ByCourt ? DecisionMaker.ParishHallEnquiry
        : order.Info.ByCourt ? DecisionMaker.Court
        : DecisionMaker.OutOfCourtDisposal;

    private async Task CaseSummariesAsync(TemplateValues values, Guid caseId, IReadOnlyList<DecisionMaker> viewsFor, List<(Victim, VictimViews)> shared,
        CancellationToken ct)
    {
        values.List("assessments").List("processes").List("victimViews");
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId && a.Status == Assessments.AssessmentStatus.Approved)
            .OrderBy(a => a.DecidedAt).ToListAsync(ct);
        foreach (var assessment in assessments)
        {
            values.Add("assessments").Set("assessment.person", CaseWords.Describe(assessment.Role))
                .Set("assessment.risk", assessment.OverallRisk is { } risk ? CaseWords.Describe(risk) : "")
                .Set("assessment.recommendation", assessment.Recommendation is { } r ? Assessments.AssessmentWords.Describe(r) : "")
                .Set("assessment.decidedOn", assessment.DecidedAt is { } at ? Date(London.DateOf(at)) : "");
        }

        foreach (var process in await db.RjProcesses.AsNoTracking().AsSplitQuery().Where(p => p.CaseId == caseId).OrderBy(p => p.CreatedAt).ToListAsync(ct))
        {
            values.Add("processes").Set("process.kind", ProcessWords.Describe(process.Kind)).Set("process.outcome", ProcessWords.Describe(process.Status));
        }

        if (viewsFor.Count == 0)
        {
            return;
        }

        var victims = (await db.Victims.AsSplitQuery().Where(v => v.CaseId == caseId && v.MinimisedAt == null).ToListAsync(ct))
            .Where(v => v.Agreed(ChoiceKind.ShareViews)).ToList();
        var names = await PersonNames.OfAsync(db, victims.Select(v => v.PersonId), ct);
        foreach (var victim in victims)
        {
            if (victim.Views.Where(w => viewsFor.Contains(w.DecisionMaker)).MaxBy(w => w.On) is { } views)
            {
                values.Add("victimViews")
                    .Set("view.victim", (views.RepresentedBy is { } rep ? $"{rep}, for " : "") + names.GetValueOrDefault(victim.PersonId, ""))
                    .Set("view.text", encryption.Decrypt(views.ViewsCiphertext)).Set("view.recordedOn", Date(views.On));
                shared.Add((victim, views));
            }
        }
    }

    private async Task<string> ProcessAsync(TemplateValues values, RjProcess process, string child, CancellationToken ct)
    {
        var venue = process.VenueId is { } venueId ? await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct) : null;
        values.Set("meeting.kind", ProcessWords.Describe(process.Kind))
            .Set("meeting.date", process.StartsAt is { } starts ? Date(London.DateOf(starts)) : "")
            .Set("meeting.time", process.StartsAt is { } at ? at.ToLondonClock() : "")
            .Set("meeting.venue", venue?.Name).Set("meeting.address", venue?.Address?.Replace(", ", "\n", StringComparison.Ordinal))
            .Set("meeting.facilitator", process.FacilitatorName).Set("meeting.outcome", ProcessWords.Describe(process.Status));
        values.List("agreement");
        foreach (var item in process.Agreement.OrderBy(i => i.DueOn))
        {
            values.Add("agreement").Set("agreement.what", item.What).Set("agreement.who", item.Who).Set("agreement.dueOn", Date(item.DueOn))
                .Set("agreement.status", item.Status switch { AgreementStatus.Done => "Done", AgreementStatus.NotDone => "Not done", _ => "Not yet" });
        }

        return $"{ProcessWords.Describe(process.Kind)}, {child}";
    }
}
