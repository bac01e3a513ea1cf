using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;

namespace Waymark.Data.Demo;

/// <summary>
/// Register marks for every enrolment in last academic year and this one up to yesterday, with the
/// spread an English LA sees: most children above 95%, about one in five persistently absent, a few
/// chronically absent or not attending at all, more absence among children with a social worker or an
/// EHC plan; illness in short runs, appointments, holidays, lateness, trips, unexplained N marks that
/// schools replace within days (kept as corrections) and a few that are still waiting.
/// </summary>
internal static class DemoAttendance
{
    private static readonly (string Code, double Weight)[] AbsenceReasons =
    [
        ("I", 0.55), ("M", 0.10), ("O", 0.12), ("G", 0.08), ("C", 0.04), ("R", 0.02), ("N", 0.09),
    ];

    public static async Task SeedAsync(WaymarkDbContext db, DateOnly today, int seed, IProgress<string>? progress, CancellationToken ct)
    {
        var random = DemoRandom.Stream(seed, 40);
        var thisYear = AcademicYear.Containing(today);
        var years = new[] { new AcademicYear(thisYear.StartYear - 1), thisYear };
        var calendars = years.ToDictionary(y => y, y => new DemoSchoolCalendar(y));

        var enrolments = await db.Enrolments.AsNoTracking()
            .Select(e => new { e.ChildId, e.SchoolId, e.StartDate, e.EndDate })
            .ToListAsync(ct);
        var children = await db.Children.AsNoTracking()
            .Select(c => new { c.Id, c.DateOfBirth })
            .ToDictionaryAsync(c => c.Id, c => c.DateOfBirth, ct);
        var vulnerable = (await db.ChildStatuses.AsNoTracking()
            .Where(s => s.EndDate == null || s.EndDate >= years[0].Start)
            .Select(s => new { s.ChildId, s.Type })
            .ToListAsync(ct))
            .ToLookup(s => s.ChildId, s => s.Type);

        // Each school has two trip days a year when a third of its pupils are out on a visit (V).
        var tripDays = enrolments.Select(e => e.SchoolId).Distinct().ToDictionary(
            s => s,
            s => years.SelectMany(y => Enumerable.Range(0, 2).Select(_ => random.Pick(calendars[y].Days))).ToHashSet());

        var rows = new List<AttendanceYear>();
        var changes = new List<AttendanceMarkChange>();
        var stamp = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var child in enrolments.GroupBy(e => e.ChildId).OrderBy(g => g.Key))
        {
            var dateOfBirth = children[child.Key];
            var statuses = vulnerable[child.Key].ToHashSet();
            var pupil = Pupil.Draw(random, statuses);
            foreach (var year in years)
            {
                // Registers are taken from reception (the year a child turns 5) upwards.
                if (Age.On(dateOfBirth, DemoRandom.Max(dateOfBirth, StatisticsCohort.AgeDate(year))) < 4)
                {
                    continue;
                }

                foreach (var enrolment in child.Where(e => e.StartDate <= year.End && (e.EndDate is null || e.EndDate >= year.Start)))
                {
                    var marks = new YearMarks(year);
                    var absentYesterday = false;
                    var reason = AttendanceCodes.Present;
                    var days = calendars[year].Days;
                    var daysBeforeToday = days.Count(d => d < today);
                    for (var i = 0; i < days.Count; i++)
                    {
                        var day = days[i];
                        if (day >= today || day < enrolment.StartDate || (enrolment.EndDate is { } end && day > end))
                        {
                            continue;
                        }

                        if (day == calendars[year].ClosureDay)
                        {
                            marks.Set(day, Session.AM, AttendanceCodes.Get("#"));
                            marks.Set(day, Session.PM, AttendanceCodes.Get("#"));
                            continue;
                        }

                        var absenceRate = year == thisYear ? pupil.AbsenceThisYear : pupil.AbsenceLastYear;
                        var absent = absentYesterday ? random.Chance(reason.Code == "I" ? 0.4 : pupil.Disengaged ? 0.8 : 0.25) : random.Chance(absenceRate);
                        if (!absent)
                        {
                            absentYesterday = false;
                            var trip = tripDays[enrolment.SchoolId].Contains(day) && random.Chance(0.33);
                            marks.Set(day, Session.AM, trip ? AttendanceCodes.Get("V") : PresentOrLate(random, pupil));
                            marks.Set(day, Session.PM, trip ? AttendanceCodes.Get("V") : pupil.PartTime && year == thisYear ? AttendanceCodes.PartTimeTimetable : AttendanceCodes.Present);
                            continue;
                        }

                        if (!absentYesterday)
                        {
                            reason = pupil.Disengaged ? AttendanceCodes.Get(random.Chance(0.7) ? "O" : "N") : AttendanceCodes.Get(Weighted(random));
                        }

                        absentYesterday = true;
                        if (reason.Code == "M")
                        {
                            // Appointments take a morning, not a day.
                            marks.Set(day, Session.AM, reason);
                            marks.Set(day, Session.PM, AttendanceCodes.Present);
                            absentYesterday = false;
                            continue;
                        }

                        var schoolDaysAgo = daysBeforeToday - i - 1;
                        foreach (var session in new[] { Session.AM, Session.PM })
                        {
                            // Schools replace N within five school days; the last few are still waiting.
                            if (reason.Code == "N" && schoolDaysAgo >= 3 && random.Chance(0.9))
                            {
                                var replacement = AttendanceCodes.Get(random.Chance(0.6) ? "I" : "O");
                                marks.Set(day, session, replacement);
                                changes.Add(new AttendanceMarkChange
                                {
                                    ChildId = child.Key,
                                    SchoolId = enrolment.SchoolId,
                                    Date = day,
                                    Session = session,
                                    OldCode = "N",
                                    NewCode = replacement.Code,
                                    ChangedAtUtc = day.AddDays(random.Number(1, 3)).ToDateTime(new TimeOnly(9, 40), DateTimeKind.Utc),
                                    Source = "register correction",
                                });
                            }
                            else
                            {
                                marks.Set(day, session, reason);
                            }
                        }
                    }

                    if (marks.HasAnyMark)
                    {
                        rows.Add(new AttendanceYear
                        {
                            ChildId = child.Key,
                            SchoolId = enrolment.SchoolId,
                            AcademicYear = year.StartYear,
                            Marks = marks.Bytes,
                            UpdatedAtUtc = stamp,
                        });
                    }
                }
            }
        }

        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Attendance: {rows.Count:N0} pupil-years of marks, {changes.Count:N0} corrections"));
        await BulkInsert.InsertAsync(db, rows, ct);
        await BulkInsert.InsertAsync(db, changes, ct);
    }

    private static AttendanceCode PresentOrLate(Randomizer random, Pupil pupil) =>
        random.Chance(pupil.Lateness) ? AttendanceCodes.Get(random.Chance(0.85) ? "L" : "U") : AttendanceCodes.Present;

    private static string Weighted(Randomizer random)
    {
        var roll = random.Double();
        foreach (var (code, weight) in AbsenceReasons)
        {
            roll -= weight;
            if (roll < 0)
            {
                return code;
            }
        }

        return "I";
    }

    /// <summary>How often one child is away: drawn once, so a child's two years look like the same child.</summary>
    private sealed record Pupil(double AbsenceLastYear, double AbsenceThisYear, double Lateness, bool Disengaged, bool PartTime)
    {
        public static Pupil Draw(Randomizer random, HashSet<ChildStatusType> statuses)
        {
            // Most children miss a day or two a month; a long tail misses far more.
            var rate = 0.008 + (Math.Pow(random.Double(), 4) * 0.15);
            if (statuses.Contains(ChildStatusType.ChildInNeed) || statuses.Contains(ChildStatusType.ChildProtectionPlan))
            {
                rate += 0.05;
            }

            if (statuses.Contains(ChildStatusType.EhcPlan) || statuses.Contains(ChildStatusType.SenSupport))
            {
                rate += 0.03;
            }

            var disengaged = random.Chance(statuses.Count > 0 ? 0.05 : 0.012);
            var thisYear = disengaged ? random.Double(0.45, 1.0) : rate * random.Double(0.7, 1.4);
            return new Pupil(rate, Math.Min(thisYear, 1.0), random.Double(0, 0.06), disengaged, !disengaged && random.Chance(0.002));
        }
    }
}
