using Mend.Web.Platform.Time;

namespace Mend.Web.Features.DataProtection;

/// <summary>Registers the data protection work: the retention schedule, disposal reviewed before it happens, legal holds, subject access and the disclosure log.</summary>
public static class DataProtectionFeature
{
    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services) => services
        .AddScoped<ManageRetention>()
        .AddScoped<RetentionDue>()
        .AddScoped<EraseRecord>()
        .AddScoped<Disposals>()
        .AddScoped<LegalHolds>()
        .AddScoped<RetentionListing>()
        .AddScoped<WhatIsHeld>()
        .AddScoped<AccessBundle>()
        .AddScoped<SubjectAccess>()
        .AddScoped<SharingAgreements>()
        .AddScoped<RightsRequests>()
        .AddHostedService<HourlyJob<RetentionListing>>();
}
