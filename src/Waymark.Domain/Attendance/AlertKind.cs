namespace Waymark.Domain.Attendance;

/// <summary>The entries on the attendance worklists (issue 4): each names a child and who must act.</summary>
public enum AlertKind
{
    /// <summary>Below 50% attendance this term.</summary>
    ChronicAbsence,
    PersistentAbsence,
    SevereAbsence,

    /// <summary>Attendance this term five points or more below last term.</summary>
    AttendanceFall,

    /// <summary>An N mark not replaced within five school days.</summary>
    UnexplainedMarkNotReplaced,

    /// <summary>Ten consecutive school days of unexplained absence: possibly missing education.</summary>
    PossiblyMissingEducation,

    /// <summary>Fifteen days of illness in the year: the LA's duty to arrange education (s19).</summary>
    ExtendedIllness,

    /// <summary>Ten unauthorised sessions within ten school weeks (the national penalty-notice threshold).</summary>
    UnauthorisedAbsenceThreshold,

    /// <summary>A child with a social worker, or looked after, has been suspended or excluded.</summary>
    SuspensionOfVulnerableChild,

    /// <summary>Suspensions this year are reaching the 45 school-day limit.</summary>
    SuspensionLimit,

    /// <summary>Alternative provision is due from the sixth school day of a suspension or exclusion.</summary>
    AlternativeProvisionDue,

    ReducedTimetableOverSixWeeks,
    ReducedTimetableWithoutPlan,
    ReducedTimetableReviewOverdue,
    ReducedTimetableSocialWorkerNotInformed,

    /// <summary>C2 (part-time timetable) marks with no reduced timetable recorded.</summary>
    PartTimeMarksWithoutTimetable,
}

/// <summary>Who must act on an alert.</summary>
public enum AlertOwner
{
    School,

    /// <summary>The LA's attendance service (Link Co-ordinators).</summary>
    LocalAuthority,
    SocialWorker,
    VirtualSchool,
}
