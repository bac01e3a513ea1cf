using System.Globalization;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;

namespace Waymark.Domain.Attendance;

/// <summary>A suspension (was "fixed-period exclusion") or a permanent exclusion; the census types SUSP/FIXD and PERM.</summary>
public enum ExclusionKind
{
    Suspension,
    PermanentExclusion,
}

public sealed record ExclusionReason(string Code, string Description);

/// <summary>
/// The DfE reason codes for suspensions and permanent exclusions, as used in the school census from
/// 2020/21 to 2024/25 (standards §2.3: the CBDS list as published by MIS suppliers; "OT Other" was
/// withdrawn in 2020/21). The expanded "May 2026" list is not used until it is checked against DfE's own
/// specification. A suspension carries one to three reasons, the first being the main one.
/// </summary>
public static class ExclusionReasons
{
    public const int MaxPerExclusion = 3;

    public static IReadOnlyList<ExclusionReason> All { get; } =
    [
        new("PP", "Physical assault against a pupil"),
        new("PA", "Physical assault against an adult"),
        new("VP", "Verbal abuse or threatening behaviour against a pupil"),
        new("VA", "Verbal abuse or threatening behaviour against an adult"),
        new("OW", "Use or threat of use of an offensive weapon or prohibited item"),
        new("BU", "Bullying"),
        new("RA", "Racist abuse"),
        new("LG", "Abuse against sexual orientation and gender identity"),
        new("DS", "Abuse relating to disability"),
        new("SM", "Sexual misconduct"),
        new("DA", "Drug and alcohol related"),
        new("DM", "Damage"),
        new("TH", "Theft"),
        new("MT", "Inappropriate use of social media or online technology"),
        new("PH", "Wilful and repeated transgression of protective measures in place to protect public health"),
        new("PD", "Persistent disruptive behaviour"),
    ];

    public static ExclusionReason? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(r => string.Equals(r.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Why these reasons cannot be recorded, or null when they can: one to three known codes, none twice.</summary>
    public static string? Problem(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var given = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).ToList();
        if (given.Count == 0)
        {
            return "Select at least one reason";
        }

        if (given.FirstOrDefault(c => Find(c) is null) is string unknown)
        {
            return $"“{unknown}” is not a DfE reason code";
        }

        if (given.Count != given.Distinct().Count())
        {
            return "Select each reason only once";
        }

        return given.Count > MaxPerExclusion ? $"Select no more than {MaxPerExclusion} reasons" : null;
    }
}

/// <summary>
/// School days for suspensions: Monday to Friday. Waymark does not hold each school's term dates, so a
/// holiday inside a suspension is counted as school days; the school corrects the length if so.
/// </summary>
public static class SchoolDays
{
    public static bool IsSchoolDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The school day <paramref name="days"/> school days after <paramref name="from"/> (0 gives the next school day from it).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        while (!IsSchoolDay(date))
        {
            date = date.AddDays(1);
        }

        for (var i = 0; i < days; i++)
        {
            date = date.AddDays(1);
            while (!IsSchoolDay(date))
            {
                date = date.AddDays(1);
            }
        }

        return date;
    }
}

/// <summary>One morning or afternoon session on one date.</summary>
public readonly record struct SchoolSession(DateOnly Date, Session Session)
{
    public SchoolSession Next() => Session == Session.AM
        ? new SchoolSession(Date, Session.PM)
        : new SchoolSession(SchoolDays.Add(Date, 1), Session.AM);

    public override string ToString() =>
        $"{Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} ({(Session == Session.AM ? "morning" : "afternoon")})";
}

public enum SuspensionLimitStatus
{
    Below,

    /// <summary>40 school days or more: the next suspension could take the child over the limit.</summary>
    Approaching,

    /// <summary>Exactly 45 school days: no further suspension is lawful this school year.</summary>
    Reached,

    /// <summary>Over 45 school days: more than the law allows (or a length recorded wrongly).</summary>
    Exceeded,
}

