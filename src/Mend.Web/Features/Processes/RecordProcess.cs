using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Security;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>On the day and after: the meeting's record and attendance, the outcome agreement, and how the process ended.</summary>
public sealed class RecordProcess(MendDb db, ScheduleMeeting schedule, FieldEncryption encryption, ProcessSettings settings, MeetingDiary diary, TimeProvider clock)
{
    public sealed record AttendanceInput(Guid PersonId, bool Attended, bool Spoke);

    public sealed record MeetingInput(IReadOnlyList<AttendanceInput>? Attendance, string? Record, string? FollowUp);

    public sealed record ItemInput(AgreementItemKind? Kind, string? What, string? Who, DateOnly? DueOn, decimal? Hours);

    public sealed record SettleInput(long? ItemId, bool? Done, string? Note);

    public sealed record PreparationInput(Guid? PersonId, DateOnly? HeldOn, string? Note);

    public sealed record SafetyPlanInput(string? Plan);

    public Task<Outcome<RjProcess>> PreparationAsync(ClaimsPrincipal user, Guid id, int version, PreparationInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (input.PersonId is null)
            {
                errors["personId"] = "Select who the session was with";
            }

            if (input.HeldOn is null)
            {
                errors["heldOn"] = "Enter the date of the session";
            }

            if (input.Note?.Length > 4000)
            {
                errors["note"] = "The note must be 4,000 characters or fewer";
            }

            if (errors.Count == 0)
            {
                process.RecordPreparation(input.PersonId!.Value, input.HeldOn!.Value, string.IsNullOrWhiteSpace(input.Note) ? null : encryption.Encrypt(input.Note.Trim()),
                    user.DisplayNameOf(), Today);
            }
        });

    public Task<Outcome<RjProcess>> SafetyPlanAsync(ClaimsPrincipal user, Guid id, int version, SafetyPlanInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (string.IsNullOrWhiteSpace(input.Plan))
            {
                errors["plan"] = "Enter the safety plan";
            }
            else if (input.Plan.Length > 8000)
            {
                errors["plan"] = "The safety plan must be 8,000 characters or fewer";
            }
            else
            {
                process.WriteSafetyPlan(encryption.Encrypt(input.Plan.Trim()));
            }
        });

    public sealed record FeedbackInput(Guid? PersonId, int? Satisfaction, bool? FeltSafe, bool? FeltListenedTo, bool? WouldRecommend, string? Comments);

    public sealed record FeedbackLinkInput(Guid? PersonId);

    /// <summary>Records a participant's answers given to the practitioner.</summary>
    public Task<Outcome<RjProcess>> FeedbackAsync(ClaimsPrincipal user, Guid id, int version, FeedbackInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (input.PersonId is null || process.Participants.All(p => p.PersonId != input.PersonId))
            {
                errors["personId"] = "Select whose feedback this is";
            }

            CheckFeedback(errors, input);
            if (errors.Count == 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                process.StartFeedback(input.PersonId!.Value, null, null, now)
                    .Complete(Answers(input), byParticipant: false, encryption, now);
            }
        });

    /// <summary>Makes a single-use feedback link for one participant; the link is returned once and only its hash is kept.</summary>
    public sealed record FeedbackLinkMade(RjProcess Process, string Link);

    public async Task<Outcome<FeedbackLinkMade>> FeedbackLinkAsync(ClaimsPrincipal user, Guid id, int version, FeedbackLinkInput input, CancellationToken ct)
    {
        var token = LinkTokens.New();
        var result = await ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (input.PersonId is null || process.Participants.All(p => p.PersonId != input.PersonId))
            {
                errors["personId"] = "Select who the link is for";
                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            process.StartFeedback(input.PersonId.Value, LinkTokens.Hash(token), now.AddDays(settings.FeedbackLinkDays), now);
        });
        return result.Map(process => new FeedbackLinkMade(process, "/Feedback/" + token));
    }

    public static FeedbackAnswers Answers(FeedbackInput input) =>
        new(input.Satisfaction!.Value, input.FeltSafe!.Value, input.FeltListenedTo!.Value, input.WouldRecommend!.Value, input.Comments);

    /// <summary>Checks feedback answers; <paramref name="participantVoice"/> words the messages for the participant answering themselves.</summary>
    public static void CheckFeedback(Dictionary<string, string> errors, FeedbackInput input, bool participantVoice = false)
    {
        Victims.VictimWork.CheckSurvey(errors, new(input.Satisfaction, input.FeltListenedTo, input.WouldRecommend, input.Comments), participantVoice);
        if (input.FeltSafe is null)
        {
            errors["feltSafe"] = participantVoice ? "Select whether you felt safe" : "Select whether they felt safe";
        }
    }

    public sealed record PanelInput(int? PanelId);

    /// <summary>Chooses the community or referral-order panel that meets for this process.</summary>
    public async Task<Outcome<RjProcess>> ChoosePanelAsync(ClaimsPrincipal user, Guid id, int version, PanelInput input, CancellationToken ct)
    {
        var panel = input.PanelId is { } panelId ? await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct) : null;
        return await ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (panel is null)
            {
                errors["panelId"] = "Select the panel";
                return;
            }

            process.MeetWithPanel(panel);
        });
    }

    public sealed record OutcomeInput(ProcessStatus? Outcome, string? WithdrawnBy, string? Reason);

    public DateOnly Today => clock.LondonToday();

    public Task<Outcome<RjProcess>> MeetingAsync(ClaimsPrincipal user, Guid id, int version, MeetingInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (input.Record?.Length > 20000)
            {
                errors["record"] = "The record must be 20,000 characters or fewer";
            }

            if (input.FollowUp?.Length > 4000)
            {
                errors["followUp"] = "The follow-up plan must be 4,000 characters or fewer";
            }

            if (errors.Count == 0)
            {
                process.RecordMeeting((input.Attendance ?? []).Select(a => (a.PersonId, a.Attended, a.Spoke)).ToList(), input.Record ?? "",
                    TextInput.Clean(input.FollowUp), encryption.Encrypt((input.Record ?? "").Trim()), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<RjProcess>> AddItemAsync(ClaimsPrincipal user, Guid id, int version, ItemInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            if (input.Kind is null)
            {
                errors["kind"] = "Select what kind of agreement this is";
            }

            if (input.DueOn is null)
            {
                errors["dueOn"] = "Enter when it is due";
            }

            // The item's own rules, all at once, from the entity that enforces them.
            foreach (var (field, problem) in RjProcess.AgreementItemProblems(input.Kind ?? AgreementItemKind.Other, input.What, input.Who,
                input.DueOn ?? Today, input.Hours, Today))
            {
                errors.TryAdd(field, problem);
            }

            if (errors.Count == 0)
            {
                process.AddAgreementItem(input.Kind!.Value, input.What!, input.Who!, input.DueOn!.Value, input.Hours, Today);
            }
        });

    public Task<Outcome<RjProcess>> SettleAsync(ClaimsPrincipal user, Guid id, int version, SettleInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            var item = process.Agreement.FirstOrDefault(i => i.Id == input.ItemId);
            if (item is null)
            {
                errors["itemId"] = "Choose an item of the agreement";
            }
            else if (input.Done is null)
            {
                errors["done"] = "Select done or not done";
            }
            else
            {
                item.Settle(input.Done.Value, Today, TextInput.Clean(input.Note));
            }
        });

    /// <summary>Records how the process ended; a meeting still to come is cancelled in the invitees' diaries.</summary>
    public async Task<Outcome<RjProcess>> ConcludeAsync(ClaimsPrincipal user, Guid id, int version, OutcomeInput input, CancellationToken ct)
    {
        IReadOnlyList<MeetingDiary.Invitee> cancelled = [];
        var result = await ChangeAsync(user, id, version, ct, async (process, errors) =>
        {
            if (input.Outcome is null)
            {
                errors["outcome"] = "Select how the process ended";
                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var upcoming = process.Status == ProcessStatus.Scheduled && process.StartsAt > now;
            process.Conclude(input.Outcome.Value, TextInput.Clean(input.WithdrawnBy), TextInput.Clean(input.Reason), now);
            if (upcoming)
            {
                cancelled = await diary.InviteesAsync(process, ct);
                diary.Notify(process, [], cancelled);
            }
        });

        if (result.IsDone && cancelled.Count > 0)
        {
            await diary.SendAsync(result.Value!, [], cancelled, ct);
        }

        return result;
    }

    private Task<Outcome<RjProcess>> ChangeAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct, Action<RjProcess, Dictionary<string, string>> change) =>
        ChangeAsync(user, id, version, ct, (process, errors) =>
        {
            change(process, errors);
            return Task.CompletedTask;
        });

    private Task<Outcome<RjProcess>> ChangeAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct, Func<RjProcess, Dictionary<string, string>, Task> change) =>
        VersionedChange.RunAsync(db, schedule.Visible(user).Where(p => p.Id == id), version, async (process, errors) =>
        {
            await change(process, errors);
            process.Touch(clock.GetUtcNow().UtcDateTime);
        }, RjProcess.StaleMessage, ct);
}
