namespace Waymark.Domain.People;

/// <summary>Which children's records a role can reach.</summary>
public enum DataScope
{
    /// <summary>
    /// Children known to the LA's services (<see cref="NeedToKnow"/>), the children the user is a key person for, and any
    /// other child opened with a reason ("break glass"), which is recorded and reported.
    /// </summary>
    LocalAuthority,

    /// <summary>
    /// The SEN team's need-to-know: the SEND cohort (<see cref="NeedToKnow"/>: current SEN support or EHC plan, or an
    /// EHC needs assessment, review or transfer open or recently ended), the children the user is a key person for, and
    /// any other child opened with a reason ("break glass"), as for LA-wide roles, to record a new request. None of the
    /// LA-wide pages (transition programme, attendance, early help, evaluation) open to it.
    /// </summary>
    SendCohort,

    /// <summary>Children on roll at the user's school; children shared with it ahead of a move, in part.</summary>
    School,

    /// <summary>Children the user is allocated to: as a key person, or through a Family Early Help Plan they lead or have an action on.</summary>
    Caseload,

    /// <summary>No identifiable records; pseudonymised data only.</summary>
    Pseudonymised,

    /// <summary>No records: the audit of who saw and changed them, and its reports (the Caldicott Guardian).</summary>
    Oversight,
}