/// <summary>
/// The rules of suspension from DfE's "Suspension and permanent exclusion" guidance (standards §2.3, §4.3):
/// lengths in sessions (half days), at most 45 school days a school year, alternative provision from the
/// sixth school day, reintegration after a suspension.
/// </summary>
public static class SuspensionRules
{
    public const int YearlyLimitDays = 45;

    /// <summary>Waymark warns from here, five days before the limit.</summary>
    public const int WarningFromDays = 40;

    public const int MaxSessions = YearlyLimitDays * 2;

    /// <summary>Five school days (ten sessions) are the school's to cover with work set; provision is due after.</summary>
    public const int SessionsBeforeProvision = 10;

    /// <summary>The earliest start that can be recorded: the current reason codes began in the 2020/21 census.</summary>
    public static readonly DateOnly EarliestStart = new(2020, 9, 1);

    /// <summary>How far ahead a suspension may be recorded: it is recorded when the parents are told, so days, not months.</summary>
    public const int MaxDaysAhead = 28;

    /// <summary>Every session of a suspension, from its first, skipping weekends.</summary>
    public static IEnumerable<SchoolSession> SessionsOf(DateOnly start, Session first, int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sessions);
        var session = new SchoolSession(SchoolDays.Add(start, 0), first);
        for (var i = 0; i < sessions; i++)
        {
            yield return session;
            session = session.Next();
        }
    }

    public static SchoolSession LastSession(DateOnly start, Session first, int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        return SessionsOf(start, first, sessions).Last();
    }

    /// <summary>The session the child is due back: the one after the last session of the suspension.</summary>
    public static SchoolSession ReturnSession(DateOnly start, Session first, int sessions) => LastSession(start, first, sessions).Next();

    /// <summary>Sessions of the suspension falling in the school year (one can run over 31 August).</summary>
    public static int SessionsIn(AcademicYear year, DateOnly start, Session first, int sessions) =>
        start > year.End ? 0 : SessionsOf(start, first, sessions).Count(s => year.Contains(s.Date));

    /// <summary>The sixth school day counting the start as the first (a start in the afternoon still counts as day one).</summary>
    public static DateOnly SixthSchoolDay(DateOnly start) => SchoolDays.Add(start, 5);

    /// <summary>
    /// When alternative provision must start: the sixth school day of a permanent exclusion (the LA's duty)
    /// or of a suspension longer than five school days (the school's); null for shorter suspensions.
    /// </summary>
    public static DateOnly? AlternativeProvisionDueOn(ExclusionKind kind, DateOnly start, int? sessions) => kind switch
    {
        ExclusionKind.PermanentExclusion => SixthSchoolDay(start),
        _ when sessions > SessionsBeforeProvision => SixthSchoolDay(start),
        _ => null,
    };

    public static SuspensionLimitStatus LimitStatus(int sessionsThisYear) => sessionsThisYear switch
    {
        > MaxSessions => SuspensionLimitStatus.Exceeded,
        MaxSessions => SuspensionLimitStatus.Reached,
        >= WarningFromDays * 2 => SuspensionLimitStatus.Approaching,
        _ => SuspensionLimitStatus.Below,
    };

    /// <summary>The warning to show for a year's total, or null below 40 days.</summary>
    public static string? LimitWarning(int sessionsThisYear, AcademicYear year) => LimitStatus(sessionsThisYear) switch
    {
        SuspensionLimitStatus.Approaching =>
            $"{Days(sessionsThisYear)} of suspension in {year}: approaching the legal limit of {YearlyLimitDays} school days in a school year",
        SuspensionLimitStatus.Reached =>
            $"{Days(sessionsThisYear)} of suspension in {year}: the legal limit of {YearlyLimitDays} school days in a school year has been reached",
        SuspensionLimitStatus.Exceeded =>
            $"{Days(sessionsThisYear)} of suspension in {year}: over the legal limit of {YearlyLimitDays} school days in a school year",
        _ => null,
    };

    /// <summary>A number of sessions in school days, e.g. "half a school day", "1 school day", "2.5 school days".</summary>
    public static string Days(int sessions) => sessions switch
    {
        1 => "half a school day",
        2 => "1 school day",
        _ => (sessions / 2m).ToString("0.#", CultureInfo.InvariantCulture) + " school days",
    };

    /// <summary>
    /// Reads a length typed in school days, whole or half ("3", "2.5", "½" is not accepted), as sessions;
    /// null with the message for the field otherwise.
    /// </summary>
    public static int? ParseDays(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Enter the length of the suspension in school days";
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith("days", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4].Trim();
        }
        else if (trimmed.EndsWith("day", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^3].Trim();
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days) || days * 2 != decimal.Truncate(days * 2))
        {
            error = "Length must be in whole or half school days, like 3 or 2.5";
            return null;
        }

        if (days <= 0)
        {
            error = "Length must be at least half a school day";
            return null;
        }

        if (days > YearlyLimitDays)
        {
            error = $"Length must be {YearlyLimitDays} school days or fewer: a suspension cannot be longer than the yearly limit";
            return null;
        }

        return (int)(days * 2);
    }

    /// <summary>Problems with a new suspension or exclusion, by field; empty when it can be recorded.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(DateOnly start, IReadOnlyList<string> reasons, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (!SchoolDays.IsSchoolDay(start))
        {
            problems.Add(("StartDate", $"The start date must be a school day: {start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} is a {start.DayOfWeek}"));
        }
        else if (start < EarliestStart)
        {
            problems.Add(("StartDate", "The start date must be on or after 1 September 2020, when the current reason codes began"));
        }
        else if (start > today.AddDays(MaxDaysAhead))
        {
            problems.Add(("StartDate", $"The start date must be no more than {MaxDaysAhead} days from today"));
        }

        if (ExclusionReasons.Problem(reasons) is string reasonProblem)
        {
            problems.Add(("Reasons", reasonProblem));
        }

        return problems;
    }

    /// <summary>Problems with the follow-up: alternative provision and the reintegration meeting.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateFollowUp(ExclusionKind kind, DateOnly start,
        DateOnly? provisionFrom, string? provisionBy, DateOnly? meetingOn, string? meetingNote)
    {
        var problems = new List<(string, string)>();
        var startText = start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (provisionFrom is DateOnly from && from < start)
        {
            problems.Add(("ProvisionFrom", $"Alternative provision must start on or after the first day, {startText}"));
        }

        if (provisionFrom is not null && string.IsNullOrWhiteSpace(provisionBy))
        {
            problems.Add(("ProvisionBy", "Enter who is providing the alternative provision"));
        }
        else if (provisionFrom is null && !string.IsNullOrWhiteSpace(provisionBy))
        {
            problems.Add(("ProvisionFrom", "Enter the date alternative provision starts"));
        }

        if (kind == ExclusionKind.PermanentExclusion && (meetingOn is not null || !string.IsNullOrWhiteSpace(meetingNote)))
        {
            problems.Add(("MeetingOn", "A permanently excluded child does not return, so there is no reintegration meeting"));
        }
        else if (meetingOn is DateOnly meeting && meeting < start)
        {
            problems.Add(("MeetingOn", $"The reintegration meeting must be on or after the first day of the suspension, {startText}"));
        }
        else if (meetingOn is null && !string.IsNullOrWhiteSpace(meetingNote))
        {
            problems.Add(("MeetingOn", "Enter the date of the reintegration meeting"));
        }

        return problems;
    }
}

/// <summary>
/// Who may do what with suspensions. Headteachers suspend; attendance leads and SENCos record for them
/// (SEN pupils are suspended far more often, so the SENCo keeps the record). Transition Leads' work is the
/// move to secondary school, not behaviour, so they may not. LA users and the child's social worker see;
/// LA officers record alternative provision, which is the LA's duty for a permanent exclusion.
/// </summary>
public static class SuspensionAccess
{
    public static bool CanRecord(Role role) => role is Role.Headteacher or Role.AttendanceLead or Role.Senco;

    public static bool CanRecordProvision(Role role) => CanRecord(role) || role is Role.LaAdmin or Role.LaOfficer;
}
