using System.Globalization;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance.Alerts;

/// <summary>
/// One alert a pupil's marks call for now. <see cref="Key"/> tells repeat alerts of a kind apart (the term,
/// the year, or the day a run began), so recomputing every night raises each one once.
/// </summary>
public sealed record AlertFinding(AlertKind Kind, string Key, AlertOwner Owner, string Summary);

/// <summary>
/// The attendance rules of the LA Link Co-ordinator's worklist (issue 4; standards §2.2 and §4.3), as pure
/// functions of one pupil's year of marks at one school and the date. Only marks up to and including
/// <c>today</c> count. Who must act:
/// <list type="bullet">
/// <item>the LA for chronic absence (its local measure, with a Lead Professional and a plan), for children
/// possibly missing education (s436A Education Act 1996) and for fifteen days of illness (its s19 duty);</item>
/// <item>the school for the rest: persistent and severe absence, a fall against last term, N marks, and the
/// penalty-notice threshold (schools decide whether to ask the LA for a notice). The LA sees these too.</item>
/// </list>
/// </summary>
public static class AttendanceAlertRules
{
    /// <summary>An N must be replaced by the end of the fifth school day after it.</summary>
    public const int DaysToReplaceN = 5;

    /// <summary>Schools must tell the LA of a pupil absent without permission for ten continuous school days (§4.3).</summary>
    public const int MissingEducationDays = 10;

    /// <summary>The "sickness return": 15 days of illness, consecutive or not, in the year (§4.3).</summary>
    public const int IllnessDays = 15;

    /// <summary>The national penalty-notice threshold: 10 unauthorised sessions in a rolling 10 school weeks (§4.3).</summary>
    public const int UnauthorisedSessions = 10;

    public const int UnauthorisedWeeks = 10;

    /// <summary>A fall of this many percentage points or more in attendance since last term.</summary>
    public const int FallPoints = 5;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly byte N = AttendanceCodes.NotYetEstablished.Value;

    /// <summary>Absent without permission in the CME sense: G, N or O (the codes of deletion ground reg 9(1)(i)).</summary>
    private static readonly bool[] WithoutPermission = Table(c => c.Code is "G" or "N" or "O");

    private static readonly bool[] Unauthorised = Table(c => c.Category == AttendanceCategory.UnauthorisedAbsence);

    /// <summary>
    /// Every alert <paramref name="marks"/> call for on <paramref name="today"/>. <paramref name="previousYear"/>
    /// (the same pupil's marks last year) is only read in the autumn term, to compare with the summer term.
    /// <paramref name="schoolDays"/> are the school's register days; without them the pupil's own marks stand in.
    /// </summary>
    public static IReadOnlyList<AlertFinding> Evaluate(YearMarks marks, YearMarks? previousYear, RegisterDays? schoolDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var previous = SchoolTerms.Previous(SchoolTerms.Containing(today));
        var lastYearsTerm = previous.Year != marks.Year && previousYear?.Year == previous.Year
            ? previousYear.Count(previous.Start, previous.End)
            : (SessionCounts?)null;
        return Evaluate(marks, schoolDays, today, lastYearsTerm);
    }

    /// <summary>
    /// As above, given only the counts of last year's summer term (<paramref name="lastYearsTerm"/>), which is all
    /// the autumn term compares with; a caller with many pupils need not keep last year's marks.
    /// </summary>
    public static IReadOnlyList<AlertFinding> Evaluate(YearMarks marks, RegisterDays? schoolDays, DateOnly today, SessionCounts? lastYearsTerm)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var year = marks.Year;
        if (!year.Contains(today))
        {
            throw new ArgumentException($"{today:yyyy-MM-dd} is not in the academic year {year} of the marks.", nameof(today));
        }

        var days = schoolDays ?? RegisterDays.Of(marks);
        if (days.Year != year)
        {
            throw new ArgumentException($"The register days are for {days.Year}, not {year}.", nameof(schoolDays));
        }

        var findings = new List<AlertFinding>(2);
        var term = SchoolTerms.Containing(today);
        var thisTerm = marks.Count(term.Start, today);
        Add(findings, ChronicAbsence(term, thisTerm));
        var yearToDate = term.Name == Waymark.Domain.Attendance.TermName.Autumn ? thisTerm : marks.Count(year.Start, today);
        Add(findings, YearToDateAbsence(year, yearToDate));

        var previous = SchoolTerms.Previous(term);
        var previousCounts = previous.Year == year ? marks.Count(previous.Start, previous.End) : lastYearsTerm;
        if (previousCounts is SessionCounts counts)
        {
            Add(findings, AttendanceFall(term, thisTerm, previous, counts));
        }

