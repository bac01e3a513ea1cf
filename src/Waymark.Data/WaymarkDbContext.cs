using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;

namespace Waymark.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass so that each keeps its own migration set
/// (SQLite and PostgreSQL types differ); the model itself is defined once, here.
/// </summary>
public abstract class WaymarkDbContext(DbContextOptions options) : IdentityDbContext<WaymarkUser>(options), IDataProtectionKeyContext
{
    /// <summary>Keys for sign-in and anti-forgery cookies, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();

    public DbSet<School> Schools => Set<School>();

    public DbSet<SchoolLink> SchoolLinks => Set<SchoolLink>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<FormerUpn> FormerUpns => Set<FormerUpn>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<ChildStatus> ChildStatuses => Set<ChildStatus>();

    public DbSet<KeyPerson> KeyPeople => Set<KeyPerson>();

    public DbSet<ChildAddress> ChildAddresses => Set<ChildAddress>();

    public DbSet<ChildContact> ChildContacts => Set<ChildContact>();

    public DbSet<ChildContactPhone> ChildContactPhones => Set<ChildContactPhone>();

    public DbSet<SchoolHistoryEntry> SchoolHistoryEntries => Set<SchoolHistoryEntry>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Transition> Transitions => Set<Transition>();

    public DbSet<TransitionCohortSettings> TransitionCohortSettings => Set<TransitionCohortSettings>();

    public DbSet<DestinationChange> DestinationChanges => Set<DestinationChange>();

    public DbSet<TransitionProfileSection> ProfileSections => Set<TransitionProfileSection>();

    public DbSet<ProfileSectionChange> ProfileSectionChanges => Set<ProfileSectionChange>();

    public DbSet<SupportPlanAction> SupportPlanActions => Set<SupportPlanAction>();

    public DbSet<PcpMeeting> PcpMeetings => Set<PcpMeeting>();

    public DbSet<PcpInvitee> PcpInvitees => Set<PcpInvitee>();

    public DbSet<PcpAction> PcpActions => Set<PcpAction>();

    public DbSet<SchoolTransitionLead> SchoolTransitionLeads => Set<SchoolTransitionLead>();

    public DbSet<Intervention> Interventions => Set<Intervention>();

    public DbSet<InterventionEnrolment> InterventionEnrolments => Set<InterventionEnrolment>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<TrainingAttendee> TrainingAttendees => Set<TrainingAttendee>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<InformationShare> InformationShares => Set<InformationShare>();

    public DbSet<CommonTransferFile> CommonTransferFiles => Set<CommonTransferFile>();

    public DbSet<FollowUpReview> FollowUpReviews => Set<FollowUpReview>();

    public DbSet<AttendanceYear> AttendanceYears => Set<AttendanceYear>();

    public DbSet<AttendanceMarkChange> AttendanceMarkChanges => Set<AttendanceMarkChange>();

    public DbSet<AttendanceAlert> AttendanceAlerts => Set<AttendanceAlert>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Suspension> Suspensions => Set<Suspension>();

    public DbSet<AttendanceSupportPlan> AttendanceSupportPlans => Set<AttendanceSupportPlan>();

    public DbSet<ReducedTimetable> ReducedTimetables => Set<ReducedTimetable>();

    public DbSet<ReducedTimetableReview> ReducedTimetableReviews => Set<ReducedTimetableReview>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();

    public DbSet<RetentionRule> RetentionRules => Set<RetentionRule>();

    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();

    public DbSet<EarlyHelpPlan> EarlyHelpPlans => Set<EarlyHelpPlan>();

    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();

    public DbSet<EarlyHelpConsent> EarlyHelpConsents => Set<EarlyHelpConsent>();

    public DbSet<LeadProfessionalSpell> LeadProfessionalSpells => Set<LeadProfessionalSpell>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<AspectScore> AspectScores => Set<AspectScore>();

    public DbSet<SelfAssessmentAttachment> SelfAssessmentAttachments => Set<SelfAssessmentAttachment>();

    public DbSet<EarlyHelpAction> EarlyHelpActions => Set<EarlyHelpAction>();

    public DbSet<TafReview> TafReviews => Set<TafReview>();

