using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Identifiers;
using Waymark.Domain.Schools;

namespace Waymark.Web.Bench;

/// <summary>A benchmark school: phase, size and whether it closes for polling day (a planned # closure).</summary>
internal sealed record BenchSchool(int Index, int Urn, int EstablishmentNumber, string Name, SchoolPhase Phase, bool PollingStation);

/// <summary>A benchmark pupil, with the absence rate their year is drawn around.</summary>
internal sealed record BenchPupil(int Index, string Upn, string Forename, string Surname, DateOnly DateOfBirth, BenchSchool School, double AbsenceRate);

/// <summary>
/// A fictional LA's year for the attendance benchmark: schools of realistic sizes (primaries of 100 to 630,
/// secondaries of 600 to 1,600 with some sixth forms), and pupils whose absence follows the national shape
/// (about 93% attendance, one in five persistently absent, a few severely). The same seed gives the same world.
/// </summary>
internal sealed class BenchWorld
{
    public const int LaCode = 823;

    public static readonly AcademicYear Year = new(2025);

    private static readonly string[] Forenames = ["Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar", "Lily", "Harry", "Zara", "Muhammad", "Grace", "Theo", "Aisha", "Jack"];

    private static readonly string[] Surnames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Khan", "Davies", "Patel", "Evans", "Thomas", "Roberts", "Ahmed", "Walker", "Wright", "Nowak", "Hughes", "Green", "Hall", "Clarke"];

    private BenchWorld(IReadOnlyList<BenchSchool> schools, IReadOnlyList<BenchPupil> pupils, BenchCalendar calendar, int seed)
    {
        Schools = schools;
        Pupils = pupils;
        Calendar = calendar;
        Seed = seed;
    }

    public IReadOnlyList<BenchSchool> Schools { get; }

    public IReadOnlyList<BenchPupil> Pupils { get; }

    public BenchCalendar Calendar { get; }

    public int Seed { get; }

    public static BenchWorld Create(int pupils, int seed)
    {
        var random = new Random(seed);
        var schools = new List<BenchSchool>();
        var list = new List<BenchPupil>(pupils);
        var left = pupils;
        while (left > 0)
        {
            // Primary places outnumber secondary ones about 11 to 9 (seven year groups against five, plus sixth forms).
            var secondary = random.NextDouble() < 0.12;
            var size = Math.Min(left, secondary ? random.Next(600, 1601) : random.Next(100, 631));
            var index = schools.Count;
            var school = new BenchSchool(index, 990000 + index, (secondary ? 4000 : 2000) + index, $"Bench {(secondary ? "Academy" : "Primary School")} {index + 1}",
                secondary ? SchoolPhase.Secondary : SchoolPhase.Primary, random.NextDouble() < 0.3);
            schools.Add(school);

            // Reception to Year 6, or Year 7 to Year 11 with a sixth form at one school in three.
            var (firstYear, lastYear) = secondary ? (7, random.NextDouble() < 0.33 ? 13 : 11) : (0, 6);
            var serials = new Dictionary<int, int>();
            for (var i = 0; i < size; i++)
            {
                var yearGroup = firstYear + (i % (lastYear - firstYear + 1));
                var born = new DateOnly(Year.StartYear - 5 - yearGroup, 9, 1).AddDays(random.Next(0, 365));
                var allocation = Year.StartYear - yearGroup;
                serials[allocation] = serials.GetValueOrDefault(allocation) + 1;
                var upn = Upn.Create(LaCode, school.EstablishmentNumber, allocation, serials[allocation]);
                list.Add(new BenchPupil(list.Count, upn, Forenames[random.Next(Forenames.Length)], Surnames[random.Next(Surnames.Length)], born, school,
                    AbsenceRate(random)));
            }

            left -= size;
        }

        return new BenchWorld(schools, list, new BenchCalendar(), seed);
    }

    /// <summary>Most pupils miss a few percent; about one in five 10% or more; one or two in a hundred half or more.</summary>
    private static double AbsenceRate(Random random)
    {
        var band = random.NextDouble();
        return band switch
        {
            < 0.785 => random.NextDouble() * 0.07,
            < 0.945 => 0.07 + (random.NextDouble() * 0.15),
            < 0.985 => 0.22 + (random.NextDouble() * 0.28),
            _ => 0.5 + (random.NextDouble() * 0.4),
        };
    }

