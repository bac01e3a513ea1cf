using Microsoft.EntityFrameworkCore;
using Waymark.Data.Attendance;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;

namespace Waymark.Data.Tests.Demo;

/// <summary>The demo's suspensions: a few of each kind, keeping the rules the pages enforce, with their notifications and worklist entries.</summary>
public abstract partial class DemoDataTests
{
    [Fact]
    public async Task The_demo_has_suspensions_a_permanent_exclusion_and_their_worklist_entries()
    {
        await using var db = seeded.Database.CreateContext();
        var suspensions = await db.Suspensions.AsNoTracking().ToListAsync();
        var year = SeededDemoDatabase.Year;

        Assert.InRange(suspensions.Count, 8, 30);
        Assert.Single(suspensions, s => s.Kind == ExclusionKind.PermanentExclusion);
        Assert.All(suspensions, s =>
        {
            Assert.True(SchoolDays.IsSchoolDay(s.StartDate) && year.Contains(s.StartDate) && s.StartDate < Today);
            Assert.Null(ExclusionReasons.Problem(s.Reasons));
            Assert.Equal(s.Kind == ExclusionKind.Suspension, s.Sessions is >= 1 and <= SuspensionRules.MaxSessions);
            Assert.Empty(SuspensionRules.ValidateFollowUp(s.Kind, s.StartDate, s.AlternativeProvisionFrom, s.AlternativeProvisionBy, s.ReintegrationMeetingOn, s.ReintegrationNote));
        });
        Assert.Contains(suspensions, s => s.AlternativeProvisionFrom is not null);
        Assert.Contains(suspensions, s => s.ReintegrationMeetingOn is not null);

        // One child approaching the 45-day limit, none over it.
        var totals = suspensions.GroupBy(s => s.ChildId).SelectMany(g => SuspensionAlerts.SessionsBySchool(year, g).Values).ToList();
        Assert.Contains(totals, t => SuspensionRules.LimitStatus(t) == SuspensionLimitStatus.Approaching);
        Assert.DoesNotContain(totals, t => t > SuspensionRules.MaxSessions);
        Assert.Equal(1, await db.AttendanceAlerts.CountAsync(a => a.Kind == AlertKind.SuspensionLimit));

        // Children with a social worker or looked after are on the worklist; the permanent exclusion is owed provision by the LA.
        Assert.True(await db.AttendanceAlerts.CountAsync(a => a.Kind == AlertKind.SuspensionOfVulnerableChild) >= 2);
        var excluded = suspensions.Single(s => s.Kind == ExclusionKind.PermanentExclusion);
        var owed = await db.AttendanceAlerts.SingleAsync(a => a.Kind == AlertKind.AlternativeProvisionDue && a.ChildId == excluded.ChildId);
        Assert.Equal(AlertOwner.LocalAuthority, owed.Owner);
        var socialWorker = seeded.Users.Single(u => u.Role == Role.SocialWorker);
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == socialWorker.Id));
    }
}
