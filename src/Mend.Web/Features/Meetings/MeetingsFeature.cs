namespace Mend.Web.Features.Meetings;

/// <summary>Registers professionals' meetings.</summary>
public static class MeetingsFeature
{
    public static IServiceCollection AddProfessionalMeetings(this IServiceCollection services) => services.AddScoped<ProfessionalMeetings>();
}
