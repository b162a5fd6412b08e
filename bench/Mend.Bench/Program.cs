namespace Mend.Bench;

/// <summary>
/// Mend's benchmark tools. scripts/bench-search runs them in order; each can also be run alone.
///   people  --connection CS --scale N [--seed 42] --queries FILE   load N people into PostgreSQL
///   token   --connection CS --key BASE64                           make a practitioner and print an API token
///   search  --url URL --token T --queries FILE [--seconds 30] [--connections 8] --out FILE
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1).ToArray());
        return args.FirstOrDefault() switch
        {
            "people" => await PeopleLoader.RunAsync(options),
            "token" => await BenchUser.RunAsync(options),
            "search" => await SearchScenario.RunAsync(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("Usage: Mend.Bench people|token|search --option value ... (see scripts/bench-search)");
        return 64;
    }
}
