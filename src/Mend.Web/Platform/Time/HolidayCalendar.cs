using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Time;

/// <summary>
/// The working days in force: the shipped list plus the days administrators have added. Read from the database at most
/// once a minute per node (and at once on the node where a day was added or removed), so every node counts deadlines
/// with a newly proclaimed holiday within a minute of it being added.
/// </summary>
public sealed class HolidayCalendar(TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile WorkingDays _current = WorkingDays.Shipped;
    private DateTime? _loadedAt;

    public async Task<WorkingDays> CurrentAsync(MendDb db, CancellationToken ct)
    {
        if (_loadedAt is { } at && clock.GetUtcNow().UtcDateTime - at < RefreshAfter)
        {
            return _current;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_loadedAt is not { } loaded || clock.GetUtcNow().UtcDateTime - loaded >= RefreshAfter)
            {
                await ReloadAsync(db, ct);
            }
        }
        finally
        {
            _loading.Release();
        }

        return _current;
    }

    /// <summary>Reads the added days again now (after an administrator's change on this node).</summary>
    public async Task ReloadAsync(MendDb db, CancellationToken ct)
    {
        var added = await db.ProclaimedHolidays.AsNoTracking().Select(h => new { h.Jurisdiction, h.Date }).ToListAsync(ct);
        _current = WorkingDays.Shipped.With(added.Select(h => (h.Jurisdiction, h.Date)));
        _loadedAt = clock.GetUtcNow().UtcDateTime;
    }
}
