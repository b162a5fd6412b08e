namespace Mend.Web.Features.Safeguarding;

/// <summary>Registers safeguarding referrals.</summary>
public static class SafeguardingFeature
{
    public static IServiceCollection AddSafeguarding(this IServiceCollection services) => services.AddScoped<SafeguardingReferrals>();
}
