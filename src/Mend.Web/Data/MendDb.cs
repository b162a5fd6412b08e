using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Features.Staff;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>The one EF Core context for all of Mend's data, on PostgreSQL or SQLite.</summary>
public sealed class MendDb(DbContextOptions<MendDb> options)
    : IdentityDbContext<MendUser, MendRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The result a <see cref="QueryBatch"/> hands the next query this context runs, instead of sending it.</summary>
    internal QueryBatch.ResultSet? Replay { get; set; }

    /// <summary>While a <see cref="QueryBatch"/> hands out its results: every query this context runs must take one.</summary>
    internal bool Batching { get; set; }

    /// <summary>
    /// The request's or job's services while it holds this context (contexts are pooled, decision 0022): where the
    /// interceptors find who is acting, the request's view commits and its round-trip count. Cleared when it is handed back.
    /// </summary>
    internal IServiceProvider? Scope { get; set; }

    /// <summary>A service of the scope holding this context; fails if it is not held by one (a context made outside DI).</summary>
    internal T ScopeService<T>()
        where T : notnull =>
        (Scope ?? throw new InvalidOperationException("This MendDb is not held by a scope: take it from the services of a request or job."))
        .GetRequiredService<T>();

    // A pooled context is handed back on Dispose and may then serve another scope: nothing of this one may stay.
    public override void Dispose()
    {
        (Scope, Replay, Batching) = (null, null, false);
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        (Scope, Replay, Batching) = (null, null, false);
        return base.DisposeAsync();
    }

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Platform.Submissions.Submission> Submissions => Set<Platform.Submissions.Submission>();
    public DbSet<Platform.Security.SignInThrottle> SignInThrottles => Set<Platform.Security.SignInThrottle>();
    public DbSet<Platform.Encryption.EncryptionKeyFingerprint> EncryptionKeyFingerprints => Set<Platform.Encryption.EncryptionKeyFingerprint>();
    public DbSet<Platform.Time.JobRun> JobRuns => Set<Platform.Time.JobRun>();
    public DbSet<Platform.Time.ProclaimedHoliday> ProclaimedHolidays => Set<Platform.Time.ProclaimedHoliday>();
    public DbSet<Platform.Time.HolidayListCheck> HolidayListChecks => Set<Platform.Time.HolidayListCheck>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonSearchName> PersonSearchNames => Set<PersonSearchName>();
    public DbSet<PersonNameWord> PersonNameWords => Set<PersonNameWord>();
    public DbSet<PersonNameWordPair> PersonNameWordPairs => Set<PersonNameWordPair>();
    public DbSet<NameWord> NameWords => Set<NameWord>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<PersonFlag> PersonFlags => Set<PersonFlag>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseParticipant> CaseParticipants => Set<CaseParticipant>();
    public DbSet<Offence> Offences => Set<Offence>();
    public DbSet<OffenceType> OffenceTypes => Set<OffenceType>();
    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<BreakGlass> BreakGlass => Set<BreakGlass>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<OffenceVictim> OffenceVictims => Set<OffenceVictim>();
    public DbSet<CaseReferenceCounter> CaseReferenceCounters => Set<CaseReferenceCounter>();
    public DbSet<Features.Assessments.Assessment> Assessments => Set<Features.Assessments.Assessment>();
    public DbSet<Features.Assessments.AssessmentFactor> AssessmentFactors => Set<Features.Assessments.AssessmentFactor>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Victims.Victim> Victims => Set<Features.Victims.Victim>();
    public DbSet<Features.Victims.VictimRecord> VictimRecords => Set<Features.Victims.VictimRecord>();
    public DbSet<Features.Victims.SatisfactionSurvey> SatisfactionSurveys => Set<Features.Victims.SatisfactionSurvey>();
    public DbSet<Features.Processes.ParticipantFeedback> ParticipantFeedback => Set<Features.Processes.ParticipantFeedback>();
    public DbSet<Features.Venues.Venue> Venues => Set<Features.Venues.Venue>();
    public DbSet<Features.Panels.Panel> Panels => Set<Features.Panels.Panel>();
    public DbSet<Features.Processes.CalendarFeed> CalendarFeeds => Set<Features.Processes.CalendarFeed>();
    public DbSet<Features.Staff.Accreditation> Accreditations => Set<Features.Staff.Accreditation>();
    public DbSet<Features.Processes.RjProcess> RjProcesses => Set<Features.Processes.RjProcess>();

    public DbSet<Features.Orders.Order> Orders => Set<Features.Orders.Order>();

    public DbSet<Features.Orders.ReparationProject> ReparationProjects => Set<Features.Orders.ReparationProject>();

    public DbSet<Features.Orders.PartnerAgency> PartnerAgencies => Set<Features.Orders.PartnerAgency>();

    public DbSet<Features.Documents.DocumentTemplate> DocumentTemplates => Set<Features.Documents.DocumentTemplate>();

    public DbSet<Features.Documents.TemplateVersion> TemplateVersions => Set<Features.Documents.TemplateVersion>();

    public DbSet<Features.Documents.Document> Documents => Set<Features.Documents.Document>();

    public DbSet<Features.DataProtection.RetentionRule> RetentionRules => Set<Features.DataProtection.RetentionRule>();

    public DbSet<Features.DataProtection.Disposal> Disposals => Set<Features.DataProtection.Disposal>();

    public DbSet<Features.DataProtection.LegalHold> LegalHolds => Set<Features.DataProtection.LegalHold>();

    public DbSet<Features.DataProtection.Disclosure> Disclosures => Set<Features.DataProtection.Disclosure>();

    public DbSet<Features.DataProtection.SharingAgreement> SharingAgreements => Set<Features.DataProtection.SharingAgreement>();

    public DbSet<Features.DataProtection.SubjectAccessRequest> SubjectAccessRequests => Set<Features.DataProtection.SubjectAccessRequest>();

    public DbSet<Features.Visits.Visit> Visits => Set<Features.Visits.Visit>();

    public DbSet<Features.Visits.VisitAlert> VisitAlerts => Set<Features.Visits.VisitAlert>();

    public DbSet<Features.Visits.AlertLogEntry> VisitAlertLog => Set<Features.Visits.AlertLogEntry>();

    public DbSet<Features.Visits.DutyShift> DutyShifts => Set<Features.Visits.DutyShift>();

    public DbSet<Features.Safeguarding.SafeguardingReferral> SafeguardingReferrals => Set<Features.Safeguarding.SafeguardingReferral>();

    public DbSet<Features.Staff.CaseloadCover> CaseloadCovers => Set<Features.Staff.CaseloadCover>();

    public DbSet<Features.Staff.TrainingSession> TrainingSessions => Set<Features.Staff.TrainingSession>();

    public DbSet<Features.Meetings.ProfessionalMeeting> ProfessionalMeetings => Set<Features.Meetings.ProfessionalMeeting>();

    public DbSet<Features.Meetings.MeetingAction> MeetingActions => Set<Features.Meetings.MeetingAction>();

    public DbSet<Features.Staff.TrainingRecord> TrainingRecords => Set<Features.Staff.TrainingRecord>();

    public DbSet<Features.Staff.DbsCheck> DbsChecks => Set<Features.Staff.DbsCheck>();

    public DbSet<Features.Staff.Supervision> Supervisions => Set<Features.Staff.Supervision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MendDb).Assembly);
    }

    /// <summary>
    /// Saves, but only if <paramref name="entity"/> is still at the version the user saw, and moves it to the next
    /// version (the one place a change's version is set); false (with nothing saved and the context cleared) when
    /// someone else has changed it since. The version moves even when only child rows changed (an agreement item added).
    /// </summary>
    public async Task<bool> SaveAtVersionAsync<T>(T entity, int versionSeen, CancellationToken ct) where T : class, IVersioned
    {
        var version = Entry(entity).Property(e => e.Version);
        version.OriginalValue = versionSeen;
        version.CurrentValue = versionSeen + 1;
        try
        {
            await SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            return false;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; SQLite loses DateTime.Kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
