namespace Mend.Web.Features.Panels;

/// <summary>Registers panels' operations.</summary>
public static class PanelsFeature
{
    public static IServiceCollection AddPanels(this IServiceCollection services) => services.AddScoped<PanelMeetings>();
}
