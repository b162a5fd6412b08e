using Mend.Web.Features.Cases;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Performance reports for managers under /api/v1/reports: KPI 10 and KPI 6 by quarter, and the service and
/// disproportionality reports over a period, each narrowed to the manager's team on request (<c>team</c>), as JSON or
/// exported (<c>format=csv</c> or <c>xlsx</c>).
/// </summary>
public static class ReportsApi
{
    public sealed record LineResource(string Key, string Name, int Count);

    public sealed record Kpi10Resource(string Quarter, string Label, DateOnly Starts, DateOnly Ends, decimal? Headline, IReadOnlyList<LineResource> Lines, bool FromReplica);

    public sealed record Kpi6LineResource(string? Kind, string Name, int Ended, int Completed, decimal? CompletedPercent);

    public sealed record Kpi6Resource(string Quarter, string Label, DateOnly Starts, DateOnly Ends, IReadOnlyList<Kpi6LineResource> Lines);

    public sealed record ProcessResource(string Kind, string Outcome, int Count);

    public sealed record WaitResource(int Ended, int StillWaiting, double? MedianDays, int? LongestDays);

    public sealed record FeedbackResource(string Group, int Answered, int Satisfied, int? FeltSafe, int FeltListenedTo, int? WouldRecommend);

    public sealed record ServiceResource(DateOnly From, DateOnly To, string Jurisdiction, IReadOnlyList<LineResource> ReferralsBySource,
        IReadOnlyList<LineResource> ReferralsByMonth, IReadOnlyList<ProcessResource> Processes, WaitResource FirstContact, WaitResource ToProcess,
        IReadOnlyList<LineResource> Agreements, IReadOnlyList<FeedbackResource> Satisfaction)
    {
        /// <summary>Training the team delivered to others in the period, by audience.</summary>
        public IReadOnlyList<Staff.TrainingDelivered.AudienceFigures> TrainingDelivered { get; init; } = [];
    }

    public sealed record TableResource(string Name, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public sealed record DisproportionalityResource(DateOnly From, DateOnly To, string Jurisdiction, IReadOnlyList<TableResource> Tables);

    private static readonly string[] Formats = ["json", "csv", "xlsx"];

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/service", async (DateOnly? from, DateOnly? to, Guid? team, string? jurisdiction, string? format, HttpContext http,
                ServiceReportSource source, CaseSettings cases, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            {
                var (errors, period, scope) = Check(http, from, to, team, jurisdiction, format, cases);
                if (errors is not null)
                {
                    return errors;
                }

                var report = await source.ForAsync(http.User, scope!, period!, ct);
                return await AnswerAsync(format, ReportPages.Service, scope!, report.Period, report.Tables(), () => new ServiceResource(report.Period.From,
                    report.Period.To, report.Jurisdiction.ToString(), Lines(report.ReferralsBySource), Lines(report.ReferralsByMonth),
                    report.Processes.Select(p => new ProcessResource(p.Kind, p.Outcome, p.Figure.Count)).ToList(), Wait(report.FirstContact), Wait(report.ToProcess),
                    Lines(report.Agreements), report.Satisfaction.Select(s => new FeedbackResource(s.Group, s.Answered.Count, s.Satisfied.Count, s.FeltSafe?.Count,
                        s.FeltListenedTo.Count, s.WouldRecommend?.Count)).ToList())
                { TrainingDelivered = report.TrainingDelivered }, audit, clock, ct);
            })
            .WithName("GetServiceReport")
            .WithSummary("The restorative justice service report over from..to (at most 5 years), for a jurisdiction and optionally the manager's team: referrals, processes, waits, agreements and satisfaction; format=csv or xlsx to export")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<ServiceResource>().Produces(200, contentType: "text/csv").ProducesValidationProblem();

