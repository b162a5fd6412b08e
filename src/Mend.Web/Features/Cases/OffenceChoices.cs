using Mend.Web.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>The offences a practitioner can choose from, by category, with their gravity scores.</summary>
public static class OffenceChoices
{
    public static async Task<IReadOnlyList<SelectListItem>> LoadAsync(MendDb db, CancellationToken ct) =>
        [new SelectListItem("Choose the offence", ""), .. await db.OffenceTypes.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.Category).ThenBy(t => t.Name)
            .Select(t => new SelectListItem(t.Category + ": " + t.Name + " (gravity " + t.GravityScore + ")", t.Id.ToString()))
            .ToListAsync(ct)];
}
