using System.Globalization;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Retention;

/// <summary>The retention period of each record type, in whole years. The LA may change them.</summary>
public sealed record RetentionPeriods(int ChildRecordYears, int LookedAfterChildRecordYears, int AttendanceRegisterYears)
{
    public static RetentionPeriods Default { get; } = new(
        RetentionRules.DefaultYears(RetentionRecordType.ChildRecord),
        RetentionRules.DefaultYears(RetentionRecordType.LookedAfterChildRecord),
        RetentionRules.DefaultYears(RetentionRecordType.AttendanceRegister));

    public int YearsFor(RetentionRecordType type) => type switch
    {
        RetentionRecordType.ChildRecord => ChildRecordYears,
        RetentionRecordType.LookedAfterChildRecord => LookedAfterChildRecordYears,
        RetentionRecordType.AttendanceRegister => AttendanceRegisterYears,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown record type."),
    };

    public RetentionPeriods With(RetentionRecordType type, int years) => type switch
    {
        RetentionRecordType.ChildRecord => this with { ChildRecordYears = years },
        RetentionRecordType.LookedAfterChildRecord => this with { LookedAfterChildRecordYears = years },
        RetentionRecordType.AttendanceRegister => this with { AttendanceRegisterYears = years },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown record type."),
    };
}

/// <summary>
/// When each kind of record falls due for deletion, and what it needs on a given day. Sources of the defaults
/// are in docs/information-governance.md.
/// </summary>
public static class RetentionRules
{
    public const int MinYears = 1;

    public const int MaxYears = 150;

    /// <summary>How far ahead a record is listed for review before it falls due.</summary>
    public const int ReviewMonths = 3;

    public static IReadOnlyList<RetentionRecordType> All { get; } = Enum.GetValues<RetentionRecordType>();

    public static int DefaultYears(RetentionRecordType type) => type switch
    {
        RetentionRecordType.ChildRecord => 25,
        RetentionRecordType.LookedAfterChildRecord => 75,
        RetentionRecordType.AttendanceRegister => 6,
        _ => throw Unknown(type),
    };

    public static string DisplayName(RetentionRecordType type) => type switch
    {
        RetentionRecordType.ChildRecord => "Child's record",
        RetentionRecordType.LookedAfterChildRecord => "Looked-after child's record",
        RetentionRecordType.AttendanceRegister => "Attendance register year",
        _ => throw Unknown(type),
    };

    /// <summary>The kebab-case name used on the command line and in CSV.</summary>
    public static string CommandName(RetentionRecordType type) => type switch
    {
        RetentionRecordType.ChildRecord => "child-record",
        RetentionRecordType.LookedAfterChildRecord => "looked-after-child-record",
        RetentionRecordType.AttendanceRegister => "attendance-register",
        _ => throw Unknown(type),
    };

    /// <summary>What the period counts from, to follow "N years".</summary>
    public static string CountedFrom(RetentionRecordType type) => type switch
    {
        RetentionRecordType.ChildRecord or RetentionRecordType.LookedAfterChildRecord => "from the child's date of birth",
        RetentionRecordType.AttendanceRegister => "from the end of the academic year of the entries",
        _ => throw Unknown(type),
    };

    public static string DefaultSource(RetentionRecordType type) => type switch
    {
        RetentionRecordType.ChildRecord =>
            "IRMS Information Management Toolkit for Schools: a pupil's educational record is kept until the pupil's date of birth plus 25 years",
        RetentionRecordType.LookedAfterChildRecord =>
            "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50: the case record is kept until the child's 75th birthday",
        RetentionRecordType.AttendanceRegister =>
            "School Attendance (Pupil Registration) (England) Regulations 2024, regulation 7: every register entry is kept for six years from the date it was made",
        _ => throw Unknown(type),
    };

    /// <summary>e.g. "25 years from the child's date of birth".</summary>
    public static string Describe(RetentionRecordType type, int years) =>
        string.Create(CultureInfo.InvariantCulture, $"{years} {(years == 1 ? "year" : "years")} {CountedFrom(type)}");

    /// <summary>
    /// The date <paramref name="years"/> years on. A 29 February moves to 1 March in a non-leap year, as
    /// birthdays do (<see cref="Age.On"/>), so a record is never due a day before its anniversary.
    /// </summary>
    public static DateOnly Anniversary(DateOnly date, int years)
    {
        var year = date.Year + years;
        return date is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, date.Month, date.Day);
    }

    /// <summary>A child who has ever been looked after is kept on the looked-after rule, whatever their status now.</summary>
    public static RetentionRecordType ChildRecordType(bool everLookedAfter) =>
        everLookedAfter ? RetentionRecordType.LookedAfterChildRecord : RetentionRecordType.ChildRecord;

    /// <summary>The day a child's whole record falls due: their birthday at the end of the period.</summary>
    public static DateOnly ChildRecordDueOn(DateOnly dateOfBirth, bool everLookedAfter, RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return Anniversary(dateOfBirth, periods.YearsFor(ChildRecordType(everLookedAfter)));
    }

    /// <summary>
    /// The day a year of register entries falls due: the period counted from the day after the academic
    /// year ends, so the year's last entry has been kept its full period.
    /// </summary>
    public static DateOnly AttendanceRegisterDueOn(AcademicYear year, RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return Anniversary(year.End.AddDays(1), periods.AttendanceRegisterYears);
    }

    /// <summary>What a record due on <paramref name="dueOn"/> needs on <paramref name="today"/>; null when nothing yet.</summary>
    public static RetentionAction? ActionOn(DateOnly dueOn, DateOnly today, bool onLegalHold)
    {
        if (today >= dueOn)
        {
            return onLegalHold ? RetentionAction.Held : RetentionAction.Delete;
        }

        return today >= dueOn.AddMonths(-ReviewMonths) ? RetentionAction.Review : null;
    }

    /// <summary>The last day whose records a report on <paramref name="today"/> lists (those due for review).</summary>
    public static DateOnly Horizon(DateOnly today) => today.AddMonths(ReviewMonths);

    /// <summary>
    /// The latest date of birth whose record can be due by <paramref name="horizon"/> under a period of
    /// <paramref name="years"/> (a day's margin for 29 February), for the database to filter on before the exact rule.
    /// </summary>
    public static DateOnly LatestBirthDueBy(DateOnly horizon, int years) => horizon.AddYears(-years).AddDays(1);

    /// <summary>The latest academic year (its start year) whose register can be due by <paramref name="horizon"/>.</summary>
    public static int LatestAcademicYearDueBy(DateOnly horizon, RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return horizon.Year - periods.AttendanceRegisterYears - 1;
    }

    /// <summary>A period typed by a person: whole years from <see cref="MinYears"/> to <see cref="MaxYears"/>.</summary>
    public static string? ProblemWithYears(string? text, out int years)
    {
        years = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return "Enter the number of years";
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out years))
        {
            return "The number of years must be a whole number, like 25";
        }

        return years is < MinYears or > MaxYears
            ? string.Create(CultureInfo.InvariantCulture, $"The number of years must be between {MinYears} and {MaxYears}")
            : null;
    }

    private static ArgumentOutOfRangeException Unknown(RetentionRecordType type) => new(nameof(type), type, "Unknown record type.");
}
