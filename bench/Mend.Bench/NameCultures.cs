using Bogus.Bson;
using static Mend.Bench.NameForms;

namespace Mend.Bench;

/// <summary>
/// The cultures whose names the generated people carry, built from Bogus's locale lists (which Bogus ships for some fifty
/// locales; en_GB has none of its own and falls back to en's American list) and <see cref="NameLists"/>, with generated
/// long tails. Shares of people are rounded from Census 2021 for England and Wales (White British 74.4%, other White 6.2%,
/// Asian 9.3%, Black 4.0%: ONS, "Ethnic group, England and Wales: Census 2021") and Jersey's 2021 census (8% born in Portugal
/// or Madeira, about one in eleven Portuguese or Madeiran by ethnicity, 3% born in Poland; Statistics Jersey).
/// </summary>
public static class NameCultures
{
    /// <summary>Longest given-name list kept per culture and sex, so the whole comes to a few thousand given names.</summary>
    private const int GivenNamesPerList = 250;

    /// <summary>The cultures, English first (the fallback for given names). <paramref name="random"/> shuffles the alphabetical lists.</summary>
    public static IReadOnlyList<NameCulture> Build(Random random)
    {
        var english = NameLists.Of(NameLists.English);
        var headEnglish = HeadOf("English");
        // The chain learns from the composed place and patronymic names too, so it makes more of the same kind (Bramcott, Framsden).
        var englishCompounds = Compose(new Random(0), NameLists.Of(NameLists.EnglishPlaceHeads), NameLists.Of(NameLists.EnglishPlaceTails))
            .Concat(Compose(new Random(0), NameLists.Of(NameLists.EnglishPatronymStems), NameLists.Of(NameLists.EnglishPatronymTails))).ToList();
        var britishGiven = (Male: Cap([.. NameLists.Of(NameLists.EnglishMale), .. Bogus("en", "male_first_name")]),
            Female: Cap([.. NameLists.Of(NameLists.EnglishFemale), .. Bogus("en", "female_first_name")]));
        var polish = NameLists.Of(NameLists.Polish).Concat(Shuffle(Bogus("pl", "last_name"), random)).ToList();
        var portuguese = NameLists.Of(NameLists.Portuguese).Concat(Shuffle([.. Bogus("pt_PT", "last_name"), .. Bogus("pt_BR", "last_name")], random)).ToList();
        var spanish = NameLists.Of(NameLists.Spanish).Concat(Shuffle([.. Bogus("es", "last_name"), .. Bogus("es_MX", "last_name")], random)).ToList();
        // Bogus's Croatian list has 11,617 names; a sample keeps the Balkans' share of the tail near their share of people.
        var croatian = Shuffle(Bogus("hr", "last_name").Select(SplitJoined), random).Take(5_000).ToList();
        var ukrainian = Bogus("uk", "male_last_name").Select(Transliteration.Ukrainian).ToList();
        var greek = Bogus("el", "last_name").Select(Transliteration.Greek).ToList();
        var georgian = Bogus("ge", "last_name").Select(Transliteration.Georgian).ToList();
        var lithuanian = NameLists.Of(NameLists.Lithuanian);
        var southAsian = NameLists.Of(NameLists.SouthAsian).Concat(Shuffle(Bogus("en_IND", "last_name"), random)).ToList();
        var westAfrican = NameLists.Of(NameLists.WestAfrican).Concat(Shuffle(Bogus("en_NG", "last_name"), random)).ToList();
        var german = Shuffle([.. Bogus("de", "last_name"), .. Bogus("de_CH", "last_name")], random);
        var italian = Shuffle(Bogus("it", "last_name"), random);
        var czech = Shuffle(Bogus("cz", "male_last_name").Zip(Bogus("cz", "female_last_name")).ToList(), random);
        var romanian = NameLists.Of(NameLists.Romanian).Concat(Shuffle(Bogus("ro", "last_name"), random)).ToList();

        return
        [
            new()
            {
                Name = "English", Share = 0.60, OwnGiven = 1,
                Surnames = [.. english, .. Shuffle([.. Bogus("en", "last_name"), .. Bogus("en_AU", "last_name")], random)],
                Tails =
                [
                    new(400, r => Compose(r, NameLists.Of(NameLists.EnglishPatronymStems), NameLists.Of(NameLists.EnglishPatronymTails))),
                    new(6_000, r => Compose(r, NameLists.Of(NameLists.EnglishPlaceHeads), NameLists.Of(NameLists.EnglishPlaceTails))),
                    new(55_000, Markov([.. headEnglish, .. english, .. englishCompounds], 3)),
                ],
                MaleGiven = britishGiven.Male, FemaleGiven = britishGiven.Female,
            },
            new()
            {
                Name = "English double-barrelled", Share = 0.012, OwnGiven = 1,
                Tails = [new(13_000, r => DoubleBarrelled(r, [.. headEnglish, .. english], "-"))],
                MaleGiven = britishGiven.Male, FemaleGiven = britishGiven.Female,
            },
            new()
            {
                Name = "Welsh", Share = 0.06, OwnGiven = 0.3,
                Surnames = NameLists.Of(NameLists.Welsh),
                Tails = [new(100, _ => NameLists.Of(NameLists.WelshPatronyms).Select(n => ("AEIOUYÂÊÎÔÛŴŶ".Contains(n[0]) ? "ab " : "ap ") + n))],
                MaleGiven = NameLists.Of(NameLists.WelshMale), FemaleGiven = NameLists.Of(NameLists.WelshFemale),
            },
            new()
            {
                Name = "Irish and Scottish", Share = 0.07, OwnGiven = 0.35,
                Surnames = NameLists.Of(NameLists.IrishScottish),
                Tails =
                [
                    new(2_000, r => Shuffle(NameLists.Of(NameLists.MacStems).SelectMany(s => new[] { "Mc" + s, "Mac" + s })
                        .Concat(NameLists.Of(NameLists.OStems).Select(s => "O'" + s)), r)),
                    new(300, Markov([.. NameLists.Of(NameLists.IrishScottish), .. HeadOf("Irish and Scottish")], 3)),
                ],
                MaleGiven = NameLists.Of(NameLists.IrishScottishMale), FemaleGiven = NameLists.Of(NameLists.IrishScottishFemale),
            },
            new() { Name = "Jersey", Share = 0.006, OwnGiven = 0, Surnames = NameLists.Of(NameLists.Jersey) },
            new()
            {
                Name = "South Asian", Share = 0.075,
                Surnames = southAsian,
                WomenOnly = NameLists.Of(NameLists.SouthAsianWomenOnly).ToHashSet(),
                FemaleForm = name => name == "Singh" ? "Kaur" : name,
                Tails =
                [
                    new(700, r => Compose(r, NameLists.Of(NameLists.TamilHeads), NameLists.Of(NameLists.TamilTails))),
                    new(3_000, Markov(southAsian, 2)),
                ],
                MaleGiven = NameLists.Of(NameLists.SouthAsianMale),
                FemaleGiven = Cap([.. NameLists.Of(NameLists.SouthAsianFemale), .. Shuffle(Bogus("en_IND", "first_name"), random)]),
            },
            new()
            {
                Name = "Arabic and Somali", Share = 0.015,
                Surnames = NameLists.Of(NameLists.Arabic),
                Tails =
                [
                    new(300, r => Shuffle(NameLists.Of(NameLists.ArabicAbdulStems).SelectMany(s => new[] { "Abdul" + s, "Abdi" + s, "Abdel" + s })
                        .Concat(NameLists.Of(NameLists.ArabicAlStems).SelectMany(s => new[] { "Al-" + s, "El-" + s })), r)),
                    new(2_000, Markov(NameLists.Of(NameLists.Arabic), 2)),
                ],
                MaleGiven = NameLists.Of(NameLists.ArabicMale), FemaleGiven = NameLists.Of(NameLists.ArabicFemale),
            },
            new()
            {
                Name = "Iranian, Afghan and Kurdish", Share = 0.006,
                Surnames = NameLists.Of(NameLists.Persian),
                Tails =
                [
                    new(800, r => Compose(r, NameLists.Of(NameLists.PersianStems), NameLists.Of(NameLists.PersianEndings))),
                    new(800, Markov(NameLists.Of(NameLists.Persian), 2)),
                ],
                MaleGiven = NameLists.Of(NameLists.PersianMale), FemaleGiven = NameLists.Of(NameLists.PersianFemale),
            },
            new()
            {
                Name = "West African", Share = 0.016,
                Surnames = westAfrican,
                Tails =
                [
                    new(700, r => Compose(r, NameLists.Of(NameLists.YorubaHeads), NameLists.Of(NameLists.YorubaTails))),
                    new(500, r => Compose(r, NameLists.Of(NameLists.IgboHeads), NameLists.Of(NameLists.IgboTails))),
                    new(2_500, Markov(westAfrican, 2)),
                ],
                MaleGiven = Cap([.. NameLists.Of(NameLists.WestAfricanMale), .. Bogus("en_NG", "male_first_name")]),
                FemaleGiven = Cap([.. NameLists.Of(NameLists.WestAfricanFemale), .. Bogus("en_NG", "female_first_name")]),
            },
            new()
            {
                Name = "East and Southern African", Share = 0.007,
                Surnames = NameLists.Of(NameLists.EastSouthernAfrican),
                Tails = [new(2_000, Markov(NameLists.Of(NameLists.EastSouthernAfrican), 2))],
                MaleGiven = NameLists.Of(NameLists.EastSouthernAfricanMale), FemaleGiven = NameLists.Of(NameLists.EastSouthernAfricanFemale),
            },
            new()
            {
                Name = "Chinese", Share = 0.008, Surnames = NameLists.Of(NameLists.Chinese),
                MaleGiven = NameLists.Of(NameLists.ChineseMale), FemaleGiven = NameLists.Of(NameLists.ChineseFemale),
            },
            new()
            {
                Name = "Japanese", Share = 0.001, Surnames = NameLists.Of(NameLists.Japanese),
                Tails = [new(1_200, r => Compose(r, NameLists.Of(NameLists.JapaneseHeads), NameLists.Of(NameLists.JapaneseTails)))],
                MaleGiven = NameLists.Of(NameLists.JapaneseMale), FemaleGiven = NameLists.Of(NameLists.JapaneseFemale),
            },
            new()
            {
                Name = "Korean", Share = 0.001, Surnames = NameLists.Of(NameLists.Korean),
                MaleGiven = NameLists.Of(NameLists.KoreanMale), FemaleGiven = NameLists.Of(NameLists.KoreanFemale),
            },
            new()
            {
                Name = "Vietnamese", Share = 0.002, Surnames = [.. NameLists.Of(NameLists.Vietnamese), .. Bogus("vi", "last_name")],
                MaleGiven = Cap(Shuffle(Bogus("vi", "male_first_name"), random), 120), FemaleGiven = Cap(Shuffle(Bogus("vi", "female_first_name"), random), 120),
            },
            new()
            {
                Name = "Filipino", Share = 0.003, Surnames = NameLists.Of(NameLists.Filipino),
                MaleGiven = NameLists.Of(NameLists.FilipinoMale), FemaleGiven = NameLists.Of(NameLists.FilipinoFemale),
            },
            new()
            {
                Name = "Nepali", Share = 0.002, Surnames = [.. NameLists.Of(NameLists.Nepali), .. Bogus("ne", "last_name")],
                MaleGiven = NameLists.Of(NameLists.NepaliMale), FemaleGiven = NameLists.Of(NameLists.NepaliFemale),
            },
            new()
            {
                Name = "Indonesian", Share = 0.0005, Surnames = Shuffle(Bogus("id_ID", "male_last_name"), random),
                MaleGiven = Cap(Shuffle(Bogus("id_ID", "male_first_name"), random)), FemaleGiven = Cap(Shuffle(Bogus("id_ID", "female_first_name"), random)),
            },
            new()
            {
                Name = "Polish", Share = 0.02, Surnames = polish, FemaleForm = FemaleForms.Polish,
                Tails =
                [
                    new(6_000, r => Compose(r, StemsOf(polish, ["owski", "ewski", "ański", "iński", "yński", "ski", "cki", "czyk", "czak", "owicz", "ewicz", "iak", "ak", "ek", "ik"]),
                        NameLists.Of(NameLists.PolishEndings))),
                    new(5_000, Markov(polish, 3)),
                ],
                MaleGiven = NameLists.Of(NameLists.PolishMale), FemaleGiven = NameLists.Of(NameLists.PolishFemale),
            },
            new()
            {
                Name = "Czech and Slovak", Share = 0.004, Pairs = czech, FemaleForm = FemaleForms.CzechSlovak,
                Surnames = Shuffle(Bogus("sk", "male_last_name"), random),
                Tails = [new(2_500, Markov(czech.Select(p => p.First), 3))],
                MaleGiven = Cap(Shuffle([.. Bogus("cz", "male_first_name"), .. Bogus("sk", "male_first_name")], random)),
                FemaleGiven = Cap(Shuffle([.. Bogus("cz", "female_first_name"), .. Bogus("sk", "female_first_name")], random)),
            },
            new()
            {
                Name = "Hungarian", Share = 0.003, Surnames = NameLists.Of(NameLists.Hungarian),
                Tails = [new(1_050, Markov(NameLists.Of(NameLists.Hungarian), 2))],
                MaleGiven = NameLists.Of(NameLists.HungarianMale), FemaleGiven = NameLists.Of(NameLists.HungarianFemale),
            },
            new()
            {
                Name = "Croatian, Serbian, Bosnian and Albanian", Share = 0.004,
                Surnames = [.. NameLists.Of(NameLists.Balkan), .. croatian],
                MaleGiven = Cap([.. NameLists.Of(NameLists.BalkanMale), .. Shuffle(Bogus("hr", "male_first_name"), random)]),
                FemaleGiven = Cap([.. NameLists.Of(NameLists.BalkanFemale), .. Shuffle(Bogus("hr", "female_first_name"), random)]),
            },
            new()
            {
                Name = "Romanian and Moldovan", Share = 0.012, Surnames = romanian,
                Tails =
                [
                    new(300, r => Shuffle(NameLists.Of(NameLists.RomanianEscuStems).Select(s => s + "escu")
                        .Concat(NameLists.Of(NameLists.RomanianEanuStems).Select(s => s + "eanu")), r)),
                    new(850, Markov(romanian, 3)),
                ],
                MaleGiven = Cap([.. NameLists.Of(NameLists.RomanianMale), .. Shuffle(Bogus("ro", "male_first_name"), random)]),
                FemaleGiven = Cap([.. NameLists.Of(NameLists.RomanianFemale), .. Shuffle(Bogus("ro", "female_first_name"), random)]),
            },
            new()
            {
                Name = "Bulgarian", Share = 0.003, Surnames = NameLists.Of(NameLists.Bulgarian), FemaleForm = FemaleForms.Russian,
                Tails =
                [
                    new(200, r => Compose(r, NameLists.Of(NameLists.SlavonicStems), ["ov", "ev"])),
                    new(600, Markov(NameLists.Of(NameLists.Bulgarian), 2)),
                ],
                MaleGiven = NameLists.Of(NameLists.BulgarianMale), FemaleGiven = NameLists.Of(NameLists.BulgarianFemale),
            },
            new()
            {
                Name = "Lithuanian", Share = 0.004, Surnames = lithuanian, FemaleForm = FemaleForms.Lithuanian,
                Tails =
                [
                    new(2_000, r => Compose(r, StemsOf(lithuanian, ["auskas", "evičius", "avičius", "aitis", "iūnas", "ūnas", "inskas", "onis", "ys", "as", "is", "us", "ius"]),
                        NameLists.Of(NameLists.LithuanianEndings))),
                ],
                MaleGiven = NameLists.Of(NameLists.LithuanianMale), FemaleGiven = NameLists.Of(NameLists.LithuanianFemale),
            },
            new()
            {
                Name = "Latvian", Share = 0.002, FemaleForm = FemaleForms.Latvian,
                Pairs = Shuffle(Bogus("lv", "male_last_name").Zip(Bogus("lv", "female_last_name")).ToList(), random),
                Tails = [new(800, Markov(Bogus("lv", "male_last_name"), 2))],
                MaleGiven = Bogus("lv", "male_first_name"), FemaleGiven = Bogus("lv", "female_first_name"),
            },
            new()
            {
                Name = "Russian", Share = 0.002, FemaleForm = FemaleForms.Russian,
                Pairs = Bogus("ru", "male_last_name").Zip(Bogus("ru", "female_last_name"))
                    .Select(p => (Transliteration.Russian(p.First), Transliteration.Russian(p.Second))).ToList(),
                Tails =
                [
                    new(400, r => Compose(r, NameLists.Of(NameLists.SlavonicStems), ["ov", "ev", "in"])),
                    new(1_200, Markov(Bogus("ru", "male_last_name").Select(Transliteration.Russian), 2)),
                ],
                MaleGiven = Bogus("ru", "male_first_name").Select(Transliteration.Russian).ToList(),
                FemaleGiven = Bogus("ru", "female_first_name").Select(Transliteration.Russian).ToList(),
            },
            new()
            {
                Name = "Ukrainian", Share = 0.003, Surnames = ukrainian, FemaleForm = FemaleForms.Ukrainian,
                Tails =
                [
                    new(1_500, r => Compose(r, StemsOf(ukrainian, ["enko", "chuk", "iuk", "uk", "yshyn", "ovych", "evych", "skyi", "ak", "ko"]),
                        ["enko", "uk", "chuk", "yshyn", "ovych", "skyi", "iak", "ko", "ets"])),
                    new(1_000, Markov(ukrainian, 2)),
                ],
                MaleGiven = Cap(Bogus("uk", "male_first_name").Select(Transliteration.Ukrainian).ToList()),
                FemaleGiven = Cap(Bogus("uk", "female_first_name").Select(Transliteration.Ukrainian).ToList()),
            },
            new()
            {
                Name = "Greek and Cypriot", Share = 0.003, Surnames = [.. NameLists.Of(NameLists.Greek), .. greek], FemaleForm = FemaleForms.Greek,
                Tails =
                [
                    new(1_000, r => Compose(r, StemsOf([.. NameLists.Of(NameLists.Greek), .. greek], ["opoulos", "idis", "ides", "akis", "iou", "is", "os", "as"]),
                        NameLists.Of(NameLists.GreekEndings))),
                    new(800, Markov([.. NameLists.Of(NameLists.Greek), .. greek], 2)),
                ],
                MaleGiven = NameLists.Of(NameLists.GreekMale), FemaleGiven = NameLists.Of(NameLists.GreekFemale),
            },
            new()
            {
                Name = "Georgian", Share = 0.0005, Surnames = georgian,
                Tails = [new(500, r => Compose(r, StemsOf(georgian, ["shvili", "dze", "ia", "ava", "ani", "uri", "eli"]), ["shvili", "dze", "ia", "ava", "ani", "uri", "eli"]))],
                MaleGiven = ["Giorgi", "Davit", "Levan", "Nika", "Luka", "Irakli", "Zurab", "Lasha", "Tornike", "Giga"],
                FemaleGiven = ["Nino", "Mariam", "Tamar", "Ana", "Natia", "Ketevan", "Salome", "Eka", "Tamta", "Nana"],
            },
            new()
            {
                Name = "Azerbaijani", Share = 0.0003, FemaleForm = FemaleForms.Azerbaijani,
                Surnames = Bogus("az", "male_last_name").Select(Transliteration.Azerbaijani).ToList(),
                MaleGiven = Bogus("az", "male_first_name").Select(Transliteration.Azerbaijani).ToList(),
                FemaleGiven = Bogus("az", "female_first_name").Select(Transliteration.Azerbaijani).ToList(),
            },
            new()
            {
                Name = "Turkish and Turkish Cypriot", Share = 0.006,
                Surnames = [.. NameLists.Of(NameLists.Turkish), .. Shuffle(Bogus("tr", "last_name"), random)],
                Tails =
                [
                    new(1_200, r => Compose(r, NameLists.Of(NameLists.TurkishFirstParts), NameLists.Of(NameLists.TurkishSecondParts))),
                    new(360, Markov(Bogus("tr", "last_name"), 3)),
                ],
                MaleGiven = Cap(Shuffle(Bogus("tr", "male_first_name"), random)), FemaleGiven = Cap(Shuffle(Bogus("tr", "female_first_name"), random)),
            },
            new()
            {
                Name = "German, Austrian and Swiss", Share = 0.005, Surnames = german,
                Tails = [new(3_000, Markov(german, 3))],
                MaleGiven = Cap(Shuffle(Bogus("de", "male_first_name"), random)), FemaleGiven = Cap(Shuffle(Bogus("de", "female_first_name"), random)),
            },
            new()
            {
                Name = "French", Share = 0.004, Surnames = [.. NameLists.Of(NameLists.French), .. Shuffle(Bogus("fr", "last_name"), random)],
                Tails = [new(320, Markov([.. NameLists.Of(NameLists.French), .. Bogus("fr", "last_name")], 3))],
                MaleGiven = Cap(Shuffle(Bogus("fr", "male_first_name"), random)), FemaleGiven = Cap(Shuffle(Bogus("fr", "female_first_name"), random)),
            },
            new()
            {
                Name = "Italian", Share = 0.006, Surnames = italian,
                Tails = [new(3_000, Markov(italian, 3))],
                MaleGiven = Cap(Shuffle(Bogus("it", "male_first_name"), random)), FemaleGiven = Cap(Shuffle(Bogus("it", "female_first_name"), random)),
            },
            new()
            {
                Name = "Spanish and Latin American", Share = 0.005, Surnames = spanish,
                Tails =
                [
                    new(6_000, r => DoubleBarrelled(r, NameLists.Of(NameLists.Spanish), " ")),
                    new(1_500, Markov(spanish, 3)),
                ],
                MaleGiven = Cap([.. NameLists.Of(NameLists.SpanishMale), .. Bogus("es", "male_first_name")]),
                FemaleGiven = Cap([.. NameLists.Of(NameLists.SpanishFemale), .. Bogus("es", "female_first_name")]),
            },
            new()
            {
                Name = "Portuguese and Madeiran", Share = 0.02, Surnames = portuguese,
                Tails =
                [
                    new(13_500, r => DoubleBarrelled(r, portuguese, " ")),
                    new(320, Markov(portuguese, 3)),
                ],
                MaleGiven = Cap([.. Bogus("pt_PT", "male_first_name"), .. Bogus("pt_BR", "male_first_name")]),
                FemaleGiven = Cap([.. Bogus("pt_PT", "female_first_name"), .. Bogus("pt_BR", "female_first_name")]),
            },
            new()
            {
                Name = "Dutch and Flemish", Share = 0.002,
                Surnames = [.. NameLists.Of(NameLists.Dutch), .. Bogus("nl", "last_name"), .. Bogus("nl_BE", "last_name")],
                Tails = [new(1_000, Markov([.. Bogus("nl", "last_name"), .. Bogus("nl_BE", "last_name"), .. Bogus("de", "last_name").Take(300)], 3))],
                MaleGiven = Cap(Shuffle(Bogus("nl", "male_first_name"), random)), FemaleGiven = Cap(Shuffle(Bogus("nl", "female_first_name"), random)),
            },
            new()
            {
                Name = "Scandinavian", Share = 0.0015, Surnames = Shuffle([.. Bogus("sv", "last_name"), .. Bogus("nb_NO", "last_name")], random),
                Tails = [new(300, Markov([.. Bogus("sv", "last_name"), .. Bogus("nb_NO", "last_name")], 3))],
                MaleGiven = [.. Bogus("sv", "male_first_name"), .. Bogus("nb_NO", "male_first_name")],
                FemaleGiven = [.. Bogus("sv", "female_first_name"), .. Bogus("nb_NO", "female_first_name")],
            },
            new()
            {
                Name = "Finnish", Share = 0.0005, Surnames = Bogus("fi", "last_name"),
                Tails = [new(100, Markov(Bogus("fi", "last_name"), 3))],
                MaleGiven = Bogus("fi", "male_first_name"), FemaleGiven = Bogus("fi", "female_first_name"),
            },
        ];
    }

