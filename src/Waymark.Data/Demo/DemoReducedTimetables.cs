using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.People;

namespace Waymark.Data.Demo;

/// <summary>
/// Reduced timetables for Eastmoor: about one pupil in 300 (seed 002's baseline is 125 in an LA), a few at the demo
/// sign-ins' schools, and among them every case the LA tracks: longer than six weeks, no plan back, review overdue,
/// social worker not told, and C2 marks with no timetable. Where this year's marks exist, days on a timetable get C2
/// afternoons. Ends by raising the alerts, as saving a timetable in the app does.
/// </summary>
internal static class DemoReducedTimetables
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] ParentForenames = ["Lisa", "Kerry", "Paul", "Sarah", "Gemma", "Lee", "Nadia", "Tom", "Joanne", "Imran"];

    private static readonly string[] Relationships = ["mother", "father", "mother", "grandmother", "mother", "stepfather"];

    private enum Case { OnTrack, OverSixWeeks, WithoutPlan, ReviewOverdue, SocialWorkerNotInformed, BackToFullTime, ReducedHours, PastPlannedEnd }

    private static readonly Case[] Cycle = Enum.GetValues<Case>();

    public static async Task SeedAsync(WaymarkDbContext db, DemoSchools schools, DateOnly today, int seed, IProgress<string>? progress, CancellationToken ct)
    {
        var random = DemoRandom.Stream(seed, 41);
        var pupils = await db.Children.CountAsync(ct);
        var wanted = Math.Clamp(pupils / 300, Cycle.Length, 150);
        var current = CurrentOn.Enrolment(today);

        // The demo sign-ins' two schools first, so their staff have timetables to open; then across the LA.
        var first = new[] { schools.FirstPrimary.Entity.Id, schools.FirstSecondary.Entity.Id };
        var onRoll = await db.Enrolments.AsNoTracking().Where(current).Select(e => new { e.ChildId, e.SchoolId }).ToListAsync(ct);
        var keyPerson = CurrentOn.KeyPerson(today);
        var socialWorkerChildren = (await db.KeyPeople.AsNoTracking().Where(keyPerson).Where(k => k.Role == KeyPersonRole.SocialWorker)
            .Select(k => k.ChildId).ToListAsync(ct)).ToHashSet();
        var chosen = onRoll.Where(e => first.Contains(e.SchoolId)).OrderBy(e => e.ChildId).Take(Cycle.Length)
            .Concat(onRoll.OrderBy(e => e.ChildId).Where((_, i) => i % Math.Max(1, onRoll.Count / wanted) == 0))
            .DistinctBy(e => e.ChildId).Take(wanted + 2).ToList();
        var withSocialWorker = chosen.Where(c => socialWorkerChildren.Contains(c.ChildId)).Select(c => c.ChildId).ToHashSet();

        // The "social worker not informed" case needs a child with a social worker: swap one in from the LA if need be.
        var taken = chosen.Select(c => c.ChildId).ToHashSet();
        var spare = onRoll.Where(e => socialWorkerChildren.Contains(e.ChildId) && !taken.Contains(e.ChildId)).DistinctBy(e => e.ChildId)
            .OrderBy(e => e.ChildId).ToList();
        for (var i = (int)Case.SocialWorkerNotInformed; i < chosen.Count - 2; i += Cycle.Length)
        {
            if (!withSocialWorker.Contains(chosen[i].ChildId) && spare.Count > 0)
            {
                chosen[i] = spare[0];
                spare.RemoveAt(0);
                withSocialWorker.Add(chosen[i].ChildId);
            }
        }

        var ids = chosen.Select(c => c.ChildId).ToList();
        var surnames = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LegalSurname, ct);

        // The last two chosen get C2 marks and no timetable.
        var withTimetable = chosen.Take(chosen.Count - 2).ToList();
        var timetables = new List<ReducedTimetable>();
        for (var i = 0; i < withTimetable.Count; i++)
        {
            var pupil = withTimetable[i];
            var kind = Cycle[i % Cycle.Length];
            if (kind == Case.SocialWorkerNotInformed && !withSocialWorker.Contains(pupil.ChildId))
            {
                kind = Case.OnTrack;
            }

            timetables.Add(Build(random, kind, pupil.ChildId, pupil.SchoolId, surnames[pupil.ChildId], withSocialWorker.Contains(pupil.ChildId), today));
        }

        db.ReducedTimetables.AddRange(timetables);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await MarkC2Async(db, timetables, chosen.Skip(withTimetable.Count).Select(c => (c.ChildId, c.SchoolId)).ToList(), today, ct);
        var alerts = await ReducedTimetableAlerts.RecomputeAsync(db, today, null, ct);
        db.ChangeTracker.Clear();
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Reduced timetables: {timetables.Count}, raising {alerts.Raised} alerts"));
    }

    private static ReducedTimetable Build(Bogus.Randomizer random, Case kind, Guid childId, int schoolId, string surname, bool hasSocialWorker, DateOnly today)
    {
        var (startAgo, weeks) = kind switch
        {
            Case.OverSixWeeks => (random.Number(15, 25), random.Number(8, 12)),
            Case.ReviewOverdue => (random.Number(24, 30), 6),
            Case.BackToFullTime => (random.Number(70, 110), 6),
            Case.PastPlannedEnd => (random.Number(55, 70), 5),
            Case.ReducedHours => (random.Number(20, 28), 6),
            _ => (random.Number(3, 12), random.Number(4, 6)),
        };
        var start = today.AddDays(-startAgo);
        var plannedEnd = start.AddDays((weeks * 7) - 3);
        var reason = random.Pick(new[]
        {
            ReducedTimetableReason.MedicalNeeds, ReducedTimetableReason.EmotionalWellbeing, ReducedTimetableReason.EmotionalWellbeing,
            ReducedTimetableReason.Reintegration, ReducedTimetableReason.SendAwaitingProvision, ReducedTimetableReason.Other,
        });
        var hours = random.Pick(new[] { 10m, 12.5m, 15m, 17.5m, 20m });
        var stamp = start.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
        var t = new ReducedTimetable
        {
            ChildId = childId, SchoolId = schoolId, StartDate = start, PlannedEndDate = plannedEnd, HoursPerWeek = hours, Reason = reason,
            ReasonDetail = reason switch
            {
                ReducedTimetableReason.Other => "Young carer while a parent is in hospital for treatment",
                ReducedTimetableReason.MedicalNeeds => "Recovering from surgery; fatigue in the afternoons (GP letter on file)",
                ReducedTimetableReason.SendAwaitingProvision => "Awaiting the specialist placement named in the draft EHC plan",
                _ => null,
            },
            ParentAgreedBy = $"{random.Pick(ParentForenames)} {surname} ({random.Pick(Relationships)})",
            ParentAgreedOn = start.AddDays(-random.Number(1, 5)),
            PlanToFullTime = kind == Case.WithoutPlan ? null
                : $"Weeks 1 and 2: mornings only. From {Date(start.AddDays(14))}: three full days a week. Full time from {Date(plannedEnd.AddDays(3))}.",
            EarlyHelpConsidered = random.Chance(0.7),
            SocialWorkerInformedOn = hasSocialWorker && kind != Case.SocialWorkerNotInformed ? start.AddDays(-1) : null,
            CreatedAtUtc = stamp, UpdatedAtUtc = stamp,
        };
        t.EarlyHelpOutcome = t.EarlyHelpConsidered ? random.Pick(new[] { "Family already open to early help", "Early help assessment started", "Parent declined early help" }) : null;

        // The first review two weeks in, and the next set two weeks on; the overdue case's next date has passed.
        if (kind is Case.OverSixWeeks or Case.ReviewOverdue or Case.BackToFullTime or Case.ReducedHours or Case.PastPlannedEnd)
        {
            var reviewed = start.AddDays(12);
            var next = kind == Case.PastPlannedEnd ? today.AddDays(-6) : kind == Case.ReviewOverdue ? start.AddDays(20) : DemoRandom.Max(reviewed.AddDays(14), today.AddDays(3));
            t.Reviews.Add(new ReducedTimetableReview
            {
                ReviewedOn = reviewed, Attendees = $"Pupil, parent, head of year{(hasSocialWorker ? ", social worker" : "")}",
                Outcome = kind == Case.ReducedHours ? "Coping well with mornings; adding two afternoons" : "Attending every planned session; keep to the plan",
                NewHoursPerWeek = kind == Case.ReducedHours ? hours + 7.5m : null, NextReviewOn = next,
                RecordedAtUtc = reviewed.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
        }

        if (kind == Case.BackToFullTime)
        {
            t.EndedOn = plannedEnd.AddDays(-3);
            t.EndNote = "Back to full time as planned; pastoral check-ins weekly for a half term";
        }

        return t;
    }

    /// <summary>C2 afternoons on a timetable's school days, and a few for the pupils with none recorded, in this year's marks if there are any.</summary>
    private static async Task MarkC2Async(WaymarkDbContext db, List<ReducedTimetable> timetables, List<(Guid ChildId, int SchoolId)> unrecorded,
        DateOnly today, CancellationToken ct)
    {
        var year = AcademicYear.Containing(today);
        var ids = timetables.Select(t => t.ChildId).Concat(unrecorded.Select(u => u.ChildId)).ToList();
        var rows = await db.AttendanceYears.Where(a => a.AcademicYear == year.StartYear && ids.Contains(a.ChildId)).ToListAsync(ct);
        var lastWeek = today.AddDays(-10);
        foreach (var row in rows)
        {
            var marks = new YearMarks(year, (byte[])row.Marks.Clone());
            var periods = timetables.Where(t => t.ChildId == row.ChildId && t.SchoolId == row.SchoolId)
                .Select(t => (From: t.StartDate, To: t.EndedOn ?? today)).ToList();
            if (unrecorded.Contains((row.ChildId, row.SchoolId)))
            {
                periods.Add((lastWeek, today));
            }

            foreach (var (from, to) in periods)
            {
                foreach (var day in marks.SchoolDays(DemoRandom.Max(from, year.Start), DemoRandom.Min(to, today)).ToList())
                {
                    if (marks[day, Session.PM] is { } code && code.Category != AttendanceCategory.NotCounted)
                    {
                        marks.Set(day, Session.PM, AttendanceCodes.PartTimeTimetable);
                    }
                }
            }

            row.Marks = marks.Bytes;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Date(DateOnly d) => d.ToString("d MMMM", Uk);
}
