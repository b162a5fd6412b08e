using System.Data.Common;
using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mend.Web.Features.People;

/// <summary>
/// Finds people by name (forgiving misspellings, transposed and missing letters, nicknames and aliases),
/// date of birth, postcode or case reference. On PostgreSQL pg_trgm's GIN index picks the candidates;
/// on SQLite every name is scored by mend_name_match(). Both rank with <see cref="NameMatch"/>.
/// </summary>
public sealed class PersonSearch(MendDb db, DatabaseSettings settings, CaseAccess access)
{
    public const int PageSize = 20;
    private const int MaxCandidates = 500;

    public sealed record Criteria(string? Name, DateOnly? DateOfBirth, string? Postcode, string? CaseReference)
    {
        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(CaseReference);
    }

    /// <summary>One result. A restricted person shows only that they exist, so nobody creates a duplicate.</summary>
    public sealed record Row(Guid Id, bool Restricted, string Name, DateOnly? DateOfBirth, string? Postcode, double Score, IReadOnlyList<FlagType> Flags);

    public sealed record Results(IReadOnlyList<Row> Rows, int Total, int PageNumber)
    {
        public int PageCount => (Total + PageSize - 1) / PageSize;
    }

    public async Task<Results> SearchAsync(Criteria criteria, ClaimsPrincipal user, int pageNumber, CancellationToken ct)
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

        var visible = access.VisiblePeople(user).Select(p => p.Id);
        var found = await people
            .OrderBy(p => p.FamilyName ?? p.OrganisationName).ThenBy(p => p.GivenName)
            .Take(MaxCandidates)
            .Select(p => new
            {
                p.Id, p.Kind, p.GivenName, p.FamilyName, p.OrganisationName, p.DateOfBirth,
                Postcode = p.Addresses.Where(a => a.To == null).Select(a => a.Postcode).FirstOrDefault(),
                Flags = p.Flags.Where(f => f.RemovedAt == null).Select(f => f.Type).ToList(),
                Visible = visible.Contains(p.Id),
            })
            .ToListAsync(ct);

        var rows = found
            .Select(p => p.Visible
                ? new Row(p.Id, false, p.Kind == PersonKind.Organisation ? p.OrganisationName ?? "" : $"{p.GivenName} {p.FamilyName}",
                    p.DateOfBirth, p.Postcode, scores?.GetValueOrDefault(p.Id) ?? 1, p.Flags)
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

    /// <summary>Person id → best name score at or above the search threshold.</summary>
    public async Task<Dictionary<Guid, double>> ScoreNamesAsync(string normalisedName, CancellationToken ct)
    {
        var variants = Nicknames.Expand(normalisedName);
        var candidates = settings.Provider == DatabaseProvider.Postgres
            ? await PostgresCandidatesAsync(variants, ct)
            : await SqliteCandidatesAsync(variants, ct);
        return candidates
            .Select(c => (c.PersonId, Score: NameMatch.BestScore(variants, c.Text)))
            .Where(c => c.Score >= NameMatch.SearchThreshold)
            .GroupBy(c => c.PersonId)
            .ToDictionary(g => g.Key, g => g.Max(c => c.Score));
    }

    private async Task<List<(Guid PersonId, string Text)>> SqliteCandidatesAsync(IReadOnlyList<string> variants, CancellationToken ct)
    {
        var queries = string.Join('|', variants);
        var threshold = NameMatch.SearchThreshold;
        var rows = await db.PersonSearchNames
            .FromSql($"SELECT * FROM \"PersonSearchNames\" WHERE mend_name_match({queries}, \"Text\") >= {threshold}")
            .AsNoTracking()
            .Select(n => new { n.PersonId, n.Text })
            .Take(MaxCandidates * 4)
            .ToListAsync(ct);
        return rows.Select(r => (r.PersonId, r.Text)).ToList();
    }

    /// <summary>
    /// Candidates whose name is trigram-similar to a variant, or contains a word similar to one of its
    /// words; the thresholds are lowered for this transaction so two slips in one name still match.
    /// </summary>
    private async Task<List<(Guid PersonId, string Text)>> PostgresCandidatesAsync(IReadOnlyList<string> variants, CancellationToken ct)
    {
        var words = variants.SelectMany(v => v.Split(' ')).Where(w => w.Length >= 3).Distinct().ToList();
        var parameters = new List<DbParameter>();
        var conditions = new List<string>();
        foreach (var variant in variants)
        {
            parameters.Add(new NpgsqlParameter($"v{parameters.Count}", variant));
            conditions.Add($"\"Text\" % @v{parameters.Count - 1}");
        }

        foreach (var word in words)
        {
            parameters.Add(new NpgsqlParameter($"v{parameters.Count}", word));
            conditions.Add($"@v{parameters.Count - 1} <% \"Text\"");
        }

        var sql = $"SELECT * FROM \"PersonSearchNames\" WHERE {string.Join(" OR ", conditions)}";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var owned = db.Database.CurrentTransaction is null;
            var transaction = owned ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL pg_trgm.similarity_threshold = 0.2; SET LOCAL pg_trgm.word_similarity_threshold = 0.4;", ct);
                var rows = await db.PersonSearchNames.FromSqlRaw(sql, [.. parameters]).AsNoTracking()
                    .Select(n => new { n.PersonId, n.Text })
                    .Take(MaxCandidates * 4)
                    .ToListAsync(ct);
                return rows.Select(r => (r.PersonId, r.Text)).ToList();
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(ct);
                    await transaction.DisposeAsync();
                }
            }
        });
    }
}
