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
    public const string AttendanceViewed = "attendance-viewed";
    public const string SchoolAttendanceViewed = "school-attendance-viewed";
}
