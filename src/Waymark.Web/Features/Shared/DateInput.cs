using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Waymark.Web.Features.Shared;

/// <summary>
/// The three boxes of a GOV.UK date input, bound as Name.Day, Name.Month and Name.Year, with the
/// Design System's error messages.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is DateOnly d
        ? new DateInput
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateInput();

    /// <summary>
    /// The date, or null with an error added under <paramref name="key"/>. <paramref name="label"/>
    /// names the date in a sentence, e.g. "the meeting date".
    /// </summary>
    public DateOnly? Parse(ModelStateDictionary modelState, string key, string label, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var sentence = char.ToUpperInvariant(label[0]) + label[1..];
        if (IsEmpty)
        {
            if (required)
            {
                modelState.AddModelError(key, $"Enter {label}");
            }

            return null;
        }

        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            modelState.AddModelError(key, $"{sentence} must include a {string.Join(" and ", missing)}");
            return null;
        }

        var year = Year!.Trim();
        if (year.Length != 4 || !year.All(char.IsAsciiDigit))
        {
            modelState.AddModelError(key, "Year must include 4 numbers");
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        modelState.AddModelError(key, $"{sentence} must be a real date");
        return null;
    }
}