        Add(findings, ExtendedIllness(year, marks.Count(AttendanceCodes.Illness, year.Start, today)));
        Add(findings, UnreplacedNMarks(marks, days, today));
        Add(findings, PossiblyMissingEducation(marks, days, today));
        Add(findings, UnauthorisedAbsenceThreshold(marks, days, today));
        return findings;
    }

    /// <summary>Below 50% attendance this term (exactly 50% is not): the LA's chronic non-attendance measure.</summary>
    public static AlertFinding? ChronicAbsence(Term term, SessionCounts thisTerm)
    {
        // Exact comparison of whole sessions: a term has too few sessions for a rounded 50.00% to hide a 49.99%.
        if (thisTerm.Possible == 0 || thisTerm.Attended * 2L >= thisTerm.Possible)
        {
            return null;
        }

        return new AlertFinding(AlertKind.ChronicAbsence, TermKey(term), AlertOwner.LocalAuthority,
            $"{Percent(thisTerm.AttendanceRate)} attendance this term ({TermName(term)}): {Sessions(thisTerm.Attended)} attended of {thisTerm.Possible} possible.");
    }

    /// <summary>
    /// Persistent (10% or more of possible sessions missed) or severe (50% or more) absence in the year so far,
    /// DfE's exact method. A severely absent pupil gets the severe alert only; it replaces the persistent one.
    /// </summary>
    public static AlertFinding? YearToDateAbsence(AcademicYear year, SessionCounts yearToDate)
    {
        if (yearToDate.IsSeverelyAbsent)
        {
            return new AlertFinding(AlertKind.SevereAbsence, YearKey(year), AlertOwner.School,
                $"Severely absent: missed {Percent(yearToDate.OverallAbsenceRate)} of sessions this school year ({Sessions(yearToDate.Absent)} of {yearToDate.Possible}).");
        }

        return yearToDate.IsPersistentlyAbsent
            ? new AlertFinding(AlertKind.PersistentAbsence, YearKey(year), AlertOwner.School,
                $"Persistently absent: missed {Percent(yearToDate.OverallAbsenceRate)} of sessions this school year ({Sessions(yearToDate.Absent)} of {yearToDate.Possible}).")
            : null;
    }

    /// <summary>Attendance this term five percentage points or more below the whole of last term.</summary>
    public static AlertFinding? AttendanceFall(Term term, SessionCounts thisTerm, Term previousTerm, SessionCounts previous)
    {
        if (thisTerm.Possible == 0 || previous.Possible == 0)
        {
            return null;
        }

        // previous/pp − this/tp ≥ 5/100, in whole numbers so a fall of exactly five points is caught.
        var fall = 20L * ((long)previous.Attended * thisTerm.Possible - (long)thisTerm.Attended * previous.Possible);
        if (fall < (long)previous.Possible * thisTerm.Possible)
        {
            return null;
        }

        return new AlertFinding(AlertKind.AttendanceFall, TermKey(term), AlertOwner.School,
            $"Attendance fell from {Percent(previous.AttendanceRate)} last term ({TermName(previousTerm)}) to {Percent(thisTerm.AttendanceRate)} this term.");
    }

    /// <summary>Fifteen days (30 sessions) coded I this school year: the school tells the LA, which considers its s19 duty.</summary>
    public static AlertFinding? ExtendedIllness(AcademicYear year, int illnessSessions)
    {
        if (illnessSessions < IllnessDays * 2)
        {
            return null;
        }

        var days = (illnessSessions / 2m).ToString("0.#", English);
        return new AlertFinding(AlertKind.ExtendedIllness, YearKey(year), AlertOwner.LocalAuthority,
            $"{days} days of illness this school year ({illnessSessions} sessions coded I): the LA should consider arranging education (s19).");
    }

    /// <summary>
    /// N marks still standing after the fifth school day that followed them: more than five of the school's
    /// register days, after the day of the N and up to and including today. Keyed by the earliest such N.
    /// </summary>
    public static AlertFinding? UnreplacedNMarks(YearMarks marks, RegisterDays schoolDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(schoolDays);
        var bytes = marks.Bytes;
        var last = LastDay(marks.Year, today);
        var registerDaysAfter = 0;
        var overdue = 0;
        var earliest = -1;

        // Backwards, so the register days after each day are already counted when we reach it.
        for (var day = last; day >= 0; day--)
        {
            if (registerDaysAfter > DaysToReplaceN)
            {
                var found = (bytes[day * 2] == N ? 1 : 0) + (bytes[(day * 2) + 1] == N ? 1 : 0);
                if (found > 0)
                {
                    overdue += found;
                    earliest = day;
                }
            }

            if (schoolDays[day])
            {
                registerDaysAfter++;
            }
        }

        if (overdue == 0)
        {
            return null;
        }

        var date = marks.Year.Start.AddDays(earliest);
        var what = overdue == 1 ? "An N mark (reason not yet established)" : $"{overdue} N marks (reason not yet established)";
        return new AlertFinding(AlertKind.UnexplainedMarkNotReplaced, DateKey(date), AlertOwner.School,
            $"{what} not replaced within five school days, the earliest on {date.ToString("d MMMM yyyy", English)}.");
    }

    /// <summary>
    /// Absent without permission (every mark G, N or O) on each of the last ten or more of the school's register
    /// days up to today: possibly missing education. A register day without a mark, or with any other mark, ends
    /// the run, so the alert clears once the pupil is back or the absence is explained. Keyed by the run's first day.
    /// </summary>
    public static AlertFinding? PossiblyMissingEducation(YearMarks marks, RegisterDays schoolDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(schoolDays);
        var bytes = marks.Bytes;
        var run = 0;
        var start = -1;
        for (var day = LastDay(marks.Year, today); day >= 0; day--)
        {
            if (!schoolDays[day])
            {
                continue;
            }

            var am = bytes[day * 2];
            var pm = bytes[(day * 2) + 1];
            var marked = am != AttendanceCodes.NoMark || pm != AttendanceCodes.NoMark;
            var unexplained = marked
                && (am == AttendanceCodes.NoMark || WithoutPermission[am])
                && (pm == AttendanceCodes.NoMark || WithoutPermission[pm]);
            if (!unexplained)
            {
                break;
            }

            run++;
            start = day;
        }

        if (run < MissingEducationDays)
        {
            return null;
        }

        var first = marks.Year.Start.AddDays(start);
        return new AlertFinding(AlertKind.PossiblyMissingEducation, DateKey(first), AlertOwner.LocalAuthority,
            $"Absent without permission for {run} school days in a row since {first.ToString("d MMMM yyyy", English)}: possibly missing education.");
    }

    /// <summary>
    /// Ten or more unauthorised sessions within the ten school weeks up to today. A school week is a Monday-to-Sunday
    /// week with at least one register day, so holidays do not count. Keyed by the school week in which the
    /// threshold was first met in the run of weeks that still meet it; clears when the last ten weeks fall below it.
    /// </summary>
    public static AlertFinding? UnauthorisedAbsenceThreshold(YearMarks marks, RegisterDays schoolDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(schoolDays);
        var bytes = marks.Bytes;
        var year = marks.Year;
        var last = LastDay(year, today);

        // Sessions per school week, oldest first; at most 53 weeks in a year.
        Span<int> sessions = stackalloc int[54];
        Span<int> mondays = stackalloc int[54];
        var weeks = 0;
        var currentWeek = int.MinValue;
        var startDayNumber = year.Start.DayNumber;
        for (var day = 0; day <= last; day++)
        {
            if (!schoolDays[day])
            {
                continue;
            }

            // DayNumber 0 (1 January 0001) was a Monday.
            var week = (startDayNumber + day) / 7;
            if (week != currentWeek)
            {
                currentWeek = week;
                mondays[weeks] = (week * 7) - startDayNumber;
                sessions[weeks] = 0;
                weeks++;
            }

            sessions[weeks - 1] += (Unauthorised[bytes[day * 2]] ? 1 : 0) + (Unauthorised[bytes[(day * 2) + 1]] ? 1 : 0);
        }

        if (weeks == 0 || WindowSum(sessions, weeks - 1) < UnauthorisedSessions)
        {
            return null;
        }

        var firstMet = weeks - 1;
        while (firstMet > 0 && WindowSum(sessions, firstMet - 1) >= UnauthorisedSessions)
        {
            firstMet--;
        }

        var total = WindowSum(sessions, weeks - 1);
        var monday = DateOnly.FromDayNumber(startDayNumber + mondays[firstMet]);
        var lastMonday = DateOnly.FromDayNumber(startDayNumber + mondays[weeks - 1]);
        return new AlertFinding(AlertKind.UnauthorisedAbsenceThreshold, DateKey(monday), AlertOwner.School,
            $"{total} unauthorised sessions in the ten school weeks to the week of {lastMonday.ToString("d MMMM yyyy", English)}: the national threshold for considering a penalty notice is {UnauthorisedSessions}.");
    }

    /// <summary>The key of a term, e.g. "2026-autumn".</summary>
    public static string TermKey(Term term) => $"{term.Year.StartYear}-{term.Name.ToString().ToLowerInvariant()}";

    public static string YearKey(AcademicYear year) => year.StartYear.ToString(CultureInfo.InvariantCulture);

    public static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string TermName(Term term) => $"{term.Name.ToString().ToLowerInvariant()} term {term.Year}";

    private static int WindowSum(ReadOnlySpan<int> sessions, int endWeek)
    {
        var sum = 0;
        for (var w = Math.Max(0, endWeek - UnauthorisedWeeks + 1); w <= endWeek; w++)
        {
            sum += sessions[w];
        }

        return sum;
    }

    private static int LastDay(AcademicYear year, DateOnly today) =>
        today < year.Start ? -1 : Math.Min(today.DayNumber - year.Start.DayNumber, YearMarks.Days - 1);

    private static string Percent(decimal? rate) => (rate ?? 0).ToString("0.##", English) + "%";

    private static string Sessions(int count) => count.ToString("N0", English);

    private static void Add(List<AlertFinding> findings, AlertFinding? finding)
    {
        if (finding is not null)
        {
            findings.Add(finding);
        }
    }

    private static bool[] Table(Func<AttendanceCode, bool> predicate)
    {
        var table = new bool[256];
        foreach (var code in AttendanceCodes.All)
        {
            table[code.Value] = predicate(code);
        }

        return table;
    }
}
