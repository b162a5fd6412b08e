using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Mend.Web;
using Mend.Web.Features.Reports;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mend.Bench;

/// <summary>
/// KPI 10 for one quarter over the loaded cases, worked out by Mend (Kpi10Source and the Kpi10 policy, as the reports page
/// and API call them) and by one hand-written SQL query over the same rows, alternately, in the same run. Both must give
/// the same count on every line; the result is the ratio of their median times (issue 17's goal: at most 1.2).
/// </summary>
public static class Kpi10Scenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var connection = options.Required("connection");
        var quarter = ReportQuarter.Parse(options.Optional("quarter") ?? ReportQuarter.LastEnded(TimeProvider.System).Code).Quarter
                      ?? throw new ArgumentException("--quarter is like 2026-Q3");
        var repeats = int.Parse(options.Optional("repeats") ?? "5", CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mend:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Mend"] = connection,
            ["Mend:Encryption:Keys:1"] = options.Required("key"),
            ["Mend:Email:Folder"] = Path.Combine(Path.GetTempPath(), "mend-bench-mail"),
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.AddMend();
        await using var app = builder.Build();
        var manager = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, Roles.Manager),
            new Claim(MendClaims.TeamId, Team.DefaultId.ToString()),
        ], "bench"));

        async Task<IReadOnlyDictionary<string, int>> MendAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var facts = await scope.ServiceProvider.GetRequiredService<Kpi10Source>().ForAsync(manager, ReportScope.YouthJustice, quarter, default);
            return Kpi10.For(quarter, facts).Lines.ToDictionary(l => l.Key, l => l.Count);
        }

        await using var sql = new NpgsqlConnection(connection);
        await sql.OpenAsync();

        async Task<IReadOnlyDictionary<string, int>> SqlAsync()
        {
            await using var command = new NpgsqlCommand(Kpi10Sql, sql) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("start", quarter.Starts);
            command.Parameters.AddWithValue("end", quarter.Ends);
            command.Parameters.AddWithValue("team", Team.DefaultId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            string[] keys = [Kpi10.Children, Kpi10.Victims, Kpi10.Consented, Kpi10.Engaged, Kpi10.ViewsSought, Kpi10.ProgressRequested, Kpi10.ProgressProvided,
                Kpi10.SupportRequested, Kpi10.SupportProvided];
            return keys.Select((k, i) => (k, (int)reader.GetInt64(i))).ToDictionary(x => x.k, x => x.Item2);
        }

        var mendTimes = new List<double>();
        var sqlTimes = new List<double>();
        IReadOnlyDictionary<string, int> mendLines = await MendAsync(), sqlLines = await SqlAsync();
        var peak = 0L;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            mendLines = await MendAsync();
            mendTimes.Add(clock.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
            clock.Restart();
            sqlLines = await SqlAsync();
            sqlTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var same = mendLines.All(l => sqlLines[l.Key] == l.Value);
        var ratio = Median(mendTimes) / Median(sqlTimes);
        List<string> lines =
        [
            $"## KPI 10 for {quarter.Label} ({quarter.Starts:yyyy-MM-dd} to {quarter.Ends:yyyy-MM-dd})",
            "",
            $"Mend (Kpi10Source and the Kpi10 policy, in process) against one hand-written SQL query over the same rows, alternately, {repeats} times each after one warm-up.",
            "",
            "| line | Mend | SQL |",
            "|---|---|---|",
            .. mendLines.Select(l => $"| {l.Key} | {l.Value:N0} | {sqlLines[l.Key]:N0} |"),
            "",
            "| | median ms | fastest ms | slowest ms |",
            "|---|---|---|---|",
            $"| Mend | {Median(mendTimes):0} | {mendTimes.Min():0} | {mendTimes.Max():0} |",
            $"| hand-written SQL | {Median(sqlTimes):0} | {sqlTimes.Min():0} | {sqlTimes.Max():0} |",
            "",
            $"Mend takes {ratio:0.00} times the hand-written query's time (goal: at most 1.2); the counts {(same ? "agree on every line" : "DIFFER")}. Peak working set of the bench process: {peak / 1024 / 1024} MB.",
            "",
        ];
        await File.AppendAllLinesAsync(options.Required("out"), lines);
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        return same ? 0 : 1;
    }

    /// <summary>
    /// KPI 10 in one query, by the same rules as <see cref="Kpi10"/> and <see cref="Kpi10Source"/>: the cases (England and Wales,
    /// the team's, not restricted) whose orders have all ended, the last in the quarter; each victim once, against the most
    /// serious offence (linked to them, else the case's, else none), then the most recent; every child on the first line; consent
    /// is the latest answer by the quarter's end; RJ engaged when a process they took part in was recorded as held.
    /// </summary>
    public const string Kpi10Sql = """
        WITH ended AS (
            SELECT o."CaseId", max(o."EndedOn") AS ended, max(o."DecidedOn") AS decided
            FROM "Orders" o JOIN "Cases" c ON c."Id" = o."CaseId"
            WHERE c."Jurisdiction" = 'EnglandAndWales' AND c."TeamId" = @team AND NOT c."IsRestricted"
              AND o."CaseId" IN (SELECT e."CaseId" FROM "Orders" e WHERE e."EndedOn" BETWEEN @start AND @end)
            GROUP BY o."CaseId"
            HAVING bool_and(o."EndedOn" IS NOT NULL) AND max(o."EndedOn") BETWEEN @start AND @end
        ), candidates AS (
            SELECT v."Id" AS victim_id, v."PersonId" AS person_id, v."CaseId" AS case_id, e.decided, e.ended, v."DeclinedOn" AS declined_on,
                   coalesce(t."GravityScore", 0) AS gravity, f."CommittedOn" AS committed_on,
                   (SELECT p."PersonId" FROM "CaseParticipants" p WHERE p."CaseId" = v."CaseId" AND p."Role" = 'YoungPerson' AND p."EndedAt" IS NULL
                    ORDER BY p."Id" LIMIT 1) AS child
            FROM ended e
            JOIN "Victims" v ON v."CaseId" = e."CaseId"
            LEFT JOIN "Offences" f ON f."CaseId" = v."CaseId"
                AND (EXISTS (SELECT 1 FROM "OffenceVictims" ov WHERE ov."OffenceId" = f."Id" AND ov."PersonId" = v."PersonId")
                     OR NOT EXISTS (SELECT 1 FROM "Offences" f2 JOIN "OffenceVictims" ov2 ON ov2."OffenceId" = f2."Id"
                                    WHERE f2."CaseId" = v."CaseId" AND ov2."PersonId" = v."PersonId"))
            LEFT JOIN "OffenceTypes" t ON t."Id" = f."OffenceTypeId"
        ), counted AS (
            SELECT DISTINCT ON (person_id) * FROM candidates ORDER BY person_id, gravity DESC, committed_on DESC NULLS LAST, ended DESC
        ), facts AS (
            SELECT c.case_id,
                coalesce((SELECT a.agreed FROM (
                    SELECT ch."On" AS on_day, ch."Agreed" AS agreed, 0 AS declined, ch."Id" AS id FROM "VictimChoices" ch
                    WHERE ch."VictimId" = c.victim_id AND ch."Kind" = 'Contact' AND ch."On" <= @end
                    UNION ALL SELECT c.declined_on, false, 1, 0 WHERE c.declined_on <= @end) a
                    ORDER BY a.on_day DESC, a.declined DESC, a.id DESC LIMIT 1), false) AS consented,
                EXISTS (SELECT 1 FROM "VictimViews" w WHERE w."VictimId" = c.victim_id AND w."On" <= c.decided) AS view_sought,
                (SELECT min((coalesce(r."StartsAt", r."RecordedAt") AT TIME ZONE 'Europe/London')::date) FROM "RjProcesses" r
                    JOIN "ProcessParticipants" pp ON pp."RjProcessId" = r."Id" AND pp."PersonId" = c.person_id
                    WHERE r."CaseId" = c.case_id AND r."RecordedAt" IS NOT NULL) AS rj_started,
                (SELECT min(ch."On") FROM "VictimChoices" ch WHERE ch."VictimId" = c.victim_id AND ch."Kind" = 'KeptInformed' AND ch."Agreed") AS progress_asked,
                (SELECT min(r."On") FROM "VictimRecords" r WHERE r."VictimId" = c.victim_id AND r."Kind" = 'ProgressUpdate') AS progress_given,
                (SELECT min(r."On") FROM "VictimRecords" r WHERE r."VictimId" = c.victim_id AND r."Kind" = 'SupportWanted') AS support_asked,
                (SELECT min(r."On") FROM "VictimRecords" r WHERE r."VictimId" = c.victim_id AND r."Kind" = 'SupportReferral') AS support_given
            FROM counted c
        )
        SELECT (SELECT count(DISTINCT child) FROM candidates), count(*),
            count(*) FILTER (WHERE consented), count(*) FILTER (WHERE consented AND rj_started <= @end), count(*) FILTER (WHERE view_sought),
            count(*) FILTER (WHERE progress_asked <= @end), count(*) FILTER (WHERE progress_asked <= @end AND progress_given <= @end),
            count(*) FILTER (WHERE support_asked <= @end), count(*) FILTER (WHERE support_asked <= @end AND support_given <= @end)
        FROM facts
        """;
}
