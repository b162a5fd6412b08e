using Mend.Web.Platform.Composition;

namespace Mend.Web.Features.Assessments;

/// <summary>Registers assessments' settings (Mend:Assessments) and operations.</summary>
public static class AssessmentsFeature
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services
        .AddMendSettings<AssessmentSettings>("Mend:Assessments")
        .AddScoped<AssessmentChecks>()
        .AddScoped<RecordAnswers>()
        .AddScoped<StartAssessment>()
        .AddScoped<DecideAssessment>()
        .AddScoped<ProcessReadiness>();
}
