namespace Mend.Bench;

/// <summary>
/// One of the populations whose names the generated people carry (English, Welsh, Irish and Scottish, Polish, Portuguese and
/// Madeiran, South Asian, West African, Chinese...): its share of people, its real surnames, the generated forms that make up
/// its long tail, how its women's surnames differ from its men's, and its given names.
/// </summary>
public sealed class NameCulture
{
    public required string Name { get; init; }

    /// <summary>
    /// Rough share of people (before normalising over all cultures). It orders the surnames, so that a culture's commonest
    /// name ranks with the English names about as common; the weights themselves come from the single curve in
    /// <see cref="PeopleNames"/>.
    /// </summary>
    public required double Share { get; init; }

    /// <summary>Real surnames, commonest first where that is known (lists that come in alphabetical order are shuffled).</summary>
    public IReadOnlyList<string> Surnames { get; init; } = [];

    /// <summary>Real surnames given as a man's and a woman's form together (Bogus's Czech, Russian and Latvian lists).</summary>
    public IReadOnlyList<(string Male, string Female)> Pairs { get; init; } = [];

    /// <summary>Generated surnames, after the real ones: compositions first, then Markov-chain forms.</summary>
    public IReadOnlyList<NameTail> Tails { get; init; } = [];

    /// <summary>A woman's form of a man's surname: Kowalski → Kowalska, Novák → Nováková, Kazlauskas → Kazlauskienė.</summary>
    public Func<string, string> FemaleForm { get; init; } = name => name;

    /// <summary>Surnames only women carry (Begum, Bibi, Khatun); a man drawn one of these is drawn again.</summary>
    public IReadOnlySet<string> WomenOnly { get; init; } = new HashSet<string>();

    public IReadOnlyList<string> MaleGiven { get; init; } = [];

    public IReadOnlyList<string> FemaleGiven { get; init; } = [];

    /// <summary>Chance that a person with this culture's surname has one of its given names rather than an English one.</summary>
    public double OwnGiven { get; init; } = 0.8;
}

/// <summary>Up to <paramref name="Count"/> generated surnames; the names are checked (and may be refused) as they are drawn.</summary>
public sealed record NameTail(int Count, Func<Random, IEnumerable<string>> Names);

/// <summary>How women's surnames are formed from men's in the languages that mark it.</summary>
public static class FemaleForms
{
    /// <summary>Polish: -ski, -cki, -dzki become -ska, -cka, -dzka; other names are the same for both (Nowak, Wójcik).</summary>
    public static string Polish(string name) =>
        name.EndsWith("ski", StringComparison.Ordinal) || name.EndsWith("cki", StringComparison.Ordinal) || name.EndsWith("dzki", StringComparison.Ordinal)
            ? name[..^1] + "a"
            : name;

    /// <summary>Czech and Slovak: -ý becomes -á (Novotný → Novotná); -ek, -ec lose the e (Horáček → Horáčková); -a, -o give way to -ová.</summary>
    public static string CzechSlovak(string name)
    {
        if (name.EndsWith('ý'))
        {
            return name[..^1] + "á";
        }

        if (name.EndsWith('í') || name.EndsWith("ová", StringComparison.Ordinal))
        {
            return name;
        }

        if (name.Length > 4 && (name.EndsWith("ek", StringComparison.Ordinal) || name.EndsWith("ec", StringComparison.Ordinal)) && !IsVowel(name[^3]))
        {
            return name[..^2] + name[^1] + "ová";
        }

        return (name[^1] is 'a' or 'o' or 'e' ? name[..^1] : name) + "ová";
    }

    /// <summary>Russian and Bulgarian (transliterated): -ov, -ev, -in, -yn take -a; -sky and -skii become -skaya; -oi and -yi become -aya.</summary>
    public static string Russian(string name)
    {
        foreach (var (male, female) in new[] { ("skii", "skaia"), ("sky", "skaya"), ("oi", "aia"), ("yi", "aia") })
        {
            if (name.EndsWith(male, StringComparison.Ordinal))
            {
                return name[..^male.Length] + female;
            }
        }

        return name.EndsWith("ov", StringComparison.Ordinal) || name.EndsWith("ev", StringComparison.Ordinal)
            || name.EndsWith("in", StringComparison.Ordinal) || name.EndsWith("yn", StringComparison.Ordinal)
            ? name + "a"
            : name;
    }

    /// <summary>Ukrainian (transliterated): -skyi becomes -ska, -yi becomes -a, -ov, -ev, -in take -a; -enko, -uk, -ych stay.</summary>
    public static string Ukrainian(string name)
    {
        if (name.EndsWith("skyi", StringComparison.Ordinal) || name.EndsWith("zkyi", StringComparison.Ordinal))
        {
            return name[..^2] + "a";
        }

        if (name.EndsWith("yi", StringComparison.Ordinal))
        {
            return name[..^2] + "a";
        }

        return name.EndsWith("ov", StringComparison.Ordinal) || name.EndsWith("ev", StringComparison.Ordinal) || name.EndsWith("in", StringComparison.Ordinal)
            ? name + "a"
            : name;
    }

    /// <summary>Lithuanian married women's form: -as, -is, -ys, -us, -ius become -ienė (Kazlauskas → Kazlauskienė, Stankevičius → Stankevičienė).</summary>
    public static string Lithuanian(string name)
    {
        foreach (var ending in new[] { "ius", "as", "is", "ys", "us", "ė" })
        {
            if (name.EndsWith(ending, StringComparison.Ordinal) && name.Length > ending.Length + 2)
            {
                return ending == "ė" ? name : name[..^ending.Length] + "ienė";
            }
        }

        return name;
    }

    /// <summary>Latvian: -š and -s become -a (Bērziņš → Bērziņa, Ozols → Ozola), -is becomes -e (Briedis → Briede), -ons becomes -one.</summary>
    public static string Latvian(string name)
    {
        if (name.EndsWith("ons", StringComparison.Ordinal))
        {
            return name[..^1] + "e";
        }

        if (name.EndsWith("is", StringComparison.Ordinal))
        {
            return name[..^2] + "e";
        }

        return name.EndsWith('š') || name.EndsWith('s') ? name[..^1] + "a" : name;
    }

    /// <summary>Greek (transliterated): -is becomes -i, -os becomes -ou, -as becomes -a (Papadopoulos → Papadopoulou); -ou stays.</summary>
    public static string Greek(string name)
    {
        if (name.EndsWith("os", StringComparison.Ordinal))
        {
            return name[..^2] + "ou";
        }

        return name.EndsWith("is", StringComparison.Ordinal) || name.EndsWith("as", StringComparison.Ordinal) ? name[..^1] : name;
    }

    /// <summary>Azerbaijani (transliterated): -ov and -yev take -a (Mammadov → Mammadova).</summary>
    public static string Azerbaijani(string name) =>
        name.EndsWith("ov", StringComparison.Ordinal) || name.EndsWith("ev", StringComparison.Ordinal) ? name + "a" : name;

    private static bool IsVowel(char c) => "aeiouyáéíóúýěů".Contains(char.ToLowerInvariant(c));
}
