using System.Threading.RateLimiting;
using Mend.Web.Data;
using Mend.Web.Features.Admin.Users;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Cases;
using Mend.Web.Features.DataProtection;
using Mend.Web.Features.Documents;
using Mend.Web.Features.Meetings;
using Mend.Web.Features.Notifications;
using Mend.Web.Features.Orders;
using Mend.Web.Features.Panels;
using Mend.Web.Features.Partners;
using Mend.Web.Features.People;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Reports;
using Mend.Web.Features.Safeguarding;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Victims;
using Mend.Web.Features.Visits;
using Mend.Web.Platform;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Composition;
using Mend.Web.Platform.Diagnostics;
using Mend.Web.Platform.Email;
using Mend.Web.Platform.Errors;
using Mend.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web;

/// <summary>The composition root: every service and the middleware order, in one place.</summary>
public static class MendApp
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Calendar applications poll every few hours; this only stops one address being hammered.</summary>
    public const string CalendarFeedRateLimit = "calendar-feed";

    public static void AddMend(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Settings are read when the container first needs them, not here: the test host and other
        // configuration sources are only complete once the app is built.
        services.AddMendSettings<SecuritySettings>("Mend:Security");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Platform.Composition.MendNode.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Platform.Time.HolidayCalendar>();
        services.AddMendSettings<Platform.Encryption.EncryptionSettings>("Mend:Encryption");
        services.AddSingleton<Platform.Encryption.FieldEncryption>().AddStartupCheck<Platform.Encryption.FieldEncryption>("Mend:Encryption keys");
        services.AddHttpContextAccessor();
        services.AddMendTelemetry(builder.Configuration);

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<SecuritySettings>((k, security) =>
            k.Limits.MaxRequestBodySize = security.MaxRequestBodyKilobytes * 1024L);
        services.AddOptions<FormOptions>().Configure<SecuritySettings>((o, security) =>
        {
            o.MultipartBodyLengthLimit = security.MaxRequestBodyKilobytes * 1024L;
            o.ValueLengthLimit = security.MaxRequestBodyKilobytes * 1024;
        });

        services.AddMendDatabase();
        services.AddScoped<AuditActor>();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<AuditTrail>();
        services.AddMendSettings<AuditSettings>("Mend:Audit");
        services.AddScoped<AuditSealer>();
        services.AddScoped<AuditVerifier>();
        services.AddHostedService<AuditSealingJob>();

        AddIdentityAndSessions(services);
        AddAuthorisation(services);
        AddEmail(services);

        services.AddDataProtection().SetApplicationName("Mend").PersistKeysToDbContext<MendDb>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Platform.Encryption.FieldEncryption>((o, encryption) => o.XmlEncryptor = new Platform.Encryption.KeyRingEncryptor(encryption));
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<SecuritySettings>((o, security) =>
        {
            o.Cookie.Name = security.SecureCookies ? "__Host-Mend-Antiforgery" : "Mend-Antiforgery";
            o.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddStaticAssetCompression();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The posts to the sign-in pages are counted in the database, so every node shares the count (SharedSignInLimit); each node
            // also turns away a flood itself, at five times that limit, before it reaches the database.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = 5 * context.RequestServices.GetRequiredService<SecuritySettings>().SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            o.AddPolicy(CalendarFeedRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Mend:ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.ExcludedHosts.Clear();
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]).AddCheck<ReplicaHealthCheck>("replica", tags: ["ready"]);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<MendExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Mend API";
            document.Info.Description = "Mend's JSON API. Authenticate with a personal access token: Authorization: Bearer mend_… "
                + "Any POST may carry an Idempotency-Key header (1 to 100 visible ASCII characters, such as a UUID): a repeat with the same key "
                + "within 24 hours gets the first response again (marked Idempotent-Replayed: true) instead of doing the work twice; the same key "
                + "with a different request is refused with 422. Every error is application/problem+json, with field errors under \"errors\".";
            return Task.CompletedTask;
        }));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new Platform.Text.BoundedStringConverter());
            o.SerializerOptions.Converters.Add(new Platform.Time.ApiDateTimeConverter());
        });
        // Unreadable requests (bad JSON, a wrong type, a missing content type) reach MendExceptionHandler, which answers
        // with problem details naming the field and logs one warning line.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>().Configure<SecuritySettings>((o, security) =>
        {
            o.Cookie.Name = security.SecureCookies ? "__Host-Mend-Notice" : "Mend-Notice";
            o.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // Each feature registers its own services and settings; settings are checked at start-up (Platform/Composition).
        services
            .AddUserAdministration()
            .AddPeople()
            .AddCases()
            .AddNotifications()
            .AddAssessments()
            .AddVictims()
            .AddProcesses()
            .AddOrders()
            .AddDocuments()
            .AddReports()
            .AddRetentionSchedule()
            .AddVisits()
            .AddStaffRegister()
            .AddSafeguarding()
            .AddProfessionalMeetings()
            .AddPartnerDirectory()
            .AddPanels();
        services.AddScoped<Platform.Submissions.SubmissionCleanup>();
        services.AddScoped<SignInThrottleCleanup>();
        services.AddHostedService<Platform.Time.HourlyJob<SignInThrottleCleanup>>();
        services.AddHostedService<Platform.Time.HourlyJob<Platform.Submissions.SubmissionCleanup>>();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AddPageRoute("/Home/Index", "");
            o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
        });
        services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration.GetValue<bool>("Mend:Diagnostics:RoundTripHeader"))
            {
                o.Conventions.ConfigureFilter(new Platform.Diagnostics.PageTiming());
            }
        });
    }

    private static void AddIdentityAndSessions(IServiceCollection services)
    {
        services.AddIdentity<MendUser, MendRole>(o =>
            {
                // Length and the common-password list are checked by PasswordPolicy; no composition rules.
                o.Password.RequiredLength = 0;
                o.Password.RequiredUniqueChars = 0;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.ProviderName;
                o.Tokens.PasswordResetTokenProvider = TokenOptions.DefaultProvider;
            })
            .AddEntityFrameworkStores<MendDb>()
            .AddSignInManager<MendSignInManager>()
            .AddClaimsPrincipalFactory<MendClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.ProviderName)
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddPasswordValidator<PasswordPolicy>();

        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<SecuritySettings>((o, security) =>
            o.TokenLifespan = TimeSpan.FromHours(security.PasswordResetHours));
        services.AddOptions<InvitationTokenProviderOptions>().Configure<SecuritySettings>((o, security) =>
            o.TokenLifespan = TimeSpan.FromDays(security.InvitationDays));

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<SecuritySettings>((o, security) =>
        {
            o.Cookie.Name = security.SecureCookies ? "__Host-Mend" : "Mend";
            ApplyCookieFlags(o, security);
            o.ExpireTimeSpan = SessionLimits.Idle;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Errors/403";
            o.Events.OnValidatePrincipal = SessionLimits.ValidateAsync;
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<SecuritySettings>((o, security) =>
        {
            o.Cookie.Name = security.SecureCookies ? "__Host-Mend-2fa" : "Mend-2fa";
            ApplyCookieFlags(o, security);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SessionLimits.StampCheck;
            o.OnRefreshingPrincipal = SessionLimits.KeepSignInTime;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Mend";
                o.DefaultAuthenticateScheme = "Mend";
                o.DefaultChallengeScheme = "Mend";
                o.DefaultForbidScheme = "Mend";
            })
            // A bearer token authenticates the JSON API only: on any page it is ignored, so a token can never
            // stand in for a signed-in session (which has passed the second factor) or reach the token-issuing pages.
            .AddPolicyScheme("Mend", "Session cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthentication.Applies(context.Request)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
    }

    private static void ApplyCookieFlags(CookieAuthenticationOptions o, SecuritySettings security)
    {
        o.Cookie.HttpOnly = true;
        o.Cookie.Path = "/";
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = security.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddAuthorisation(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Administrator, Roles.DataProtectionOfficer))
            .AddPolicy(Policies.CaseWork, p => p.RequireRole(Roles.Practitioner, Roles.Manager))
            .AddPolicy(Policies.ManageCases, p => p.RequireRole(Roles.Manager))
            .AddPolicy(Policies.ManageVenues, p => p.RequireRole(Roles.Manager, Roles.Administrator))
            .AddPolicy(Policies.ManageTemplates, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ManageDataProtection, p => p.RequireRole(Roles.DataProtectionOfficer))
            .AddPolicy(Policies.ApproveDisposal, p => p.RequireRole(Roles.DataProtectionOfficer, Roles.Manager))
            .AddPolicy(Policies.PartnerAccess, p => p.RequireRole(Roles.Partner))
            .AddPolicy(Policies.PanelWork, p => p.RequireRole(Roles.Volunteer, Roles.Practitioner, Roles.Manager))
            .AddPolicy(Policies.ApiReference, p => p.RequireAuthenticatedUser()
                .RequireRole(Roles.Practitioner, Roles.Manager, Roles.Administrator, Roles.DataProtectionOfficer));
    }

    private static void AddEmail(IServiceCollection services)
    {
        services.AddMendSettings<EmailSettings>("Mend:Email");
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<FileEmailSender>();
        services.AddStartupCheck<IEmailSender>("Mend:Email");
        services.AddSingleton<IEmailSender>(sp =>
        {
            var settings = sp.GetRequiredService<EmailSettings>();
            return settings.Mode.ToUpperInvariant() switch
            {
                "SMTP" when string.IsNullOrWhiteSpace(settings.SmtpHost) =>
                    throw new MendConfigurationException("Mend:Email:Mode is Smtp but Mend:Email:SmtpHost is not set."),
                "SMTP" => sp.GetRequiredService<SmtpEmailSender>(),
                "FILE" => sp.GetRequiredService<FileEmailSender>(),
                _ => throw new MendConfigurationException($"Mend:Email:Mode is '{settings.Mode}'; use Smtp or File."),
            };
        });
    }

    public static void UseMend(this WebApplication app)
    {
        // Fail fast, with the operator's message, on a missing or wrong setting (each registered with its feature).
        app.Services.GetRequiredService<DatabaseSettings>();
        app.Services.RunStartupChecks();
        if (!app.Services.GetRequiredService<AuditSettings>().RecordViews)
        {
            app.Logger.LogCritical("Mend:Audit:RecordViews is false: views of personal data are NOT being audited. This is for benchmarking only; never run a live service like this.");
        }

        var security = app.Services.GetRequiredService<SecuritySettings>();
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationId>();
        app.UseExceptionHandler("/Errors/500");
        // Every API status without a body (401, 403, 404, 405, 429…) gets problem details, whatever the client accepts.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async status =>
            await Results.Problem(statusCode: status.HttpContext.Response.StatusCode,
                extensions: new Dictionary<string, object?> { ["correlationId"] = status.HttpContext.TraceIdentifier }).ExecuteAsync(status.HttpContext)));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), web => web.UseStatusCodePagesWithReExecute("/Errors/{0}"));
        if (security.SecureCookies)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestLimits>();
        app.UseMendStaticAssets();
        if (app.Configuration.GetValue<bool>("Mend:Diagnostics:RoundTripHeader"))
        {
            app.UseMiddleware<Platform.Diagnostics.RoundTripHeader>();
        }

        app.UseMiddleware<Platform.Audit.ViewCommitGate>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<SharedSignInLimit>();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnrolment>();
        app.UseAuthorization();
        app.UseMiddleware<Platform.Submissions.RepeatGuard>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = ReadinessAnswer.WriteAsync }).AllowAnonymous();
        app.MapRazorPages();
        app.MapMendApi();
        Features.Processes.ProcessesApi.MapCalendarFeed(app);
    }

    /// <summary>Applies migrations and seeds demo data when configured to (scripts/run does both).</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (!configuration.GetValue("Mend:Database:MigrateOnStartup", false) && !configuration.GetValue("Mend:Demo:Seed", false))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MendDb>();
        try
        {
            if (configuration.GetValue("Mend:Database:MigrateOnStartup", false))
            {
                await SchemaMigration.ApplyAsync(db);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new MendConfigurationException($"the database could not be reached or migrated: {ex.Message}");
        }

        if (configuration.GetValue("Mend:Demo:Seed", false))
        {
            if (!app.Environment.IsDevelopment())
            {
                throw new MendConfigurationException("Mend:Demo:Seed is only allowed in the Development environment.");
            }

            await DemoData.SeedAsync(scope.ServiceProvider, app.Logger);
        }
    }
}
