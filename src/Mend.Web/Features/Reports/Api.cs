using System.Globalization;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.Reports;

/// <summary>Performance reports for managers: /api/v1/reports/kpi10 (JSON naming each line, or the case-level extract as CSV).</summary>
public static class ReportsApi
{
    public sealed record LineResource(string Key, string Name, int Count);

    public sealed record Kpi10Resource(string Quarter, string Label, DateOnly Starts, DateOnly Ends, decimal? Headline, IReadOnlyList<LineResource> Lines, bool FromReplica);

    public sealed record Kpi6LineResource(string? Kind, string Name, int Ended, int Completed, decimal? CompletedPercent);

    public sealed record Kpi6Resource(string Quarter, string Label, DateOnly Starts, DateOnly Ends, IReadOnlyList<Kpi6LineResource> Lines);

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/service", async (DateOnly? from, DateOnly? to, HttpContext http, ServiceReportSource source, AuditTrail audit, CancellationToken ct) =>
            {
                var (period, errors) = ReportPeriod.Check(from, to);
                if (period is null)
                {
                    return ApiResults.FieldErrors(errors);
                }

                var report = await source.ForAsync(http.User, period, ct);
                audit.Record(AuditAction.View, "ServiceReport", null, purpose: $"Restorative justice service report {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}");
                await audit.SaveAsync(ct);
                return Results.Ok(report);
            })
            .WithName("GetServiceReport")
            .WithSummary("The restorative justice service report over from..to (at most 5 years): referrals by source, processes by kind and where they stand")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ServiceReport>().ProducesValidationProblem();

        group.MapGet("/kpi6", async (string? quarter, HttpContext http, Kpi6Source source, AuditTrail audit, CancellationToken ct) =>
            {
                var (parsed, error) = ReportQuarter.Parse(quarter);
                if (parsed is null)
                {
                    return ApiResults.FieldErrors(new Dictionary<string, string> { ["quarter"] = error! });
                }

                var lines = Kpi6.For(parsed, await source.ForAsync(http.User, parsed, ct));
                audit.Record(AuditAction.View, "Kpi6", parsed.Code, purpose: $"KPI 6 return, {parsed.Label}");
                await audit.SaveAsync(ct);
                return Results.Ok(new Kpi6Resource(parsed.Code, parsed.Label, parsed.Starts, parsed.Ends,
                    lines.Select(l => new Kpi6LineResource(l.Kind?.ToString(), l.Name, l.Ended, l.Completed, l.CompletedPercent)).ToList()));
            })
            .WithName("GetKpi6")
            .WithSummary("YJB KPI 6 (out-of-court disposals) for a financial-year quarter: children who completed against those whose disposal ended, in all and by kind")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<Kpi6Resource>().ProducesValidationProblem();

        group.MapGet("/kpi10", async (string? quarter, string? format, HttpContext http, Kpi10Source source, Data.ReportDatabase reports, AuditTrail audit,
                CancellationToken ct) =>
            {
                var (parsed, error) = ReportQuarter.Parse(quarter);
                if (parsed is null || format is not (null or "json" or "csv"))
                {
                    return ApiResults.FieldErrors(parsed is null
                        ? new Dictionary<string, string> { ["quarter"] = error! }
                        : new Dictionary<string, string> { ["format"] = "Ask for format=json (the default) or format=csv (the case-level extract)" });
                }

                var result = Kpi10.For(parsed, await source.ForAsync(http.User, parsed, ct));
                if (format == "csv")
                {
                    foreach (var person in result.Rows.Select(r => r.Facts.VictimPersonId).Distinct())
                    {
                        audit.Record(AuditAction.Export, "Kpi10", parsed.Code, subjectPersonId: person, purpose: $"KPI 10 case-level extract, {parsed.Label}");
                    }

                    await audit.SaveAsync(ct);
                    return Results.File(Kpi10Csv.Write(result), "text/csv", $"kpi10-{parsed.Code}.csv");
                }

                audit.Record(AuditAction.View, "Kpi10", parsed.Code, purpose: $"KPI 10 return, {parsed.Label}");
                await audit.SaveAsync(ct);
                return Results.Ok(new Kpi10Resource(parsed.Code, parsed.Label, parsed.Starts, parsed.Ends, result.Headline,
                    result.Lines.Select(l => new LineResource(l.Key, l.Name, l.Count)).ToList(), reports.UsesReplica));
            })
            .WithName("GetKpi10")
            .WithSummary("YJB KPI 10 (Victims) for a financial-year quarter (quarter=2026-Q3 is October to December 2026): each line by name, or format=csv for the case-level extract")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<Kpi10Resource>().Produces(200, contentType: "text/csv").ProducesValidationProblem();
    }
}
