namespace Waymark.Domain.Transitions;

/// <summary>The two Year 7 reviews: six weeks after the move, and at the end of the first term.</summary>
public enum FollowUpKind
{
    SixWeeks,
    EndOfFirstTerm,
}

public enum SettlingIn
{
    NotSettled = 1,
    Struggling = 2,
    Settling = 3,
    SettledWell = 4,
    Thriving = 5,
}

public static class FollowUps
{
    /// <summary>Year 7 attendance below this is flagged to the Transition Lead and the LA.</summary>
    public const decimal AttendanceThreshold = 90m;

    public static DateOnly DueDate(FollowUpKind kind, DateOnly moveDate) => kind switch
    {
        FollowUpKind.SixWeeks => moveDate.AddDays(42),

        // Autumn term ends in the week before Christmas; the last Friday on or before 20 December.
        FollowUpKind.EndOfFirstTerm => LastFridayOnOrBefore(new DateOnly(moveDate.Year, 12, 20)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown follow-up."),
    };

    private static DateOnly LastFridayOnOrBefore(DateOnly date)
    {
        var back = ((int)date.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7;
        return date.AddDays(-back);
    }

    public static string DisplayName(FollowUpKind kind) => kind switch
    {
        FollowUpKind.SixWeeks => "Six-week review",
        FollowUpKind.EndOfFirstTerm => "End of first term review",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown follow-up."),
    };

    public static string Slug(FollowUpKind kind) => kind switch
    {
        FollowUpKind.SixWeeks => "six-weeks",
        FollowUpKind.EndOfFirstTerm => "end-of-first-term",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown follow-up."),
    };

    public static FollowUpKind? FromSlug(string? slug) =>
        Enum.GetValues<FollowUpKind>().Cast<FollowUpKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);

    public static string DisplayName(SettlingIn rating) => rating switch
    {
        SettlingIn.NotSettled => "Not settled",
        SettlingIn.Struggling => "Struggling to settle",
        SettlingIn.Settling => "Settling in",
        SettlingIn.SettledWell => "Settled well",
        SettlingIn.Thriving => "Thriving",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown rating."),
    };

    /// <summary>Why a Year 7 child needs attention; empty when they do not.</summary>
    public static IReadOnlyList<string> Flags(decimal? year7AttendancePercent, int suspensions)
    {
        var flags = new List<string>();
        if (year7AttendancePercent is decimal rate && rate < AttendanceThreshold)
        {
            flags.Add($"Year 7 attendance is {rate:0.#}%, below {AttendanceThreshold:0}%");
        }

        if (suspensions > 0)
        {
            flags.Add(suspensions == 1 ? "Suspended once in Year 7" : $"Suspended {suspensions} times in Year 7");
        }

        return flags;
    }

    /// <summary>
    /// Checks a review before saving: it is held after the move and not in the future, the
    /// percentages are percentages. Returns (field, message) pairs.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(
        DateOnly heldOn, DateOnly moveDate, DateOnly today, decimal? year6Attendance, decimal? year7Attendance, int suspensions)
    {
        var errors = new List<(string, string)>();
        if (heldOn < moveDate)
        {
            errors.Add(("HeldOn", $"The review must be after the move to secondary school on {moveDate:d MMMM yyyy}"));
        }
        else if (heldOn > today)
        {
            errors.Add(("HeldOn", "The review date must be today or in the past"));
        }

        if (year6Attendance is < 0 or > 100)
        {
            errors.Add(("Year6Attendance", "Year 6 attendance must be a percentage between 0 and 100"));
        }

        if (year7Attendance is < 0 or > 100)
        {
            errors.Add(("Year7Attendance", "Year 7 attendance must be a percentage between 0 and 100"));
        }

        if (suspensions < 0)
        {
            errors.Add(("Suspensions", "Suspensions must be 0 or more"));
        }

        return errors;
    }
}
