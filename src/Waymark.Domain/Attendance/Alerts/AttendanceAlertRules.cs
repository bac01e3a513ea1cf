using System.Globalization;
using Waymark.Domain.Calendar;

namespace Waymark.Domain.Attendance.Alerts;

/// <summary>
/// One alert a pupil's marks call for now. <see cref="Key"/> tells repeat alerts of a kind apart (the term,
/// the year, or the day a run began), so recomputing every night raises each one once.
/// </summary>
public sealed class AlertFinding
{
    private Func<string>? describe;
    private string? summary;

    public AlertFinding(AlertKind kind, string key, AlertOwner owner, string summary)
        : this(kind, key, owner) => this.summary = summary;

    private AlertFinding(AlertKind kind, string key, AlertOwner owner) => (Kind, Key, Owner) = (kind, key, owner);

    public AlertKind Kind { get; }

    public string Key { get; }

    public AlertOwner Owner { get; }

    /// <summary>Written only when the finding is not already on the worklist, so it is formatted when first read.</summary>
    public string Summary
    {
        get
        {
            if (summary is null)
            {
                summary = describe!();
                describe = null;
            }

            return summary;
        }
    }

    /// <summary>A finding whose summary is made from <paramref name="state"/> when first read; static lambdas keep the rules allocation-free when nothing is found.</summary>
    public static AlertFinding Described<TState>(AlertKind kind, string key, AlertOwner owner, TState state, Func<TState, string> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return new AlertFinding(kind, key, owner) { describe = () => describe(state) };
    }

