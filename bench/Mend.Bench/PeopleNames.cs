using Mend.Web.Platform.Search;

namespace Mend.Bench;

/// <summary>
/// Names for generated people as varied as a real service's: by default 150,000 distinct surnames from the cultures of
/// <see cref="NameCultures"/> (real names first, then composed and Markov-generated ones), ranked and weighted on one
/// Zipf–Mandelbrot curve, weight ∝ 1 / (rank + <see cref="Offset"/>)^<see cref="Exponent"/>. The constants put the
/// commonest name, Smith, at about 1% of people: Smith was 1.20% of the UK electoral register of 1996 and 1.37% of deaths
/// registered in England and Wales in 1984–97 (surnamestudies.org.uk, "Comparative Table of 300 Leading Surnames"), and is
/// a little less common now that the population is more varied. The curve leaves most surnames rare: at
/// 2,000,000 people about two in three of the surnames drawn are held by five people or fewer (the names verb prints the rest).
/// Deterministic for a seed: the same seed gives the same names in the same order.
/// </summary>
public sealed class PeopleNames
{
    public const int DefaultSurnameCount = 150_000;

    /// <summary>s of the curve: slightly under Zipf's 1, so the tail holds more people than a pure 1/rank would give it.</summary>
    public const double Exponent = 0.95;

    /// <summary>q of the curve: flattens the head so Smith is about 1% rather than the 8% a pure 1/rank gives over 150,000 names.</summary>
    public const double Offset = 7;

    /// <summary>Given names within a culture: 1 / (rank + 2), the first names of a list (the popular ones where known) commonest.</summary>
    private const double GivenOffset = 2;

    /// <summary>
    /// Substrings that no generated surname may contain (after normalising), so the Markov chains and compositions cannot
    /// produce a slur or an obscenity in English or in the languages generated. Real names are not filtered.
    /// </summary>
    private static readonly string[] Blocked =
    [
        "fuck", "shit", "cunt", "nigg", "nigr", "negro", "wank", "twat", "slut", "whore", "rape", "nazi", "hitler", "porn", "fag",
        "paki", "kike", "chink", "gook", "spic", "coon", "dick", "cock", "penis", "vagin", "anus", "arse", "tits", "bitch", "bastard",
        "piss", "crap", "dildo", "jizz", "retard", "kurw", "chuj", "pizd", "puta", "merda", "caralh", "cazz", "fotze", "huj", "pula",
        "kill", "dead", "sex", "poo", "bum", "gay", "jihad", "isis",
    ];

    /// <summary>A surname as the men and the women of a family carry it; null where only one sex carries it (Begum).</summary>
    public readonly record struct Surname(string? Male, string? Female, int Culture);

    /// <summary>A drawn person: sex, given name, family name, and one time in ten another given name they are known by.</summary>
    public readonly record struct PersonName(bool Female, string Given, string Family, string? AliasGiven, int Culture);

    private readonly double[] _cumulative;
    private readonly (string[] Names, double[] Cumulative)[] _male;
    private readonly (string[] Names, double[] Cumulative)[] _female;

    private PeopleNames(IReadOnlyList<NameCulture> cultures, List<Surname> surnames, IReadOnlyList<string> refused)
    {
        Cultures = cultures;
        Surnames = surnames;
        Refused = refused;
        _cumulative = Cumulative(surnames.Count, Offset, Exponent);
        _male = cultures.Select(c => GivenTable(c.MaleGiven)).ToArray();
        _female = cultures.Select(c => GivenTable(c.FemaleGiven)).ToArray();
    }

    public IReadOnlyList<NameCulture> Cultures { get; }

    /// <summary>The surnames in rank order, commonest first.</summary>
    public IReadOnlyList<Surname> Surnames { get; }

    /// <summary>Candidate names refused because they do not normalise to Latin letters, with the reason (for the report).</summary>
    public IReadOnlyList<string> Refused { get; }

    /// <summary>Given names in all, over every culture and both sexes.</summary>
    public int GivenNameCount => _male.Concat(_female).SelectMany(t => t.Names).Distinct().Count();

