namespace Waymark.Domain.People;

/// <summary>The part a named professional plays for a particular child (not a login role).</summary>
public enum KeyPersonRole
{
    SocialWorker,
    LeadProfessional,
    AdvisoryTeacher,
    TransitionLead,
    Senco,
}
