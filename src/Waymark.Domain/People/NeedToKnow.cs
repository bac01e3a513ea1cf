namespace Waymark.Domain.People;

/// <summary>
/// The rules of need-to-know that are not about data (Caldicott principle 4: access on a strict need-to-know basis).
/// Which children an LA user knows of is worked out from the data, in one place (Waymark.Data.Access.ChildScoping):
/// children with a current or recent status (child in need, child protection, looked after, EHC plan, SEN support and
/// the rest), a key person, a transition, an attendance alert, a suspension, a reduced timetable or an attendance
/// support plan. Any other child an LA user may open only by "breaking the glass": giving a reason, which is recorded,
/// shown to the Caldicott Guardian and administrators, and lasts until the end of that day.
/// <para>
/// The SEN team (<see cref="DataScope.SendCohort"/>) knows a narrower set, the SEND cohort (Waymark.Data.Access.SendScoping):
/// children with SEN support or an EHC plan current today, or with an EHC needs assessment, annual review, phase transfer
/// or plan from another LA that is open or ended less than <see cref="RecentStatus"/> ago. It too may break the glass,
/// so that it can record a request for a child the LA does not yet know.
/// </para>
/// </summary>
public static class NeedToKnow
{
    /// <summary>A status that ended less than this long ago still makes the child known to the LA's services.</summary>
    public static readonly TimeSpan RecentStatus = TimeSpan.FromDays(365);

    /// <summary>A suspension or exclusion keeps a child known to the LA for this long (the school years in which it weighs).</summary>
    public static readonly TimeSpan RecentSuspension = TimeSpan.FromDays(730);

    public const int MinimumReasonLength = 20;

    public const int MaximumReasonLength = 1000;

    /// <summary>
    /// Only LA-wide roles and the SEN team (a request can come for a child no service knows yet) may open a record
    /// outside their need-to-know; schools and social workers never can.
    /// </summary>
    public static bool CanBreakGlass(Role role) => Roles.ScopeOf(role) is DataScope.LocalAuthority or DataScope.SendCohort;

    /// <summary>What is wrong with a reason for breaking the glass, or null when it will do.</summary>
    public static string? ReasonProblem(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "Enter why you need to open this child's record";
        }

        if (text.Length < MinimumReasonLength)
        {
            return $"Give the reason in at least {MinimumReasonLength} characters, so that someone reading it later understands it";
        }

        return text.Length > MaximumReasonLength ? $"The reason must be {MaximumReasonLength:N0} characters or fewer" : null;
    }

    /// <summary>Access opened with a reason lasts until midnight of the day it was given (UK time).</summary>
    public static bool GrantHolds(DateOnly grantedOn, DateOnly today) => grantedOn == today;
}
