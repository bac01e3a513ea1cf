namespace Waymark.Domain.Transitions;

public static class Interventions
{
    /// <summary>The longest an intervention's name may be, as stored.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Checks an enrolment before saving. Returns (field, message) pairs.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateEnrolment(
        DateOnly start, DateOnly? end, int sessionsPlanned, int sessionsAttended, int? scoreBefore, int? scoreAfter, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (end is DateOnly e && e < start)
        {
            errors.Add(("EndDate", "The end date must be the same as or after the start date"));
        }

        if (sessionsPlanned is < 0 or > 500)
        {
            errors.Add(("SessionsPlanned", "Sessions planned must be between 0 and 500"));
        }

        if (sessionsAttended < 0)
        {
            errors.Add(("SessionsAttended", "Sessions attended must be 0 or more"));
        }
        else if (sessionsAttended > sessionsPlanned)
        {
            errors.Add(("SessionsAttended", "Sessions attended cannot be more than the sessions planned"));
        }

        if (sessionsAttended > 0 && start > today)
        {
            errors.Add(("SessionsAttended", "Sessions cannot have been attended before the intervention starts"));
        }

        if (scoreAfter is not null && scoreBefore is null)
        {
            errors.Add(("ScoreBefore", "Enter the score before the intervention as well as the score after"));
        }

        if (scoreAfter is not null && end is null)
        {
            errors.Add(("EndDate", "Enter the end date before recording the score after the intervention"));
        }

        return errors;
    }

    /// <summary>After minus before, when both scores are recorded.</summary>
    public static int? ScoreChange(int? scoreBefore, int? scoreAfter) =>
        scoreBefore is int before && scoreAfter is int after ? after - before : null;

    /// <summary>"+6", "-2" or "No change".</summary>
    public static string DescribeChange(int change) => change switch
    {
        > 0 => $"+{change}",
        0 => "No change",
        _ => change.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A catalogue name as it is compared: trimmed, inner spaces collapsed, case ignored.</summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }

    /// <summary>
    /// True when <paramref name="name"/> is already used by another intervention in the catalogue;
    /// "Mentoring" and "mentoring " would confuse whoever enrols a child, so they count as the same.
    /// </summary>
    public static bool IsDuplicateName(string name, IEnumerable<string> otherNames)
    {
        ArgumentNullException.ThrowIfNull(otherNames);
        var key = NameKey(name);
        return otherNames.Any(other => NameKey(other) == key);
    }
}
