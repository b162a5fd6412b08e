using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

public static class PersonQueries
{
    /// <summary>
    /// Loads what <see cref="Person"/> keeps for search (names, words and pairs of words), which any change to a name or
    /// alias brings up to date: load it before such a change, or the save adds rows that are already there.
    /// </summary>
    public static IQueryable<Person> IncludeSearchIndex(this IQueryable<Person> people) =>
        people.Include(p => p.SearchNames).Include(p => p.NameWords).Include(p => p.NameWordPairs);
}
