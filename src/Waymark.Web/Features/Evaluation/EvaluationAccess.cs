using Waymark.Domain.People;

namespace Waymark.Web.Features.Evaluation;

/// <summary>
/// Who may evaluate programmes: the LA-wide roles and analysts. The comparison pool is every child in the LA, so
/// school and caseload roles, who see only some children, are refused, as is the SEN team (the programmes evaluated are
/// attendance and inclusion work, not its own); the Caldicott Guardian oversees, not evaluates.
/// </summary>
public static class EvaluationAccess
{
    public static bool CanEvaluate(Role role) => Roles.ScopeOf(role) is DataScope.LocalAuthority or DataScope.Pseudonymised;
}
