namespace Mend.Web.Platform.Search;

/// <summary>
/// How likely a typed name is to mean a recorded one, from 0 to 1. Each typed word is matched with
/// the closest recorded word, by trigram similarity or by edit distance with transpositions
/// (so "Jonh Smiht" finds "John Smith"), and a typed word at the start of a recorded one counts
/// as a good match ("Jon" for "Jonathan"). Word order does not matter.
/// </summary>
public static class NameMatch
{
    /// <summary>Scores at or above this are shown as search results.</summary>
    public const double SearchThreshold = 0.6;

    /// <summary>Scores at or above this, with a matching date of birth, are shown as likely duplicates.</summary>
    public const double DuplicateThreshold = 0.75;

    /// <summary>
    /// The better of the words as written and the words with each one-letter word joined to the next, so "O Tierney",
    /// "OTierney" and "O'Tierney" (and "D Souza", "DSouza", "D'Souza") match each other fully.
    /// Both are normalised (<see cref="Trigrams.Normalise"/>): lower-case words separated by single spaces.
    /// </summary>
    public static double Score(string normalisedQuery, string normalisedName)
    {
        var score = ScoreWords(normalisedQuery, normalisedName);
        var (query, name) = (JoinParticles(normalisedQuery), JoinParticles(normalisedName));
        return query == normalisedQuery && name == normalisedName ? score : Math.Max(score, ScoreWords(query, name));
    }

    /// <summary>"o tierney" becomes "otierney": a one-letter word joined to the word after it. The same string when there is none.</summary>
    public static string JoinParticles(string normalised)
    {
        if (!HasParticle(normalised))
        {
            return normalised;
        }

        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            joined.Add(words[i].Length == 1 && i + 1 < words.Length ? words[i] + words[++i] : words[i]);
        }

        return string.Join(' ', joined);
    }

    /// <summary>Whether a one-letter word comes before another word.</summary>
    private static bool HasParticle(string normalised)
    {
        var particle = false;
        foreach (var range in normalised.AsSpan().Split(' '))
        {
            var length = range.End.Value - range.Start.Value;
            if (length == 0)
            {
                continue;
            }

            if (particle)
            {
                return true;
            }

            particle = length == 1;
        }

        return false;
    }

    private static double ScoreWords(string normalisedQuery, string normalisedName)
    {
        var query = normalisedQuery.AsSpan();
        var name = normalisedName.AsSpan();
        var (total, queryWords) = (0.0, 0);
        foreach (var q in query.Split(' '))
        {
            var queryWord = query[q];
            if (queryWord.IsEmpty)
            {
                continue;
            }

            queryWords++;
            var best = double.MinValue;
            foreach (var n in name.Split(' '))
            {
                if (!name[n].IsEmpty)
                {
                    best = Math.Max(best, WordScore(queryWord, name[n]));
                }
            }

            if (best == double.MinValue)
            {
                return 0;
            }

            total += best;
        }

        return queryWords == 0 ? 0 : total / queryWords;
    }

    /// <summary>The best score over the query's nickname variants.</summary>
    public static double BestScore(IEnumerable<string> queryVariants, string normalisedName)
    {
        var best = double.MinValue;
        foreach (var query in queryVariants)
        {
            best = Math.Max(best, Score(query, normalisedName));
        }

        return best == double.MinValue ? throw new InvalidOperationException("A query has at least itself as a variant.") : best;
    }

    /// <summary>How close two normalised words are, from 0 to 1: the best of edit distance, trigram similarity and, for a typed
    /// word of three letters or more that begins the recorded one, 0.8.</summary>
    public static double WordScore(string typed, string recorded) => WordScore(typed.AsSpan(), recorded.AsSpan());

    private static double WordScore(ReadOnlySpan<char> typed, ReadOnlySpan<char> recorded)
    {
        if (typed.SequenceEqual(recorded))
        {
            return 1;
        }

        var longest = Math.Max(typed.Length, recorded.Length);
        var edits = 1.0 - (double)EditDistance(typed, recorded) / longest;
        var trigram = Trigrams.WordSimilarity(typed, recorded);
        var prefix = typed.Length >= 3 && recorded.StartsWith(typed, StringComparison.Ordinal) ? 0.8 : 0;
        return Math.Max(edits, Math.Max(trigram, prefix));
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int EditDistance(string a, string b) => EditDistance(a.AsSpan(), b.AsSpan());

    private static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Three rows of the table (this one, the one before, and the one before that for swaps), not the whole table;
        // each row's place in the span turns round, so no row is copied.
        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var (before2, before, row) = (0, width, 2 * width);
        for (var j = 0; j < width; j++)
        {
            rows[before + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[row] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(rows[before + j] + 1, rows[row + j - 1] + 1), rows[before + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, rows[before2 + j - 2] + 1);
                }

                rows[row + j] = d;
            }

            (before2, before, row) = (before, row, before2);
        }

        return rows[before + width - 1];
    }
}
