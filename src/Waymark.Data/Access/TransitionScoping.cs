using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Access;

/// <summary>
/// The single rule for who stands where on a child's transition. What each relationship may do is
/// decided by <see cref="TransitionAccess"/> in the domain; this works out the relationship from data.
/// </summary>
public static class TransitionScoping
{
    /// <summary>The child has moved to secondary school once the academic year after Year 6 has begun.</summary>
    public static bool HasMoved(Transition transition, DateOnly today) => today >= transition.MoveDate;

    /// <summary>Start year of the last Year 6 cohort that has already moved on, as a query bound.</summary>
    public static int LastMovedCohort(DateOnly today) => AcademicYear.Containing(today).StartYear - 1;

    public static async Task<TransitionRelationship> RelationshipAsync(
        WaymarkDbContext db, UserScope scope, Transition transition, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(transition);
        var relationship = TransitionRelationship.None;
        switch (scope.DataScope)
        {
            case DataScope.LocalAuthority:
                relationship |= TransitionRelationship.LocalAuthority;
                break;

            case DataScope.SendCohort:
                if (await db.Children.Where(c => c.Id == transition.ChildId).VisibleTo(db, scope, today).AnyAsync(ct))
                {
                    relationship |= TransitionRelationship.SendTeam;
                }

                break;

            case DataScope.Caseload:
                if (await db.Children.Where(c => c.Id == transition.ChildId).VisibleTo(db, scope, today).AnyAsync(ct))
                {
                    relationship |= TransitionRelationship.SocialWorker;
                }

                break;

            case DataScope.School when scope.SchoolId is int schoolId:
                var onRoll = await db.Children.Where(c => c.Id == transition.ChildId).OnRollOf(schoolId, today).AnyAsync(ct);
                if (onRoll)
                {
                    relationship |= HasMoved(transition, today)
                        ? TransitionRelationship.ReceivingSchoolOnRoll
                        : TransitionRelationship.SendingSchool;
                }

                if (await db.InformationShares.AnyAsync(
                        s => s.TransitionId == transition.Id && s.RecipientSchoolId == schoolId && s.EndedAtUtc == null, ct))
                {
                    relationship |= TransitionRelationship.ReceivingSchoolShared;
                }

                break;
        }

        return relationship;
    }

    /// <summary>Transitions of children on a school's roll who have not yet moved on: the sending school's cohort.</summary>
    public static IQueryable<Transition> SendingFrom(this IQueryable<Transition> transitions, int schoolId, DateOnly today)
    {
        var currentEnrolment = CurrentOn.Enrolment(today);
        var lastMoved = LastMovedCohort(today);
        return transitions.Where(t => t.CohortYear > lastMoved
            && t.Child!.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.SchoolId == schoolId));
    }

    /// <summary>Transitions of children now in Year 7 on a school's roll: the receiving school's follow-up list.</summary>
    public static IQueryable<Transition> NowAt(this IQueryable<Transition> transitions, int schoolId, DateOnly today)
    {
        var currentEnrolment = CurrentOn.Enrolment(today);
        var lastMoved = LastMovedCohort(today);
        return transitions.Where(t => t.CohortYear == lastMoved
            && t.Child!.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.SchoolId == schoolId));
    }

    /// <summary>Transitions shared with a school and still in force: its incoming pupils.</summary>
    public static IQueryable<InformationShare> SharedWith(this IQueryable<InformationShare> shares, int schoolId) =>
        shares.Where(s => s.RecipientSchoolId == schoolId && s.EndedAtUtc == null && s.TransitionId != null);
}
