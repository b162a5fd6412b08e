using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Reports;

/// <summary>One person in a disproportionality cohort: where they are described, the case, and the stages they reached.</summary>
public sealed record CohortMember(Guid CaseId, string? Ethnicity, string? Gender, string AgeBand, IReadOnlySet<string> Reached);

/// <summary>
/// Who reaches each stage, by ethnic group, sex and age band, against those referred: for children (or Jersey's young
/// people and adults) referred in the period (offered restorative justice, took part, warned, breached), and for victims
/// whose details reached the service in the period (offered restorative justice, took part). Each stage is counted among
/// the people referred in the period, so a rate is the share of that group's referrals reaching the stage.
/// </summary>
public sealed record DisproportionalityReport(ReportPeriod Period, Jurisdiction Jurisdiction, IReadOnlyList<Breakdown> Harmers, IReadOnlyList<Breakdown> Victims)
{
    public ReportWords Words => ReportWords.For(Jurisdiction);

    public IEnumerable<Figure> Figures => Harmers.Concat(Victims).SelectMany(b => b.Groups).SelectMany(g => g.ByStage);

    /// <summary>Who caused harm, in this jurisdiction's words, capitalised for a heading: "Children" or "Young people and adults".</summary>
    public string HarmersHeading => char.ToUpperInvariant(Words.People[0]) + Words.People[1..];

    /// <summary>The tables as exported: a row per group, its counts and rates at each stage, counts of 1 to 4 suppressed.</summary>
    public IEnumerable<ReportTable> Tables() =>
        Harmers.Select(b => b.Table($"{HarmersHeading} by {b.Dimension.ToLowerInvariant()}"))
            .Concat(Victims.Select(b => b.Table($"Victims by {b.Dimension.ToLowerInvariant()}")));
}

/// <summary>One dimension (ethnic group, sex or age band): the stages, and each group's figure at every stage (referred first).</summary>
public sealed record Breakdown(string Dimension, IReadOnlyList<string> Stages, IReadOnlyList<Breakdown.Group> Groups)
{
    public sealed record Group(string Name, IReadOnlyList<Figure> ByStage)
    {
        public Figure Referred => ByStage[0];

        public decimal? Rate(int stage) => Referred.Count == 0 ? null : Math.Round(100m * ByStage[stage].Count / Referred.Count, 1);
    }

    public ReportTable Table(string name) =>
        new(name,
            [Dimension, .. Stages.SelectMany((s, i) => i == 0 ? [s] : new[] { s, $"{s} (% of referred)" })],
            Groups.Select(g => (IReadOnlyList<object?>)
            [
                g.Name,
                .. g.ByStage.SelectMany((f, i) => i == 0
                    ? [Disclosure.Count(f.Count)]
                    : new[] { Disclosure.Part(f.Count, g.Referred.Count), Disclosure.Rate(f.Count, g.Referred.Count) }),
            ]).ToList());
}

/// <summary>
/// The groups people are counted in. Ethnic group: the five high-level Census 2021 groups (ONS, Census 2021 dictionary,
/// ethnic group, 19 categories in 5 groups), from the detailed code Mend records; sex as recorded (Mend records gender);
/// age band at referral in the bands youth justice statistics use for children (10 to 14, 15 to 17).
/// </summary>
public static class Disproportionality
{
    public const string Referred = "referred";
    public const string OfferedRj = "offered";
    public const string TookPart = "tookPart";
    public const string Warned = "warned";
    public const string Breached = "breached";

    public static readonly IReadOnlyDictionary<string, string> StageNames = new Dictionary<string, string>
    {
        [Referred] = "Referred",
        [OfferedRj] = "Offered restorative justice",
        [TookPart] = "Took part",
        [Warned] = "Warned",
        [Breached] = "Breached (returned to court)",
    };

    public static readonly IReadOnlyList<string> EthnicGroups =
    [
        "Asian, Asian British or Asian Welsh", "Black, Black British, Black Welsh, Caribbean or African", "Mixed or Multiple ethnic groups", "White",
        "Other ethnic group", "Not known or not stated", "Not recorded",
    ];

    public static readonly IReadOnlyList<string> HarmerAgeBands = ["Under 10", "10 to 14", "15 to 17", "18 and over", "Not known"];

    public static readonly IReadOnlyList<string> VictimAgeBands = ["Under 10", "10 to 17", "18 to 24", "25 to 64", "65 and over", "Not known"];

    /// <summary>The Census 2021 high-level group of a detailed code (A1…O2), "Not known or not stated" (NK, NS) or "Not recorded".</summary>
    public static string EthnicGroupOf(string? code) => code switch
    {
        null or "" => "Not recorded",
        "NK" or "NS" => "Not known or not stated",
        _ => code[0] switch
        {
            'A' => EthnicGroups[0],
            'B' => EthnicGroups[1],
            'M' => EthnicGroups[2],
            'W' => EthnicGroups[3],
            'O' => EthnicGroups[4],
            _ => "Not recorded",
        },
    };

    public static string HarmerAgeBand(int? age) => age switch
    {
        null => "Not known",
        < 10 => "Under 10",
        < 15 => "10 to 14",
        < 18 => "15 to 17",
        _ => "18 and over",
    };

    public static IReadOnlyList<Breakdown> For(string who, IReadOnlyList<string> stages, IReadOnlyList<CohortMember> cohort, IReadOnlyList<string> ageBands)
    {
        var genders = People.Vocabularies.Genders.Values.Append("Not recorded").ToList();
        return
        [
            Break(who, "Ethnic group", stages, cohort, EthnicGroups, m => EthnicGroupOf(m.Ethnicity)),
            Break(who, "Sex", stages, cohort, genders, m => People.Vocabularies.Describe(People.Vocabularies.Genders, m.Gender)),
            Break(who, "Age band", stages, cohort, ageBands, m => m.AgeBand),
        ];
    }

    private static Breakdown Break(string who, string dimension, IReadOnlyList<string> stages, IReadOnlyList<CohortMember> cohort, IReadOnlyList<string> groups,
        Func<CohortMember, string> groupOf) =>
        new(dimension, stages.Select(s => StageNames[s]).ToList(), groups.Select(g =>
        {
            var members = cohort.Where(m => groupOf(m) == g).ToList();
            return new Breakdown.Group(g, stages.Select(s => Figure.Of($"{who}.{Slug(dimension)}.{Slug(g)}.{s}",
                $"{(who == "victims" ? "Victims" : "People who caused harm")}, {dimension.ToLowerInvariant()} {g}: {StageNames[s].ToLowerInvariant()}",
                members.Where(m => s == Referred || m.Reached.Contains(s)).ToList(), m => m.CaseId)).ToList());
        }).ToList());

    private static string Slug(string text) => string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
