using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.DataProtection;

/// <summary>The retention schedule at GET /api/v1/retention-rules, for anyone signed in (it is public in the privacy notice too).</summary>
public static class RetentionApi
{
    public sealed record RuleResource(int Id, string Kind, string Record, string Trigger, int Years, int Months, int? UntilAge, string KeptFor, string Reason,
        bool IsExample, DateTime ChangedAt, string ChangedByName);

    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/retention-rules", async (ManageRetention retention, CancellationToken ct) =>
                Results.Ok((await retention.ScheduleAsync(ct)).Select(r => new RuleResource(r.Id, r.Kind.ToString(), RetentionSchedule.Describe(r.Kind),
                    r.Trigger.ToString(), r.Years, r.Months, r.UntilAge, RetentionSchedule.Describe(r), r.Reason, r.IsExample, r.ChangedAt, r.ChangedByName)).ToList()))
            .WithTags("Data protection").WithName("ListRetentionRules")
            .WithSummary("The service's retention schedule: how long each kind of record is kept, and why")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<List<RuleResource>>();
}