    /// <summary>The share of people that the surname at <paramref name="rank"/> (0 for the commonest) is drawn for.</summary>
    public double Share(int rank) => (_cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1])) / _cumulative[^1];

    /// <summary>
    /// Ranks the surnames: the head of <see cref="NameLists.Head"/> first, then the cultures' names merged so that each
    /// culture's k-th name ranks by share × (k + q)^-s over that culture's names, so non-English names fall all along the
    /// curve (Nowak among the English names about as common) rather than only in its tail.
    /// </summary>
    public static PeopleNames Build(int seed = 42, int count = DefaultSurnameCount)
    {
        var cultures = NameCultures.Build(new Random(seed));
        var byName = cultures.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var refused = new List<string>();
        var ranked = new List<Surname>(count);
        var taken = new int[cultures.Count];

        bool Claim(string? male, string? female, bool generated)
        {
            foreach (var form in new[] { male, female }.Where(f => f is not null))
            {
                var normal = Trigrams.Normalise(form);
                if (normal.Length < 2 || !normal.All(c => c is (>= 'a' and <= 'z') or ' '))
                {
                    refused.Add($"{form} → \"{normal}\"");
                    return false;
                }

                if (generated && Blocked.Any(normal.Replace(" ", "").Contains))
                {
                    return false;
                }
            }

            var keys = new[] { male, female }.Where(f => f is not null).Select(f => Trigrams.Normalise(f)).Distinct().ToList();
            if (keys.Any(claimed.Contains))
            {
                return false;
            }

            claimed.UnionWith(keys);
            return true;
        }

        foreach (var (name, cultureName) in NameCultures.Head())
        {
            var culture = byName[cultureName];
            var (male, female) = Forms(cultures[culture], name);
            if (Claim(male, female, false))
            {
                ranked.Add(new Surname(male, female, culture));
                taken[culture]++;
            }
        }

        var sequences = cultures.Select((c, i) => Accepted(c, seed * 7919 + i * 104_729, Claim).GetEnumerator()).ToArray();
        var normalisers = cultures.Select((c, i) =>
        {
            var planned = taken[i] + c.Pairs.Count + c.Surnames.Count + c.Tails.Sum(t => t.Count);
            return Enumerable.Range(1, planned).Sum(k => Math.Pow(k + Offset, -Exponent));
        }).ToArray();
        var queue = new PriorityQueue<int, double>();
        double Key(int i) => -cultures[i].Share / normalisers[i] * Math.Pow(taken[i] + 1 + Offset, -Exponent);
        for (var i = 0; i < cultures.Count; i++)
        {
            queue.Enqueue(i, Key(i));
        }

        while (ranked.Count < count && queue.TryDequeue(out var next, out _))
        {
            if (sequences[next].MoveNext())
            {
                ranked.Add(sequences[next].Current with { Culture = next });
                taken[next]++;
                queue.Enqueue(next, Key(next));
            }
        }

        return new PeopleNames(cultures, ranked, refused);
    }

    /// <summary>The random stream people are drawn with for a seed, so the people loader and the names report draw the same people.</summary>
    public static Random DrawingRandom(int seed) => new(unchecked((seed * 7919) + 1));

    /// <summary>The rank (0 for the commonest) of a surname drawn from the curve: a binary search of the cumulative weights.</summary>
    public int DrawRank(Random random)
    {
        var at = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(at < 0 ? ~at : at, _cumulative.Length - 1);
    }

    /// <summary>
    /// One person: a sex, a surname from the curve in the form for that sex, a given name from the surname's culture (or an
    /// English one, as the culture's <see cref="NameCulture.OwnGiven"/> says), and one time in ten a second given name (a
    /// familiar form from the nickname list where there is one, otherwise another name from the same list).
    /// </summary>
    public PersonName Draw(Random random)
    {
        var female = random.Next(2) == 0;
        Surname surname;
        do
        {
            surname = Surnames[DrawRank(random)];
        }
        while ((female ? surname.Female : surname.Male) is null);

        var culture = Cultures[surname.Culture];
        var givenTables = female ? _female : _male;
        var givenCulture = givenTables[surname.Culture].Names.Length > 0 && random.NextDouble() < culture.OwnGiven ? surname.Culture : 0;
        var given = Given(givenTables[givenCulture], random);
        string? alias = null;
        if (random.Next(10) == 0)
        {
            var normal = Trigrams.Normalise(given);
            alias = Nicknames.VariantsOf(normal).FirstOrDefault(v => v != normal) ?? Given(givenTables[givenCulture], random);
        }

        return new PersonName(female, given, (female ? surname.Female : surname.Male)!, alias, surname.Culture);
    }

    /// <summary>A culture's real names, then its tails taken in turn, each name yielded only once <paramref name="claim"/> accepts it.</summary>
    private static IEnumerable<Surname> Accepted(NameCulture culture, int seed, Func<string?, string?, bool, bool> claim)
    {
        foreach (var (male, female) in culture.Pairs)
        {
            if (claim(male, female, false))
            {
                yield return new Surname(male, female, 0);
            }
        }

        foreach (var name in culture.Surnames)
        {
            var (male, female) = Forms(culture, name);
            if (claim(male, female, false))
            {
                yield return new Surname(male, female, 0);
            }
        }

        var tails = culture.Tails.Select((t, i) => (Tail: t, Names: t.Names(new Random(seed + i)).GetEnumerator(), Accepted: 0, Tries: 0)).ToList();
        while (tails.Count > 0)
        {
            for (var i = 0; i < tails.Count; i++)
            {
                var tail = tails[i];
                Surname? found = null;
                while (found is null && tail.Accepted < tail.Tail.Count && tail.Tries < 40 * tail.Tail.Count && tail.Names.MoveNext())
                {
                    tail.Tries++;
                    var (male, female) = Forms(culture, tail.Names.Current);
                    if (claim(male, female, true))
                    {
                        found = new Surname(male, female, 0);
                        tail.Accepted++;
                    }
                }

                tails[i] = tail;
                if (found is { } surname)
                {
                    yield return surname;
                }
                else
                {
                    tails.RemoveAt(i--);
                }
            }
        }
    }

    private static (string? Male, string? Female) Forms(NameCulture culture, string name) =>
        culture.WomenOnly.Contains(name) ? (null, name) : (name, culture.FemaleForm(name));

    private static string Given((string[] Names, double[] Cumulative) table, Random random)
    {
        var at = Array.BinarySearch(table.Cumulative, random.NextDouble() * table.Cumulative[^1]);
        return table.Names[Math.Min(at < 0 ? ~at : at, table.Names.Length - 1)];
    }

    private static (string[] Names, double[] Cumulative) GivenTable(IReadOnlyList<string> names)
    {
        var latin = names.Where(n => Trigrams.Normalise(n) is { Length: >= 2 } normal && normal.All(c => c is (>= 'a' and <= 'z') or ' ')).Distinct().ToArray();
        return (latin, Cumulative(latin.Length, GivenOffset, 1));
    }

    private static double[] Cumulative(int count, double offset, double exponent)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var r = 0; r < count; r++)
        {
            cumulative[r] = total += Math.Pow(r + 1 + offset, -exponent);
        }

        return cumulative;
    }
}
