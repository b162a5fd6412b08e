using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>
/// Recording disposals and supervising them, for pages and the API alike: each change checks only the shape of its
/// input and lets <see cref="Order"/> apply its rules, through <see cref="VersionedChange"/>.
/// </summary>
public sealed class RecordOrders(MendDb db, CaseAccess access, OrderSettings settings, HolidayCalendar holidays, TimeProvider clock)
{
    public sealed record OrderInput(DisposalKind? Kind, DateOnly? DecidedOn, DateOnly? ConvictedOn, DateOnly? StartsOn, int? LengthMonths, DateOnly? EndsOn,
        InterventionLevel? Level, JerseyCourt? Court, string? DecidedBy, DateOnly? ReturnOn);

    public sealed record SignInput(DateOnly? SignedOn);

    /// <param name="Responsible">Who does what (up to 200 characters), for a contract item or a condition.</param>
    public sealed record RequirementInput(RequirementKind? Kind, decimal? Amount, int? DailyHours, int? WeeklyHours, string? Detail, string? Responsible = null);

    public sealed record ContactInput(DateTime? At, string? Purpose, long? ActivityId = null);

    public sealed record ActivityInput(string? Title, int? AgencyId, string? Owner, DateOnly? StartsOn, DateOnly? EndsOn, bool? PositiveSteps);

    public sealed record ProgressInput(long? ActivityId, ActivityProgress? Progress, string? Note);

    public sealed record ReviewInput(DateOnly? ReviewedOn, string? Note);

    public sealed record AttendanceInput(long? ContactId, Attendance? Attendance, string? Reason);

    public sealed record FollowUpInput(long? ContactId, string? Note);

    public sealed record WarningInput(long? ContactId, DateOnly? GivenOn);

    public sealed record BreachInput(long? ContactId, bool? Proceed, string? Reasons);

    public sealed record HearingInput(long? BreachId, DateOnly? HeardOn, string? Outcome);

    public sealed record ExtendInput(DateOnly? EndsOn);

    public sealed record ReparationInput(int? ProjectId, long? RequirementId, long? AgreementItemId, DateOnly? On, decimal? Hours, Attendance? Attendance,
        string? Note);

    public sealed record PanelInput(PanelKind? Kind, DateOnly? HeldOn, bool? ParentAttended, string? Note);

    public sealed record EndInput(EndReason? Reason, DateOnly? EndedOn, string? Note);

    public DateOnly Today => clock.LondonToday();

    /// <summary>The order's compliance today, with its jurisdiction's working days.</summary>
    public async Task<Compliance> ComplianceAsync(Order order, CancellationToken ct) =>
        CompliancePolicy.Of(order, Today, clock.GetUtcNow().UtcDateTime, settings.ContactsPerMonth(order.Level), await holidays.CurrentAsync(db, ct),
            settings.InitialPanelWorkingDays);

    /// <summary>Records a disposal on a case; the child's age on the conviction (or decision) date is kept with it.</summary>
    public async Task<Outcome<Order>> RecordAsync(ClaimsPrincipal user, Guid caseId, OrderInput input, CancellationToken ct)
    {
        var @case = await access.VisibleCases(user).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return Outcome<Order>.NotFound();
        }

