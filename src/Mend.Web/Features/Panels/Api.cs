using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Panels;

public static class PanelsApi
{
    public sealed record PersonResource(string FirstName, int? Age, ParticipantRole Role, DateTime? ArriveAt, DateTime? LeaveAt);

    public sealed record BriefResource(Guid ProcessId, ProcessKind Kind, ProcessStatus Status, string Panel, string? Chair, IReadOnlyList<string> Members, string CaseReference,
        ReferralSource Source, DateTime? StartsAt, DateTime? EndsAt, string Place, IReadOnlyList<string> PlaceSafety, IReadOnlyList<PersonResource> People, IReadOnlyList<string> Offences,
        IReadOnlyList<string> Agreed, string? Minutes, DateTime? MinutesAt, int Version);

    public sealed record MinutesInput(string? Minutes);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/panel-meetings", async (HttpContext http, PanelMeetings meetings, CancellationToken ct) => Results.Ok(await meetings.ListAsync(http.User, ct)))
            .WithTags("Panels").WithName("ListPanelMeetings").WithSummary("Meetings of the panels the user sits on (for case workers, also those on cases they can see), from a week ago")
            .RequireAuthorization(p => p.RequireRole(Roles.Volunteer, Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<IReadOnlyList<PanelMeetings.Listed>>();

        v1.MapGet("/panel-meetings/{id:guid}", async (Guid id, HttpContext http, PanelMeetings meetings, CancellationToken ct) =>
            {
                if (await meetings.BriefAsync(http.User, id, ct) is not { } brief)
                {
                    return NotFound();
                }

                ApiResults.SetETag(http, brief.Process.Version);
                return Results.Ok(Resource(brief));
            })
            .WithTags("Panels").WithName("GetPanelMeetingBrief").WithSummary("The panel's brief: first names, ages and roles, offences by type, times, place and minutes; each view is audited. With an ETag")
            .RequireAuthorization(p => p.RequireRole(Roles.Volunteer, Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<BriefResource>().ProducesProblem(404);

        v1.MapPost("/panel-meetings/{id:guid}/minutes", async (Guid id, MinutesInput input, HttpContext http, PanelMeetings meetings, CancellationToken ct) =>
            {
                return await ApiChange.RunAsync(http, meetings.Visible(http.User).AsNoTracking().Where(p => p.Id == id).Select(p => p.Version),
                    version => meetings.MinutesAsync(http.User, id, version, input.Minutes, ct), p => p.Version, _ => Results.NoContent(), ct);
            })
            .WithTags("Panels").WithName("WritePanelMinutes").WithSummary("Writes the minutes (kept encrypted): the panel's chair or a case worker, once the meeting has started. Needs If-Match")
            .RequireAuthorization(p => p.RequireRole(Roles.Volunteer, Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "There is no panel meeting with that id that you can see.");

    private static BriefResource Resource(PanelMeetings.Brief b) => new(b.Process.Id, b.Process.Kind, b.Process.Status, b.Panel.Name, b.Panel.Chair?.DisplayName,
        b.Panel.Members.Select(m => m.DisplayName).ToList(), b.CaseReference, b.Source, b.Process.StartsAt, b.Process.EndsAt, b.Place, b.PlaceSafety,
        b.People.Select(p => new PersonResource(p.FirstName, p.Age, p.Role, p.ArriveAt, p.LeaveAt)).ToList(), b.Offences,
        b.Process.Agreement.OrderBy(i => i.DueOn).Select(i => $"{i.What} – {i.Who}, by {i.DueOn:yyyy-MM-dd}").ToList(), b.Minutes, b.Process.MinutesAt, b.Process.Version);
}
