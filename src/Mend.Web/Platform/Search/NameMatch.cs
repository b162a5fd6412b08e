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
    /// </summary>
    public static double Score(string normalisedQuery, string normalisedName)
    {
        var score = ScoreWords(normalisedQuery, normalisedName);
        var (query, name) = (JoinParticles(normalisedQuery), JoinParticles(normalisedName));
        return query == normalisedQuery && name == normalisedName ? score : Math.Max(score, ScoreWords(query, name));
    }

    /// <summary>"o tierney" becomes "otierney": a one-letter word joined to the word after it.</summary>
    public static string JoinParticles(string normalised)
    {
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Take(words.Length - 1).All(w => w.Length > 1))
        {
            return normalised;
        }

        var joined = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            joined.Add(words[i].Length == 1 && i + 1 < words.Length ? words[i] + words[++i] : words[i]);
        }

        return string.Join(' ', joined);
    }

    private static double ScoreWords(string normalisedQuery, string normalisedName)
    {
        var queryWords = normalisedQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nameWords = normalisedName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (queryWords.Length == 0 || nameWords.Length == 0)
        {
            return 0;
        }

        var total = 0.0;
        foreach (var queryWord in queryWords)
        {
            total += nameWords.Max(nameWord => WordScore(queryWord, nameWord));
        }

        return total / queryWords.Length;
    }

    /// <summary>The best score over the query's nickname variants.</summary>
    public static double BestScore(IEnumerable<string> queryVariants, string normalisedName) =>
        queryVariants.Max(q => Score(q, normalisedName));

    public static double WordScore(string typed, string recorded)
    {
        if (typed == recorded)
        {
            return 1;
        }

        var longest = Math.Max(typed.Length, recorded.Length);
        var edits = 1.0 - (double)EditDistance(typed, recorded) / longest;
        var trigram = Trigrams.Similarity(typed, recorded);
        var prefix = typed.Length >= 3 && recorded.StartsWith(typed, StringComparison.Ordinal) ? 0.8 : 0;
        return Math.Max(edits, Math.Max(trigram, prefix));
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
