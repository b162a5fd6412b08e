using Mend.Web.Data;
using Mend.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Partners;

/// <summary>Reading the partner directory (pages and API): search by name or service, by sector; one partner with its agreements and open activities.</summary>
public sealed class PartnerDirectory(MendDb db, TimeProvider clock)
{
    public const int MaxQueryLength = 100;

    /// <summary>An information-sharing agreement with the partner: its purpose and dates only.</summary>
    public sealed record AgreementSummary(Guid Id, string Purpose, DateOnly StartsOn, DateOnly EndsOn, bool InForce);

    /// <summary>Partners in use whose name or services contain <paramref name="query"/> (case-insensitive), of <paramref name="sector"/> when given; by name, at most 200.</summary>
    public async Task<List<PartnerAgency>> SearchAsync(string? query, PartnerSector? sector, CancellationToken ct)
    {
        var partners = db.PartnerAgencies.AsNoTracking().Where(p => p.IsActive);
        if (sector is { } s)
        {
            partners = partners.Where(p => p.Sector == s);
        }

        var text = query?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + text.ToLower().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            partners = partners.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\") || EF.Functions.Like(p.Services.ToLower(), pattern, "\\"));
        }

        return await partners.OrderBy(p => p.Name).Take(200).ToListAsync(ct);
    }

    public Task<PartnerAgency?> OneAsync(int id, CancellationToken ct) => db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The information-sharing agreements that name the partner, in force first.</summary>
    public async Task<List<AgreementSummary>> AgreementsAsync(int id, CancellationToken ct)
    {
        var today = Platform.Time.London.DateOf(clock.GetUtcNow().UtcDateTime);
        var agreements = await db.Set<DataProtection.SharingAgreement>().AsNoTracking().Where(a => a.PartnerAgencyId == id)
            .Select(a => new { a.Id, a.Purpose, a.StartsOn, a.EndsOn, a.EndedAt }).ToListAsync(ct);
        return agreements.Select(a => new AgreementSummary(a.Id, a.Purpose, a.StartsOn, a.EndsOn, a.EndedAt is null && a.StartsOn <= today && today <= a.EndsOn))
            .OrderByDescending(a => a.InForce).ThenByDescending(a => a.EndsOn).ToList();
    }

    /// <summary>How many intervention-plan activities the partner is delivering now (not completed or stopped).</summary>
    public Task<int> OpenActivitiesAsync(int id, CancellationToken ct) =>
        db.Set<PlanActivity>().CountAsync(a => a.AgencyId == id && a.Progress != ActivityProgress.Completed && a.Progress != ActivityProgress.Stopped, ct);
}
