using Mend.Web.Features.Cases;
using Mend.Web.Platform.Time;

namespace Mend.Web.Features.Victims;

public enum Entitlement
{
    RjInformation,
    SupportReferral,
    ProgressUpdate,
    ConclusionNotice,
}

public enum EntitlementState
{
    Due,
    Overdue,
    MetOnTime,
    MetLate,
    NotApplicable,
}

/// <summary>One Victims' Code entitlement for one victim: when it was due, when it was met, and how.</summary>
public sealed record EntitlementStatus(Entitlement Entitlement, DateOnly DueOn, DateOnly? MetOn, EntitlementState State, string? Reason)
{
    public bool IsOpen => State is EntitlementState.Due or EntitlementState.Overdue;
}

/// <summary>
/// Works out each entitlement's deadline in working days for the case's jurisdiction and whether it
/// was met on time, from the victim's dated records. Nothing is stored, so a change of settings or a
/// corrected record is reflected at once.
/// </summary>
public static class Entitlements
{
    public static IReadOnlyList<EntitlementStatus> For(WorkingDays days, Victim victim, Jurisdiction jurisdiction, DateOnly? caseClosedOn, VictimSettings settings, DateOnly today)
    {
        var result = new List<EntitlementStatus>();
        var records = victim.Records.OrderBy(r => r.On).ThenBy(r => r.RecordedAt).ToList();

        // Right 3: information about restorative justice.
        var rjDays = victim.Enhanced != EnhancedReasons.None ? settings.EnhancedRjInformationWorkingDays : settings.RjInformationWorkingDays;
        var rjDue = days.Add(victim.DetailsReceivedOn, rjDays, jurisdiction);
        var rjGiven = records.FirstOrDefault(r => r.Kind == RecordKind.RjInformation);
        var optedOut = victim.Choices.Where(c => c.Kind == ChoiceKind.Contact && !c.Agreed && c.On <= rjDue).OrderBy(c => c.On).FirstOrDefault();
        result.Add(rjGiven is not null ? Met(Entitlement.RjInformation, rjDue, rjGiven)
            : optedOut is not null ? new(Entitlement.RjInformation, rjDue, null, EntitlementState.NotApplicable, $"The victim asked not to be contacted on {Words.Date(optedOut.On)}")
            : Open(Entitlement.RjInformation, rjDue, today));

        // Right 4: referral to support services, each time the victim says they want it.
        foreach (var wanted in records.Where(r => r.Kind == RecordKind.SupportWanted))
        {
            var due = days.Add(wanted.On, settings.SupportReferralWorkingDays, jurisdiction);
            var referral = records.FirstOrDefault(r => r.Kind == RecordKind.SupportReferral && r.On >= wanted.On);
            result.Add(referral is not null ? Met(Entitlement.SupportReferral, due, referral)
                : victim.HasDeclined ? new(Entitlement.SupportReferral, due, null, EntitlementState.NotApplicable, "The victim declined the service")
                : Open(Entitlement.SupportReferral, due, today));
        }

        // Updates on progress, for as long as the victim has asked to be kept informed.
        var informed = victim.Choices.Where(c => c.Kind == ChoiceKind.KeptInformed && c.Agreed).OrderBy(c => c.On).FirstOrDefault();
        if (informed is not null)
        {
            var from = informed.On;
            foreach (var update in records.Where(r => r.Kind == RecordKind.ProgressUpdate && r.On >= informed.On))
            {
                result.Add(Met(Entitlement.ProgressUpdate, days.Add(from, settings.ProgressUpdateWorkingDays, jurisdiction), update));
                from = update.On;
            }

            var nextDue = days.Add(from, settings.ProgressUpdateWorkingDays, jurisdiction);
            if (victim.Agreed(ChoiceKind.KeptInformed) && caseClosedOn is null)
            {
                result.Add(Open(Entitlement.ProgressUpdate, nextDue, today));
            }

            // Told that the intervention has concluded, once the case closes.
            if (caseClosedOn is { } closed)
            {
                var due = days.Add(closed, settings.ConclusionNoticeWorkingDays, jurisdiction);
                var told = records.FirstOrDefault(r => r.Kind == RecordKind.ConclusionNotice);
                result.Add(told is not null ? Met(Entitlement.ConclusionNotice, due, told)
                    : !victim.Agreed(ChoiceKind.KeptInformed) ? new(Entitlement.ConclusionNotice, due, null, EntitlementState.NotApplicable, "The victim no longer wants to be kept informed")
                    : Open(Entitlement.ConclusionNotice, due, today));
            }
        }

        return result;
    }

    /// <summary>The deadline a new record of this kind would be judged against, if any is open.</summary>
    public static DateOnly? DueFor(RecordKind kind, IReadOnlyList<EntitlementStatus> statuses) => kind switch
    {
        RecordKind.RjInformation => Open(statuses, Entitlement.RjInformation),
        RecordKind.SupportReferral => Open(statuses, Entitlement.SupportReferral),
        RecordKind.ProgressUpdate => Open(statuses, Entitlement.ProgressUpdate),
        RecordKind.ConclusionNotice => Open(statuses, Entitlement.ConclusionNotice),
        _ => null,
    };

    private static DateOnly? Open(IReadOnlyList<EntitlementStatus> statuses, Entitlement entitlement) =>
        statuses.Where(s => s.Entitlement == entitlement && s.IsOpen).Select(s => (DateOnly?)s.DueOn).Min();

    private static EntitlementStatus Met(Entitlement entitlement, DateOnly due, VictimRecord record) =>
        record.On <= due
            ? new(entitlement, due, record.On, EntitlementState.MetOnTime, null)
            : new(entitlement, due, record.On, EntitlementState.MetLate, record.LateReason);

    private static EntitlementStatus Open(Entitlement entitlement, DateOnly due, DateOnly today) =>
        new(entitlement, due, null, today > due ? EntitlementState.Overdue : EntitlementState.Due, null);
}
