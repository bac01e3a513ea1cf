using System.Linq.Expressions;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Data.Access;

/// <summary>
/// The single rule for which children a user may see (need-to-know, <see cref="NeedToKnow"/>). Every query that
/// returns children starts from <see cref="VisibleTo"/>; a child outside it is refused (not found, or for LA users the
/// offer to open it with a reason).
/// </summary>
public static class ChildScoping
{
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, WaymarkDbContext db, UserScope scope, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var currentEnrolment = CurrentOn.Enrolment(today);
        var keyPerson = IsKeyPerson(scope.UserId, today);
        Expression<Func<Child, bool>> openedWithReason = c => db.BreakGlassAccesses.Any(g => g.ChildId == c.Id && g.UserId == scope.UserId && g.GrantedOn == today);
        return scope.DataScope switch
        {
            DataScope.LocalAuthority => children.Where(KnownToServices(db, today).OrElse(keyPerson).OrElse(openedWithReason)),

            // The SEN team: the SEND cohort, not every child the LA's services know.
            DataScope.SendCohort => children.Where(SendScoping.Cohort(db, today).OrElse(keyPerson).OrElse(openedWithReason)),
            DataScope.School when scope.SchoolId is int schoolId =>
                children.Where(((Expression<Func<Child, bool>>)(c => c.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.SchoolId == schoolId)))
                    .OrElse(keyPerson)),
            DataScope.Caseload when scope.Role == Role.PfaWorker =>
                children.Where(keyPerson.OrElse(InFamilyPlanOf(db, scope.UserId, today)).OrElse(AdulthoodScoping.StatutoryCohort(today))),
            DataScope.Caseload => children.Where(keyPerson.OrElse(InFamilyPlanOf(db, scope.UserId, today))),

            // Analysts work on pseudonymised aggregates and the Caldicott Guardian on the audit, never on named
            // records; a school role without a school sees nothing rather than everything.
            _ => children.Where(_ => false),
        };
    }

    /// <summary>
    /// Children whose information another school shared with the user's school ahead of a move (a transition share in
    /// force): the school may find them and see what was shared, not their whole record.
    /// </summary>
    public static IQueryable<Child> IncomingTo(this IQueryable<Child> children, WaymarkDbContext db, UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        return scope is { DataScope: DataScope.School, SchoolId: int schoolId }
            ? children.Where(c => db.InformationShares.Any(s => s.ChildId == c.Id && s.RecipientSchoolId == schoolId && s.EndedAtUtc == null))
            : children.Where(_ => false);
    }

    /// <summary>
    /// Children the LA's services work with. Each new service that holds records about a child adds its rule here, so
    /// that officers reach the children they work with and no others.
    /// </summary>
    public static Expression<Func<Child, bool>> KnownToServices(WaymarkDbContext db, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statusSince = today.AddDays(-(int)NeedToKnow.RecentStatus.TotalDays);
        var suspensionSince = today.AddDays(-(int)NeedToKnow.RecentSuspension.TotalDays);
        var currentKeyPerson = CurrentOn.KeyPerson(today);
        return c =>
            c.Statuses.Any(s => s.Type != ChildStatusType.FreeSchoolMeals && s.StartDate <= today && (s.EndDate == null || s.EndDate >= statusSince))
            || c.KeyPeople.AsQueryable().Any(currentKeyPerson)
            || db.Transitions.Any(t => t.ChildId == c.Id)
            || db.AttendanceAlerts.Any(a => a.ChildId == c.Id)
            || db.Suspensions.Any(s => s.ChildId == c.Id && s.StartDate >= suspensionSince)
            || db.ReducedTimetables.Any(r => r.ChildId == c.Id && (r.EndedOn == null || r.EndedOn >= statusSince))
            || db.AttendanceSupportPlans.Any(p => p.ChildId == c.Id)
            || db.EhcNeedsAssessments.Any(a => a.ChildId == c.Id)
            || db.EhcLaTransfers.Any(t => t.ChildId == c.Id)
            || db.FamilyMembers.Any(m => m.ChildId == c.Id && db.EarlyHelpPlans.Any(p => p.Id == m.PlanId && (p.ClosedOn == null || p.ClosedOn >= statusSince)));
    }

    /// <summary>
    /// Children in a family whose early help plan the user leads or has an action on (open, or closed under a year ago):
    /// the Lead Professional's caseload.
    /// </summary>
    private static Expression<Func<Child, bool>> InFamilyPlanOf(WaymarkDbContext db, string userId, DateOnly today)
    {
        var since = today.AddDays(-(int)NeedToKnow.RecentStatus.TotalDays);
        return c => db.FamilyMembers.Any(m => m.ChildId == c.Id && db.EarlyHelpPlans.Any(p => p.Id == m.PlanId
            && (p.ClosedOn == null || p.ClosedOn >= since)
            && (p.LeadProfessionals.Any(l => l.UserId == userId && l.EndedOn == null) || p.Actions.Any(a => a.ResponsibleUserId == userId))));
    }

    /// <summary>The user is a current key person for the child: social worker, Lead Professional, virtual school contact and so on.</summary>
    private static Expression<Func<Child, bool>> IsKeyPerson(string userId, DateOnly today)
    {
        var current = CurrentOn.KeyPerson(today);
        return c => c.KeyPeople.AsQueryable().Where(current).Any(k => k.UserId == userId);
    }

    /// <summary>Children whose records the user may count (analysts see LA-wide counts, not records).</summary>
    public static IQueryable<Child> CountableBy(this IQueryable<Child> children, WaymarkDbContext db, UserScope scope, DateOnly today) =>
        scope.DataScope is DataScope.Pseudonymised or DataScope.Oversight ? children : children.VisibleTo(db, scope, today);

    /// <summary>Children currently on a school's roll.</summary>
    public static IQueryable<Child> OnRollOf(this IQueryable<Child> children, int schoolId, DateOnly today)
    {
        var currentEnrolment = CurrentOn.Enrolment(today);
        return children.Where(c => c.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.SchoolId == schoolId));
    }

    private static Expression<Func<Child, bool>> OrElse(this Expression<Func<Child, bool>> left, Expression<Func<Child, bool>> right)
    {
        var child = Expression.Parameter(typeof(Child), "c");
        return Expression.Lambda<Func<Child, bool>>(
            Expression.OrElse(new Rebind(left.Parameters[0], child).Visit(left.Body), new Rebind(right.Parameters[0], child).Visit(right.Body)), child);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
