using System.Globalization;
using System.Text;

namespace Mend.Web.Platform.Search;

/// <summary>
/// Name matching that forgives misspellings, transposed and missing letters: the trigram similarity of
/// PostgreSQL's pg_trgm (shared three-letter pieces over all pieces of both words), computed in C# so
/// that SQLite gives the same answers as PostgreSQL's indexed search.
/// </summary>
public static class Trigrams
{
    /// <summary>
    /// Letters that Unicode does not decompose into a base letter and an accent, folded as people spell them in
    /// English records: Straußberger is Straussberger, Søren is Soren, Łukasz is Lukasz.
    /// </summary>
    private static readonly Dictionary<char, string> Folds = new()
    {
        ['ß'] = "ss",
        ['ẞ'] = "ss",
        ['ø'] = "o",
        ['Ø'] = "o",
        ['æ'] = "ae",
        ['Æ'] = "ae",
        ['œ'] = "oe",
        ['Œ'] = "oe",
        ['ł'] = "l",
        ['Ł'] = "l",
        ['đ'] = "d",
        ['Đ'] = "d",
        ['ð'] = "d",
        ['Ð'] = "d",
        ['þ'] = "th",
        ['Þ'] = "th",
        ['ı'] = "i",
        ['ħ'] = "h",
        ['Ħ'] = "h",
        ['ŧ'] = "t",
        ['Ŧ'] = "t",
        ['ŀ'] = "l",
        ['Ŀ'] = "l",
        ['ĳ'] = "ij",
        ['Ĳ'] = "ij",
    };

    /// <summary>
    /// Apostrophes in all their forms (typewriter, curly, modifier letter, prime, backtick, full width), dropped within
    /// a word: O'Tierney, O’Tierney and OʼTierney are all otierney.
    /// </summary>
    private const string Apostrophes = "'’‘ʼʻ`´′＇";

    /// <summary>
    /// Lower case, accents removed, letters such as ß, ø, æ and ł folded, apostrophes dropped, anything else that is
    /// not a letter or digit turned into single spaces. Used for matching only; names are kept as typed.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || Apostrophes.Contains(c))
            {
                continue;
            }

            if (Folds.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
                lastWasSpace = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>pg_trgm's trigram set: each word padded with two spaces before and one after.</summary>
    public static HashSet<string> Of(string normalised)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = "  " + word + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                set.Add(padded.Substring(i, 3));
            }
        }

        return set;
    }

    /// <summary>pg_trgm's similarity(a, b): shared trigrams over the union, from 0 to 1.</summary>
    public static double Similarity(string a, string b)
    {
        var left = Of(Normalise(a));
        var right = Of(Normalise(b));
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }
}
