using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Demo;

/// <summary>
/// A few actions from the strategy's draft action plan (seed 002, appendix 1), moved so that the plan's first year,
/// 2021/22 in the seed, is last academic year: its milestones mostly past, each of its terms rated, and this term rated
/// for some actions only.
/// </summary>
internal static class DemoActionPlan
{
    private sealed record Seeded(int Number, ActionPriority Priority, string Title, string Timescale, string Lead,
        (string Text, int SeedYear, int Month, bool Done)[] Milestones, (Rag Rag, string Note)[] Terms);

    private static readonly Seeded[] Actions =
    [
        new(1, ActionPriority.StrategyAction,
            "Relational practice: launch a whole school approach to restorative practice, led by Salterns Academy Trust in partnership with the council",
            "Wave 1 2021/22, wave 2 2022/23, wave 3 2023/24", "Salterns Academy Trust",
            [("Funding secured from Schools Forum", 2022, 1, true), ("SLA agreed with Salterns", 2022, 2, true),
             ("Coaching programme with headteachers and senior leaders from wave 1 schools, 4 half days", 2022, 7, true),
             ("RP in Action: 3 day training course for wave 1 schools", 2022, 5, true), ("Introduction of wave 2", 2022, 9, false)],
            [(Rag.Green, "Funding secured; wave 1 secured: 17 schools and 1 college."), (Rag.Green, "SLA agreed. Coaching programme started."),
             (Rag.Amber, "Training delivered to most wave 1 schools; two to follow in the autumn."), (Rag.Amber, "Wave 2 schools being recruited.")]),
        new(4, ActionPriority.StrategyAction, "Portsmouth Inclusive Education Quality Mark: schools work through the ten standards",
            "2021/22 to 2022/23", "Sarah Christopher and Mike Bowen",
            [("Completion of standards 1 and 2", 2021, 7, true), ("Completion of standards 3 and 4", 2022, 1, true),
             ("Completion of standards 5 and 6", 2022, 5, false), ("Completion of standards 7 to 10", 2022, 9, false)],
            [(Rag.Amber, "19 of 56 mainstream schools completed."), (Rag.Amber, "Standards 3 and 4 completed."),
             (Rag.Red, "Standards 5 and 6 behind: school capacity."), (Rag.NotRated, "")]),
        new(12, ActionPriority.StrategyAction, "Studybugs: attendance data reflected back to schools, health services and the wider workforce",
            "Ongoing", "Neil Stevenson",
            [("Data is reflected back to schools", 2021, 9, true), ("Health related absence reflected back to schools, school nurses and public health", 2022, 4, true),
             ("Wider workforce able to see the attendance of their caseloads", 2022, 7, false)],
            [(Rag.Green, "Data reflected back to schools."), (Rag.Green, "Ongoing."), (Rag.Amber, "Caseload access waiting on data sharing agreement."), (Rag.Amber, "")]),
        new(13, ActionPriority.StrategyAction, "Revision of Early Help Assessments (Family Support Plans)",
            "November 2021 to April 2022", "Lucy Rylatt",
            [("Pilot runs for at least 3 months", 2022, 2, true), ("Roll out to all universal services", 2022, 4, false)],
            [(Rag.Green, "Pilot underway."), (Rag.Amber, "Roll out depends on a central place to record completed plans."),
             (Rag.Red, "Roll out delayed."), (Rag.NotRated, "")]),
        new(17, ActionPriority.TeamsWork,
            "LA Education Link Co-ordinators: work with schools to identify and support children who have struggled to return to school",
            "Ongoing", "Fran Shaul",
            [("Reduced timetables and chronic non-attendance standing items in calls with schools", 2021, 10, true)],
            [(Rag.Green, "Fortnightly calls in place with every school."), (Rag.Green, "Feeding into termly SRAM meetings."),
             (Rag.Green, ""), (Rag.Green, "")]),
        new(22, ActionPriority.BusinessAsUsual, "Reduced timetables: reported in forums so the wider workforce is aware and challenging",
            "Ongoing", "Neil Stevenson",
            [("Discrete item on agendas", 2021, 12, true)],
            [(Rag.Amber, "Process in place."), (Rag.Amber, ""), (Rag.Green, "Reported at every attendance network meeting."), (Rag.NotRated, "")]),
    ];

    public static async Task SeedAsync(WaymarkDbContext db, DateOnly today, CancellationToken ct)
    {
        // The seed's 2021/22 becomes last academic year; its terms then run up to this one.
        var firstYear = AcademicYear.Containing(today).StartYear - 1;
        var terms = ActionPlanRules.TermsSoFar(SchoolTerms.For(new AcademicYear(firstYear), TermName.Autumn), today).Reverse().ToList();
        var now = DateTime.UtcNow;
        foreach (var seeded in Actions)
        {
            var action = new PlanAction
            {
                Number = seeded.Number,
                Priority = seeded.Priority,
                Title = seeded.Title,
                Timescale = seeded.Timescale,
                Lead = seeded.Lead,
            };
            foreach (var (text, seedYear, month, done) in seeded.Milestones)
            {
                var year = seedYear - 2021 + firstYear;
                var target = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
                action.Milestones.Add(new PlanMilestone
                {
                    Text = text,
                    TargetDate = target,
                    CompletedOn = done && target <= today ? target.AddDays(-7) : null,
                });
            }

            // Each action's ratings end at this term (the last of its list, "not rated" where it has not been rated yet) and
            // run back from it; terms older than its list repeat its first rating, without a note.
            for (var i = 0; i < terms.Count; i++)
            {
                var fromEnd = terms.Count - 1 - i;
                var index = seeded.Terms.Length - 1 - fromEnd;
                var (rag, note) = index >= 0 ? seeded.Terms[index] : (seeded.Terms[0].Rag, "");
                if (rag == Rag.NotRated && note.Length == 0)
                {
                    continue;
                }

                action.Progress.Add(new PlanActionProgress
                {
                    AcademicYear = terms[i].Year.StartYear,
                    Term = terms[i].Name,
                    Rag = rag,
                    Note = note.Length == 0 ? null : note,
                    UpdatedAtUtc = now,
                });
            }

            db.PlanActions.Add(action);
        }

        db.ActionPlanSettings.Add(new ActionPlanSettings { MonitoringGroup = "Behaviour and Attendance Group", ReportsTo = "PEP Strategic Board" });
        await db.SaveChangesAsync(ct);
    }
}
