using Mend.Web.Platform.Composition;

namespace Mend.Web.Features.Cases;

/// <summary>Registers cases' settings (Mend:Cases) and services: access, referrals and the work due on a caseload.</summary>
public static class CasesFeature
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddMendSettings<CaseSettings>("Mend:Cases")
        .AddScoped<CaseAccess>()
        .AddScoped<ReferCase>()
        .AddScoped<WorkDue>();
}
