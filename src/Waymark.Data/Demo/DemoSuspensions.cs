using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Data.Demo;

/// <summary>
/// A few suspensions this school year at the demo's first secondary and first primary, so every page and
/// worklist has something to show: children on the demo social worker's caseload and a looked-after child
/// (who raise notifications and worklist entries), one long suspension with alternative provision, one
/// child approaching the 45-day limit, and one permanent exclusion.
/// </summary>
internal static class DemoSuspensions
{
    private static readonly WeightedTable<string> Reasons = new(
        ("PD", 34), ("VA", 16), ("PA", 12), ("VP", 10), ("PP", 8), ("DA", 5), ("OW", 4), ("DM", 4), ("BU", 3), ("MT", 2), ("RA", 2));

    private sealed record Pupil(Guid Id, int SchoolId, bool DemoCaseload, bool SocialWorker, bool LookedAfter);

    public static async Task<int> SeedAsync(WaymarkDbContext db, DemoSchools schools, DemoProgrammeStaff staff, DateOnly today, int seed,
        IProgress<string>? progress, CancellationToken ct)
    {
        var random = DemoRandom.Stream(seed, 41);
        var year = AcademicYear.Containing(today);
        var lastDay = PreviousSchoolDay(today);
        var schoolDaysSoFar = Enumerable.Range(0, Math.Max(0, today.DayNumber - year.Start.DayNumber))
            .Count(d => SchoolDays.IsSchoolDay(year.Start.AddDays(d)));
        if (schoolDaysSoFar < 3)
        {
            return 0;
        }

        // The first secondary's pupils, then other secondaries' (for a looked-after or allocated pupil where it has none),
        // the first primary's, and the demo social worker's caseload wherever they are at school.
        var firstSecondary = schools.FirstSecondary.Entity.Id;
        var secondary = (await PupilsAsync(db, [.. schools.SecondaryList.Select(s => s.Entity.Id)], staff.SocialWorker.Id, false, today, ct))
            .OrderBy(p => p.SchoolId != firstSecondary).ToList();
        var primary = await PupilsAsync(db, [schools.FirstPrimary.Entity.Id], staff.SocialWorker.Id, false, today, ct);
        var caseload = await PupilsAsync(db, null, staff.SocialWorker.Id, true, today, ct);
        var suspensions = new List<Suspension>();
        var stamp = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        DateOnly Start(int earliestDaysAgo) =>
            SchoolDays.Add(random.DateBetween(DemoRandom.Max(year.Start, today.AddDays(-earliestDaysAgo)), lastDay), 0) is var d && d < today ? d : lastDay;

        Suspension Add(Pupil pupil, DateOnly start, int? sessions, string recordedBy, ExclusionKind kind = ExclusionKind.Suspension)
        {
            var reasons = new List<string> { Reasons.Pick(random) };
            while (reasons.Count < 3 && random.Chance(0.3))
            {
                var next = Reasons.Pick(random);
                if (!reasons.Contains(next))
                {
                    reasons.Add(next);
                }
            }

            var s = new Suspension
            {
                ChildId = pupil.Id, SchoolId = pupil.SchoolId, Kind = kind, StartDate = start, FirstSession = random.Chance(0.8) ? Session.AM : Session.PM,
                Sessions = sessions, Reason1 = reasons[0], Reason2 = reasons.ElementAtOrDefault(1), Reason3 = reasons.ElementAtOrDefault(2),
                RecordedByUserId = recordedBy, RecordedAtUtc = stamp,
            };
            if (sessions is int n && SuspensionRules.ReturnSession(start, s.FirstSession, n).Date < today && random.Chance(0.8))
            {
                s.ReintegrationMeetingOn = SuspensionRules.ReturnSession(start, s.FirstSession, n).Date;
                s.ReintegrationNote = random.Pick(ReintegrationNotes);
            }

            suspensions.Add(s);
            return s;
        }

        // The LA keys other schools' statutory notices of suspension (the demo has headteacher accounts only
        // at the first primary); the primary's headteacher records their own.
        var officer = staff.Officer.Id;
        var used = new HashSet<Guid>();
        Pupil? Take(IEnumerable<Pupil> from) => from.FirstOrDefault(p => used.Add(p.Id));

        foreach (var pupil in new[] { Take(caseload), Take(caseload), Take(caseload), Take(secondary.Where(p => p.LookedAfter)) }.OfType<Pupil>())
        {
            Add(pupil, Start(12), random.Number(1, 6), pupil.SchoolId == schools.FirstPrimary.Entity.Id ? staff.Headteacher.Id : officer);
        }

        for (var i = 0; i < 5 && Take(secondary.Where(p => p.SchoolId == firstSecondary && !p.SocialWorker && !p.LookedAfter)) is Pupil pupil; i++)
        {
            Add(pupil, Start(60), random.Number(1, 8), officer);
        }

        // A long suspension: alternative provision from the sixth day, at the pupil referral unit.
        if (Take(secondary.Where(p => p.SocialWorker)) is Pupil longOne && schoolDaysSoFar > 12)
        {
            var s = Add(longOne, Start(30), 16, officer);
            s.AlternativeProvisionFrom = SuspensionRules.SixthSchoolDay(s.StartDate);
            s.AlternativeProvisionBy = schools.AlternativeProvision.Pick(random).Entity.Name;
        }

        // Repeated suspensions approaching the 45-day limit, when the year is long enough to hold them.
        if (schoolDaysSoFar > 50 && Take(secondary.Where(p => !p.LookedAfter)) is Pupil repeated)
        {
            var start = SchoolDays.Add(year.Start, 2);
            foreach (var days in new[] { 10, 15, 16 })
            {
                Add(repeated, start, days * 2, officer);
                start = SchoolDays.Add(start, days + 3);
            }
        }

        // A permanent exclusion a few days ago: the LA owes alternative provision from the sixth day.
        if (Take(secondary.Where(p => !p.LookedAfter)) is Pupil excluded)
        {
            var s = Add(excluded, SchoolDays.Add(today.AddDays(-10), 0), null, officer, ExclusionKind.PermanentExclusion);
            s.Reason1 = "OW";
            s.Reason2 = "PA";
            s.Reason3 = null;
        }

        foreach (var pupil in new[] { Take(primary.Where(p => !p.SocialWorker)), Take(primary.Where(p => !p.SocialWorker)) }.OfType<Pupil>())
        {
            Add(pupil, Start(50), random.Number(1, 4), staff.Headteacher.Id);
        }

        db.Suspensions.AddRange(suspensions);
        await db.SaveChangesAsync(ct);
        foreach (var s in suspensions.Where(s => s.StartDate >= today.AddDays(-14)))
        {
            await SuspensionAlerts.NotifyRecordedAsync(db, s, today, stamp, null, ct);
        }

        foreach (var childId in suspensions.Select(s => s.ChildId).Distinct())
        {
            await SuspensionAlerts.RaiseAsync(db, childId, today, ct);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"Suspensions: {suspensions.Count(s => s.Kind == ExclusionKind.Suspension)} suspensions and {suspensions.Count(s => s.Kind == ExclusionKind.PermanentExclusion)} permanent exclusion"));
        return suspensions.Count;
    }

    private static readonly string[] ReintegrationNotes =
    [
        "Met with mum and the head of year. Agreed a daily check-in with the learning mentor for two weeks.",
        "Pupil and dad attended. Report card for a fortnight; referral to the school counsellor.",
        "Reviewed the behaviour plan with the family; time-out pass agreed for lessons.",
        "Carer attended with the social worker. Return on a phased timetable for the first week was declined; full return agreed.",
    ];

    private static DateOnly PreviousSchoolDay(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!SchoolDays.IsSchoolDay(d))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>Pupils on the rolls of the schools (or of any school, with none given), in a fixed order, with what makes them vulnerable.</summary>
    private static async Task<List<Pupil>> PupilsAsync(WaymarkDbContext db, IReadOnlyCollection<int>? schoolIds, string demoSocialWorker,
        bool caseloadOnly, DateOnly today, CancellationToken ct)
    {
        var currentKeyPerson = CurrentOn.KeyPerson(today);
        var currentStatus = CurrentOn.Status(today);
        var enrolments = db.Enrolments.AsNoTracking().Where(CurrentOn.Enrolment(today)).Where(e => e.Type != EnrolmentType.DualSubsidiary);
        if (schoolIds is not null)
        {
            enrolments = enrolments.Where(e => schoolIds.Contains(e.SchoolId));
        }

        if (caseloadOnly)
        {
            enrolments = enrolments.Where(e => e.Child!.KeyPeople.AsQueryable().Where(currentKeyPerson)
                .Any(k => k.Role == KeyPersonRole.SocialWorker && k.UserId == demoSocialWorker));
        }

        var rows = await enrolments
            .OrderBy(e => e.Child!.Upn)
            .Select(e => new
            {
                e.ChildId,
                e.SchoolId,
                DemoCaseload = e.Child!.KeyPeople.AsQueryable().Where(currentKeyPerson).Any(k => k.Role == KeyPersonRole.SocialWorker && k.UserId == demoSocialWorker),
                SocialWorker = e.Child!.KeyPeople.AsQueryable().Where(currentKeyPerson).Any(k => k.Role == KeyPersonRole.SocialWorker),
                LookedAfter = e.Child!.Statuses.AsQueryable().Where(currentStatus).Any(s => s.Type == ChildStatusType.LookedAfter),
            })
            .Take(3000)
            .ToListAsync(ct);
        return rows.Select(r => new Pupil(r.ChildId, r.SchoolId, r.DemoCaseload, r.SocialWorker, r.LookedAfter)).ToList();
    }
}
