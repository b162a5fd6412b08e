using System.Reflection;

namespace Mend.Web.Platform.Search;

/// <summary>The shipped list of given names and their familiar forms (nicknames.txt), for name search.</summary>
public static class Nicknames
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Groups = new(Load);

    /// <summary>The name itself and every name it is a familiar form of, or that is a familiar form of it.</summary>
    public static IReadOnlySet<string> VariantsOf(string normalisedWord) =>
        Groups.Value.TryGetValue(normalisedWord, out var variants) ? variants : new HashSet<string> { normalisedWord };

    /// <summary>The query with each word swapped in turn for its variants (at most <paramref name="limit"/> queries, the query itself first).</summary>
    public static IReadOnlyList<string> Expand(string normalisedQuery, int limit = 8)
    {
        var words = normalisedQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var queries = new List<string> { normalisedQuery };
        for (var i = 0; i < words.Length && queries.Count < limit; i++)
        {
            foreach (var variant in VariantsOf(words[i]).Where(v => v != words[i]).Order())
            {
                var copy = (string[])words.Clone();
                copy[i] = variant;
                queries.Add(string.Join(' ', copy));
                if (queries.Count >= limit)
                {
                    break;
                }
            }
        }

        return queries;
    }

    private static Dictionary<string, HashSet<string>> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mend.Nicknames")
            ?? throw new InvalidOperationException("The nickname list is missing from the build.");
        using var reader = new StreamReader(stream);
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var names = line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                if (!groups.TryGetValue(name, out var set))
                {
                    groups[name] = set = new HashSet<string>(StringComparer.Ordinal) { name };
                }

                set.UnionWith(names);
            }
        }

        return groups;
    }
}