        var errors = new Dictionary<string, string>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = "Select the kind of disposal";
        }

        if (input.DecidedOn is null)
        {
            errors["decidedOn"] = "Enter the date of the decision";
        }

        if (input.Level is { } level && !Enum.IsDefined(level))
        {
            errors["level"] = "Select the level of intervention";
        }

        if (input.Court is { } court && !Enum.IsDefined(court))
        {
            errors["court"] = "Select the Jersey court";
        }

        Length(errors, "decidedBy", input.DecidedBy, 200);
        if (@case.Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            errors[""] = "The case is closed, so no disposal can be recorded on it";
        }

        if (errors.Count > 0)
        {
            return Outcome<Order>.Invalid(errors);
        }

        var child = @case.Participants.Where(p => p.Role == ParticipantRole.YoungPerson).Select(p => p.PersonId).FirstOrDefault();
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == child, ct);
        var details = new OrderDetails(input.Kind!.Value, input.DecidedOn!.Value, input.ConvictedOn, input.StartsOn, input.LengthMonths, input.EndsOn,
            input.Level ?? InterventionLevel.Standard, input.Court, TextInput.Clean(input.DecidedBy), input.ReturnOn);
        try
        {
            var order = Order.Record(caseId, @case.Jurisdiction, details, person?.AgeRangeOn(input.ConvictedOn ?? input.DecidedOn!.Value), Today,
                user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.Orders.Add(order);
            await db.SaveChangesAsync(ct);
            return Outcome<Order>.Done(order);
        }
        catch (Platform.DomainRuleException ex)
        {
            return Outcome<Order>.Invalid(ex.Field ?? "", ex.Message.TrimEnd('.'));
        }
    }

    public Task<Outcome<Order>> SignContractAsync(ClaimsPrincipal user, Guid id, int version, SignInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            if (Required(errors, "signedOn", input.SignedOn, "Enter the date the contract was signed"))
            {
                order.SignContract(input.SignedOn!.Value, Today);
            }
        });

    public Task<Outcome<Order>> AddRequirementAsync(ClaimsPrincipal user, Guid id, int version, RequirementInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Length(errors, "detail", input.Detail, 1000);
            Length(errors, "responsible", input.Responsible, 200);
            if (Required(errors, "kind", input.Kind, "Select the requirement") && errors.Count == 0)
            {
                order.AddRequirement(input.Kind!.Value, input.Amount, input.DailyHours, input.WeeklyHours, TextInput.Clean(input.Detail),
                    settings.IntensiveSupervisionPilot, TextInput.Clean(input.Responsible));
            }
        });

    public Task<Outcome<Order>> ArrangeContactAsync(ClaimsPrincipal user, Guid id, int version, ContactInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "at", input.At, "Enter the date and time of the appointment");
            if (string.IsNullOrWhiteSpace(input.Purpose))
            {
                errors["purpose"] = "Say what the appointment is for";
            }

            Length(errors, "purpose", input.Purpose, 200);
            if (errors.Count == 0)
            {
                order.ArrangeContact(input.At!.Value, input.Purpose!.Trim(), input.ActivityId);
            }
        });

    public Task<Outcome<Order>> AttendanceAsync(ClaimsPrincipal user, Guid id, int version, AttendanceInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "contactId", input.ContactId, "Choose the appointment");
            Required(errors, "attendance", input.Attendance, "Select whether they attended");
            Length(errors, "reason", input.Reason, 1000);
            if (errors.Count == 0)
            {
                order.RecordAttendance(input.ContactId!.Value, input.Attendance!.Value, input.Reason, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<Order>> FollowUpAsync(ClaimsPrincipal user, Guid id, int version, FollowUpInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "contactId", input.ContactId, "Choose the missed appointment");
            if (string.IsNullOrWhiteSpace(input.Note))
            {
                errors["note"] = "Say how it was followed up";
            }

            Length(errors, "note", input.Note, 1000);
            if (errors.Count == 0)
            {
                order.FollowUp(input.ContactId!.Value, input.Note!.Trim(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<Order>> WarningAsync(ClaimsPrincipal user, Guid id, int version, WarningInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "contactId", input.ContactId, "Choose the absence the warning is for");
            Required(errors, "givenOn", input.GivenOn, "Enter the date the warning was given");
            if (errors.Count == 0)
            {
                order.GiveWarning(input.ContactId!.Value, input.GivenOn!.Value, user.DisplayNameOf(), Today);
            }
        });

    /// <summary>A manager's decision on a return to court (or the Parish Hall) that is due.</summary>
    public Task<Outcome<Order>> BreachDecisionAsync(ClaimsPrincipal user, Guid id, int version, BreachInput input, CancellationToken ct) =>
        !user.IsInRole(Roles.Manager)
            ? Task.FromResult(Outcome<Order>.Forbidden("Only a manager decides whether to return a child to court"))
            : ChangeAsync(user, id, version, ct, (order, errors) =>
            {
                Required(errors, "contactId", input.ContactId, "Choose the failure the decision is about");
                Required(errors, "proceed", input.Proceed, "Select whether to return the child to court");
                Length(errors, "reasons", input.Reasons, 2000);
                if (errors.Count == 0)
                {
                    order.DecideBreach(input.ContactId!.Value, input.Proceed!.Value, input.Reasons ?? "", user.DisplayNameOf(), Today);
                }
            });

    public Task<Outcome<Order>> HearingAsync(ClaimsPrincipal user, Guid id, int version, HearingInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "breachId", input.BreachId, "Choose the breach action");
            Required(errors, "heardOn", input.HeardOn, "Enter the date of the hearing");
            if (string.IsNullOrWhiteSpace(input.Outcome))
            {
                errors["outcome"] = "Say what the court decided";
            }

            Length(errors, "outcome", input.Outcome, 2000);
            if (errors.Count == 0)
            {
                order.RecordHearing(input.BreachId!.Value, input.HeardOn!.Value, input.Outcome!, Today);
            }
        });

    /// <summary>A youth offender panel meeting on a referral order.</summary>
    public Task<Outcome<Order>> PanelAsync(ClaimsPrincipal user, Guid id, int version, PanelInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "kind", input.Kind, "Select which panel met");
            Required(errors, "heldOn", input.HeldOn, "Enter the date the panel met");
            Length(errors, "note", input.Note, 2000);
            if (errors.Count == 0)
            {
                order.RecordPanel(input.Kind!.Value, input.HeldOn!.Value, input.ParentAttended, TextInput.Clean(input.Note), user.DisplayNameOf(), Today);
            }
        });

    /// <summary>A reparation session at a placement or project, counted towards an hours requirement or an outcome-agreement item.</summary>
    public Task<Outcome<Order>> ReparationAsync(ClaimsPrincipal user, Guid id, int version, ReparationInput input, CancellationToken ct) =>
        VersionedChange.RunAsync(db, access.VisibleOrders(user).Where(o => o.Id == id), version, async (Order order, Dictionary<string, string> errors) =>
        {
            Required(errors, "projectId", input.ProjectId, "Choose the placement or project");
            Required(errors, "on", input.On, "Enter the date of the session");
            Required(errors, "attendance", input.Attendance, "Select whether they attended");
            Length(errors, "note", input.Note, 1000);
            if (errors.Count > 0)
            {
                return;
            }

            var active = await db.ReparationProjects.AnyAsync(p => p.Id == input.ProjectId && p.IsActive, ct);
            var itemOnCase = input.AgreementItemId is { } itemId && await db.RjProcesses.Where(p => p.CaseId == order.CaseId)
                .SelectMany(p => p.Agreement).AnyAsync(i => i.Id == itemId && i.Kind == Processes.AgreementItemKind.ReparationHours, ct);
            order.RecordReparation(input.ProjectId!.Value, active, input.RequirementId, input.AgreementItemId, itemOnCase, input.On!.Value, input.Hours,
                input.Attendance!.Value, TextInput.Clean(input.Note), user.DisplayNameOf(), Today);
            order.Touch(clock.GetUtcNow().UtcDateTime);
        }, Order.StaleMessage, ct);

    /// <summary>Adds an activity to the intervention plan, delivered by a partner agency in use or by the service.</summary>
    public Task<Outcome<Order>> ActivityAsync(ClaimsPrincipal user, Guid id, int version, ActivityInput input, CancellationToken ct) =>
        VersionedChange.RunAsync(db, access.VisibleOrders(user).Where(o => o.Id == id), version, async (Order order, Dictionary<string, string> errors) =>
        {
            Text(errors, "title", input.Title, "Say what the activity is", 200);
            Text(errors, "owner", input.Owner, "Say whose activity it is", 200);
            Required(errors, "startsOn", input.StartsOn, "Enter when it starts");
            if (errors.Count > 0)
            {
                return;
            }

            var active = input.AgencyId is { } agency && await db.PartnerAgencies.AnyAsync(a => a.Id == agency && a.IsActive, ct);
            order.AddActivity(input.Title!.Trim(), input.AgencyId, active, input.Owner!.Trim(), input.StartsOn!.Value, input.EndsOn, input.PositiveSteps ?? false);
            order.Touch(clock.GetUtcNow().UtcDateTime);
        }, Order.StaleMessage, ct);

    public Task<Outcome<Order>> ProgressAsync(ClaimsPrincipal user, Guid id, int version, ProgressInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "activityId", input.ActivityId, "Choose the activity");
            Required(errors, "progress", input.Progress, "Select how far it has got");
            Length(errors, "note", input.Note, 2000);
            if (errors.Count == 0)
            {
                order.UpdateActivity(input.ActivityId!.Value, input.Progress!.Value, TextInput.Clean(input.Note), Today);
            }
        });

    public Task<Outcome<Order>> ReviewAsync(ClaimsPrincipal user, Guid id, int version, ReviewInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "reviewedOn", input.ReviewedOn, "Enter the date of the review");
            Text(errors, "note", input.Note, "Say what the review found", 2000);
            if (errors.Count == 0)
            {
                order.ReviewPlan(input.ReviewedOn!.Value, input.Note!.Trim(), user.DisplayNameOf(), Today);
            }
        });

    public Task<Outcome<Order>> ExtendAsync(ClaimsPrincipal user, Guid id, int version, ExtendInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            if (Required(errors, "endsOn", input.EndsOn, "Enter the new end date"))
            {
                order.Extend(input.EndsOn!.Value, Today);
            }
        });

    public Task<Outcome<Order>> EndAsync(ClaimsPrincipal user, Guid id, int version, EndInput input, CancellationToken ct) =>
        ChangeAsync(user, id, version, ct, (order, errors) =>
        {
            Required(errors, "reason", input.Reason, "Select how the order ended");
            Required(errors, "endedOn", input.EndedOn, "Enter the date it ended");
            Length(errors, "note", input.Note, 2000);
            if (errors.Count == 0)
            {
                order.End(input.Reason!.Value, input.EndedOn!.Value, TextInput.Clean(input.Note), Today);
            }
        });

    private Task<Outcome<Order>> ChangeAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken ct, Action<Order, Dictionary<string, string>> change) =>
        VersionedChange.RunAsync(db, access.VisibleOrders(user).Where(o => o.Id == id), version, (Order order, Dictionary<string, string> errors) =>
        {
            change(order, errors);
            order.Touch(clock.GetUtcNow().UtcDateTime);
        }, Order.StaleMessage, ct);

    private static bool Required<T>(Dictionary<string, string> errors, string field, T? value, string message) where T : struct
    {
        if (value is null || (value is Enum e && !Enum.IsDefined(e.GetType(), e)))
        {
            errors[field] = message;
            return false;
        }

        return true;
    }

    private static void Text(Dictionary<string, string> errors, string field, string? text, string missing, int most)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = missing;
        }

        Length(errors, field, text, most);
    }

    private static void Length(Dictionary<string, string> errors, string field, string? text, int most)
    {
        if (text?.Trim().Length > most)
        {
            errors[field] = $"This must be {most:N0} characters or fewer";
        }
    }
}
