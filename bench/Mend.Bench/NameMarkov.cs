namespace Mend.Bench;

/// <summary>
/// New surnames that look like a language's real ones: a letter-by-letter Markov chain learnt from that language's list,
/// each letter drawn from those that followed the previous <c>order</c> letters in the list (order 3 from "Kowal" gives
/// "Kowalczyk"-like names; order 2 for short lists, which order 3 would only repeat). A name longer than nineteen in twenty
/// of the list's, or one that is a whole listed name with three or more letters stuck on (Whitaker + shaw), is not given:
/// chains learnt from short lists otherwise run names together.
/// </summary>
public sealed class NameMarkov
{
    private const char Start = '^';
    private const char End = '$';
    private readonly int _order;
    private readonly Dictionary<string, (char[] Letters, int[] Cumulative)> _next;
    private readonly HashSet<string> _known;
    private readonly int _maxLength;

    /// <param name="names">One-word names in the language (anything with a space, hyphen or apostrophe is left out).</param>
    public NameMarkov(IEnumerable<string> names, int order)
    {
        _order = order;
        var counts = new Dictionary<string, Dictionary<char, int>>(StringComparer.Ordinal);
        _known = names.Where(n => n.Length >= 3 && n.All(char.IsLetter)).Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var lengths = _known.Select(n => n.Length).Order().ToList();
        _maxLength = lengths.Count == 0 ? 0 : Math.Max(6, lengths[(int)(0.95 * (lengths.Count - 1))]);
        foreach (var name in _known)
        {
            var padded = new string(Start, order) + name + End;
            for (var i = order; i < padded.Length; i++)
            {
                var context = padded.Substring(i - order, order);
                if (!counts.TryGetValue(context, out var letters))
                {
                    counts[context] = letters = [];
                }

                letters[padded[i]] = letters.GetValueOrDefault(padded[i]) + 1;
            }
        }

        _next = counts.ToDictionary(
            c => c.Key,
            c =>
            {
                var letters = c.Value.OrderBy(l => l.Key).ToArray();
                var cumulative = new int[letters.Length];
                var total = 0;
                for (var i = 0; i < letters.Length; i++)
                {
                    cumulative[i] = total += letters[i].Value;
                }

                return (letters.Select(l => l.Key).ToArray(), cumulative);
            },
            StringComparer.Ordinal);
    }

    /// <summary>A name of 4 letters or more, capitalised, or null when the chain ran too long or stuck letters on a listed name.</summary>
    public string? Next(Random random)
    {
        var maxLength = _maxLength;
        var context = new string(Start, _order);
        var name = new System.Text.StringBuilder();
        while (name.Length <= maxLength && _next.TryGetValue(context, out var choices))
        {
            var pick = random.Next(choices.Cumulative[^1]);
            var at = Array.BinarySearch(choices.Cumulative, pick + 1);
            var letter = choices.Letters[at < 0 ? ~at : at];
            if (letter == End)
            {
                var found = name.ToString();
                return found.Length >= 4 && !ExtendsKnown(found) ? char.ToUpperInvariant(found[0]) + found[1..] : null;
            }

            name.Append(letter);
            context = context[1..] + letter;
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> holds a listed name of five letters or more and has three or more letters besides.</summary>
    private bool ExtendsKnown(string name)
    {
        for (var length = 5; length <= name.Length - 3; length++)
        {
            for (var at = 0; at + length <= name.Length; at++)
            {
                if (_known.Contains(name.Substring(at, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
