using System.Globalization;

namespace Waymark.Domain.Transitions;

/// <summary>What may be done to one person-centred planning meeting, and how its start time is read.</summary>
public static class MeetingRules
{
    /// <summary>
    /// Reads a start time as people type it: 24-hour ("14:30", "9.05", "0930") or 12-hour ("2:30pm",
    /// "2pm", "11.15 am"), plus "midday" and "midnight". Null when it is not a real time.
    /// </summary>
    public static TimeOnly? ParseStartTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace(".", ":", StringComparison.Ordinal);
        switch (s)
        {
            case "midday" or "noon" or "12noon":
                return new TimeOnly(12, 0);
            case "midnight":
                return new TimeOnly(0, 0);
        }

        bool? pm = null;
        if (s.EndsWith("am", StringComparison.Ordinal) || s.EndsWith("pm", StringComparison.Ordinal))
        {
            pm = s.EndsWith("pm", StringComparison.Ordinal);
            s = s[..^2];
        }

        string hourText, minuteText;
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            hourText = s[..colon];
            minuteText = s[(colon + 1)..];
            if (minuteText.Length != 2)
            {
                return null;
            }
        }
        else if (pm is not null)
        {
            // "2pm": hours alone are enough with am or pm.
            hourText = s;
            minuteText = "00";
        }
        else if (s.Length == 4)
        {
            // "0930", as on a 24-hour clock.
            hourText = s[..2];
            minuteText = s[2..];
        }
        else
        {
            return null;
        }

        if (hourText.Length is < 1 or > 2 || !hourText.All(char.IsAsciiDigit) || !minuteText.All(char.IsAsciiDigit))
        {
            return null;
        }

        var hour = int.Parse(hourText, CultureInfo.InvariantCulture);
        var minute = int.Parse(minuteText, CultureInfo.InvariantCulture);
        if (minute > 59)
        {
            return null;
        }

        if (pm is bool isPm)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (isPm ? 12 : 0);
        }
        else if (hour > 23)
        {
            return null;
        }

        return new TimeOnly(hour, minute);
    }

    /// <summary>
    /// Null when who came and what was said can be recorded, otherwise why not. A meeting is
    /// recorded once its day has come; a held meeting's record can be corrected.
    /// </summary>
    public static string? WhyCannotRecord(MeetingStatus status, DateOnly date, DateOnly today) => status switch
    {
        MeetingStatus.Cancelled => "This meeting was cancelled, so there is nothing to record",
        _ when date > today => $"You can record this meeting from {date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, the day it is held",
        _ => null,
    };

    /// <summary>Null when the meeting may be cancelled: only a meeting still planned can be.</summary>
    public static string? WhyCannotCancel(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => null,
        MeetingStatus.Held => "This meeting has been held, so it cannot be cancelled",
        _ => "This meeting has already been cancelled",
    };

    /// <summary>Null when actions may be added: agreed before or at the meeting, never on one that was cancelled.</summary>
    public static string? WhyNoActions(MeetingStatus status) =>
        status == MeetingStatus.Cancelled ? "This meeting was cancelled, so actions cannot be added to it" : null;
}
