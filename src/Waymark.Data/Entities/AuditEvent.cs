namespace Waymark.Data.Entities;

/// <summary>
/// One line of the append-only audit log: who did what to which child, and when.
/// Written in the same SaveChanges as the change it records.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    /// <summary>Null for events before sign-in (a failed sign-in names the email in <see cref="Detail"/>).</summary>
    public string? UserId { get; set; }

    public required string Action { get; set; }

    public Guid? ChildId { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Why: the reason given to open a record outside one's need-to-know, or a request's reference.</summary>
    public string? Reason { get; set; }

    /// <summary>What changed, before and after, as JSON (see <see cref="Auditing.ChangeCapture"/>); null for reads.</summary>
    public string? Changes { get; set; }

    /// <summary>The entry's place in the hash chain, from 1, with no gaps (<see cref="Auditing.AuditChain"/>).</summary>
    public long? Sequence { get; set; }

    /// <summary>SHA-256 of the previous entry's hash and this entry's content.</summary>
    public byte[]? Hash { get; set; }
}

public static class AuditActions
{
    /// <summary>Rows changed with no explicit entry of their own: the safety net (<see cref="Auditing.ChangeCapture"/>).</summary>
    public const string RecordChanged = "record-changed";

    /// <summary>Fictional demo data written to an empty database (its rows are not audited one by one).</summary>
    public const string DemoSeeded = "demo-seeded";

    /// <summary>`waymark audit verify` found the chain intact.</summary>
    public const string AuditVerified = "audit-verified";

    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";

    /// <summary>A wrong authenticator or recovery code after a correct password (the detail says which).</summary>
    public const string TwoFactorFailed = "two-factor-failed";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string RecoveryCodesRenewed = "recovery-codes-renewed";
    public const string TwoFactorSetUp = "two-factor-set-up";

    /// <summary>An administrator removed a user's authenticator, so they must set one up again.</summary>
    public const string TwoFactorReset = "two-factor-reset";

    /// <summary>Every session of a user ended at once: by them (sign out everywhere) or by an administrator.</summary>
    public const string SessionsEnded = "sessions-ended";
    public const string ChildViewed = "child-viewed";
    public const string ChildSearch = "child-search";
    public const string ChildRefused = "child-refused";

    /// <summary>An LA user opened a child's record outside their need-to-know, giving a reason (in <see cref="AuditEvent.Reason"/>).</summary>
    public const string BreakGlass = "break-glass";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string SchoolsImported = "schools-imported";

    /// <summary>One pupil added or changed by `waymark import pupils` (names the file and line).</summary>
    public const string PupilImported = "pupil-imported";

    /// <summary>The summary of one `waymark import pupils` run.</summary>
    public const string PupilsImported = "pupils-imported";

    /// <summary>Attendance statistics produced for many pupils (`waymark attendance stats`).</summary>
    public const string AttendanceStatisticsProduced = "attendance-statistics-produced";

    /// <summary>The summary of one `waymark import attendance` run.</summary>
    public const string AttendanceImported = "attendance-imported";

    /// <summary>One pupil added or changed by `waymark import ctf` (names the file and what changed).</summary>
    public const string CtfPupilImported = "ctf-pupil-imported";

    /// <summary>The summary of one `waymark import ctf` run (each file, its sender and what it did).</summary>
    public const string CtfImported = "ctf-imported";

    /// <summary>A Family Early Help Plan read; recorded against each child of the family who has a record.</summary>
    public const string EarlyHelpViewed = "early-help-viewed";

    /// <summary>A Family Early Help Plan changed (the detail says what: consent, scores, actions, a review, closure).</summary>
    public const string EarlyHelpChanged = "early-help-changed";

    /// <summary>The plan downloaded as a PDF or printed.</summary>
    public const string EarlyHelpPlanDownloaded = "early-help-plan-downloaded";

    /// <summary>A programme evaluated against a comparison group (counts and means only; the detail names the programme and period).</summary>
    public const string EvaluationRun = "evaluation-run";

    /// <summary>A programme evaluation downloaded as a spreadsheet.</summary>
    public const string EvaluationDownloaded = "evaluation-downloaded";

    /// <summary>The LA's early help figures read.</summary>
    public const string EarlyHelpReportViewed = "early-help-report-viewed";

    public const string TransitionViewed = "transition-viewed";
    public const string TransitionChanged = "transition-changed";
    public const string CohortProposed = "cohort-proposed";
    public const string CohortCriteriaChanged = "cohort-criteria-changed";
    public const string ProgrammeChanged = "programme-changed";
    public const string ConsentRecorded = "consent-recorded";
    public const string ConsentWithdrawn = "consent-withdrawn";
    public const string ShareOpened = "share-opened";
    public const string ShareEnded = "share-ended";
    public const string ShareAcknowledged = "share-acknowledged";

