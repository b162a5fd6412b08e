using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>Mend:Staff: what the register checks.</summary>
public sealed class StaffSettings
{
    /// <summary>A facilitator needs a current DBS check to be scheduled for a meeting (issue 19's "where the service requires it").</summary>
    public bool FacilitatorsNeedDbs { get; set; } = true;

    /// <summary>How many days before something expires the person and their managers are reminded.</summary>
    public int ReminderDays { get; set; } = 30;
}

/// <summary>
/// The register of staff and volunteers: courses and CPD hours, DBS checks, safeguarding training and the facilitator
/// accreditations, what is expiring or has expired, and the gates that use them (a volunteer joining a panel, a
/// facilitator being scheduled). Shared by the pages and the API.
/// </summary>
public sealed class StaffRegister(MendDb db, FieldEncryption encryption, StaffSettings settings, TimeProvider clock)
{
    /// <summary>Something on the register that has run out, or runs out within the reminder period.</summary>
    public sealed record Due(string What, DateOnly On, bool Expired)
    {
        /// <summary>A shortfall found today (CPD hours) rather than something with its own date: shown without one.</summary>
        public bool Shortfall { get; init; }

        /// <summary>How a past date reads: "expired" for a check or course, "was due" for supervision.</summary>
        public string PastTense { get; init; } = "expired";
    }

    /// <summary>One person at a glance: what they hold now and what needs doing.</summary>
    public sealed record Summary(Guid UserId, string Name, IReadOnlyList<string> Roles, PractitionerLevel? Level, DbsCheck? Dbs, bool DbsCurrent,
        TrainingRecord? Safeguarding, bool SafeguardingCurrent, bool PanelTrained, decimal CpdHours, decimal? CpdRequired,
        IReadOnlyList<Accreditation> Accreditations, IReadOnlyList<Due> Due)
    {
        /// <summary>When their next case supervision is due (practitioners only; today when none was ever recorded).</summary>
        public DateOnly? SupervisionDue { get; init; }

        /// <summary>When their next observed practice is due (practitioners only).</summary>
        public DateOnly? ObservationDue { get; init; }
    }

    public DateOnly Today => clock.LondonToday();

    /// <summary>Who the register is for: staff and volunteers, not partners, administrators or data-protection officers alone.</summary>
    public static readonly string[] RegisterRoles = [Roles.Practitioner, Roles.Manager, Roles.Volunteer];

    /// <summary>Whether records may be added for this user: an active account of someone on the register.</summary>
    private Task<bool> OnRegisterAsync(Guid userId, CancellationToken ct) => StaffWithRoles.Of(db, RegisterRoles).AnyAsync(u => u.Id == userId, ct);

    /// <summary>Everyone who works with cases or panels (not partners or service accounts), in name order.</summary>
    public async Task<List<Summary>> AllAsync(CancellationToken ct)
    {
        var roleNames = RegisterRoles;
        var people = await (from u in db.Users.AsNoTracking()
                            where !u.IsDisabled
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where roleNames.Contains(r.Name!)
                            select new { u.Id, u.DisplayName, u.PractitionerLevel, u.CreatedAt, Role = r.Name! }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).Distinct().ToList();
        var training = await db.TrainingRecords.AsNoTracking().Where(t => ids.Contains(t.UserId)).ToListAsync(ct);
        var checks = await db.DbsChecks.AsNoTracking().Where(d => ids.Contains(d.UserId)).ToListAsync(ct);
        var awards = await db.Accreditations.AsNoTracking().Where(a => ids.Contains(a.UserId) && a.WithdrawnAt == null).ToListAsync(ct);
        var supervised = await LastSupervisionsAsync(ids, ct);
        return people.GroupBy(p => p.Id).Select(g => Summarise(g.Key, g.First().DisplayName, g.First().CreatedAt, g.Select(p => p.Role).Order().ToList(), g.First().PractitionerLevel,
                training.Where(t => t.UserId == g.Key).ToList(), checks.Where(d => d.UserId == g.Key).ToList(), awards.Where(a => a.UserId == g.Key).ToList(),
                supervised.Where(s => s.SuperviseeId == g.Key).ToList()))
            .OrderBy(s => s.Name).ToList();
    }

