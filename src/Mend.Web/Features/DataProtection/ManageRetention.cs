using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.DataProtection;

/// <summary>The retention schedule: read by anyone signed in, changed rule by rule by data protection officers.</summary>
public sealed class ManageRetention(MendDb db, TimeProvider clock)
{
    /// <summary>A rule as a data protection officer sets it; the form reads the numbers, the rule checks them.</summary>
    public sealed record ChangeInput(int? Years, int? Months, int? UntilAge, string? Reason);

    public static readonly string StaleMessage = Conflicts.Message("this retention rule");

    public Task<List<RetentionRule>> ScheduleAsync(CancellationToken ct) => db.RetentionRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);

    public Task<RetentionRule?> OneAsync(int id, CancellationToken ct) => db.RetentionRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<Outcome<RetentionRule>> ChangeAsync(ClaimsPrincipal user, int id, int version, ChangeInput input, CancellationToken ct) =>
        VersionedChange.RunAsync(db, db.RetentionRules.Where(r => r.Id == id), version, (RetentionRule rule, Dictionary<string, string> errors) =>
        {
            if (input.Years is null)
            {
                errors["years"] = "Enter the number of years, or 0";
            }

            if (input.Reason is { Length: > RetentionRule.ReasonLength })
            {
                errors["reason"] = $"The reason must be {RetentionRule.ReasonLength} characters or fewer";
            }

            if (errors.Count == 0)
            {
                rule.Change(input.Years!.Value, input.Months ?? 0, input.UntilAge, input.Reason ?? "", user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        }, StaleMessage, ct);
}
