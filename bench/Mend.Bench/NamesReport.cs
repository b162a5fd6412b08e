using System.Diagnostics;
using Mend.Web.Platform.Search;

namespace Mend.Bench;

/// <summary>
/// The names verb: builds the surname vocabulary, draws --scale people from it exactly as the people loader does (same seed,
/// same names), and prints the distribution, without a database.
/// Usage: names [--scale 2000000] [--seed 42] [--surnames 150000] [--sample 40] [--examples N: N surnames of each culture at random]
/// </summary>
public static class NamesReport
{
    /// <summary>Names whose normalised forms the report shows, to check that search folds their letters to plain Latin ones.</summary>
    private static readonly string[] Examples =
    [
        "Gonçalves de Freitas", "Wiśniewski", "Wiśniewska", "Łukasiewicz", "Nowak", "Dąbrowska", "Nguyễn", "Đặng", "Ó Súilleabháin",
        "Mac an tSaoi", "O'Brien", "D'Souza", "Müller", "Øvergård", "Straße", "Yılmaz", "Öztürk", "Ștefănescu", "Țurcanu",
        "Kazlauskienė", "Bērziņa", "Horáčková", "Szőke", "Ahmed-Khan", "Le Hérissier", "ap Siôn", "Tesfamariam", "Ngcobo",
        // Not folded to Latin letters, which is why the generator transliterates them (Mammadov, Kovalenko, Papadopoulos):
        "Məmmədov", "Коваленко", "Παπαδόπουλος",
    ];