    /// <summary>One person's summary (a leaver's too, for their history), or null when there is no such user or they are not staff or a volunteer.</summary>
    public async Task<Summary?> ForAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.PractitionerLevel, u.CreatedAt }).SingleOrDefaultAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(ct);
        if (user is null || !roles.Any(RegisterRoles.Contains))
        {
            return null;
        }

        return Summarise(userId, user.DisplayName, user.CreatedAt, roles.Order().ToList(), user.PractitionerLevel,
            await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct),
            await db.DbsChecks.AsNoTracking().Where(d => d.UserId == userId).ToListAsync(ct),
            await db.Accreditations.AsNoTracking().Where(a => a.UserId == userId && a.WithdrawnAt == null).ToListAsync(ct),
            await LastSupervisionsAsync([userId], ct));
    }

    public Task<List<TrainingRecord>> TrainingAsync(Guid userId, CancellationToken ct) =>
        db.TrainingRecords.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CompletedOn).ToListAsync(ct);

    public Task<List<DbsCheck>> ChecksAsync(Guid userId, CancellationToken ct) =>
        db.DbsChecks.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.IssuedOn).ToListAsync(ct);

    private sealed record LastHeld(Guid SuperviseeId, SupervisionKind Kind, DateOnly HeldOn);

    private async Task<List<LastHeld>> LastSupervisionsAsync(List<Guid> ids, CancellationToken ct) =>
        await db.Supervisions.AsNoTracking().Where(s => ids.Contains(s.SuperviseeId)).GroupBy(s => new { s.SuperviseeId, s.Kind })
            .Select(g => new LastHeld(g.Key.SuperviseeId, g.Key.Kind, g.Max(s => s.HeldOn))).ToListAsync(ct);

    private Summary Summarise(Guid id, string name, DateTime joinedAt, IReadOnlyList<string> roles, PractitionerLevel? level, List<TrainingRecord> training, List<DbsCheck> checks,
        List<Accreditation> awards, List<LastHeld> supervised)
    {
        var today = Today;
        var soon = today.AddDays(settings.ReminderDays);
        var dbs = checks.OrderByDescending(d => d.RenewBy).FirstOrDefault();
        // The safeguarding training that counts is the highest level still current; if none is current, the latest to lapse.
        var safeguarding = training.Where(t => t.Kind == TrainingKind.Safeguarding).OrderByDescending(t => t.IsCurrentOn(today)).ThenByDescending(t => t.Level)
            .ThenByDescending(t => t.ExpiresOn ?? DateOnly.MaxValue).ThenByDescending(t => t.CompletedOn).FirstOrDefault();
        var panel = training.Where(t => t.Kind == TrainingKind.PanelMember).OrderByDescending(t => t.ExpiresOn ?? DateOnly.MaxValue).FirstOrDefault();
        var yearAgo = today.AddYears(-1);
        var lastYear = training.Where(t => t.CompletedOn > yearAgo && t.CpdHours is not null).ToList();
        var hours = lastYear.Sum(t => t.CpdHours!.Value);
        var approved = lastYear.Where(t => t.RjcApproved).Sum(t => t.CpdHours!.Value);
        var due = new List<Due>();
        void Check(string what, DateOnly? on, string pastTense = "expired")
        {
            if (on is { } d && d <= soon)
            {
                due.Add(new(what, d, d < today) { PastTense = pastTense });
            }
        }

        Check(dbs is null ? "" : $"DBS check ({DbsCheck.Describe(dbs.Level)}) renewal", dbs?.RenewBy);
        Check("Safeguarding training", safeguarding?.ExpiresOn);
        Check("Panel training", panel?.ExpiresOn);
        foreach (var award in awards.GroupBy(a => a.Level).Select(g => g.OrderByDescending(a => a.ExpiresOn ?? DateOnly.MaxValue).First())
                     .Where(a => !awards.Any(h => h.Level > a.Level && h.IsCurrentOn(today) && (h.ExpiresOn ?? DateOnly.MaxValue) >= (a.ExpiresOn ?? DateOnly.MaxValue))))
        {
            // An advanced accreditation covers the facilitator's: a lower one lapsing under a current higher one is not flagged.
            Check($"{(award.Level == AccreditationLevel.AdvancedFacilitator ? "Advanced facilitator" : "RJ facilitator")} accreditation", award.ExpiresOn);
        }

        // Practitioners are supervised (RJC Practitioner Code, requirement C); someone never supervised was first due that
        // long after their account was made, so a long-standing worker with none recorded shows as overdue.
        DateOnly? supervisionDue = null, observationDue = null;
        if (roles.Contains(Roles.Practitioner) || level is not null)
        {
            DateOnly DueOf(SupervisionKind kind) =>
                SupervisionRule.DueAfter(kind, supervised.FirstOrDefault(s => s.Kind == kind)?.HeldOn ?? London.DateOf(joinedAt));
            (supervisionDue, observationDue) = (DueOf(SupervisionKind.CaseSupervision), DueOf(SupervisionKind.ObservedPractice));
            Check("Case supervision", supervisionDue, "was due");
            Check("Observed practice", observationDue, "was due");
        }

        // RJC Practitioner Code, requirement D: the level's hours in the past year, at least half of them RJC-approved.
        if (level is { } practising)
        {
            var required = CpdRequirement.HoursFor(practising);
            var approvedNeeded = required * CpdRequirement.ApprovedShare;
            if (hours < required || approved < approvedNeeded)
            {
                due.Add(new($"CPD: {hours:0.#} of {required:0.#} hours in the past year, {approved:0.#} of them RJC-approved (at least {approvedNeeded:0.#} must be)", today, false) { Shortfall = true });
            }
        }

        return new Summary(id, name, roles, level, dbs, dbs?.IsCurrentOn(today) == true, safeguarding, safeguarding?.IsCurrentOn(today) == true,
            panel?.IsCurrentOn(today) == true, hours, level is { } l ? CpdRequirement.HoursFor(l) : null, awards, due.OrderBy(d => d.On).ToList())
        {
            SupervisionDue = supervisionDue,
            ObservationDue = observationDue,
        };
    }

    /// <summary>Records a course. A field refused is named as the API names it.</summary>
    public async Task<Outcome<TrainingRecord>> RecordTrainingAsync(ClaimsPrincipal by, Guid userId, TrainingRecord.Details details, CancellationToken ct)
    {
        if (!await OnRegisterAsync(userId, ct))
        {
            return Outcome<TrainingRecord>.NotFound();
        }

        try
        {
            var record = TrainingRecord.Record(userId, details, Today, by.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.TrainingRecords.Add(record);
            await db.SaveChangesAsync(ct);
            return Outcome<TrainingRecord>.Done(record);
        }
        catch (DomainRuleException ex)
        {
            return Outcome<TrainingRecord>.Invalid(ex.Field ?? "", ex.Message);
        }
    }

    /// <summary>Records a DBS check (a lapsed one is refused). A field refused is named as the API names it.</summary>
    public async Task<Outcome<DbsCheck>> RecordDbsAsync(ClaimsPrincipal by, Guid userId, DbsCheck.Details details, CancellationToken ct)
    {
        if (!await OnRegisterAsync(userId, ct))
        {
            return Outcome<DbsCheck>.NotFound();
        }

        try
        {
            var check = DbsCheck.Record(userId, details, Today, encryption, by.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.DbsChecks.Add(check);
            await db.SaveChangesAsync(ct);
            return Outcome<DbsCheck>.Done(check);
        }
        catch (DomainRuleException ex)
        {
            return Outcome<DbsCheck>.Invalid(ex.Field ?? "", ex.Message);
        }
    }

    public Task<List<Supervision>> SupervisionsAsync(Guid userId, CancellationToken ct) =>
        db.Supervisions.AsNoTracking().Where(s => s.SuperviseeId == userId).OrderByDescending(s => s.HeldOn).ToListAsync(ct);

    /// <summary>Records a supervision or observed practice; the supervisor must be an active member of staff, and nobody records their own.</summary>
    public async Task<Outcome<Supervision>> RecordSupervisionAsync(ClaimsPrincipal by, Guid superviseeId, Supervision.Details details, CancellationToken ct)
    {
        if (!await OnRegisterAsync(superviseeId, ct))
        {
            return Outcome<Supervision>.NotFound();
        }

        if (by.UserId() == superviseeId)
        {
            return Outcome<Supervision>.Refused("You cannot record your own supervision: your supervisor or a manager records it");
        }

        var supervisor = details.SupervisorId is { } sid
            ? await StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).Where(u => u.Id == sid && !u.IsDisabled).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        if (details.SupervisorId is not null && supervisor is null)
        {
            return Outcome<Supervision>.Invalid("supervisorId", "Choose the supervisor from the list of staff");
        }

        try
        {
            var record = Supervision.Record(superviseeId, details with { SupervisorName = supervisor }, Today, encryption, by.UserId(), by.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            db.Supervisions.Add(record);
            await db.SaveChangesAsync(ct);
            return Outcome<Supervision>.Done(record);
        }
        catch (DomainRuleException ex)
        {
            return ex.Field is null ? Outcome<Supervision>.Refused(ex.Message) : Outcome<Supervision>.Invalid(ex.Field, ex.Message);
        }
    }

    /// <summary>Sets (or clears) the person's RJC practitioner level.</summary>
    public async Task<bool> SetLevelAsync(Guid userId, PractitionerLevel? level, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return false;
        }

        user.PractitionerLevel = level;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Of <paramref name="userIds"/>, those without a DBS check current on <paramref name="day"/>; empty when the service does not require one.</summary>
    public async Task<HashSet<Guid>> WithoutDbsAsync(IReadOnlyCollection<Guid> userIds, DateOnly day, CancellationToken ct)
    {
        if (!settings.FacilitatorsNeedDbs || userIds.Count == 0)
        {
            return [];
        }

        var current = await db.DbsChecks.AsNoTracking().Where(d => userIds.Contains(d.UserId) && d.IssuedOn <= day && d.RenewBy >= day).Select(d => d.UserId).ToListAsync(ct);
        return userIds.Where(id => !current.Contains(id)).ToHashSet();
    }
}
