namespace Mend.Web.Features.Partners;

/// <summary>Registers the partner directory's reading side.</summary>
public static class DirectoryFeature
{
    public static IServiceCollection AddPartnerDirectory(this IServiceCollection services) => services.AddScoped<PartnerDirectory>();
}
