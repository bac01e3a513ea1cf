namespace Waymark.Domain.People;

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>().AsReadOnly();

    /// <summary>The kebab-case name used on the command line and in configuration.</summary>
    public static string CommandName(Role role) => role switch
    {
        Role.LaAdmin => "la-admin",
        Role.LaOfficer => "la-officer",
        Role.SocialWorker => "social-worker",
        Role.AdvisoryTeacher => "advisory-teacher",
        Role.TransitionLead => "transition-lead",
        Role.Senco => "senco",
        Role.AttendanceLead => "attendance-lead",
        Role.Headteacher => "headteacher",
        Role.Analyst => "analyst",
        Role.LeadProfessional => "lead-professional",
        Role.CaldicottGuardian => "caldicott-guardian",
        Role.PfaWorker => "pfa-worker",
        Role.SenCaseOfficer => "sen-officer",
        _ => throw Unknown(role),
    };

    /// <summary>Case-insensitive, but only the exact command names; enum names such as "LaAdmin" are rejected.</summary>
    public static bool TryParse(string commandName, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(CommandName(candidate), commandName, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static string DisplayName(Role role) => role switch
    {
        Role.LaAdmin => "LA administrator",
        Role.LaOfficer => "LA officer",
        Role.SocialWorker => "Social worker",
        Role.AdvisoryTeacher => "Advisory teacher",
        Role.TransitionLead => "Transition Lead",
        Role.Senco => "SENCo",
        Role.AttendanceLead => "Attendance lead",
        Role.Headteacher => "Headteacher",
        Role.Analyst => "Analyst",
        Role.LeadProfessional => "Lead Professional",
        Role.CaldicottGuardian => "Caldicott Guardian",
        Role.PfaWorker => "Preparing for adulthood worker",
        Role.SenCaseOfficer => "SEN case officer",
        _ => throw Unknown(role),
    };

    public static DataScope ScopeOf(Role role) => role switch
    {
        Role.LaAdmin or Role.LaOfficer or Role.AdvisoryTeacher => DataScope.LocalAuthority,
        Role.SenCaseOfficer => DataScope.SendCohort,
        Role.TransitionLead or Role.Senco or Role.AttendanceLead or Role.Headteacher => DataScope.School,
        Role.SocialWorker or Role.LeadProfessional or Role.PfaWorker => DataScope.Caseload,
        Role.Analyst => DataScope.Pseudonymised,
        Role.CaldicottGuardian => DataScope.Oversight,
        _ => throw Unknown(role),
    };

    /// <summary>School-scoped users must be linked to a school, or they could see nothing (or everything).</summary>
    public static bool RequiresSchool(Role role) => ScopeOf(role) == DataScope.School;

    /// <summary>Analysts only ever see pseudonymised data; the Caldicott Guardian sees the audit, not the records.</summary>
    public static bool CanOpenChildRecords(Role role) => ScopeOf(role) is DataScope.LocalAuthority or DataScope.SendCohort or DataScope.School or DataScope.Caseload;

    public static bool CanAdministerUsers(Role role) => role == Role.LaAdmin;

    /// <summary>
    /// The LA's published figures beside national, regional and similar LAs: LA-wide roles and analysts (counts only,
    /// no child). Not school staff, caseload roles, the SEN team (the figures are attendance, not its work) or the
    /// Caldicott Guardian.
    /// </summary>
    public static bool CanSeeBenchmarking(Role role) => ScopeOf(role) == DataScope.LocalAuthority || role == Role.Analyst;

    /// <summary>Who looked at what, users' activity and the report of unusual access.</summary>
    public static bool CanSeeAuditReports(Role role) => role is Role.LaAdmin or Role.CaldicottGuardian;

    private static ArgumentOutOfRangeException Unknown(Role role) =>
        new(nameof(role), role, "Unknown role.");
}
