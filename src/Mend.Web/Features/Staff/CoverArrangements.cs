using System.Globalization;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Staff;

/// <summary>
/// Managers setting and ending caseload cover for their team's workers (pages and API alike), and which caseloads a
/// worker covers today (CaseAccess uses it). Setting a cover is serialised per absent worker, so two managers at once
/// can never set overlapping covers.
/// </summary>
public sealed class CoverArrangements(MendDb db, Notifications.Notify notify, TimeProvider clock)
{
    /// <summary>A number of its own for the advisory lock that serialises covers of one caseload (PostgreSQL).</summary>
    private const int LockClass = 0x434f5652; // "COVR"

    public DateOnly Today => clock.LondonToday();

    /// <summary>The workers whose caseloads <paramref name="userId"/> covers on <paramref name="day"/>.</summary>
    public IQueryable<Guid> CoveredBy(Guid userId, DateOnly day) =>
        db.CaseloadCovers.Where(c => c.CoveringUserId == userId && c.EndedEarlyAt == null && c.StartsOn <= day && c.EndsOn >= day).Select(c => c.AbsentUserId);

    /// <summary>The covers of the manager's own team's caseloads: all they may see or change.</summary>
    public IQueryable<CaseloadCover> Visible(ClaimsPrincipal manager)
    {
        var team = Team(manager);
        return db.CaseloadCovers.Where(c => team.Contains(c.AbsentUserId));
    }

    /// <summary>Covers of the manager's team's caseloads that have not ended, or ended in the last 30 days, soonest first.</summary>
    public async Task<List<CaseloadCover>> ListAsync(ClaimsPrincipal manager, CancellationToken ct)
    {
        var since = Today.AddDays(-30);
        return await Visible(manager).AsNoTracking().Where(c => c.EndsOn >= since)
            .OrderBy(c => c.StartsOn).ThenBy(c => c.AbsentName).Take(500).ToListAsync(ct);
    }

    /// <summary>Active practitioners and managers in the manager's team: whose caseload may be covered.</summary>
    public IQueryable<MendUser> TeamWorkers(ClaimsPrincipal manager)
    {
        var team = Team(manager);
        return StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager).Where(u => team.Contains(u.Id));
    }

    /// <summary>Active practitioners and managers in any team: who may cover.</summary>
    public IQueryable<MendUser> Colleagues() => StaffWithRoles.Of(db, Roles.Practitioner, Roles.Manager);

    /// <summary>
    /// Sets a cover (<see cref="CaseloadCover.Problems"/>): the absent worker in the manager's team, the colleague an active
    /// practitioner or manager; both are told. Fields refused are named as the API names them.
    /// </summary>
    public async Task<Outcome<CaseloadCover>> SetAsync(ClaimsPrincipal manager, CaseloadCover.Details details, CancellationToken ct)
    {
        var absent = details.AbsentUserId is { } a ? await TeamWorkers(manager).Where(u => u.Id == a).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        var covering = details.CoveringUserId is { } c ? await Colleagues().Where(u => u.Id == c).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        var errors = new Dictionary<string, string>();
        if (details.AbsentUserId is not null && absent is null)
        {
            errors["absentUserId"] = "Choose a worker in your team";
        }

        if (details.CoveringUserId is not null && covering is null)
        {
            errors["coveringUserId"] = "Choose a practitioner or manager with an active account";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (details.AbsentUserId is { } absentId)
        {
            await LockAsync(absentId, ct);
        }

        var others = details.AbsentUserId is { } id ? await db.CaseloadCovers.AsNoTracking().Where(x => x.AbsentUserId == id && x.EndedEarlyAt == null).ToListAsync(ct) : [];
        foreach (var (field, message) in CaseloadCover.Problems(details, Today, others))
        {
            errors.TryAdd(field, message);
        }

        if (errors.Count > 0)
        {
            return Outcome<CaseloadCover>.Invalid(errors);
        }

        var cover = CaseloadCover.Set(details, absent!, covering!, Today, others, manager.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        db.CaseloadCovers.Add(cover);
        var period = $"from {Day(cover.StartsOn)} to {Day(cover.EndsOn)}";
        notify.InApp(cover.CoveringUserId, $"You are covering {cover.AbsentName}'s caseload {period}", "/Cases?view=covering");
        notify.InApp(cover.AbsentUserId, $"{cover.CoveringName} is covering your caseload {period}", "/Cases");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<CaseloadCover>.Done(cover);
    }

    /// <summary>Ends a cover of the manager's team today (the worker is back early), or withdraws one not yet started.</summary>
    public Task<Outcome<CaseloadCover>> EndAsync(ClaimsPrincipal manager, long id, int version, CancellationToken ct)
    {
        return VersionedChange.RunAsync(db, Visible(manager).Where(c => c.Id == id), version, (cover, _) =>
        {
            cover.EndEarly(Today, manager.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            notify.InApp(cover.CoveringUserId, $"Your cover of {cover.AbsentName}'s caseload has ended", "/Cases");
            notify.InApp(cover.AbsentUserId, $"{cover.CoveringName} is no longer covering your caseload", "/Cases");
        }, Conflicts.Message("this cover"), ct);
    }

    private IQueryable<Guid> Team(ClaimsPrincipal manager)
    {
        var teamId = manager.TeamIdOf();
        return db.Users.Where(u => teamId != null && u.TeamId == teamId).Select(u => u.Id);
    }

    /// <summary>
    /// Holds the absent worker's caseload for this transaction: PostgreSQL's advisory lock; on SQLite an empty write takes
    /// the database's one write lock, so a second cover waits and then sees the first.
    /// </summary>
    private async Task LockAsync(Guid absentUserId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {BitConverter.ToInt32(absentUserId.ToByteArray(), 0)})", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"CaseloadCovers\" SET \"Version\" = \"Version\" WHERE 0", ct);
        }
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