    /// <summary>Information given outside Waymark written in the child's sharing ledger (what, to whom, on what basis).</summary>
    public const string ShareRecorded = "share-recorded";

    /// <summary>A child's consents and information sharing read (<c>/children/{id}/sharing</c>).</summary>
    public const string SharingLedgerViewed = "sharing-ledger-viewed";
    public const string PassportDownloaded = "passport-downloaded";
    public const string SuspensionsViewed = "suspensions-viewed";
    public const string SuspensionRecorded = "suspension-recorded";
    public const string SuspensionChanged = "suspension-changed";
    public const string AttendanceWorklistViewed = "attendance-worklist-viewed";
    public const string AttendanceAlertViewed = "attendance-alert-viewed";
    public const string AttendanceAlertHandled = "attendance-alert-handled";
    public const string AttendanceSupportPlanRecorded = "attendance-support-plan-recorded";
    public const string AttendanceAlertsRecomputed = "attendance-alerts-recomputed";
    public const string ReducedTimetableViewed = "reduced-timetable-viewed";
    public const string ReducedTimetableChanged = "reduced-timetable-changed";
    public const string AttendanceViewed = "attendance-viewed";
    public const string SchoolAttendanceViewed = "school-attendance-viewed";

    /// <summary>The KPI dashboard or an indicator's page read (names the indicator, year and the school when scoped to one).</summary>
    public const string KpisViewed = "kpis-viewed";

    /// <summary>A table of figures downloaded as CSV or XLSX (names the table, the format and whether small numbers were suppressed).</summary>
    public const string TableDownloaded = "table-downloaded";

    /// <summary>A KPI target set or changed, with its values before and after.</summary>
    public const string KpiTargetChanged = "kpi-target-changed";

    /// <summary>A subject access bundle made for a child (names the request reference and what it held).</summary>
    public const string SubjectAccessExported = "subject-access-exported";

    /// <summary>
    /// A common transfer file made with the child in it (names the file, the receiver and how it was made): a read of
    /// the child's record, which leaves Waymark.
    /// </summary>
    public const string CommonTransferFileExported = "common-transfer-file-exported";

    /// <summary>The retention report read (it lists children by UPN).</summary>
    public const string RetentionReportProduced = "retention-report-produced";

    /// <summary>DfE's published attendance statistics imported (names the file, periods and rows added, changed and removed).</summary>
    public const string PublishedAttendanceImported = "published-attendance-imported";

    /// <summary>The LA's similar local authorities changed, with the list before and after.</summary>
    public const string SimilarLocalAuthoritiesChanged = "similar-las-changed";

    /// <summary>The LA's figures beside national, regional and similar LAs (counts only, no child).</summary>
    public const string BenchmarkingViewed = "benchmarking-viewed";

    /// <summary>A retention period changed, with its value before and after.</summary>
    public const string RetentionRuleChanged = "retention-rule-changed";

    public const string LegalHoldPlaced = "legal-hold-placed";
    public const string LegalHoldLifted = "legal-hold-lifted";

    /// <summary>A child's whole record deleted under a retention rule (names the rule and the rows deleted per table).</summary>
    public const string ChildRecordDeleted = "child-record-deleted";

    /// <summary>A year of a child's attendance register deleted under the retention rule.</summary>
    public const string AttendanceRegisterDeleted = "attendance-register-deleted";

    /// <summary>Who has seen a child's record and what has been shared, from the record (<c>/children/{id}/access</c>).</summary>
    public const string ChildAccessViewed = "child-access-viewed";

    /// <summary>The audit screens' front page: the list of users.</summary>
    public const string AuditIndexViewed = "audit-index-viewed";

    /// <summary>A search for a child by UPN on the audit screens.</summary>
    public const string AuditChildSearch = "audit-child-search";

    /// <summary>A child's access history on the audit screens (<c>/audit/children/{id}</c>).</summary>
    public const string AuditChildHistoryViewed = "audit-child-history-viewed";

    /// <summary>A user's activity on the audit screens (<c>/audit/users/{id}</c>).</summary>
    public const string AuditUserActivityViewed = "audit-user-activity-viewed";

    /// <summary>The report of unusual access (<c>/audit/unusual-access</c>).</summary>
    public const string UnusualAccessViewed = "unusual-access-viewed";

    /// <summary>An administrator or the Caldicott Guardian marked an opening with a reason as reviewed.</summary>
    public const string BreakGlassReviewed = "break-glass-reviewed";

