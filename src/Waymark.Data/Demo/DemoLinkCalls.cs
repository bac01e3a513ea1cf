using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.LinkCalls;

namespace Waymark.Data.Demo;

/// <summary>
/// Link Co-ordinator calls for Eastmoor: the demo officer linked to the first primaries and secondaries with a risk
/// group each, calls at different points (the demo primary's next call two days overdue, the demo secondary's coming
/// up), a termly meeting, actions open, overdue and done, and the remaining schools unlinked.
/// </summary>
internal static class DemoLinkCalls
{
    private static readonly RiskGroup[] Groups =
        [RiskGroup.MediumExcluder, RiskGroup.VeryHighExcluder, RiskGroup.HighExcluder, RiskGroup.NotAssigned, RiskGroup.MediumExcluder, RiskGroup.HighExcluder];

    /// <summary>Days ago of each school's last call (none for a negative), in the order the schools are linked.</summary>
    private static readonly int[] LastCallDaysAgo = [16, 5, 9, 20, -1, 12];

    public static async Task SeedAsync(WaymarkDbContext db, DemoSchools schools, string officerId, DateOnly today, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var linked = new[] { schools.FirstPrimary, schools.FirstSecondary }
            .Concat(schools.PrimaryList.Skip(1).Take(2)).Concat(schools.SecondaryList.Skip(1).Take(2))
            .Select(s => s.Entity).DistinctBy(s => s.Id).ToList();
        var current = CurrentOn.Enrolment(today);
        var term = SchoolTerms.Containing(today);
        for (var i = 0; i < linked.Count; i++)
        {
            var school = linked[i];
            db.LinkedSchools.Add(new LinkedSchool
            {
                SchoolId = school.Id, OfficerUserId = officerId, LinkedOn = today.AddDays(-60), RiskGroup = Groups[i % Groups.Length],
                RiskNote = Groups[i % Groups.Length] == RiskGroup.VeryHighExcluder ? "Most suspensions in the LA last year" : null, UpdatedAtUtc = now,
            });

            var daysAgo = LastCallDaysAgo[i % LastCallDaysAgo.Length];
            if (daysAgo < 0)
            {
                continue;
            }

            var pupils = await db.Children.AsNoTracking()
                .Where(c => c.Enrolments.AsQueryable().Where(current).Any(e => e.SchoolId == school.Id)
                    && c.Statuses.Any(s => (s.Type == ChildStatusType.ChildInNeed || s.Type == ChildStatusType.LookedAfter || s.Type == ChildStatusType.EhcPlan) && s.EndDate == null))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync(ct);
            var earlier = today.AddDays(-daysAgo - 14);
            db.LinkContacts.Add(new LinkContact
            {
                SchoolId = school.Id, Kind = LinkContactKind.FortnightlyCall, HeldOn = earlier, OfficerUserId = officerId, FromSchool = "The SENCo and the attendance lead",
                Notes = "Went through the children with a social worker and those on reduced timetables; all have plans.", CreatedAtUtc = now,
                Children = pupils.Take(2).Select(id => new LinkContactChild { ChildId = id }).ToList(),
                Actions = [new LinkAction { Description = "Share the attendance support plan with the social worker", Owner = "SENCo", DueOn = earlier.AddDays(7), DoneOn = earlier.AddDays(5), DoneByUserId = officerId }],
            });
            db.LinkContacts.Add(new LinkContact
            {
                SchoolId = school.Id, Kind = LinkContactKind.FortnightlyCall, HeldOn = today.AddDays(-daysAgo), OfficerUserId = officerId, FromSchool = "The headteacher and the SENCo",
                Notes = "Reviewed the new suspension and the reduced timetable; agreed a plan back to full time.", CreatedAtUtc = now,
                Children = pupils.Select(id => new LinkContactChild { ChildId = id }).ToList(),
                Actions =
                [
                    new LinkAction { Description = "Book a reintegration meeting with the family", Owner = "Headteacher", DueOn = today.AddDays(-daysAgo + 7) },
                    new LinkAction { Description = "Refer to the Link Co-ordinator's inclusion panel", Owner = "Link Co-ordinator", DueOn = today.AddDays(-daysAgo + 21) },
                ],
            });

            if (i % 2 == 0 && term.Start.AddDays(7) <= today)
            {
                db.LinkContacts.Add(new LinkContact
                {
                    SchoolId = school.Id, Kind = LinkContactKind.ResourceAllocationMeeting, HeldOn = term.Start.AddDays(7), OfficerUserId = officerId,
                    FromSchool = "The headteacher", Notes = "Allocated outreach sessions and a place on the relational practice training.", CreatedAtUtc = now,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
