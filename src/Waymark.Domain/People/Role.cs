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
}
