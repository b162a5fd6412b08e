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
    /// <summary>Lower case, accents removed, anything but letters and digits turned into single spaces.</summary>
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
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
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
