namespace Waymark.Domain.Calendar;

public static class Age
{
    /// <summary>
    /// Age in whole years on <paramref name="date"/>. Someone born on 29 February has their birthday
    /// on 1 March in non-leap years (still the younger age on 28 February).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the date of birth.</exception>
    public static int On(DateOnly dateOfBirth, DateOnly date)
    {
        if (date < dateOfBirth)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The date is before the date of birth.");
        }

        var years = date.Year - dateOfBirth.Year;
        // Comparing (month, day) rather than adding years avoids DateOnly moving 29 Feb to 28 Feb.
        if (date.Month < dateOfBirth.Month || (date.Month == dateOfBirth.Month && date.Day < dateOfBirth.Day))
        {
            years--;
        }

        return years;
    }
}
