using Waymark.Data.Entities;
using Waymark.Domain.People;

namespace Waymark.Data.Access;

/// <summary>
/// The single rule for which children a user may see. Every query that returns children
/// starts from <see cref="VisibleTo"/>; a child outside it is answered as not found.
/// </summary>
public static class ChildScoping
{
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, UserScope scope, DateOnly today)
    {
        var currentEnrolment = CurrentOn.Enrolment(today);
        var currentKeyPerson = CurrentOn.KeyPerson(today);
        return scope.DataScope switch
        {
            DataScope.LocalAuthority => children,
            DataScope.School when scope.SchoolId is int schoolId =>
                children.Where(c => c.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.SchoolId == schoolId)),
            DataScope.Caseload => children.Where(c => c.KeyPeople.AsQueryable().Where(currentKeyPerson)
                .Any(k => k.UserId == scope.UserId && k.Role == KeyPersonRole.SocialWorker)),

            // Analysts work on pseudonymised aggregates, never on named records; a school role
            // without a school sees nothing rather than everything.
            _ => children.Where(_ => false),
        };
    }

    /// <summary>Children whose records the user may count (analysts see LA-wide counts, not records).</summary>
    public static IQueryable<Child> CountableBy(this IQueryable<Child> children, UserScope scope, DateOnly today) =>
        scope.DataScope == DataScope.Pseudonymised ? children : children.VisibleTo(scope, today);

    /// <summary>Children currently on a school's roll.</summary>
    public static IQueryable<Child> OnRollOf(this IQueryable<Child> children, int schoolId, DateOnly today)
    {
        var currentEnrolment = CurrentOn.Enrolment(today);
        return children.Where(c => c.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.SchoolId == schoolId));
    }
}
