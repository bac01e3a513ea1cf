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

    /// <summary>The senior person who answers for the confidentiality of children's information: sees the audit and its reports, opens no records.</summary>
    CaldicottGuardian,
}