    public static int Run(Options options)
    {
        var scale = options.Int("scale", 2_000_000);
        var seed = options.Int("seed", 42);
        var clock = Stopwatch.StartNew();
        var names = PeopleNames.Build(seed, options.Int("surnames", PeopleNames.DefaultSurnameCount));
        var built = clock.Elapsed;
        Console.WriteLine($"Vocabulary: {names.Surnames.Count:N0} ranked surnames ({names.Surnames.Count(s => s.Female != s.Male):N0} with a woman's form of their own) "
            + $"from {names.Cultures.Count} cultures, {names.GivenNameCount:N0} given names; built in {built.TotalSeconds:0.0} s");
        Console.WriteLine($"Curve: weight ∝ 1/(rank + {PeopleNames.Offset})^{PeopleNames.Exponent}; top {Percent(names, 1)}, top 10 {Percent(names, 10)}, top 100 {Percent(names, 100)}, "
            + $"top 1,000 {Percent(names, 1_000)}, top 10,000 {Percent(names, 10_000)} of draws");
        Console.WriteLine("Rank weights: " + string.Join("; ", new[] { 1, 2, 3, 10, 100, 1_000, 10_000, 100_000, names.Surnames.Count }
            .Where(r => r <= names.Surnames.Count).Select(r => $"{r:N0} {Display(names.Surnames[r - 1])} {100 * names.Share(r - 1):0.####}%")));
        Console.WriteLine($"Refused (not plain Latin after Trigrams.Normalise): {names.Refused.Count:N0}" + (names.Refused.Count > 0 ? ", e.g. " + string.Join(", ", names.Refused.Take(8)) : ""));
        Console.WriteLine("Surnames by culture: " + string.Join(", ", names.Surnames.GroupBy(s => s.Culture).OrderByDescending(g => g.Count())
            .Select(g => $"{names.Cultures[g.Key].Name} {g.Count():N0}")));
        if (options.Int("examples", 0) is > 0 and var perCulture)
        {
            var pick = new Random(seed);
            foreach (var group in names.Surnames.Select((s, i) => (s, i)).GroupBy(x => x.s.Culture))
            {
                var list = group.ToList();
                var shown = Enumerable.Range(0, perCulture).Select(_ => list[pick.Next(list.Count)]).OrderBy(x => x.i).Select(x => $"{Display(x.s)} ({x.i + 1:N0})");
                Console.WriteLine($"  {names.Cultures[group.Key].Name}: {string.Join(", ", shown)}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Cultures by rank band (share of the band's surnames):");
        foreach (var (from, to) in new[] { (1, 100), (101, 1_000), (1_001, 10_000), (10_001, 100_000), (100_001, names.Surnames.Count) }.Where(b => b.Item1 <= names.Surnames.Count))
        {
            var band = names.Surnames.Skip(from - 1).Take(to - from + 1).ToList();
            var mix = band.GroupBy(s => s.Culture).OrderByDescending(g => g.Count()).Take(8)
                .Select(g => $"{names.Cultures[g.Key].Name} {100.0 * g.Count() / band.Count:0.#}%");
            Console.WriteLine($"  {from:N0}–{to:N0}: {string.Join(", ", mix)}");
        }

        var firstNonEnglish = names.Surnames.Select((s, i) => (s, i)).Where(x => names.Cultures[x.s.Culture].Name is not ("English" or "Welsh" or "Irish and Scottish" or "South Asian" or "English double-barrelled"))
            .GroupBy(x => x.s.Culture).Select(g => g.First()).OrderBy(x => x.i).Take(12);
        Console.WriteLine("First name of other cultures: " + string.Join(", ", firstNonEnglish.Select(x => $"{Display(x.s)} ({names.Cultures[x.s.Culture].Name}) at {x.i + 1:N0}")));

        clock.Restart();
        var random = PeopleNames.DrawingRandom(seed);
        var tally = new NameTally();
        var words = new HashSet<string>(StringComparer.Ordinal);
        var surnameWords = new HashSet<string>(StringComparer.Ordinal);
        var byCulture = new int[names.Cultures.Count];
        var sample = new List<PeopleNames.PersonName>();
        var sampleCount = options.Int("sample", 40);
        var sampleEvery = Math.Max(1, scale / Math.Max(1, sampleCount));
        for (var i = 0; i < scale; i++)
        {
            var person = names.Draw(random);
            tally.Add(person.Given, person.Family);
            byCulture[person.Culture]++;
            foreach (var word in Trigrams.Normalise(person.Family).Split(' '))
            {
                surnameWords.Add(word);
            }

            foreach (var text in person.AliasGiven is { } alias ? new[] { $"{person.Given} {person.Family}", $"{alias} {person.Family}" } : [$"{person.Given} {person.Family}"])
            {
                foreach (var word in Trigrams.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(word);
                }
            }

            // Every so many people, not a random pick: drawing from the same random stream would change who is drawn after.
            if (i % sampleEvery == 0 && sample.Count < sampleCount)
            {
                sample.Add(person);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Drew {tally.Describe()} in {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"Distinct name words (what the loader writes to NameWords): {words.Count:N0}; distinct surname words: {surnameWords.Count:N0}; words not plain a–z: {words.Count(w => !w.All(c => c is >= 'a' and <= 'z')):N0}");
        var before = GC.GetTotalMemory(true);
        var index = new WordIndex(TimeProvider.System);
        index.Load(words);
        Console.WriteLine($"Mend's in-memory WordIndex of these words: about {(GC.GetTotalMemory(true) - before) / 1048576.0:0} MB ({index.Count:N0} words)");
        Console.WriteLine("Commonest: " + string.Join(", ", tally.Commonest(15).Select(c => $"{c.Name} {100.0 * c.People / scale:0.00}%")));
        Console.WriteLine($"Surnames by people holding them: 1: {tally.SurnamesHeldBy(1, 1):N0}; 2–5: {tally.SurnamesHeldBy(2, 5):N0}; 6–20: {tally.SurnamesHeldBy(6, 20):N0}; "
            + $"21–100: {tally.SurnamesHeldBy(21, 100):N0}; 101–1,000: {tally.SurnamesHeldBy(101, 1_000):N0}; over 1,000: {tally.SurnamesHeldBy(1_001, int.MaxValue):N0}");
        Console.WriteLine("People by culture of surname: " + string.Join(", ", byCulture.Select((n, i) => (n, i)).OrderByDescending(x => x.n)
            .Select(x => $"{names.Cultures[x.i].Name} {100.0 * x.n / scale:0.##}%")));
        Console.WriteLine();
        Console.WriteLine("Normalised for search: " + string.Join("; ", Examples.Select(e => $"{e} → {Trigrams.Normalise(e)}")));
        Console.WriteLine();
        Console.WriteLine("A sample of the people drawn:");
        foreach (var person in sample)
        {
            Console.WriteLine($"  {person.Given} {person.Family}{(person.AliasGiven is { } a ? $" (also {a})" : "")} — {names.Cultures[person.Culture].Name}");
        }

        return 0;
    }

    private static string Percent(PeopleNames names, int top) =>
        $"{100 * Enumerable.Range(0, Math.Min(top, names.Surnames.Count)).Sum(names.Share):0.#}%";

    private static string Display(PeopleNames.Surname surname) =>
        surname.Male is null ? surname.Female! : surname.Female is null || surname.Female == surname.Male ? surname.Male : $"{surname.Male}/{surname.Female}";
}
