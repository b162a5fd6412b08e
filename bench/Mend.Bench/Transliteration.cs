using System.Globalization;
using System.Text;

namespace Mend.Bench;

/// <summary>
/// Names written in Cyrillic, Greek, Georgian or with Azerbaijani ə, spelt in Latin letters as British and Jersey records
/// hold them (from the passport's Latin line). <see cref="Mend.Web.Platform.Search.Trigrams.Normalise"/> keeps letters of
/// any script, so a name left in Cyrillic would be searchable only by someone typing Cyrillic.
/// </summary>
public static class Transliteration
{
    /// <summary>Russian, after the scheme of Russian international passports since 2013 (Смирнов → Smirnov, Щукин → Shchukin).</summary>
    public static string Russian(string name) => Spell(name, Russians, null);

    /// <summary>
    /// Ukrainian, after Ukraine's official romanisation of 2010 used in its passports (Коваленко → Kovalenko, Гнатюк → Hnatiuk):
    /// є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere.
    /// </summary>
    public static string Ukrainian(string name) => Spell(name, Ukrainians, UkrainianInitials);

    /// <summary>Greek, after ELOT 743 simplified: accents dropped, ου is ou, αυ and ευ are av and ev, μπ starting a word is B.</summary>
    public static string Greek(string name)
    {
        var plain = new string(name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        var lower = plain.ToLowerInvariant();
        var builder = new StringBuilder();
        for (var i = 0; i < lower.Length; i++)
        {
            var pair = i + 1 < lower.Length ? lower.Substring(i, 2) : "";
            var piece = pair switch
            {
                "ου" => "ou",
                "αυ" => "av",
                "ευ" => "ev",
                "μπ" when i == 0 || !char.IsLetter(lower[i - 1]) => "b",
                "ντ" when i == 0 || !char.IsLetter(lower[i - 1]) => "d",
                "γγ" => "ng",
                _ => null,
            };
            if (piece is not null)
            {
                i++;
            }
            else
            {
                piece = Greeks.GetValueOrDefault(lower[i]) ?? lower[i].ToString();
            }

            builder.Append(piece);
        }

        return CapitaliseWords(builder.ToString());
    }

    /// <summary>Georgian (Mkhedruli has no capitals), after Georgia's national system of 2002 without its apostrophes (ბერიძე → Beridze).</summary>
    public static string Georgian(string name) =>
        CapitaliseWords(string.Concat(name.Select(c => Georgians.GetValueOrDefault(c) ?? c.ToString())));

    /// <summary>Azerbaijani: ə is a in the passport's Latin line (Məmmədov → Mammadov); its other letters are Latin already.</summary>
    public static string Azerbaijani(string name) => name.Replace('Ə', 'A').Replace('ə', 'a');

    private static string Spell(string name, Dictionary<char, string> letters, Dictionary<char, string>? initials)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var lower = char.ToLowerInvariant(c);
            var atStart = i == 0 || !char.IsLetter(name[i - 1]);
            var piece = (atStart && initials is not null ? initials.GetValueOrDefault(lower) : null)
                ?? letters.GetValueOrDefault(lower) ?? c.ToString();
            builder.Append(char.IsUpper(c) && piece.Length > 0 ? char.ToUpperInvariant(piece[0]) + piece[1..] : piece);
        }

        return builder.ToString();
    }

    private static string CapitaliseWords(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static readonly Dictionary<char, string> Russians = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "e",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "i",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "ie",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "iu",
        ['я'] = "ia",
    };

    private static readonly Dictionary<char, string> Ukrainians = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "h",
        ['ґ'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['є'] = "ie",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "y",
        ['і'] = "i",
        ['ї'] = "i",
        ['й'] = "i",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ь'] = "",
        ['ю'] = "iu",
        ['я'] = "ia",
        ['\''] = "",
        ['’'] = "",
    };

    private static readonly Dictionary<char, string> UkrainianInitials = new()
    {
        ['є'] = "ye",
        ['ї'] = "yi",
        ['й'] = "y",
        ['ю'] = "yu",
        ['я'] = "ya",
    };

    private static readonly Dictionary<char, string> Greeks = new()
    {
        ['α'] = "a",
        ['β'] = "v",
        ['γ'] = "g",
        ['δ'] = "d",
        ['ε'] = "e",
        ['ζ'] = "z",
        ['η'] = "i",
        ['θ'] = "th",
        ['ι'] = "i",
        ['κ'] = "k",
        ['λ'] = "l",
        ['μ'] = "m",
        ['ν'] = "n",
        ['ξ'] = "x",
        ['ο'] = "o",
        ['π'] = "p",
        ['ρ'] = "r",
        ['σ'] = "s",
        ['ς'] = "s",
        ['τ'] = "t",
        ['υ'] = "y",
        ['φ'] = "f",
        ['χ'] = "ch",
        ['ψ'] = "ps",
        ['ω'] = "o",
    };

    private static readonly Dictionary<char, string> Georgians = new()
    {
        ['ა'] = "a",
        ['ბ'] = "b",
        ['გ'] = "g",
        ['დ'] = "d",
        ['ე'] = "e",
        ['ვ'] = "v",
        ['ზ'] = "z",
        ['თ'] = "t",
        ['ი'] = "i",
        ['კ'] = "k",
        ['ლ'] = "l",
        ['მ'] = "m",
        ['ნ'] = "n",
        ['ო'] = "o",
        ['პ'] = "p",
        ['ჟ'] = "zh",
        ['რ'] = "r",
        ['ს'] = "s",
        ['ტ'] = "t",
        ['უ'] = "u",
        ['ფ'] = "p",
        ['ქ'] = "k",
        ['ღ'] = "gh",
        ['ყ'] = "q",
        ['შ'] = "sh",
        ['ჩ'] = "ch",
        ['ც'] = "ts",
        ['ძ'] = "dz",
        ['წ'] = "ts",
        ['ჭ'] = "ch",
        ['ხ'] = "kh",
        ['ჯ'] = "j",
        ['ჰ'] = "h",
    };
}
