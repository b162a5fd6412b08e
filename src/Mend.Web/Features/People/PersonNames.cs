using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>People's display names (as <see cref="Person.DisplayName"/>) read in one query, for pages that show who is who.</summary>
public static class PersonNames
{
    /// <summary>A person's name as pages show it (the organisation's, or given and family names), or "" when there is no such person.</summary>
    public static async Task<string> DisplayNameOfAsync(this IQueryable<Person> people, Guid id, CancellationToken ct) =>
        await people.Where(p => p.Id == id).Select(p => p.OrganisationName ?? (p.GivenName + " " + p.FamilyName)).SingleOrDefaultAsync(ct) ?? "";

    public static async Task<Dictionary<Guid, string>> OfAsync(MendDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id))
            .Select(p => new { p.Id, p.Kind, p.OrganisationName, p.GivenName, p.FamilyName })
            .ToListAsync(ct);
        return rows.ToDictionary(p => p.Id, p => Of(p.Kind, p.OrganisationName, p.GivenName, p.FamilyName));
    }

    /// <summary>A name as pages show it, from the columns a query read: the organisation's name, or given and family names.</summary>
    public static string Of(PersonKind kind, string? organisationName, string? givenName, string? familyName) =>
        kind == PersonKind.Organisation ? organisationName ?? "" : FullName(givenName, familyName);

    /// <summary>"Given Family", or the one name a person has (many people have only one).</summary>
    public static string FullName(string? given, string? family) => $"{given} {family}".Trim();

    public static async Task<string> OfAsync(MendDb db, Guid id, CancellationToken ct) =>
        (await OfAsync(db, [id], ct)).GetValueOrDefault(id, "");
}
