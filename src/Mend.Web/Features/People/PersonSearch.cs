using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Search;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

/// <summary>
/// Finds people by name (forgiving misspellings, transposed and missing letters, nicknames and aliases),
/// date of birth, postcode or case reference, the same way on PostgreSQL and SQLite (decision 0004).
/// </summary>
public sealed class PersonSearch(MendDb db, CaseAccess access, WordIndex words)
{
    public const int PageSize = 20;
    private const int MaxCandidates = 500;

    /// <summary>
    /// Nicknames this long or longer are matched forgivingly too ("Bill" finds "Wiliam"); shorter ones only as written, since a
    /// word of three or four letters is a letter away from dozens of others ("Hal": "Hall", "Hale", "Ham").
    /// </summary>
    private const int NicknameTypoLength = 5;

    /// <summary>
    /// At most this many pairs of close words are looked up for two typed words: each is an index probe of about 1.5 µs in
    /// PostgreSQL, as much as reading 15 of one word's people, so 4,000 cost about what "Jack" and its 133 close words and
    /// completions (88,000 people) cost read word by word. Two typed words with more pairings than this (two short
    /// common ones with hundreds of completions each) are matched word by word.
    /// </summary>
    private const int MaxPairKeys = 4000;

    public sealed record Criteria(string? Name, DateOnly? DateOfBirth, string? Postcode, string? CaseReference)
    {
        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(CaseReference);

        /// <summary>Field → message for terms longer than anything recorded could be (a name of 100 characters at most).</summary>
        public Dictionary<string, string> Errors()
        {
            var errors = new Dictionary<string, string>();
            Add(errors, nameof(Name), TextInput.TooLong(Name?.Trim(), TextLimits.SearchTerm, "Name"));
            Add(errors, nameof(Postcode), TextInput.TooLong(Postcode?.Trim(), 16, "Postcode"));
            Add(errors, nameof(CaseReference), TextInput.TooLong(CaseReference?.Trim(), 30, "Case reference"));
            return errors;
        }

        private static void Add(Dictionary<string, string> errors, string field, string? message)
        {
            if (message is not null)
            {
                errors[field] = message;
            }
        }
    }

    /// <summary>One result. A restricted person shows only that they exist, so nobody creates a duplicate.</summary>
    public sealed record Row(Guid Id, bool Restricted, string Name, DateOnly? DateOfBirth, string? Postcode, double Score, IReadOnlyList<FlagType> Flags);

    public sealed record Results(IReadOnlyList<Row> Rows, int Total, int PageNumber)
    {
        public int PageCount => (Total + PageSize - 1) / PageSize;
    }

    /// <param name="everyone">
    /// True for a data protection officer answering for the service (subject access, holds): every person is shown, whoever's
    /// cases they are on; otherwise people the user may not see are shown as "Restricted record".
    /// </param>
    public async Task<Results> SearchAsync(Criteria criteria, ClaimsPrincipal user, int pageNumber, CancellationToken ct, bool everyone = false)
    {
        if (criteria.IsEmpty)
        {
            return new Results([], 0, 1);
        }

        IQueryable<Person> people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null);
        Dictionary<Guid, double>? scores = null;
        if (Trigrams.Normalise(criteria.Name) is { Length: > 0 } name)
        {
            scores = await ScoreNamesAsync(name, ct);
            // Keep the best-scoring people, so the cut below never drops a better match for a worse one.
            var ids = scores.OrderByDescending(s => s.Value).Take(MaxCandidates).Select(s => s.Key).ToList();
            people = people.Where(p => ids.Contains(p.Id));
        }

        if (criteria.DateOfBirth is { } born)
        {
            people = people.Where(p => p.DateOfBirth == born);
        }

        if (AddressDetails.PostcodeKeyOf(criteria.Postcode) is { } postcode)
        {
            people = people.Where(p => p.Addresses.Any(a => a.PostcodeKey == postcode));
        }

        if (!string.IsNullOrWhiteSpace(criteria.CaseReference))
        {
            var reference = criteria.CaseReference.Trim().ToUpperInvariant();
            people = people.Where(p => db.CaseParticipants.Any(cp => cp.PersonId == p.Id
                && db.Cases.Any(c => c.Id == cp.CaseId && c.Reference == reference)));
        }