        group.MapGet("/disproportionality", async (DateOnly? from, DateOnly? to, Guid? team, string? jurisdiction, string? format, HttpContext http,
                DisproportionalitySource source, CaseSettings cases, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            {
                var (errors, period, scope) = Check(http, from, to, team, jurisdiction, format, cases);
                if (errors is not null)
                {
                    return errors;
                }

                var report = await source.ForAsync(http.User, scope!, period!, ct);
                var tables = report.Tables().ToList();
                return await AnswerAsync(format, ReportPages.Disproportionality, scope!, report.Period, tables, () => new DisproportionalityResource(report.Period.From,
                    report.Period.To, report.Jurisdiction.ToString(), tables.Select(t => new TableResource(t.Name, t.Headings, t.Rows)).ToList()), audit, clock, ct);
            })
            .WithName("GetDisproportionality")
            .WithSummary("Disproportionality over from..to: people referred, offered RJ, taking part, warned and breached by ethnic group, sex and age band, with rates against those referred; counts of 1 to 4 are suppressed as [c]")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<DisproportionalityResource>().Produces(200, contentType: "text/csv").ProducesValidationProblem();

        group.MapGet("/kpi6", async (string? quarter, Guid? team, HttpContext http, Kpi6Source source, AuditTrail audit, CancellationToken ct) =>
            {
                var (parsed, error) = ReportQuarter.Parse(quarter);
                var why = ReportScope.WhyNotTeam(http.User, team);
                if (parsed is null || why is not null)
                {
                    return ApiResults.FieldErrors(parsed is null ? new Dictionary<string, string> { ["quarter"] = error! } : new Dictionary<string, string> { ["team"] = why! });
                }

                var lines = Kpi6.For(parsed, await source.ForAsync(http.User, ReportScope.YouthJustice with { TeamId = team }, parsed, ct));
                audit.Record(AuditAction.View, "Kpi6", parsed.Code, purpose: $"KPI 6 return, {parsed.Label}");
                await audit.SaveAsync(ct);
                return Results.Ok(new Kpi6Resource(parsed.Code, parsed.Label, parsed.Starts, parsed.Ends,
                    lines.Select(l => new Kpi6LineResource(l.Kind?.ToString(), l.Name, l.Ended, l.Completed, l.CompletedPercent)).ToList()));
            })
            .WithName("GetKpi6")
            .WithSummary("YJB KPI 6 (out-of-court disposals) for a financial-year quarter: children who completed against those whose disposal ended, in all and by kind")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<Kpi6Resource>().ProducesValidationProblem();

        group.MapGet("/kpi10", async (string? quarter, Guid? team, string? format, HttpContext http, Kpi10Source source, Data.ReportDatabase reports,
                AuditTrail audit, CancellationToken ct) =>
            {
                var (parsed, error) = ReportQuarter.Parse(quarter);
                var errors = new Dictionary<string, string>();
                if (parsed is null)
                {
                    errors["quarter"] = error!;
                }

                if (format is not (null or "json" or "csv"))
                {
                    errors["format"] = "Ask for format=json (the default) or format=csv (the case-level extract)";
                }

                if (ReportScope.WhyNotTeam(http.User, team) is { } why)
                {
                    errors["team"] = why;
                }

                if (errors.Count > 0)
                {
                    return ApiResults.FieldErrors(errors);
                }

                var result = Kpi10.For(parsed!, await source.ForAsync(http.User, ReportScope.YouthJustice with { TeamId = team }, parsed!, ct));
                if (format == "csv")
                {
                    Kpi10.RecordExtract(audit, result);
                    await audit.SaveAsync(ct);
                    return Results.File(Kpi10Csv.Write(result), "text/csv", $"kpi10-{parsed!.Code}.csv");
                }

                audit.Record(AuditAction.View, "Kpi10", parsed!.Code, purpose: $"KPI 10 return, {parsed.Label}");
                await audit.SaveAsync(ct);
                return Results.Ok(new Kpi10Resource(parsed.Code, parsed.Label, parsed.Starts, parsed.Ends, result.Headline,
                    result.Lines.Select(l => new LineResource(l.Key, l.Name, l.Count)).ToList(), reports.UsesReplica));
            })
            .WithName("GetKpi10")
            .WithSummary("YJB KPI 10 (Victims) for a financial-year quarter (quarter=2026-Q3 is October to December 2026): each line by name, or format=csv for the case-level extract")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<Kpi10Resource>().Produces(200, contentType: "text/csv").ProducesValidationProblem();
    }

    /// <summary>Null when the request is whole; otherwise the problem naming each wrong field.</summary>
    private static (IResult? Errors, ReportPeriod? Period, ReportScope? Scope) Check(HttpContext http, DateOnly? from, DateOnly? to, Guid? team, string? jurisdiction,
        string? format, CaseSettings cases)
    {
        var (period, errors) = ReportPeriod.Check(from, to);
        var (scope, scopeErrors) = ReportScope.Choose(http.User, team, jurisdiction, cases.Jurisdiction);
        foreach (var (field, message) in scopeErrors)
        {
            errors[field] = message;
        }

        if (format is not null && !Formats.Contains(format))
        {
            errors["format"] = "Ask for format=json (the default), format=csv or format=xlsx";
        }

        return errors.Count > 0 ? (ApiResults.FieldErrors(errors), null, null) : (null, period, scope);
    }

    /// <summary>The report as JSON (recorded as viewed), or as a CSV or XLSX download after its "About" sheet (recorded as exported).</summary>
    private static async Task<IResult> AnswerAsync(string? format, ReportPages.Kind kind, ReportScope scope, ReportPeriod period, IEnumerable<ReportTable> tables,
        Func<object> json, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var export = format is "csv" or "xlsx";
        audit.Record(export ? AuditAction.Export : AuditAction.View, kind.Entity, null, purpose: kind.Purpose(period));
        await audit.SaveAsync(ct);
        if (!export)
        {
            return Results.Ok(json());
        }

        var file = await ReportFile.ForAsync(format!, $"{kind.File}-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}",
            [ReportTable.About(kind.Title, period, scope, clock.GetUtcNow().UtcDateTime, kind.Rules), .. tables], ct);
        return Results.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    private static List<LineResource> Lines(IEnumerable<Figure> figures) => figures.Select(f => new LineResource(f.Key, f.Name, f.Count)).ToList();

    private static WaitResource Wait(ServiceReport.Wait wait) => new(wait.Done.Count, wait.Waiting.Count, wait.MedianDays, wait.LongestDays);
}
