using System.Linq.Expressions;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;

namespace Waymark.Data.Access;

/// <summary>
/// The Preparing for Adulthood cohort: young people from Year 9 to 25 with a current EHC plan or care leaver status, or a
/// checklist already started. It is a PfA worker's caseload (<see cref="ChildScoping"/>) and the cohort view's rows; who
/// else sees a young person is the usual scoping.
/// </summary>
public static class AdulthoodScoping
{
    /// <summary>In the PfA years today (<see cref="PfaAges.InPfaYears"/>), as a query.</summary>
    public static Expression<Func<Child, bool>> InPfaYears(DateOnly today)
    {
        var latest = PfaAges.LatestDateOfBirthInPfaYears(today);
        var cutOff = PfaAges.TwentySixthBirthdayCutOff(today);
        return c => c.DateOfBirth <= latest && c.DateOfBirth > cutOff;
    }

    /// <summary>The statutory cohort a PfA worker serves: in the PfA years with a current EHC plan or as a care leaver.</summary>
    public static Expression<Func<Child, bool>> StatutoryCohort(DateOnly today)
    {
        var latest = PfaAges.LatestDateOfBirthInPfaYears(today);
        var cutOff = PfaAges.TwentySixthBirthdayCutOff(today);
        return c => c.DateOfBirth <= latest && c.DateOfBirth > cutOff
            && c.Statuses.Any(s => (s.Type == ChildStatusType.EhcPlan || s.Type == ChildStatusType.CareLeaver)
                && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today));
    }

    /// <summary>The cohort view's rows: the statutory cohort and anyone in the PfA years whose checklist has been started.</summary>
    public static IQueryable<Child> InPfaCohort(this IQueryable<Child> children, WaymarkDbContext db, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = PfaAges.LatestDateOfBirthInPfaYears(today);
        var cutOff = PfaAges.TwentySixthBirthdayCutOff(today);
        return children.Where(c => c.DateOfBirth <= latest && c.DateOfBirth > cutOff
            && (c.Statuses.Any(s => (s.Type == ChildStatusType.EhcPlan || s.Type == ChildStatusType.CareLeaver)
                    && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
                || db.PfaChecklistItems.Any(i => i.ChildId == c.Id)));
    }
}
