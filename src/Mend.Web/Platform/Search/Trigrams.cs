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

    /// <summary>
    /// pg_trgm's similarity of two words already normalised (no spaces): their distinct trigrams shared over the union,
    /// from 0 to 1, each word padded with two spaces before it and one after, as pg_trgm pads it. No strings or sets are
    /// made: each word's trigrams are packed three characters to a number, sorted, and the two sorted lists merged.
    /// </summary>
    public static double WordSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        Span<ulong> left = a.Length < 64 ? stackalloc ulong[a.Length + 1] : new ulong[a.Length + 1];
        Span<ulong> right = b.Length < 64 ? stackalloc ulong[b.Length + 1] : new ulong[b.Length + 1];
        left = left[..PackDistinct(a, left)];
        right = right[..PackDistinct(b, right)];
        var (shared, i, j) = (0, 0, 0);
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                (shared, i, j) = (shared + 1, i + 1, j + 1);
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (left.Length + right.Length - shared);
    }

    /// <summary>The word's distinct trigrams, packed three characters to a number and sorted, into <paramref name="into"/>; how many.</summary>
    private static int PackDistinct(ReadOnlySpan<char> word, Span<ulong> into)
    {
        // The padded word is "  " + word + " ": character i of it is a space before the word and after it.
        var count = word.Length + 1;
        for (var i = 0; i < count; i++)
        {
            ulong first = i < 2 ? ' ' : word[i - 2], second = i < 1 ? ' ' : i - 1 < word.Length ? word[i - 1] : ' ', third = i < word.Length ? word[i] : ' ';
            into[i] = (first << 32) | (second << 16) | third;
        }

        var trigrams = into[..count];
        trigrams.Sort();
        var distinct = 1;
        for (var i = 1; i < count; i++)
        {
            if (trigrams[i] != trigrams[distinct - 1])
            {
                trigrams[distinct++] = trigrams[i];
            }
        }

        return distinct;
    }
}