    public override string ToString() => $"{Kind} {Key} ({Owner}): {Summary}";
}

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

    private static readonly byte Illness = AttendanceCodes.Illness.Value;

    /// <summary>Each stored value's DfE category as an index into a count (see <see cref="CountSessions"/>); 5 for no mark.</summary>
    private static readonly byte[] CategoryIndex = BuildCategoryIndex();

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
    /// <param name="ofCompulsorySchoolAge">
    /// False for a pupil outside compulsory school age this year (<see cref="StatisticsCohort.IsOfCompulsorySchoolAge"/>):
    /// a Reception child or a sixth-former. The LA's duties (chronic absence, children missing education, the s19
    /// illness duty, the penalty-notice threshold) are about children of compulsory school age, so only the school's
    /// own register rules apply to them: persistent and severe absence, a fall, and N marks not replaced.
    /// </param>
    public static IReadOnlyList<AlertFinding> Evaluate(YearMarks marks, RegisterDays? schoolDays, DateOnly today, SessionCounts? lastYearsTerm,
        bool ofCompulsorySchoolAge = true)
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

        // One pass counts the year so far in three parts: before last term, last term (if this year) and this term.
        var (term, previous) = TermsOf(today);
        var bytes = marks.Bytes;
        var sessions = (LastDay(year, today) + 1) * 2;
        var termStart = (term.Start.DayNumber - year.Start.DayNumber) * 2;
        var previousStart = previous.Year == year ? (previous.Start.DayNumber - year.Start.DayNumber) * 2 : termStart;
        var earlier = CountSessions(bytes, 0, previousStart);
        var lastTerm = CountSessions(bytes, previousStart, termStart);
        var thisTerm = CountSessions(bytes, termStart, sessions);
        var yearToDate = earlier + lastTerm + thisTerm;

        var findings = new List<AlertFinding>(2);
        Add(findings, YearToDateAbsence(year, yearToDate));
        if ((previous.Year == year ? lastTerm : lastYearsTerm) is SessionCounts counts)
        {
            Add(findings, AttendanceFall(term, thisTerm, previous, counts));
        }

        Add(findings, UnreplacedNMarks(marks, days, today));
        Add(findings, ChronicAbsence(term, thisTerm));
        Add(findings, ExtendedIllness(year, bytes.AsSpan(0, sessions).Count(Illness)));
        Add(findings, PossiblyMissingEducation(marks, days, today));

        // Most pupils have fewer than ten unauthorised sessions all year, and cannot have ten in ten weeks.
        if (yearToDate.Unauthorised >= UnauthorisedSessions)
        {
            Add(findings, UnauthorisedAbsenceThreshold(marks, days, today));
        }

        if (!ofCompulsorySchoolAge)
        {
            findings.RemoveAll(f => OnlyOfCompulsorySchoolAge(f.Kind));
        }

        return findings;
    }

    /// <summary>The LA's duties, owed to children of compulsory school age only (see <see cref="Evaluate(YearMarks, RegisterDays?, DateOnly, SessionCounts?, bool)"/>).</summary>
    public static bool OnlyOfCompulsorySchoolAge(AlertKind kind) => kind is AlertKind.ChronicAbsence or AlertKind.PossiblyMissingEducation
        or AlertKind.ExtendedIllness or AlertKind.UnauthorisedAbsenceThreshold;

    /// <summary>The terms of the last day asked about: a recompute asks 200,000 times about the same day.</summary>
    private static TermsOfDay? lastTerms;

    private sealed record TermsOfDay(DateOnly Today, Term Term, Term Previous);

    private static (Term Term, Term Previous) TermsOf(DateOnly today)
    {
        var terms = lastTerms;
        if (terms is null || terms.Today != today)
        {
            var term = SchoolTerms.Containing(today);
            lastTerms = terms = new TermsOfDay(today, term, SchoolTerms.Previous(term));
        }

        return (terms.Term, terms.Previous);
    }

    /// <summary>Below 50% attendance this term (exactly 50% is not): the LA's chronic non-attendance measure.</summary>
    public static AlertFinding? ChronicAbsence(Term term, SessionCounts thisTerm)
    {
        // Exact comparison of whole sessions: a term has too few sessions for a rounded 50.00% to hide a 49.99%.
        if (thisTerm.Possible == 0 || thisTerm.Attended * 2L >= thisTerm.Possible)
        {
            return null;
        }

        return AlertFinding.Described(AlertKind.ChronicAbsence, TermKey(term), AlertOwner.LocalAuthority, (term, thisTerm), static s =>
            $"{Percent(s.thisTerm.AttendanceRate)} attendance this term ({TermName(s.term)}): {Sessions(s.thisTerm.Attended)} attended of {s.thisTerm.Possible} possible.");
    }

    /// <summary>
    /// Persistent (10% or more of possible sessions missed) or severe (50% or more) absence in the year so far,
    /// DfE's exact method. A severely absent pupil gets the severe alert only; it replaces the persistent one.
    /// </summary>
    public static AlertFinding? YearToDateAbsence(AcademicYear year, SessionCounts yearToDate)
    {
        if (yearToDate.IsSeverelyAbsent)
        {
            return AlertFinding.Described(AlertKind.SevereAbsence, YearKey(year), AlertOwner.School, yearToDate, static y =>
                $"Severely absent: missed {Percent(y.OverallAbsenceRate)} of sessions this school year ({Sessions(y.Absent)} of {y.Possible}).");
        }

        return yearToDate.IsPersistentlyAbsent
            ? AlertFinding.Described(AlertKind.PersistentAbsence, YearKey(year), AlertOwner.School, yearToDate, static y =>
                $"Persistently absent: missed {Percent(y.OverallAbsenceRate)} of sessions this school year ({Sessions(y.Absent)} of {y.Possible}).")
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

        return AlertFinding.Described(AlertKind.AttendanceFall, TermKey(term), AlertOwner.School, (thisTerm, previousTerm, previous), static s =>
            $"Attendance fell from {Percent(s.previous.AttendanceRate)} last term ({TermName(s.previousTerm)}) to {Percent(s.thisTerm.AttendanceRate)} this term.");
    }

    /// <summary>Fifteen days (30 sessions) coded I this school year: the school tells the LA, which considers its s19 duty.</summary>
    public static AlertFinding? ExtendedIllness(AcademicYear year, int illnessSessions)
    {
        if (illnessSessions < IllnessDays * 2)
        {
            return null;
        }

        return AlertFinding.Described(AlertKind.ExtendedIllness, YearKey(year), AlertOwner.LocalAuthority, illnessSessions, static n =>
            $"{(n / 2m).ToString("0.#", English)} days of illness this school year ({n} sessions coded I): the LA should consider arranging education (s19).");
    }

    /// <summary>
    /// N marks still standing after the fifth school day that followed them: more than five of the school's
    /// register days, after the day of the N and up to and including today. Keyed by the earliest such N.
    /// </summary>
    public static AlertFinding? UnreplacedNMarks(YearMarks marks, RegisterDays schoolDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(schoolDays);
        var last = LastDay(marks.Year, today);
        var overdue = 0;
        var earliest = -1;
        if (last >= 0)
        {
            // N marks are rare: a vectorised search jumps from one to the next.
            var upTo = schoolDays.DaysUpTo;
            var span = marks.Bytes.AsSpan(0, (last + 1) * 2);
            for (var at = span.IndexOf(N); at >= 0;)
            {
                var day = at / 2;
                if (upTo[last] - upTo[day] > DaysToReplaceN)
                {
                    overdue++;
                    earliest = earliest < 0 ? day : earliest;
                }

                var next = span[(at + 1)..].IndexOf(N);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        if (overdue == 0)
        {
            return null;
        }

        var date = marks.Year.Start.AddDays(earliest);
        return AlertFinding.Described(AlertKind.UnexplainedMarkNotReplaced, DateKey(date), AlertOwner.School, (overdue, date), static s =>
            $"{(s.overdue == 1 ? "An N mark (reason not yet established)" : $"{s.overdue} N marks (reason not yet established)")} not replaced within five school days, the earliest on {s.date.ToString("d MMMM yyyy", English)}.");
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
        return AlertFinding.Described(AlertKind.PossiblyMissingEducation, DateKey(first), AlertOwner.LocalAuthority, (run, first), static s =>
            $"Absent without permission for {s.run} school days in a row since {s.first.ToString("d MMMM yyyy", English)}: possibly missing education.");
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
        var weekOf = schoolDays.WeekOf;
        var mondays = schoolDays.WeekMondays;

        // Unauthorised sessions per school week, oldest first, up to the school week that holds today's (or the last) register.
        Span<int> sessions = stackalloc int[mondays.Length];
        var weeks = 0;
        for (var day = 0; day <= last; day++)
        {
            var week = weekOf[day];
            if (week < 0)
            {
                continue;
            }

            weeks = week + 1;
            sessions[week] += (Unauthorised[bytes[day * 2]] ? 1 : 0) + (Unauthorised[bytes[(day * 2) + 1]] ? 1 : 0);
        }

        var startDayNumber = year.Start.DayNumber;
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
        return AlertFinding.Described(AlertKind.UnauthorisedAbsenceThreshold, DateKey(monday), AlertOwner.School, (total, lastMonday), static s =>
            $"{s.total} unauthorised sessions in the ten school weeks to the week of {s.lastMonday.ToString("d MMMM yyyy", English)}: the national threshold for considering a penalty notice is {UnauthorisedSessions}.");
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

    /// <summary>Sessions by category in [<paramref name="from"/>, <paramref name="to"/>) of the stored bytes, by table rather than by switch.</summary>
    private static SessionCounts CountSessions(byte[] bytes, int from, int to)
    {
        Span<int> counts = stackalloc int[6];
        for (var i = from; i < to; i++)
        {
            counts[CategoryIndex[bytes[i]]]++;
        }

        return new SessionCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private static byte[] BuildCategoryIndex()
    {
        var table = new byte[256];
        Array.Fill(table, (byte)5);
        foreach (var code in AttendanceCodes.All)
        {
            table[code.Value] = code.Category switch
            {
                AttendanceCategory.Present => 0,
                AttendanceCategory.ApprovedEducationalActivity => 1,
                AttendanceCategory.AuthorisedAbsence => 2,
                AttendanceCategory.UnauthorisedAbsence => 3,
                _ => 4,
            };
        }

        return table;
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
