using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.Staff;

/// <summary>Training delivered to others, through the API: the team's sessions in a period, and recording one.</summary>
public static class SessionsApi
{
    public sealed record AttendeeResource(string Name, string? Organisation);

    public sealed record SessionResource(Guid Id, string Topic, DateOnly HeldOn, TrainingAudience Audience, Guid TrainerId, string TrainerName, decimal Hours,
        IReadOnlyList<AttendeeResource> Attendees, int? FeedbackReturned, decimal? FeedbackAverage, string? FeedbackComments);

    public sealed record SessionInput(string? Topic, DateOnly? HeldOn, TrainingAudience? Audience, Guid? TrainerId, decimal? Hours, IReadOnlyList<AttendeeResource>? Attendees,
        int? FeedbackReturned, decimal? FeedbackAverage, string? FeedbackComments);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/training-sessions", async (DateOnly? from, DateOnly? to, HttpContext http, TrainingDelivered training, CancellationToken ct) =>
                from > to
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["The end of the period must be on or after its start"] })
                    : Results.Ok((await training.ListAsync(http.User, from ?? training.Today.AddYears(-1).AddDays(1), to ?? training.Today, ct)).Select(Resource).ToList()))
            .WithTags("Staff").WithName("TrainingSessions").WithSummary("Your team's training sessions held from 'from' to 'to' (default: the past year), newest first")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadStaff))
            .Produces<List<SessionResource>>().ProducesValidationProblem();

        v1.MapPost("/training-sessions", async (SessionInput input, HttpContext http, TrainingDelivered training, CancellationToken ct) =>
                input.Attendees?.Any(a => a is null) == true
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["attendees"] = ["Give each attendee a name, or leave them out"] })
                    : ApiChange.Answer(http, await training.RecordAsync(http.User, new(input.Topic, input.HeldOn, input.Audience, input.TrainerId, input.Hours,
                    (input.Attendees ?? []).Select(a => (a.Name, a.Organisation)).ToList(), input.FeedbackReturned, input.FeedbackAverage, input.FeedbackComments), ct), null,
                    s => Results.Created("/api/v1/training-sessions", Resource(s))))
            .WithTags("Staff").WithName("RecordTrainingSession")
            .WithSummary("Records a session: topic, heldOn (today or before), audience, trainerId, hours (0.5 to 40), attendees [{name, organisation}] (1 to 200), feedbackReturned, feedbackAverage (1 to 5), feedbackComments")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteStaff))
            .Produces<SessionResource>(201).ProducesValidationProblem();
    }

    private static SessionResource Resource(TrainingSession s) => new(s.Id, s.Topic, s.HeldOn, s.Audience, s.TrainerId, s.TrainerName, s.Hours,
        s.Attendees.Select(a => new AttendeeResource(a.Name, a.Organisation)).ToList(), s.FeedbackReturned, s.FeedbackAverage, s.FeedbackComments);
}