        // Whether the user may see each person is asked in the same query, for the people found only, not for everyone.
        var visible = everyone ? db.People : access.VisiblePeople(user);
        var ordered = people.OrderBy(p => p.FamilyName ?? p.OrganisationName).ThenBy(p => p.GivenName).Take(MaxCandidates);
        List<Found> found;
        if (scores is null || scores.Count <= PageSize)
        {
            // A page or less: everything shown, in one query.
            found = await ordered.Select(p => new Found(p.Id, p.Kind, p.GivenName, p.FamilyName, p.OrganisationName, p.DateOfBirth,
                    visible.Any(v => v.Id == p.Id),
                    p.Addresses.Where(a => a.To == null).Select(a => a.Postcode).FirstOrDefault(),
                    p.Flags.Where(f => f.RemovedAt == null).Select(f => f.Type).ToList()))
                .ToListAsync(ct);
            return PageOf(found, scores, pageNumber);
        }

        // Up to 500 people for a common name: what ranks them for all, then the address and flags for the page shown only.
        found = await ordered.Select(p => new Found(p.Id, p.Kind, p.GivenName, p.FamilyName, p.OrganisationName, p.DateOfBirth,
                visible.Any(v => v.Id == p.Id), null, null))
            .ToListAsync(ct);
        var results = PageOf(found, scores, pageNumber);
        var shown = results.Rows.Where(r => !r.Restricted).Select(r => r.Id).ToList();
        if (shown.Count == 0)
        {
            return results;
        }

        var details = await db.People.AsNoTracking().Where(p => shown.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Postcode = p.Addresses.Where(a => a.To == null).Select(a => a.Postcode).FirstOrDefault(),
                Flags = p.Flags.Where(f => f.RemovedAt == null).Select(f => f.Type).ToList(),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        return results with
        {
            Rows = results.Rows.Select(r => details.TryGetValue(r.Id, out var d) ? r with { Postcode = d.Postcode, Flags = d.Flags } : r).ToList(),
        };
    }

    /// <summary>A person found, with what ranks them; <see cref="Postcode"/> and <see cref="Flags"/> only when read.</summary>
    private sealed record Found(Guid Id, PersonKind Kind, string? GivenName, string? FamilyName, string? OrganisationName,
        DateOnly? DateOfBirth, bool Visible, string? Postcode, List<FlagType>? Flags);

    /// <summary>
    /// Ranks the people found (score to two places, then those the user may see, then name) and takes the page asked for,
    /// within the pages there are. A person the user may not see is "Restricted record", with nothing else.
    /// </summary>
    private static Results PageOf(List<Found> found, Dictionary<Guid, double>? scores, int pageNumber)
    {
        var rows = found
            .Select(p => p.Visible
                ? new Row(p.Id, false, PersonNames.Of(p.Kind, p.OrganisationName, p.GivenName, p.FamilyName),
                    p.DateOfBirth, p.Postcode, scores?.GetValueOrDefault(p.Id) ?? 1, p.Flags ?? [])
                : new Row(p.Id, true, "Restricted record", null, null, scores?.GetValueOrDefault(p.Id) ?? 1, []))
            .OrderByDescending(r => Math.Round(r.Score, 2))
            .ThenBy(r => r.Restricted)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var pageCount = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        return new Results(rows.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToList(), rows.Count, pageNumber);
    }

    /// <summary>People already on Mend who are probably the one about to be created, best first.</summary>
    public async Task<IReadOnlyList<Row>> LikelyDuplicatesAsync(PersonDetails details, ClaimsPrincipal user, CancellationToken ct)
    {
        var name = Trigrams.Normalise(details.Kind == PersonKind.Organisation ? details.OrganisationName : $"{details.GivenName} {details.FamilyName}");
        if (name.Length == 0)
        {
            return [];
        }

        var results = await SearchAsync(new Criteria(name, null, null, null), user, 1, ct);
        return results.Rows
            .Where(r => r.Score >= NameMatch.DuplicateThreshold
                && (details.DateOfBirth is null || r.Restricted || r.DateOfBirth is null || r.DateOfBirth == details.DateOfBirth))
            .Take(5)
            .ToList();
    }

