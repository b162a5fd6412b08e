namespace Mend.Bench;

/// <summary>
/// Mend's benchmark tools. scripts/bench and scripts/bench-search run them in order; each can also be run alone.
///   cases    --provider postgres|sqlite --connection CS --scale N --worker ID --key BASE64 --out DIR   load N cases
///   people   --connection CS --scale N [--seed 42] --queries FILE   load N people only (PostgreSQL)
///   token    --provider P --connection CS --key BASE64 [--password PW] [--role manager]   make the bench practitioner (or a manager); print its id, e-mail and an API token
///   baseline --connection CS --key BASE64 --port P                 the hand-written raw-Npgsql case page and caseload
///   page     --url URL --name NAME --path /Cases/{id} [--ids FILE] [--email E --password PW | --token T] [--seconds 30] [--connections 8] [--pid PID] [--db-pid POSTMASTER] [--warmup N] [--warmup-seconds S] --out MD --json JSONL
///   summary  --json JSONL --out MD [--scale N --load-seconds S --provider P]   the comparisons against the targets
///   search   --url URL --token T --queries FILE [--seconds 30] [--connections 8] [--pid PID] [--db-pid POSTMASTER] [--warmup-seconds S] --out MD --json JSONL
///   kpi10    --connection CS --key BASE64 --out MD [--quarter 2026-Q2] [--repeats 5]   KPI 10 by Mend against hand-written SQL (PostgreSQL)
///   documents --out MD [--rows 120] [--repeats 20] [--at-once 20] [--max-at-once 2]   a 10-page court report as DOCX and PDF
///   drill    session|limits|reports|writes|check-writes|ready ...   scripts/ha-drill's client (see Drill)
///   names    [--scale 2000000] [--seed 42] [--surnames 150000] [--examples N]   the people loader's names and their distribution, without a database
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1).ToArray());
        return args.FirstOrDefault() switch
        {
            "cases" => await CaseLoader.RunAsync(options),
            "baseline" => await Baseline.RunAsync(options),
            "page" => await PageScenario.RunAsync(options),
            "summary" => await Summary.RunAsync(options),
            "people" => await PeopleLoader.RunAsync(options),
            "token" => await BenchUser.RunAsync(options),
            "search" => await SearchScenario.RunAsync(options),
            "documents" => await DocumentScenario.RunAsync(options),
            "kpi10" => await Kpi10Scenario.RunAsync(options),
            "names" => NamesReport.Run(options),
            "drill" => await Drill.RunAsync(args.ElementAtOrDefault(1), Options.Parse(args.Skip(2).ToArray())),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("Usage: Mend.Bench cases|people|token|baseline|page|search|documents|kpi10|names|drill --option value ... (see scripts/bench)");
        return 64;
    }
}