    /// <summary>An LA administrator registered an integration and its token was shown (names its role, school, scopes and expiry).</summary>
    public const string IntegrationRegistered = "integration-registered";

    /// <summary>An LA administrator revoked an integration's token.</summary>
    public const string IntegrationRevoked = "integration-revoked";

    /// <summary>
    /// One call to the API by an integration (the actor is <see cref="Auditing.IntegrationActors"/>): the method, path and
    /// query, and the status answered.
    /// </summary>
    public const string ApiCall = "api-call";

    /// <summary>An integration read a child's record through the API (what, in the detail): one entry per child per call.</summary>
    public const string ApiChildRead = "api-child-read";

    /// <summary>A call to the API without a usable token: none, malformed, unknown, expired or revoked (the detail says which).</summary>
    public const string ApiTokenRefused = "api-token-refused";

    /// <summary>A young person's Preparing for Adulthood checklist, care leaver details or joint panel decisions read.</summary>
    public const string PfaViewed = "pfa-viewed";

    /// <summary>A young person's checklist item, care leaver details, pathway plan review or joint panel case changed (the detail says what).</summary>
    public const string PfaChanged = "pfa-changed";

    /// <summary>The Preparing for Adulthood cohort view (names young people in the user's scope; the detail gives the filter and count).</summary>
    public const string PfaCohortViewed = "pfa-cohort-viewed";

    /// <summary>A joint panel created or its agencies changed (no child: cases are recorded as <see cref="PfaChanged"/>).</summary>
    public const string JointPanelChanged = "joint-panel-changed";

    /// <summary>Someone opened a child's EHC pathway: the needs assessment clock, annual reviews and transfers.</summary>
    public const string SendViewed = "send-viewed";

    /// <summary>The SEN team recorded a step of a child's EHC pathway (what, in the detail).</summary>
    public const string SendChanged = "send-changed";

    /// <summary>The SEN worklist or the phase-transfer list was opened (how many children it listed, in the detail).</summary>
    public const string SendWorklistViewed = "send-worklist-viewed";

    /// <summary>A school's Link Co-ordinator page or call preparation was opened (the school, and how many children it named, in the detail).</summary>
    public const string LinkSchoolViewed = "link-school-viewed";

    /// <summary>A call or termly meeting was recorded with a school: one entry for the school, one per child discussed.</summary>
    public const string LinkContactRecorded = "link-contact-recorded";

    /// <summary>A school's Link Co-ordinator or risk group was set, or an agreed action marked done.</summary>
    public const string LinkSchoolChanged = "link-school-changed";

    /// <summary>The LA renamed, described, reordered or retired a quality mark standard (before and after, in the detail).</summary>
    public const string QualityMarkStandardChanged = "quality-mark-standard-changed";

    /// <summary>The LA set or removed a quality mark milestone.</summary>
    public const string QualityMarkMilestoneChanged = "quality-mark-milestone-changed";

    /// <summary>The LA assigned the school that peer-moderates another's quality mark.</summary>
    public const string QualityMarkModeratorAssigned = "quality-mark-moderator-assigned";

    /// <summary>A school saved or submitted its self-assessment of a standard.</summary>
    public const string QualityMarkAssessed = "quality-mark-assessed";

    /// <summary>A peer school agreed or did not agree a self-assessment.</summary>
    public const string QualityMarkModerated = "quality-mark-moderated";

    /// <summary>Someone was refused a school's quality mark or the LA's table of every school's.</summary>
    public const string QualityMarkRefused = "quality-mark-refused";

    /// <summary>The strategy action plan: an action, its milestones, a term's rating or the reporting line changed (the detail says what).</summary>
    public const string ActionPlanChanged = "action-plan-changed";

    /// <summary>Someone without access to the strategy action plan tried to open it (the page and role, in the detail).</summary>
    public const string ActionPlanRefused = "action-plan-refused";

    /// <summary>
    /// The entries that are someone reading about a child (not changing it): what the rule of many records in a short
    /// time counts.
    /// </summary>
    public static readonly IReadOnlyList<string> ChildReads =
    [
        ChildViewed, ChildRefused, BreakGlass, TransitionViewed, PassportDownloaded, SuspensionsViewed, AttendanceAlertViewed,
        ReducedTimetableViewed, AttendanceViewed, ChildAccessViewed, AuditChildHistoryViewed, SubjectAccessExported, SharingLedgerViewed,
        EarlyHelpViewed, EarlyHelpPlanDownloaded, CommonTransferFileExported, ApiChildRead, PfaViewed, SendViewed,
    ];
}
