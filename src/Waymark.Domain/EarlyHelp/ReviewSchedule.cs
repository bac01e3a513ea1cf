namespace Waymark.Domain.EarlyHelp;

/// <summary>The Team Around the Family meets at least every six weeks (002:L3590).</summary>
public static class ReviewSchedule
{
    public const int WeeksBetweenReviews = 6;

    /// <summary>Six weeks after the plan was agreed or, once there has been one, after the last review.</summary>
    public static DateOnly DueOn(DateOnly planAgreedOn, DateOnly? lastReviewOn) =>
        (lastReviewOn ?? planAgreedOn).AddDays(WeeksBetweenReviews * 7);

    /// <summary>Overdue from the day after it was due.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    public static int DaysOverdue(DateOnly dueOn, DateOnly today) => Math.Max(0, today.DayNumber - dueOn.DayNumber);

    /// <summary>
    /// What is wrong with the date of a review, or null. A review looks back at the plan, so it cannot come before the
    /// plan was agreed or before the last review; and it records a meeting that happened, so it cannot be in the future.
    /// </summary>
    public static string? DateProblem(DateOnly reviewOn, DateOnly planAgreedOn, DateOnly? lastReviewOn, DateOnly today)
    {
        if (reviewOn > today)
        {
            return "The review date must be today or in the past";
        }

        if (reviewOn < planAgreedOn)
        {
            return $"The review date must be on or after the day the plan was agreed, {planAgreedOn:d MMMM yyyy}";
        }

        return lastReviewOn is DateOnly last && reviewOn < last
            ? $"The review date must be on or after the last review, {last:d MMMM yyyy}"
            : null;
    }

    /// <summary>
    /// Each review that fell due from <paramref name="from"/> to <paramref name="to"/>, and whether it was held on time.
    /// The first is due six weeks after the plan was agreed, each next six weeks after the review that met the last
    /// one (a late review moves the clock). A review still outstanding counts once, as late, from the day after it was
    /// due, not once for every six weeks it stays outstanding. Nothing falls due after the plan closed.
    /// </summary>
    public static IReadOnlyList<DueReview> ReviewsDue(DateOnly agreedOn, IEnumerable<DateOnly> reviewsHeld, DateOnly? closedOn, DateOnly from, DateOnly to)
    {
        var held = reviewsHeld.Where(d => d >= agreedOn && d <= to).Order().ToList();
        var result = new List<DueReview>();
        DateOnly? last = null;
        foreach (var next in held.Cast<DateOnly?>().Append(null))
        {
            var due = DueOn(agreedOn, last);
            if (due > to || (closedOn is DateOnly closed && due > closed) || (next is null && !IsOverdue(due, to)))
            {
                break;
            }

            if (due >= from)
            {
                result.Add(new DueReview(due, next));
            }

            last = next;
        }

        return result;
    }
}

/// <summary>A review that fell due, and the day the next review was held (null if it has not been).</summary>
public readonly record struct DueReview(DateOnly DueOn, DateOnly? HeldOn)
{
    public bool OnTime => HeldOn is DateOnly held && held <= DueOn;
}
