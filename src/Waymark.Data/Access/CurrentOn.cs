using System.Linq.Expressions;
using Waymark.Data.Entities;

namespace Waymark.Data.Access;

/// <summary>
/// "Current on a day" for dated records, as query expressions, so scoping, counts and pages all use
/// the same rule: started on or before the day, and not ended before it.
/// </summary>
public static class CurrentOn
{
    public static Expression<Func<Enrolment, bool>> Enrolment(DateOnly day) =>
        e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day);

    public static Expression<Func<ChildStatus, bool>> Status(DateOnly day) =>
        s => s.StartDate <= day && (s.EndDate == null || s.EndDate >= day);

    public static Expression<Func<KeyPerson, bool>> KeyPerson(DateOnly day) =>
        k => k.StartDate <= day && (k.EndDate == null || k.EndDate >= day);

    /// <summary>The same rule for a record already in memory.</summary>
    public static bool Covers(DateOnly start, DateOnly? end, DateOnly day) => start <= day && (end is null || end >= day);
}