    /// <summary>The head's names of one culture (see <see cref="NameLists.Head"/>), for training that culture's chain.</summary>
    public static List<string> HeadOf(string culture) =>
        Head().Where(h => h.Culture == culture).Select(h => h.Name).ToList();

    /// <summary>The head as (name, culture) in rank order.</summary>
    public static List<(string Name, string Culture)> Head() =>
        NameLists.Of(NameLists.Head).Select(entry => entry.Split(':') is [var name, var culture] ? (name, culture) : (entry, "English")).ToList();

    /// <summary>A Bogus locale's list under "name" (e.g. ("pl", "last_name")), or empty where that locale has none.</summary>
    public static List<string> Bogus(string locale, string key)
    {
        var names = global::Bogus.Database.GetLocale(locale)["name"] as BObject;
        if (names is null || !names.Keys.Contains(key) || names[key] is not BArray array)
        {
            return [];
        }

        var list = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(array[i].StringValue);
        }

        return list;
    }

    /// <summary>Croatian double surnames that Bogus's list runs together (AkšamovićAndrić) get their hyphen back.</summary>
    private static string SplitJoined(string name)
    {
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsLower(name[i - 1]) && char.IsUpper(name[i]))
            {
                return name[..i] + "-" + name[i..];
            }
        }

        return name;
    }

    private static List<string> Cap(List<string> names, int limit = GivenNamesPerList) =>
        names.Where(n => n.Length > 0).Distinct().Take(limit).ToList();
}