    /// <summary>
    /// The pupil's marks for every day the calendar has, in order (two per day): drawn in spells, as absence
    /// comes, from the pupil's own random stream so any day can be regenerated alone.
    /// </summary>
    public AttendanceCode[] MarksFor(BenchPupil pupil)
    {
        var days = Calendar.Days;
        var marks = new AttendanceCode[days.Count * 2];
        var random = new Random(unchecked((Seed * 1_000_003) + pupil.Index));
        var rate = pupil.AbsenceRate;
        var partTime = random.NextDouble() < 0.003;
        var suspendedOn = random.NextDouble() < 0.01 ? random.Next(0, days.Count - 3) : -1;
        var spell = 0;
        AttendanceCode? spellCode = null;
        for (var d = 0; d < days.Count; d++)
        {
            if (days[d] == Calendar.PollingDay && pupil.School.PollingStation)
            {
                marks[2 * d] = marks[(2 * d) + 1] = Codes.Closure;
                continue;
            }

            if (suspendedOn >= 0 && d >= suspendedOn && d < suspendedOn + 2)
            {
                marks[2 * d] = marks[(2 * d) + 1] = Codes.Suspended;
                continue;
            }

            if (spell == 0 && random.NextDouble() < rate / 1.8)
            {
                // A spell of absence: mostly illness over a day or three, else unauthorised, a week's holiday, etc.
                var reason = random.NextDouble();
                (spellCode, spell) = reason switch
                {
                    < 0.55 => (Codes.Illness, random.Next(1, 4)),
                    < 0.62 => (Codes.Medical, 1),
                    < 0.83 => (Codes.Unauthorised, random.Next(1, 3)),
                    < 0.86 => (Codes.Holiday, 5),
                    < 0.90 => (Codes.NotYetKnown, 1),
                    < 0.95 => (Codes.Exceptional, 1),
                    < 0.97 => (Codes.Religious, 1),
                    _ => (Codes.LateAfterClose, 1),
                };
            }

            if (spell > 0)
            {
                spell--;
                var code = spellCode!;
                if (code == Codes.Medical || code == Codes.LateAfterClose)
                {
                    // An appointment or a late arrival takes one session; the other is present.
                    marks[2 * d] = code;
                    marks[(2 * d) + 1] = Codes.Present;
                }
                else
                {
                    marks[2 * d] = marks[(2 * d) + 1] = code;
                }

                continue;
            }

            marks[2 * d] = random.NextDouble() < 0.03 ? Codes.Late : Present(random);
            marks[(2 * d) + 1] = partTime ? Codes.PartTime : Present(random);
        }

        return marks;
    }

    private static AttendanceCode Present(Random random)
    {
        var p = random.NextDouble();
        return p switch
        {
            < 0.004 => Codes.Trip,
            < 0.006 => Codes.Sport,
            < 0.007 => Codes.OtherActivity,
            _ => Codes.Present,
        };
    }

    private static class Codes
    {
        public static readonly AttendanceCode Present = AttendanceCodes.Present;
        public static readonly AttendanceCode Late = AttendanceCodes.Get("L");
        public static readonly AttendanceCode Trip = AttendanceCodes.Get("V");
        public static readonly AttendanceCode Sport = AttendanceCodes.Get("P");
        public static readonly AttendanceCode OtherActivity = AttendanceCodes.Get("B");
        public static readonly AttendanceCode Illness = AttendanceCodes.Illness;
        public static readonly AttendanceCode Medical = AttendanceCodes.Get("M");
        public static readonly AttendanceCode Unauthorised = AttendanceCodes.Get("O");
        public static readonly AttendanceCode Holiday = AttendanceCodes.Get("G");
        public static readonly AttendanceCode NotYetKnown = AttendanceCodes.NotYetEstablished;
        public static readonly AttendanceCode Exceptional = AttendanceCodes.Get("C");
        public static readonly AttendanceCode Religious = AttendanceCodes.Get("R");
        public static readonly AttendanceCode LateAfterClose = AttendanceCodes.Get("U");
        public static readonly AttendanceCode PartTime = AttendanceCodes.PartTimeTimetable;
        public static readonly AttendanceCode Suspended = AttendanceCodes.Suspended;
        public static readonly AttendanceCode Closure = AttendanceCodes.Get("#");
    }
}

/// <summary>
/// 2025/26 in a typical English LA: terms from 3 September, half-terms in October, February and May, Easter
/// fortnight, the May bank holidays, four INSET days (no marks). 191 days carry marks: the CSV holds the first
/// 190 (380 sessions a pupil, as the issue's 200,000 × 380) and the benchmark applies the last one on its own.
/// </summary>
internal sealed class BenchCalendar
{
    public BenchCalendar()
    {
        var closed = new List<(DateOnly From, DateOnly To)>
        {
            (new(2025, 9, 1), new(2025, 9, 4)), // summer holiday ends; two INSET days
            (new(2025, 10, 27), new(2025, 10, 31)),
            (new(2025, 12, 20), new(2026, 1, 5)), // Christmas; INSET on 5 January
            (new(2026, 2, 16), new(2026, 2, 20)),
            (new(2026, 3, 28), new(2026, 4, 13)), // Easter; INSET on 13 April
            (new(2026, 5, 4), new(2026, 5, 4)),
            (new(2026, 5, 25), new(2026, 5, 29)),
            (new(2026, 7, 23), new(2026, 8, 31)),
        };
        var days = new List<DateOnly>();
        for (var day = BenchWorld.Year.Start; day <= BenchWorld.Year.End; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Any(c => day >= c.From && day <= c.To))
            {
                days.Add(day);
            }
        }

        Days = days;
    }

    /// <summary>Every day with marks, in order.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The days written to the CSV: all but the last.</summary>
    public int DaysInFile => Days.Count - 1;

    /// <summary>The school day the benchmark applies on its own.</summary>
    public DateOnly LastDay => Days[^1];

    /// <summary>Local elections: schools that are polling stations close (#).</summary>
    public DateOnly PollingDay { get; } = new(2026, 5, 7);
}
