namespace Mend.Bench;

/// <summary>
/// What a load's names came to: how many distinct surnames and given names, how common the commonest surname is, and how
/// many surnames are rare. The people loader and the names report print the same line.
/// </summary>
public sealed class NameTally
{
    private readonly Dictionary<string, int> _families = new(StringComparer.Ordinal);
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    public int People { get; private set; }

    public int DistinctSurnames => _families.Count;

    public int DistinctGivenNames => _given.Count;

    public void Add(string given, string family)
    {
        People++;
        _families[family] = _families.GetValueOrDefault(family) + 1;
        _given.Add(given);
    }

    /// <summary>The <paramref name="count"/> commonest surnames with how many people have each.</summary>
    public List<(string Name, int People)> Commonest(int count) =>
        _families.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(count).Select(f => (f.Key, f.Value)).ToList();

    /// <summary>The share of the distinct surnames that at most <paramref name="people"/> people have.</summary>
    public double ShareOfSurnamesHeldByAtMost(int people) => _families.Count == 0 ? 0 : (double)_families.Values.Count(v => v <= people) / _families.Count;

    /// <summary>How many distinct surnames have between <paramref name="from"/> and <paramref name="to"/> people.</summary>
    public int SurnamesHeldBy(int from, int to) => _families.Values.Count(v => v >= from && v <= to);

    /// <summary>"2,000,000 people (141,000 distinct surnames; the commonest, Smith, 1.0% of people; 61% of surnames held by 5 people or fewer; 4,800 distinct given names)".</summary>
    public string Describe()
    {
        if (People == 0)
        {
            return "0 people";
        }

        var (name, count) = Commonest(1)[0];
        return $"{People:N0} people ({DistinctSurnames:N0} distinct surnames; the commonest, {name}, {100.0 * count / People:0.0}% of people; "
            + $"{ShareOfSurnamesHeldByAtMost(5):0%} of surnames held by 5 people or fewer; {DistinctGivenNames:N0} distinct given names)";
    }
}
