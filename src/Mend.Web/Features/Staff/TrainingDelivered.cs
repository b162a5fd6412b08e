using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>Training the service delivered to others: recording a session (pages and API), the team's list, and the figures the service report counts.</summary>
public sealed class TrainingDelivered(MendDb db, Platform.Audit.AuditTrail audit, TimeProvider clock)
{
    /// <summary>One audience's figures over a period: sessions, attendees, organisations reached, hours, and the average rating of the forms returned.</summary>
    public sealed record AudienceFigures(TrainingAudience Audience, int Sessions, int Attendees, int Organisations, decimal Hours, int FeedbackReturned, decimal? AverageRating);

    public DateOnly Today => clock.LondonToday();

    /// <summary>Practitioners and managers with an active account: who may be named as the trainer.</summary>
    public async Task<List<(Guid Id, string Name)>> TrainersAsync(CancellationToken ct) =>
        (await StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        .Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>Records a session for the user's team; every field refused is named at once (<see cref="TrainingSession.Problems"/>).</summary>
    public async Task<Outcome<TrainingSession>> RecordAsync(ClaimsPrincipal user, TrainingSession.Details details, CancellationToken ct)
    {
        var errors = TrainingSession.Problems(details, Today);
        var trainer = details.TrainerId is { } id ? (await TrainersAsync(ct)).FirstOrDefault(t => t.Id == id).Name : null;
        if (details.TrainerId is not null && trainer is null)
        {
            errors["trainerId"] = "Choose the trainer from the list of staff";
        }

        if (errors.Count > 0)
        {
            return Outcome<TrainingSession>.Invalid(errors);
        }

        var session = TrainingSession.Record(details, trainer!, user.TeamIdOf(), Today, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Outcome<TrainingSession>.Done(session);
    }

    /// <summary>The team's sessions held from <paramref name="from"/> to <paramref name="to"/>, newest first, at most 500.</summary>
    /// <remarks>Someone in no team sees only the sessions they gave. Each listing is audited, as it names the attendees.</remarks>
    public async Task<List<TrainingSession>> ListAsync(ClaimsPrincipal user, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (team, me) = (user.TeamIdOf(), user.UserId());
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => (team != null ? s.TeamId == team : s.TrainerId == me) && s.HeldOn >= from && s.HeldOn <= to)
            .OrderByDescending(s => s.HeldOn).ThenBy(s => s.Topic).Take(500).ToListAsync(ct);
        audit.Record(Platform.Audit.AuditAction.View, nameof(TrainingSession), null, purpose: "Training delivered", fields: $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {sessions.Count}");
        await db.SaveChangesAsync(ct);
        return sessions;
    }

    /// <summary>
    /// The figures by audience for a team's sessions held in a period (inclusive), every audience listed even when none.
    /// Organisations are counted once per audience however they were typed (letter case and spaces aside); attendees
    /// without an organisation are not counted as one. The average weights each session by the forms it returned.
    /// </summary>
    public static async Task<List<AudienceFigures>> FiguresAsync(MendDb db, Guid? teamId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // No team, no figures: sessions of people in no team are not pooled together.
        var sessions = teamId is null ? [] : await db.TrainingSessions.AsNoTracking().Where(s => s.TeamId == teamId && s.HeldOn >= from && s.HeldOn <= to).ToListAsync(ct);
        return Enum.GetValues<TrainingAudience>().Select(audience =>
        {
            var these = sessions.Where(s => s.Audience == audience).ToList();
            var rated = these.Where(s => s.FeedbackReturned > 0 && s.FeedbackAverage is not null).ToList();
            var returned = rated.Sum(s => s.FeedbackReturned!.Value);
            return new AudienceFigures(audience, these.Count, these.Sum(s => s.Attendees.Count),
                these.SelectMany(s => s.Attendees).Select(a => a.Organisation?.Trim().ToLowerInvariant()).Where(o => !string.IsNullOrEmpty(o)).Distinct().Count(),
                these.Sum(s => s.Hours), returned,
                returned == 0 ? null : Math.Round(rated.Sum(s => s.FeedbackAverage!.Value * s.FeedbackReturned!.Value) / returned, 1));
        }).ToList();
    }
}
