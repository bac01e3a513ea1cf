namespace Waymark.Domain.Adulthood;

/// <summary>
/// Care leavers' bands and pathway plan reviews. A pathway plan is reviewed at intervals of not more than six months
/// (Care Leavers (England) Regulations 2010, reg 7(3); the Children Act 1989 guidance volume 3 repeats it); Waymark
/// follows that as the latest date, counting six calendar months from the last review (or from the plan's start).
/// </summary>
public static class CareLeavers
{
    public const int ReviewIntervalMonths = 6;

    public const int MaxAdviserLength = 200;

    /// <summary>Under 21: the personal adviser continues by right (former relevant child); 21 to 25: on request (CSWA 2017 s3).</summary>
    public static CareLeaverBand? BandOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = PfaAges.AgeOn(dateOfBirth, date);
        return age switch
        {
            >= 18 and <= 20 => CareLeaverBand.EighteenToTwenty,
            >= 21 and <= PfaAges.LastAge => CareLeaverBand.TwentyOneToTwentyFive,
            _ => null,
        };
    }

    /// <summary>
    /// The latest date for the next review: six calendar months after the last one. A review on the 29th to 31st of a
    /// month whose sixth month is shorter falls due on that month's last day (never later than six months).
    /// </summary>
    public static DateOnly NextReviewDue(DateOnly lastReviewOrStart) => lastReviewOrStart.AddMonths(ReviewIntervalMonths);

    /// <summary>The next review's latest date from the last review, or the plan's start when there has been none; null when neither is known.</summary>
    public static DateOnly? NextReviewDue(DateOnly? lastReviewOn, DateOnly? planStartedOn) =>
        (lastReviewOn ?? planStartedOn) is DateOnly from ? NextReviewDue(from) : null;

    public static bool IsReviewOverdue(DateOnly due, DateOnly today) => today > due;

    /// <summary>What is wrong with a review date, or null.</summary>
    public static string? ReviewDateProblem(DateOnly reviewedOn, DateOnly dateOfBirth, DateOnly today)
    {
        if (reviewedOn > today)
        {
            return "The review date must be today or in the past";
        }

        return reviewedOn < PfaAges.Birthday(dateOfBirth, 16)
            ? "The review date must be on or after the young person's 16th birthday, when a pathway plan can begin"
            : null;
    }
}