    /// <summary>
    /// Person id → best name score at or above the search threshold. Each typed word (and its nickname
    /// variants) is matched against the vocabulary of recorded name words; the candidates are the people
    /// with a close word for every typed word; their full names are then scored with <see cref="NameMatch"/>.
    /// </summary>
    public async Task<Dictionary<Guid, double>> ScoreNamesAsync(string normalisedName, CancellationToken ct)
    {
        // Initials narrow nothing down on their own; they still count when the full names are scored.
        var allWords = normalisedName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var typedWords = (allWords.Any(w => w.Length >= 2) ? allWords.Where(w => w.Length >= 2) : allWords).Take(5).ToList();
        await words.EnsureLoadedAsync(() => db.NameWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct), () => db.NameWords.CountAsync(ct));
        var closeWords = new List<List<string>>();
        foreach (var typed in typedWords)
        {
            // What was typed may be misspelt or the start of a name; its nicknames are whole words, never started.
            var variants = Nicknames.VariantsOf(typed);
            var nicknames = variants.Where(v => v != typed && v.Length >= NicknameTypoLength).ToList();
            // The variants themselves always count, so a name saved a moment ago on another node is found when typed right.
            var close = words.Close([typed]).Union(words.Close(nicknames, completions: false)).Union(variants).ToList();
            closeWords.Add(close);
        }

        // The candidates are a subquery of the names' query: one round trip, not one for the ids and another for their names.
        var ids = CandidatesOf(closeWords).Take(MaxCandidates);
        var names = await db.PersonSearchNames.AsNoTracking().Where(n => ids.Contains(n.PersonId))
            .Select(n => new { n.PersonId, n.Text }).ToListAsync(ct);
        var variantsOfQuery = Nicknames.Expand(normalisedName);
        return names
            .Select(n => (n.PersonId, Score: NameMatch.BestScore(variantsOfQuery, n.Text)))
            .Where(n => n.Score >= NameMatch.SearchThreshold)
            .GroupBy(n => n.PersonId)
            .ToDictionary(g => g.Key, g => g.Max(n => n.Score));
    }

    /// <summary>
    /// Ids of the people with a close word for every typed word (each list in <paramref name="closeWords"/> is one typed
    /// word's), each once. Two typed words whose close words have none in common are looked up together in
    /// <see cref="PersonNameWordPair"/>, every pairing of their close words a key, so "Olivia Johnson" reads the few hundred
    /// people with both names rather than the 60,000 with either; the same people, since a person has the pair exactly when
    /// they have a word from each list and the two words differ. Any other typed word, or all of them when no two lists are
    /// apart or their pairings would be too many, is matched word by word.
    /// </summary>
    private IQueryable<Guid> CandidatesOf(List<List<string>> closeWords)
    {
        IQueryable<Guid> ids;
        var rest = closeWords;
        if (PairedLists(closeWords) is var (first, second))
        {
            var keys = closeWords[first].SelectMany(a => closeWords[second].Select(b => PersonNameWordPair.Of(a, b))).Distinct().ToList();
            ids = db.PersonNameWordPairs.Where(p => keys.Contains(p.Pair)).Select(p => p.PersonId);
            rest = closeWords.Where((_, i) => i != first && i != second).ToList();
        }
        else
        {
            var words = closeWords[0];
            ids = db.PersonNameWords.Where(w => words.Contains(w.Word)).Select(w => w.PersonId);
            rest = closeWords.Skip(1).ToList();
        }

        foreach (var others in rest)
        {
            ids = ids.Where(id => db.PersonNameWords.Any(o => o.PersonId == id && others.Contains(o.Word)));
        }

        return ids.Distinct();
    }

    /// <summary>
    /// The two typed words to look up as pairs: of those whose close words have none in common, the two with the fewest
    /// pairings (fewest keys to look up; a short typed word has many close words, a long rare one few), or none when that is
    /// over <see cref="MaxPairKeys"/>.
    /// </summary>
    private static (int First, int Second)? PairedLists(List<List<string>> closeWords)
    {
        (int First, int Second)? best = null;
        var fewest = MaxPairKeys + 1;
        for (var i = 0; i < closeWords.Count; i++)
        {
            for (var j = i + 1; j < closeWords.Count; j++)
            {
                var keys = closeWords[i].Count * closeWords[j].Count;
                if (keys < fewest && !closeWords[i].Intersect(closeWords[j], StringComparer.Ordinal).Any())
                {
                    (best, fewest) = ((i, j), keys);
                }
            }
        }

        return best;
    }
}
