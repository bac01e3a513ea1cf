namespace Waymark.Domain.People;

/// <summary>The part a named professional plays for a particular child (not a login role).</summary>
public enum KeyPersonRole
{
    SocialWorker,
    LeadProfessional,
    AdvisoryTeacher,
    TransitionLead,
    Senco,

    /// <summary>
    /// The virtual school's named contact for a looked-after child (the Virtual School Head or their
    /// education adviser), told when the child is suspended or excluded.
    /// </summary>
    VirtualSchool,
}
