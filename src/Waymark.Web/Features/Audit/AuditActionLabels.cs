using Waymark.Data.Entities;

namespace Waymark.Web.Features.Audit;

/// <summary>What each kind of audit entry means, in words people read on the audit screens.</summary>
public static class AuditActionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AuditActions.RecordChanged] = "Changed records",
        [AuditActions.DemoSeeded] = "Loaded demonstration data",
        [AuditActions.AuditVerified] = "Checked the audit log",
        [AuditActions.SignIn] = "Signed in",
        [AuditActions.SignInFailed] = "Failed to sign in",
        [AuditActions.SignOut] = "Signed out",
        [AuditActions.ChildViewed] = "Opened the child's record",
        [AuditActions.ChildSearch] = "Searched for children",
        [AuditActions.ChildRefused] = "Was refused a page about the child",
        [AuditActions.BreakGlass] = "Opened the record outside their need-to-know",
        [AuditActions.UserCreated] = "Added a user",
        [AuditActions.UserChanged] = "Changed a user",
        [AuditActions.SchoolsImported] = "Imported schools",
        [AuditActions.PupilImported] = "Imported or updated the pupil",
        [AuditActions.PupilsImported] = "Imported pupils",
        [AuditActions.AttendanceStatisticsProduced] = "Produced attendance statistics",
        [AuditActions.AttendanceImported] = "Imported attendance",
        [AuditActions.EarlyHelpViewed] = "Viewed a Family Early Help Plan",
        [AuditActions.EarlyHelpChanged] = "Changed a Family Early Help Plan",
        [AuditActions.EarlyHelpPlanDownloaded] = "Printed or downloaded a Family Early Help Plan",
        [AuditActions.EarlyHelpReportViewed] = "Viewed the early help figures",
        [AuditActions.TransitionViewed] = "Viewed transition information",
        [AuditActions.TransitionChanged] = "Changed transition information",
        [AuditActions.CohortProposed] = "Proposed a transition cohort",
        [AuditActions.CohortCriteriaChanged] = "Changed the transition cohort criteria",
        [AuditActions.ProgrammeChanged] = "Changed the transition programme",
        [AuditActions.ConsentRecorded] = "Recorded consent",
        [AuditActions.ConsentWithdrawn] = "Recorded consent withdrawn",
        [AuditActions.ShareOpened] = "Shared information",
        [AuditActions.ShareEnded] = "Ended a share of information",
        [AuditActions.ShareAcknowledged] = "Acknowledged shared information",
        [AuditActions.ShareRecorded] = "Recorded information shared outside Waymark",
        [AuditActions.SharingLedgerViewed] = "Viewed consents and information sharing",
        [AuditActions.PassportDownloaded] = "Downloaded the Transition Passport",
        [AuditActions.SuspensionsViewed] = "Viewed suspensions and exclusions",
        [AuditActions.SuspensionRecorded] = "Recorded a suspension or exclusion",
        [AuditActions.SuspensionChanged] = "Changed a suspension or exclusion",
        [AuditActions.AttendanceWorklistViewed] = "Viewed the attendance worklist",
        [AuditActions.AttendanceAlertViewed] = "Viewed an attendance alert",
        [AuditActions.AttendanceAlertHandled] = "Handled an attendance alert",
        [AuditActions.AttendanceSupportPlanRecorded] = "Recorded an attendance support plan",
        [AuditActions.AttendanceAlertsRecomputed] = "Recomputed attendance alerts",
        [AuditActions.ReducedTimetableViewed] = "Viewed reduced timetables",
        [AuditActions.ReducedTimetableChanged] = "Changed a reduced timetable",
        [AuditActions.AttendanceViewed] = "Viewed attendance",
        [AuditActions.SchoolAttendanceViewed] = "Viewed school attendance",
        [AuditActions.ChildAccessViewed] = "Viewed who has seen the record",
        [AuditActions.AuditIndexViewed] = "Opened the audit screens",
        [AuditActions.AuditChildSearch] = "Searched the audit for a child",
        [AuditActions.AuditChildHistoryViewed] = "Viewed the child's access history (audit)",
        [AuditActions.AuditUserActivityViewed] = "Viewed a user's activity (audit)",
        [AuditActions.UnusualAccessViewed] = "Viewed the unusual access report",
        [AuditActions.BreakGlassReviewed] = "Reviewed an opening outside need-to-know",
        [AuditActions.TwoFactorFailed] = "Entered a wrong two-factor code",
        [AuditActions.RecoveryCodeUsed] = "Signed in with a recovery code",
        [AuditActions.RecoveryCodesRenewed] = "Renewed their recovery codes",
        [AuditActions.TwoFactorSetUp] = "Set up an authenticator app",
        [AuditActions.TwoFactorReset] = "Reset a user's two-factor authentication",
        [AuditActions.SessionsEnded] = "Ended every session of a user",
        [AuditActions.SubjectAccessExported] = "Made a subject access bundle",
        [AuditActions.CommonTransferFileExported] = "Made a common transfer file",
        [AuditActions.RetentionReportProduced] = "Produced the retention report",
        [AuditActions.RetentionRuleChanged] = "Changed a retention period",
        [AuditActions.LegalHoldPlaced] = "Placed a legal hold",
        [AuditActions.LegalHoldLifted] = "Lifted a legal hold",
        [AuditActions.ChildRecordDeleted] = "Deleted the child's record under the retention rules",
        [AuditActions.AttendanceRegisterDeleted] = "Deleted a year of attendance under the retention rules",
    };

    /// <summary>The label, or the action's own name for one without a label yet.</summary>
    public static string For(string action) => Labels.TryGetValue(action, out var label) ? label : action;

    public static bool HasLabel(string action) => Labels.ContainsKey(action);
}
