using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance;

/// <summary>
/// A group's figures as DfE publishes them for schools and LAs (standards §2.2): sessions summed over the
/// enrolments in the statistics cohort, with persistent and severe absence decided per enrolment on its own
/// possible sessions, so the PA rate is PA enrolments over enrolments, not a rate of the summed sessions.
/// An enrolment is one pupil at one school in one academic year.
/// </summary>
public readonly record struct CohortFigures(int Enrolments, SessionCounts Sessions, int PersistentlyAbsent, int SeverelyAbsent)
{
    public decimal? AttendanceRate => Sessions.AttendanceRate;

    public decimal? OverallAbsenceRate => Sessions.OverallAbsenceRate;

    public decimal? AuthorisedAbsenceRate => Sessions.AuthorisedAbsenceRate;

    public decimal? UnauthorisedAbsenceRate => Sessions.UnauthorisedAbsenceRate;

    public decimal? PersistentAbsenceRate => Rates.Percent(PersistentlyAbsent, Enrolments);

    public decimal? SevereAbsenceRate => Rates.Percent(SeverelyAbsent, Enrolments);

    /// <summary>
    /// Adds one enrolment's sessions when DfE counts it: of compulsory school age for the year and with at
    /// least one possible session in the period (<see cref="StatisticsCohort.Counts"/>); otherwise unchanged.
    /// </summary>
    public CohortFigures Add(DateOnly dateOfBirth, AcademicYear year, SessionCounts enrolment) =>
        StatisticsCohort.Counts(dateOfBirth, year, enrolment)
            ? new CohortFigures(
                Enrolments + 1,
                Sessions + enrolment,
                PersistentlyAbsent + (enrolment.IsPersistentlyAbsent ? 1 : 0),
                SeverelyAbsent + (enrolment.IsSeverelyAbsent ? 1 : 0))
            : this;

    public static CohortFigures operator +(CohortFigures a, CohortFigures b) => new(
        a.Enrolments + b.Enrolments,
        a.Sessions + b.Sessions,
        a.PersistentlyAbsent + b.PersistentlyAbsent,
        a.SeverelyAbsent + b.SeverelyAbsent);
}
