using Waymark.Domain.People;

namespace Waymark.Domain.EarlyHelp;

/// <summary>How a user stands to one family's plan; worked out from data by the plan's gate.</summary>
public enum PlanRelationship
{
    None,

    /// <summary>An LA-wide role: the early help team and Link Co-ordinators oversee every plan.</summary>
    LocalAuthority,

    /// <summary>The current Lead Professional.</summary>
    LeadProfessional,

    /// <summary>Staff of the school whose member of staff is the Lead Professional.</summary>
    LeadSchool,

    /// <summary>Someone (or a school) with an action on the plan.</summary>
    Contributor,
}

public static class EarlyHelpAccess
{
    /// <summary>Who may start a plan for a family: anyone who works with children's records. Analysts and the Caldicott Guardian do not.</summary>
    public static bool CanStartPlan(Role role) => Roles.CanOpenChildRecords(role);

    public static bool CanView(PlanRelationship relationship) => relationship != PlanRelationship.None;

    /// <summary>The Lead Professional, their school and the LA change the plan; contributors read it and do their actions.</summary>
    public static bool CanChange(Role role, PlanRelationship relationship) =>
        relationship is PlanRelationship.LeadProfessional or PlanRelationship.LeadSchool
        || (relationship == PlanRelationship.LocalAuthority && role is Role.LaAdmin or Role.LaOfficer or Role.AdvisoryTeacher);

    /// <summary>The LA's figures across every plan: LA-wide roles and analysts, not the SEN team (early help is not its work).</summary>
    public static bool CanSeeReports(Role role) => Roles.ScopeOf(role) is DataScope.LocalAuthority or DataScope.Pseudonymised;
}
