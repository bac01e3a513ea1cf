using Waymark.Data.Entities;
using Waymark.Domain.People;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// Who sees the KPIs (docs/kpis.md): LA roles and analysts the LA's figures (counts only, no child named); school staff
/// their own school's, with small numbers suppressed. The SEN team sees the LA's figures too: two indicators (EHC plans
/// in 20 weeks, phase transfers by the deadline) are its own work, and the dashboard names no child. Caseload roles
/// (social workers, Lead Professionals) and the Caldicott Guardian have no KPI view: the figures are about schools and
/// the LA, not a caseload.
/// </summary>
public static class KpiAccess
{
    public static bool CanSee(Role role) =>
        Roles.ScopeOf(role) is DataScope.LocalAuthority or DataScope.SendCohort or DataScope.School or DataScope.Pseudonymised;

    /// <summary>School staff see small numbers as "c"; LA staff and analysts see the figures whole on screen.</summary>
    public static bool SuppressOnScreen(Role role) => Roles.ScopeOf(role) == DataScope.School;

    /// <summary>Who may set the LA's targets.</summary>
    public static bool CanSetTargets(Role role) => role is Role.LaAdmin or Role.LaOfficer;
}
