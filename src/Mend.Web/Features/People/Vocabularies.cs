namespace Mend.Web.Features.People;

/// <summary>
/// The fixed lists people are described with. Ethnicity uses the Census 2021 (England and Wales)
/// groups, as youth justice disproportionality reporting does; codes are stored, words are shown.
/// </summary>
public static class Vocabularies
{
    public static readonly IReadOnlyDictionary<string, string> Genders = new Dictionary<string, string>
    {
        ["female"] = "Female",
        ["male"] = "Male",
        ["non-binary"] = "Non-binary",
        ["other"] = "Another gender",
        ["not-known"] = "Not known",
        ["not-stated"] = "Prefers not to say",
    };

    public static readonly IReadOnlyDictionary<string, string> Ethnicities = new Dictionary<string, string>
    {
        ["A1"] = "Asian or Asian British: Indian",
        ["A2"] = "Asian or Asian British: Pakistani",
        ["A3"] = "Asian or Asian British: Bangladeshi",
        ["A4"] = "Asian or Asian British: Chinese",
        ["A5"] = "Asian or Asian British: any other Asian background",
        ["B1"] = "Black, Black British, Caribbean or African: Caribbean",
        ["B2"] = "Black, Black British, Caribbean or African: African",
        ["B3"] = "Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background",
        ["M1"] = "Mixed or multiple ethnic groups: White and Black Caribbean",
        ["M2"] = "Mixed or multiple ethnic groups: White and Black African",
        ["M3"] = "Mixed or multiple ethnic groups: White and Asian",
        ["M4"] = "Mixed or multiple ethnic groups: any other mixed or multiple ethnic background",
        ["W1"] = "White: English, Welsh, Scottish, Northern Irish or British",
        ["W2"] = "White: Irish",
        ["W3"] = "White: Gypsy or Irish Traveller",
        ["W4"] = "White: Roma",
        ["W5"] = "White: any other White background",
        ["O1"] = "Other ethnic group: Arab",
        ["O2"] = "Other ethnic group: any other ethnic group",
        ["NK"] = "Not known",
        ["NS"] = "Prefers not to say",
    };

    public static string Describe(IReadOnlyDictionary<string, string> list, string? code) =>
        code is not null && list.TryGetValue(code, out var text) ? text : "Not recorded";
}
