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
}

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string ChildViewed = "child-viewed";
    public const string ChildSearch = "child-search";
    public const string ChildRefused = "child-refused";
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

    /// <summary>A subject access bundle made for a child (names the request reference and what it held).</summary>
    public const string SubjectAccessExported = "subject-access-exported";

    /// <summary>The retention report read (it lists children by UPN).</summary>
    public const string RetentionReportProduced = "retention-report-produced";

    /// <summary>A retention period changed, with its value before and after.</summary>
    public const string RetentionRuleChanged = "retention-rule-changed";

    public const string LegalHoldPlaced = "legal-hold-placed";
    public const string LegalHoldLifted = "legal-hold-lifted";

    /// <summary>A child's whole record deleted under a retention rule (names the rule and the rows deleted per table).</summary>
    public const string ChildRecordDeleted = "child-record-deleted";

    /// <summary>A year of a child's attendance register deleted under the retention rule.</summary>
    public const string AttendanceRegisterDeleted = "attendance-register-deleted";
}
