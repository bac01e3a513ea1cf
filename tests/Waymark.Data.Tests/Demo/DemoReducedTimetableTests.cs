using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;

namespace Waymark.Data.Tests.Demo;

/// <summary>The demo's reduced timetables: valid by the app's rules, and between them tripping every alert the LA tracks.</summary>
public abstract partial class DemoDataTests
{
    [Fact]
    public async Task Reduced_timetables_follow_the_rules_and_trip_every_timetable_alert()
    {
        await using var db = seeded.Database.CreateContext();
        var timetables = await db.ReducedTimetables.AsNoTracking().Include(t => t.Reviews).AsSplitQuery().ToListAsync();
        var alerts = await db.AttendanceAlerts.AsNoTracking().Where(a => a.ClearedOn == null).ToListAsync();

        Assert.InRange(timetables.Count, 15, 30);
        foreach (var t in timetables)
        {
            var details = new ReducedTimetableDetails(t.StartDate, t.PlannedEndDate, t.HoursPerWeek, t.Reason, t.ReasonDetail, t.ParentAgreedBy,
                t.ParentAgreedOn, t.PlanToFullTime ?? "(demo: left out on purpose)", t.EarlyHelpConsidered, t.EarlyHelpOutcome, t.SocialWorkerInformedOn);
            Assert.Empty(ReducedTimetables.Validate(details, Today));
            Assert.All(t.Reviews, r => Assert.Empty(ReducedTimetables.ValidateReview(
                new(r.ReviewedOn, r.Attendees, r.Outcome, r.NewHoursPerWeek, r.NextReviewOn), t.StartDate, Today)));
        }

        Assert.Contains(timetables, t => t.SchoolId == Schools.Single(s => s.Name == "Eastmoor Academy").Id);
        Assert.Contains(timetables, t => t.EndedOn is not null);
        Assert.Contains(timetables, t => t.CurrentHoursPerWeek != t.HoursPerWeek);
        foreach (var kind in new[] { AlertKind.ReducedTimetableOverSixWeeks, AlertKind.ReducedTimetableWithoutPlan, AlertKind.ReducedTimetableReviewOverdue,
                     AlertKind.ReducedTimetableSocialWorkerNotInformed })
        {
            Assert.Contains(alerts, a => a.Kind == kind);
        }

        // Alerts are exactly what the checks say about each timetable today.
        var withSocialWorker = Children.Where(c => c.KeyPeople.Any(k => k.Role == Waymark.Domain.People.KeyPersonRole.SocialWorker && k.IsCurrentOn(Today)))
            .Select(c => c.Id).ToHashSet();
        var expected = timetables.Sum(t => ReducedTimetableChecks.Check(t.ToState(withSocialWorker.Contains(t.ChildId)), Today).Count);
        Assert.Equal(expected, alerts.Count(a => a.Key.StartsWith("reduced-timetable:", StringComparison.Ordinal)));
    }
}
