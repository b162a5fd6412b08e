namespace Mend.Web.Features.Processes;

/// <summary>
/// Which tasks a process offers as it now is, each done on its own page: the process page lists them, and each task
/// page sends the user back to the process when its task no longer applies. The entity still refuses a change that
/// breaks its rules; this only decides what is offered.
/// </summary>
public static class ProcessTasks
{
    public sealed record Task(string Text, string Href);

    public static bool CanPrepare(RjProcess p) => !p.IsConcluded && p.RecordedAt is null;

    public static bool CanChoosePanel(RjProcess p) => p.NeedsPanel && CanPrepare(p);

    public static bool CanSchedule(RjProcess p) => p.IsMeeting && p.Status is ProcessStatus.Planning or ProcessStatus.Scheduled && p.RecordedAt is null;

    /// <summary>From half an hour before a meeting starts, so a facilitator can open the form on the day; any time for shuttle and letters.</summary>
    public static bool CanRecord(RjProcess p, DateTime now) =>
        CanPrepare(p) && (!p.IsMeeting || p.Status == ProcessStatus.Scheduled && p.StartsAt <= now.AddMinutes(30));

    public static bool CanAddItem(RjProcess p) => !p.IsConcluded && (p.RecordedAt is not null || p.Agreement.Count > 0);

    public static bool CanSettle(RjProcess p, long itemId) => !p.IsConcluded && p.Agreement.Any(i => i.Id == itemId && i.Status == AgreementStatus.Open);

    public static bool CanConclude(RjProcess p) => !p.IsConcluded;

    /// <summary>The tasks on offer, in the order they usually come.</summary>
    public static IReadOnlyList<Task> For(RjProcess p, DateTime now)
    {
        var tasks = new List<Task>();
        var at = $"/Processes/{p.Id}";
        if (CanChoosePanel(p))
        {
            tasks.Add(new(p.PanelId is null ? "Choose the panel" : "Change the panel", at + "/Panel"));
        }

        if (CanPrepare(p))
        {
            tasks.Add(new("Record a preparation session", at + "/Preparation"));
            tasks.Add(new(p.SafetyPlanCiphertext is null ? "Write the safety plan" : "Change the safety plan", at + "/SafetyPlan"));
        }

        if (CanSchedule(p))
        {
            tasks.Add(new(p.Status == ProcessStatus.Scheduled ? "Change the meeting" : "Schedule the meeting", at + "/Schedule"));
        }

        if (CanRecord(p, now))
        {
            tasks.Add(new("Record what happened", at + "/Record"));
        }

        if (CanAddItem(p))
        {
            tasks.Add(new("Add to the agreement", at + "/Agreement"));
        }

        if (CanConclude(p))
        {
            tasks.Add(new(p.RecordedAt is null ? "End the process before it happens" : "Record how it ended", at + "/Outcome"));
        }

        return tasks;
    }
}
