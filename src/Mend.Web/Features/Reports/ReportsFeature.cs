namespace Mend.Web.Features.Reports;

/// <summary>Registers the performance reports.</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddScoped<Kpi10Source>().AddScoped<Kpi6Source>().AddScoped<ServiceReportSource>().AddScoped<DisproportionalitySource>();
}
