using System.Globalization;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Staff.Sessions;

/// <summary>Records a training session the team delivered: topic, date, audience, trainer, length, attendees and feedback.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class RecordModel(TrainingDelivered training) : PageModel
{
    public sealed class SessionForm
    {
        public string? Topic { get; set; }
        public DateParts HeldOn { get; set; } = new();
        public string? Audience { get; set; }
        public string? TrainerId { get; set; }
        public string? Hours { get; set; }
        public string? Attendees { get; set; }
        public string? FeedbackReturned { get; set; }
        public string? FeedbackAverage { get; set; }
        public string? FeedbackComments { get; set; }
    }

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    public List<SelectListItem> Trainers { get; private set; } = [];

    public static IEnumerable<SelectListItem> Audiences => Enum.GetValues<TrainingAudience>().Select(a => new SelectListItem(TrainingAudiences.Describe(a), a.ToString()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.HeldOn = DateParts.From(training.Today);
        Input.TrainerId = User.UserId().ToString();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (held, heldError) = Input.HeldOn.Parse("The date of the session");
        ModelState.AddErrorIfAny("Input.HeldOn", heldError);

        decimal? Number(string? typed, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(typed))
            {
                return null;
            }

            if (decimal.TryParse(typed.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            ModelState.AddModelError(field, message);
            return null;
        }

        var hours = Number(Input.Hours, "Input.Hours", "Enter the hours as a number, like 1.5");
        var returned = Number(Input.FeedbackReturned, "Input.FeedbackReturned", "Enter the forms returned as a whole number");
        var average = Number(Input.FeedbackAverage, "Input.FeedbackAverage", "Enter the average rating as a number, like 4.2");
        if (returned is { } r && r != decimal.Truncate(r))
        {
            ModelState.AddModelError("Input.FeedbackReturned", "Enter the forms returned as a whole number");
        }

        if (ModelState.IsValid)
        {
            var outcome = await training.RecordAsync(User, new(Input.Topic, held, Enum.TryParse<TrainingAudience>(Input.Audience, out var audience) ? audience : null,
                Guid.TryParse(Input.TrainerId, out var trainer) ? trainer : null, hours, TrainingSession.ParseAttendees(Input.Attendees),
                returned is { } n && n <= int.MaxValue ? (int)n : null, average, Input.FeedbackComments), ct);
            if (PageOutcome.Apply(outcome, ModelState) == PageAnswer.Done)
            {
                TempData["Success"] = $"Session recorded: {outcome.Value!.Topic}, {outcome.Value.Attendees.Count} attended";
                return Redirect("/Staff/Sessions");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Task"] = "Record a training session";
        ViewData["Caption"] = "Training delivered";
        ViewData["Back"] = "/Staff/Sessions";
        Trainers = [new("Choose the trainer", ""), .. (await training.TrainersAsync(ct)).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];
    }
}
