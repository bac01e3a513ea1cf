namespace Waymark.Domain.People;

public enum Role
{
    LaAdmin,
    LaOfficer,
    SocialWorker,
    AdvisoryTeacher,
    TransitionLead,
    Senco,
    AttendanceLead,
    Headteacher,
    Analyst,

    /// <summary>
    /// A practitioner from any agency (family support worker, health visitor, youth worker) who leads or contributes to
    /// Family Early Help Plans: sees the families they work with, and only those.
    /// </summary>
    LeadProfessional,

    /// <summary>The senior person who answers for the confidentiality of children's information: sees the audit and its reports, opens no records.</summary>
    CaldicottGuardian,

    /// <summary>
    /// A Preparing for Adulthood (transitions) worker: sees the young people of the PfA cohort (14 to 25 with an EHC plan,
    /// or care leavers) and those they are a key person for, keeps their checklist, care leaver details and joint panels.
    /// </summary>
    PfaWorker,

    /// <summary>
    /// The LA's SEN team: runs EHC needs assessments, annual reviews and phase transfers for the LA's SEND cohort.
    /// Sees the SEND cohort only (<see cref="DataScope.SendCohort"/>), not every child the LA's services know, and none of
    /// the LA-wide pages other teams work from.
    /// </summary>
    SenCaseOfficer,
}
