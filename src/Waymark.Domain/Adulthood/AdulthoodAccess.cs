using Waymark.Domain.People;

namespace Waymark.Domain.Adulthood;

/// <summary>
/// Who may do what in Preparing for Adulthood. Which young people a user reaches is the usual child scoping (a PfA worker's
/// caseload also holds the PfA cohort); these rules say what they may change.
/// </summary>
public static class AdulthoodAccess
{
    /// <summary>Anyone who may open the young person's record may read their checklist.</summary>
    public static bool CanViewChecklist(Role role) => Roles.CanOpenChildRecords(role);

    /// <summary>
    /// The PfA worker, LA officers, the young person's social worker and the school's SENCo keep the checklist; other
    /// school staff, advisory teachers, Lead Professionals and the administrator read it.
    /// </summary>
    public static bool CanChangeChecklist(Role role) => role is Role.PfaWorker or Role.LaOfficer or Role.SocialWorker or Role.Senco;

    /// <summary>Joint panels are the LA's multi-agency meetings: PfA workers and LA-wide staff, not schools or caseload roles.</summary>
    public static bool CanViewPanels(Role role) => role is Role.PfaWorker || Roles.ScopeOf(role) == DataScope.LocalAuthority;

    public static bool CanChangePanels(Role role) => role is Role.PfaWorker or Role.LaOfficer;

    /// <summary>Leaving care is social care's business: schools do not see a care leaver's adviser, pathway plan or EET status.</summary>
    public static bool CanViewCareLeaver(Role role) => role is Role.PfaWorker or Role.SocialWorker || Roles.ScopeOf(role) == DataScope.LocalAuthority;

    public static bool CanChangeCareLeaver(Role role) => role is Role.PfaWorker or Role.LaOfficer or Role.SocialWorker;

    /// <summary>The cohort view lists young people by name: anyone who may open records, each seeing the young people in their scope.</summary>
    public static bool CanViewCohort(Role role) => Roles.CanOpenChildRecords(role);
}
