namespace Waymark.Domain.People;

public static class KeyPersonRoles
{
    public static string DisplayName(KeyPersonRole role) => role switch
    {
        KeyPersonRole.SocialWorker => "Social worker",
        KeyPersonRole.LeadProfessional => "Lead Professional",
        KeyPersonRole.AdvisoryTeacher => "Advisory teacher",
        KeyPersonRole.TransitionLead => "Transition Lead",
        KeyPersonRole.Senco => "SENCo",
        KeyPersonRole.VirtualSchool => "Virtual school",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown key person role."),
    };
}