    public DbSet<PlanCopy> PlanCopies => Set<PlanCopy>();

    public DbSet<MaintenancePlan> MaintenancePlans => Set<MaintenancePlan>();

    public DbSet<ApiIntegration> ApiIntegrations => Set<ApiIntegration>();

    public DbSet<EhcNeedsAssessment> EhcNeedsAssessments => Set<EhcNeedsAssessment>();

    public DbSet<EhcAnnualReview> EhcAnnualReviews => Set<EhcAnnualReview>();

    public DbSet<EhcPhaseTransfer> EhcPhaseTransfers => Set<EhcPhaseTransfer>();

    public DbSet<EhcLaTransfer> EhcLaTransfers => Set<EhcLaTransfer>();

    public DbSet<PublishedAttendance> PublishedAttendance => Set<PublishedAttendance>();

    public DbSet<SimilarLocalAuthority> SimilarLocalAuthorities => Set<SimilarLocalAuthority>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();

    public DbSet<PfaChecklistItem> PfaChecklistItems => Set<PfaChecklistItem>();

    public DbSet<JointPanel> JointPanels => Set<JointPanel>();

    public DbSet<JointPanelCase> JointPanelCases => Set<JointPanelCase>();

    public DbSet<CareLeaverDetails> CareLeaverDetails => Set<CareLeaverDetails>();

    public DbSet<PathwayPlanReview> PathwayPlanReviews => Set<PathwayPlanReview>();

    public DbSet<LinkedSchool> LinkedSchools => Set<LinkedSchool>();

    public DbSet<LinkContact> LinkContacts => Set<LinkContact>();

    public DbSet<LinkContactChild> LinkContactChildren => Set<LinkContactChild>();

    public DbSet<LinkAction> LinkActions => Set<LinkAction>();

    public DbSet<QualityMarkStandard> QualityMarkStandards => Set<QualityMarkStandard>();

    public DbSet<QualityMarkMilestone> QualityMarkMilestones => Set<QualityMarkMilestone>();

    public DbSet<QualityMarkModerator> QualityMarkModerators => Set<QualityMarkModerator>();

    public DbSet<QualityMarkAssessment> QualityMarkAssessments => Set<QualityMarkAssessment>();

    public DbSet<QualityMarkAssessmentChange> QualityMarkAssessmentChanges => Set<QualityMarkAssessmentChange>();

    public DbSet<PlanAction> PlanActions => Set<PlanAction>();

    public DbSet<PlanMilestone> PlanMilestones => Set<PlanMilestone>();

    public DbSet<PlanActionProgress> PlanActionProgress => Set<PlanActionProgress>();

    public DbSet<ActionPlanSettings> ActionPlanSettings => Set<ActionPlanSettings>();

    /// <summary>
    /// Set by bulk writers of fictional or derived data (demo seeding) whose rows are not anyone's change to a record:
    /// their own summary entry is written instead of one line per row.
    /// </summary>
    public bool SuppressChangeCapture { get; set; }

    private IServiceProvider? AppServices => this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

    /// <summary>Who is acting, from the app's services; null where there is no app (tests seeding data, design time).</summary>
    private IAuditActor? Actor => AppServices?.GetService(typeof(IAuditActor)) as IAuditActor;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every save writes down what it changed (<see cref="ChangeCapture"/>) and seals its audit entries into the hash
    /// chain (<see cref="AuditChain"/>) in the same transaction as the change, opening one when the caller has not.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Callers that switch automatic detection off for speed (demo seeding) keep the states they set.
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        if (!SuppressChangeCapture && Actor is { } actor)
        {
            ChangeCapture.Attach(this, actor, (AppServices?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        }

        var entries = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChain.SealAsync(this, entries, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names, readable in the database. (So SQL sorts them alphabetically.)
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WaymarkDbContext).Assembly);
    }
}

public sealed class SqliteWaymarkDbContext(DbContextOptions<SqliteWaymarkDbContext> options) : WaymarkDbContext(options);

public sealed class PostgresWaymarkDbContext(DbContextOptions<PostgresWaymarkDbContext> options) : WaymarkDbContext(options);
