using System.Globalization;
using Mend.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Staff.Register;

/// <summary>Records a course on a person's register: kind, course, provider, safeguarding level, dates, CPD hours, RJC approval.</summary>
public sealed class TrainingModel(StaffRegister register) : StaffTaskPage(register)
{
    public sealed class TrainingForm
    {
        public string? Kind { get; set; }
        public string? Course { get; set; }
        public string? Provider { get; set; }
        public string? Level { get; set; }
        public DateParts CompletedOn { get; set; } = new();
        public DateParts ExpiresOn { get; set; } = new();
        public string? CpdHours { get; set; }
        public bool RjcApproved { get; set; }
    }

    [BindProperty]
    public TrainingForm Training { get; set; } = new();

    public override string Title => "Record training";

    public static IEnumerable<SelectListItem> KindItems =>
    [
        new("Panel member training (needed to sit on a panel)", nameof(TrainingKind.PanelMember)),
        new("Safeguarding", nameof(TrainingKind.Safeguarding)),
        new("Restorative justice facilitation", nameof(TrainingKind.RjFacilitation)),
        new("Continuing professional development", nameof(TrainingKind.Cpd)),
        new("Other", nameof(TrainingKind.Other)),
    ];

    public static IEnumerable<SelectListItem> SafeguardingLevels => [new("Not safeguarding training", ""), new("Level 1", "1"), new("Level 2", "2"), new("Level 3", "3")];

    public static IEnumerable<SelectListItem> ApprovedItems => [new("RJC approved CPD", "true")];

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (completed, completedError) = Training.CompletedOn.Parse("The date completed");
        var (expires, expiresError) = Training.ExpiresOn.IsEmpty ? ((DateOnly?)null, (string?)null) : Training.ExpiresOn.Parse("The expiry date");
        ModelState.AddErrorIfAny("Training.CompletedOn", completedError);
        ModelState.AddErrorIfAny("Training.ExpiresOn", expiresError);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Training.CpdHours))
        {
            if (decimal.TryParse(Training.CpdHours.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h))
            {
                hours = h;
            }
            else
            {
                ModelState.AddModelError("Training.CpdHours", "Enter the CPD hours as a number, like 3 or 1.5");
            }
        }

        return await AnswerAsync(id, () => Register.RecordTrainingAsync(User, id, new TrainingRecord.Details(Enum.TryParse<TrainingKind>(Training.Kind, out var kind) ? kind : null,
            Training.Course, Training.Provider, int.TryParse(Training.Level, out var level) ? level : null, completed, expires, hours, Training.RjcApproved), ct),
            "Training", t => $"Training recorded: {t.Course}", ct);
    }
}
