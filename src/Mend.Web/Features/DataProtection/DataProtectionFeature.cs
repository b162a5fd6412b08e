namespace Mend.Web.Features.DataProtection;

/// <summary>Registers the data protection work: so far the retention schedule.</summary>
public static class DataProtectionFeature
{
    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services) => services.AddScoped<ManageRetention>();
}
