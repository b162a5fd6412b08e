namespace Mend.Bench;

/// <summary>
/// The ways the generator makes surnames beyond the real lists: joining name elements (Ash + worth, Ade + yemi, Kowal +
/// czyk), pairing surnames (Smith-Jones, Gonçalves de Freitas), and Markov chains learnt from a language's list.
/// </summary>
public static class NameForms
{
    /// <summary>Heads joined to tails in a shuffled order (Ash + worth, Ade + yemi), skipping joins that stack letters awkwardly.</summary>
    public static IEnumerable<string> Compose(Random random, IReadOnlyList<string> heads, IReadOnlyList<string> tails)
    {
        var pairs = heads.SelectMany(h => tails.Select(t => (h, t))).ToList();
        foreach (var (head, tail) in Shuffle(pairs, random))
        {
            if (Join(head, tail) is { } joined)
            {
                yield return joined;
            }
        }
    }

    /// <summary>
    /// Two surnames joined (Smith-Jones; García López; Gonçalves de Freitas), each drawn with a bias to the front of the list,
    /// so the combinations of common names come first. Endless: the tail's count ends it.
    /// </summary>
    public static IEnumerable<string> DoubleBarrelled(Random random, IReadOnlyList<string> names, string joiner)
    {
        while (true)
        {
            var first = names[(int)(names.Count * Math.Pow(random.NextDouble(), 2))];
            var second = names[(int)(names.Count * Math.Pow(random.NextDouble(), 2))];
            if (first != second && !char.IsLower(first[0]))
            {
                yield return first + joiner + second;
            }
        }
    }

    /// <summary>A Markov chain's names, learnt from <paramref name="names"/>; at most 40 tries for each name wanted.</summary>
    public static Func<Random, IEnumerable<string>> Markov(IEnumerable<string> names, int order)
    {
        var chain = new NameMarkov(names, order);
        return random => Enumerable.Range(0, int.MaxValue).Select(_ => chain.Next(random)).Where(n => n is not null).Select(n => n!);
    }

    /// <summary>The stems of the names that end in one of <paramref name="endings"/> (longest ending first): Kowalczyk → Kowal.</summary>
    public static List<string> StemsOf(IEnumerable<string> names, IReadOnlyList<string> endings) =>
        names.Select(n => endings.OrderByDescending(e => e.Length).FirstOrDefault(e => n.EndsWith(e, StringComparison.Ordinal) && n.Length - e.Length >= 3) is { } e ? n[..^e.Length] : null)
            .Where(s => s is not null && s.All(char.IsLetter))
            .Select(s => s!)
            .Distinct()
            .ToList();

    /// <summary>
    /// head + tail, or null where the join would stack letters: the same consonant twice, four consonants or three vowels in a row,
    /// or a syllable said twice (Hopkin + kins). A vowel that ends the head and begins the tail is written once (Siva + ananthan → Sivananthan).
    /// </summary>
    public static string? Join(string head, string tail)
    {
        if (tail.Length >= 3 && head.EndsWith(tail[..3], StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var last = char.ToLowerInvariant(head[^1]);
        var first = char.ToLowerInvariant(tail[0]);
        var joined = last == first && IsVowel(last) ? head + tail[1..] : head + tail;
        if (last == first && !IsVowel(last))
        {
            return null;
        }

        var consonants = 0;
        var vowels = 0;
        foreach (var c in joined.ToLowerInvariant())
        {
            consonants = IsVowel(c) || !char.IsLetter(c) ? 0 : consonants + 1;
            vowels = IsVowel(c) ? vowels + 1 : 0;
            if (consonants >= 4 || vowels >= 3)
            {
                return null;
            }
        }

        return joined;
    }

    /// <summary>A Fisher–Yates shuffle with the given random, for lists that come in alphabetical order.</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static bool IsVowel(char c) => "aeiouyáàâäãåéèêëíìîïóòôöõúùûüýąęėįųūěůőűăâîœæøə".Contains(c);
}
