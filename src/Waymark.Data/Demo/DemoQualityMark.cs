using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Domain.Schools;

namespace Waymark.Data.Demo;

/// <summary>
/// The inclusion quality mark in the demo: milestones like seed 002's (standards 1–2, 3–4, 5–6, then 7–10), the first
/// already past; a ring of schools each moderating the next; schools at different stages: one complete, one behind with a
/// standard not agreed, the demo headteacher's school part way with a standard awaiting moderation, and a school the
/// demo headteacher's school moderates waiting for it. The other schools have not started (so are behind, as many were).
/// </summary>
internal static class DemoQualityMark
{
    public static async Task SeedAsync(WaymarkDbContext db, DemoSchools schools, DemoProgrammeStaff staff, DateOnly today, DateTime stamp, CancellationToken ct)
    {
        var standards = await db.QualityMarkStandards.OrderBy(s => s.Position).ToListAsync(ct);
        if (standards.Count < 10)
        {
            return;
        }

        DateOnly MonthEnd(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
        var first = MonthEnd(today.AddMonths(-2));
        (DateOnly Due, int[] Numbers)[] milestones = [(first, [1, 2]), (MonthEnd(first.AddMonths(5)), [3, 4]), (MonthEnd(first.AddMonths(9)), [5, 6]), (MonthEnd(first.AddMonths(16)), [7, 8, 9, 10])];
        foreach (var (due, numbers) in milestones)
        {
            db.QualityMarkMilestones.Add(new QualityMarkMilestone
            {
                DueOn = due, Standards = numbers.Select(n => standards[n - 1]).ToList(), CreatedByUserId = staff.Officer.Id, CreatedAtUtc = stamp.AddMonths(-6),
            });
        }

        // The demo headteacher's school first, then a few others of each phase.
        var ring = new[] { schools.FirstPrimary, schools.FirstSecondary }
            .Concat(schools.All.Where(s => s.Entity.Status != SchoolStatus.Closed && s != schools.FirstPrimary && s != schools.FirstSecondary).Take(4))
            .Select(s => s.Entity).ToList();
        for (var i = 0; i < ring.Count; i++)
        {
            db.QualityMarkModerators.Add(new QualityMarkModerator
            {
                SchoolId = ring[i].Id, ModeratorSchoolId = ring[(i + 1) % ring.Count].Id, AssignedByUserId = staff.Officer.Id, AssignedAtUtc = stamp.AddMonths(-6),
            });
        }

        var moderatorOf = Enumerable.Range(0, ring.Count).ToDictionary(i => ring[i].Id, i => ring[(i + 1) % ring.Count].Id);
        void Assess(School school, int number, AssessmentStage stage, Judgement judgement, int daysAgo, string? note = null, DemoPerson? by = null)
        {
            var at = stamp.AddDays(-daysAgo);
            var moderated = stage is AssessmentStage.Agreed or AssessmentStage.NotAgreed;
            var assessment = new QualityMarkAssessment
            {
                SchoolId = school.Id, StandardId = standards[number - 1].Id, Stage = stage, Judgement = judgement,
                Evidence = $"{standards[number - 1].Name}: our policy was reviewed by governors this year; staff training records; pupil and parent voice survey results; case studies of three pupils.",
                SubmittedAtUtc = stage == AssessmentStage.InProgress ? null : at.AddDays(-14), SubmittedByUserId = stage == AssessmentStage.InProgress ? null : by?.Id,
                ModeratedBySchoolId = moderated ? moderatorOf[school.Id] : null, ModeratedAtUtc = moderated ? at : null, ModerationNote = note,
                CompletedOn = stage == AssessmentStage.Agreed ? DateOnly.FromDateTime(at) : null,
                UpdatedByUserId = by?.Id ?? staff.Officer.Id, UpdatedAtUtc = at,
            };
            if (by is not null)
            {
                assessment.Changes.Add(new QualityMarkAssessmentChange { ChangedByUserId = by.Id, ChangedAtUtc = at.AddDays(-20), Field = "Evidence", NewValue = assessment.Evidence });
                assessment.Changes.Add(new QualityMarkAssessmentChange { ChangedByUserId = by.Id, ChangedAtUtc = at.AddDays(-20), Field = "Judgement", NewValue = QualityMarkRules.DisplayName(judgement) });
                assessment.Changes.Add(new QualityMarkAssessmentChange { ChangedByUserId = by.Id, ChangedAtUtc = at.AddDays(-14), Field = "Status", OldValue = "In progress", NewValue = stage == AssessmentStage.InProgress ? "In progress" : "Awaiting moderation" });
            }

            db.QualityMarkAssessments.Add(assessment);
        }

        // The demo headteacher's school: standards 1 and 2 moderated and agreed, 3 awaiting moderation, 4 being written.
        var own = ring[0];
        Assess(own, 1, AssessmentStage.Agreed, Judgement.Secure, 120, "Agreed: strong evidence from the parent survey.", staff.Headteacher);
        Assess(own, 2, AssessmentStage.Agreed, Judgement.Developing, 90, by: staff.Headteacher);
        Assess(own, 3, AssessmentStage.Submitted, Judgement.Secure, 5, by: staff.Senco);
        Assess(own, 4, AssessmentStage.InProgress, Judgement.Developing, 2, by: staff.Senco);

        // A secondary that has completed every standard.
        foreach (var n in Enumerable.Range(1, 10))
        {
            Assess(ring[1], n, AssessmentStage.Agreed, n % 3 == 0 ? Judgement.Exceeding : Judgement.Secure, 200 - (n * 15));
        }

        if (ring.Count >= 6)
        {
            // Behind the first milestone: standard 2 was not agreed.
            Assess(ring[2], 1, AssessmentStage.Agreed, Judgement.Secure, 100);
            Assess(ring[2], 2, AssessmentStage.NotAgreed, Judgement.Secure, 30,
                "Not agreed: the evidence describes the policy but not how leaders check it is followed. Add monitoring records.");

            // On track: ahead of the first two milestones.
            foreach (var n in Enumerable.Range(1, 4))
            {
                Assess(ring[3], n, AssessmentStage.Agreed, Judgement.Secure, 150 - (n * 20));
            }

            Assess(ring[3], 5, AssessmentStage.InProgress, Judgement.Developing, 10);

            // ring[4] has not started. ring[5] is moderated by the demo headteacher's school, and waits for it on standard 3.
            Assess(ring[5], 1, AssessmentStage.Agreed, Judgement.Secure, 80);
            Assess(ring[5], 2, AssessmentStage.Agreed, Judgement.Secure, 80);
            Assess(ring[5], 3, AssessmentStage.Submitted, Judgement.Developing, 3);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
