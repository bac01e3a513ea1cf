using Waymark.Domain.People;

namespace Waymark.Domain.Transitions;

/// <summary>Who may see and name a school's Transition Leads. Schools name their own; the LA can name anyone's.</summary>
public static class TransitionLeads
{
    /// <summary>LA-wide roles see every school's leads; school staff see their own school's; the SEN team, not running the programme, none.</summary>
    public static bool CanSee(Role role, bool ownSchool) =>
        Roles.ScopeOf(role) == DataScope.LocalAuthority || (Roles.ScopeOf(role) == DataScope.School && ownSchool);

    /// <summary>Officers and administrators for any school; the headteacher or a Transition Lead for their own.</summary>
    public static bool CanChange(Role role, bool ownSchool) =>
        TransitionAccess.CanManageProgramme(role) || (ownSchool && role is Role.Headteacher or Role.TransitionLead);
}
