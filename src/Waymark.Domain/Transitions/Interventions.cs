namespace Waymark.Domain.Transitions;

public static class Interventions
{
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
}
