namespace Waymark.Domain.Integrations;

/// <summary>
/// What an integration's token may read through the API. Each is granted by the administrator who registers the
/// integration; which children it reaches is decided separately, by the role (and school) it acts with.
/// </summary>
public enum ApiScope
{
    /// <summary>Who the children are: names, UPN, date of birth, school, statuses.</summary>
    ChildrenRead,

    /// <summary>A child's attendance figures for an academic year.</summary>
    AttendanceRead,

    SuspensionsRead,

    ReducedTimetablesRead,

    TransitionsRead,

    /// <summary>Family Early Help Plans, in summary: stage, dates, tier and Lead Professional; never the family's own words.</summary>
    PlansRead,
}

public static class ApiScopes
{
    public static IReadOnlyList<ApiScope> All { get; } = Enum.GetValues<ApiScope>().AsReadOnly();

    /// <summary>The name a token carries and the OpenAPI document lists, e.g. "children:read".</summary>
    public static string Name(ApiScope scope) => scope switch
    {
        ApiScope.ChildrenRead => "children:read",
        ApiScope.AttendanceRead => "attendance:read",
        ApiScope.SuspensionsRead => "suspensions:read",
        ApiScope.ReducedTimetablesRead => "reduced-timetables:read",
        ApiScope.TransitionsRead => "transitions:read",
        ApiScope.PlansRead => "plans:read",
        _ => throw Unknown(scope),
    };

    /// <summary>What the scope lets the integration read, in words an administrator reads before granting it.</summary>
    public static string Description(ApiScope scope) => scope switch
    {
        ApiScope.ChildrenRead => "Children: names, UPN, date of birth, school and statuses",
        ApiScope.AttendanceRead => "Attendance: a child's figures for an academic year",
        ApiScope.SuspensionsRead => "Suspensions and permanent exclusions",
        ApiScope.ReducedTimetablesRead => "Reduced timetables",
        ApiScope.TransitionsRead => "Transitions to secondary school: cohort, schools and decision, not the profile",
        ApiScope.PlansRead => "Family Early Help Plans in summary: stage, dates, tier and Lead Professional",
        _ => throw Unknown(scope),
    };

    /// <summary>Exact names only ("children:read"), case-sensitive as OAuth scope names are.</summary>
    public static bool TryParse(string? name, out ApiScope scope)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                scope = candidate;
                return true;
            }
        }

        scope = default;
        return false;
    }

    /// <summary>Scopes as stored and sent: their names in a fixed order, separated by spaces (as an OAuth "scope" value).</summary>
    public static string Format(IEnumerable<ApiScope> scopes) => string.Join(' ', scopes.Distinct().Order().Select(Name));

    /// <summary>The scopes in a stored value; names that are not scopes (from an older version) are left out.</summary>
    public static IReadOnlyList<ApiScope> ParseList(string? value) =>
        (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => TryParse(n, out var s) ? s : (ApiScope?)null)
            .OfType<ApiScope>().Distinct().Order().ToList();

    private static ArgumentOutOfRangeException Unknown(ApiScope scope) => new(nameof(scope), scope, "Unknown API scope.");
}
