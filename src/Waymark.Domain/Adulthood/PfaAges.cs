namespace Waymark.Domain.Adulthood;

/// <summary>Ages and age bands of the Preparing for Adulthood cohort (Year 9, age 14, to 25).</summary>
public static class PfaAges
{
    public const int FirstAge = 14;

    /// <summary>The last age in the cohort: EHC plans and a personal adviser may continue to 25 (CFA 2014 s46; CSWA 2017 s3).</summary>
    public const int LastAge = 25;

    /// <summary>
    /// The day a young person reaches an age. Someone born on 29 February reaches it on 1 March in a common year, as
    /// in English law (Family Law Reform Act 1969 s9 counts from the date of birth; the anniversary of 29 February in a
    /// common year is taken as 1 March), so no deadline lands on a day before they are that age.
    /// </summary>
    public static DateOnly Birthday(DateOnly dateOfBirth, int age)
    {
        var year = dateOfBirth.Year + age;
        return dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
    }

    /// <summary>The date a young person reaches an age in years and months: the birthday, then whole calendar months on (a day past the month's end becomes its last day).</summary>
    public static DateOnly ReachesAge(DateOnly dateOfBirth, int years, int months) => Birthday(dateOfBirth, years).AddMonths(months);

    /// <summary>Age in whole years on a date.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return date < Birthday(dateOfBirth, age) ? age - 1 : age;
    }

    /// <summary>
    /// The checklist starts on 1 September of the young person's Year 9 (the school year in which they turn 14), the
    /// earlier of the Code of Practice's "from Year 9 at the latest" (8.9) and seed 004's "from age 14": a young person
    /// always turns 14 during Year 9, so Year 9's start is never after the 14th birthday.
    /// </summary>
    public static DateOnly ChecklistStartsOn(DateOnly dateOfBirth)
    {
        var fourteenth = Birthday(dateOfBirth, FirstAge);
        return new DateOnly(fourteenth.Month >= 9 ? fourteenth.Year : fourteenth.Year - 1, 9, 1);
    }

    /// <summary>The day after the young person's time in the cohort ends: their 26th birthday.</summary>
    public static DateOnly ChecklistEndsBefore(DateOnly dateOfBirth) => Birthday(dateOfBirth, LastAge + 1);

    /// <summary>Whether the young person is in the PfA years on a date: from the start of Year 9 to their 26th birthday.</summary>
    public static bool InPfaYears(DateOnly dateOfBirth, DateOnly date) =>
        date >= ChecklistStartsOn(dateOfBirth) && date < ChecklistEndsBefore(dateOfBirth);

    /// <summary>
    /// The latest date of birth of someone in Year 9 or above on <paramref name="today"/>, for queries: 31 August, 13
    /// years before the current school year starts.
    /// </summary>
    public static DateOnly LatestDateOfBirthInPfaYears(DateOnly today) => new(Calendar.AcademicYear.Containing(today).StartYear - 13, 8, 31);

    /// <summary>Dates of birth must be after this for the young person to be under 26 on <paramref name="today"/>.</summary>
    public static DateOnly TwentySixthBirthdayCutOff(DateOnly today) => today.AddYears(-(LastAge + 1));

    /// <summary>The cohort view's band; a Year 9 pupil still 13 counts in the first band; null outside the PfA years.</summary>
    public static PfaAgeBand? BandOn(DateOnly dateOfBirth, DateOnly date)
    {
        if (!InPfaYears(dateOfBirth, date))
        {
            return null;
        }

        return AgeOn(dateOfBirth, date) switch
        {
            <= 16 => PfaAgeBand.FourteenToSixteen,
            <= 18 => PfaAgeBand.SeventeenToEighteen,
            <= 21 => PfaAgeBand.NineteenToTwentyOne,
            _ => PfaAgeBand.TwentyTwoToTwentyFive,
        };
    }
}
