using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Domain.Send;

namespace Waymark.Data.Demo;

/// <summary>
/// The EHC pathway for Eastmoor: needs assessments at every stage (some overdue, one with an exception), annual reviews
/// (one overdue, one with an amendment pending), this year's phase transfers (some amended, some not) and a plan from
/// another LA whose letter is late. The demo SENCo's school comes first, so the SENCo has cases to open.
/// </summary>
internal static class DemoSend
{
    /// <summary>Days since the request, and how far the case has gone, for each assessment in turn.</summary>
    private static readonly (int DaysAgo, AssessmentStage Stage, bool Late, TimescaleException? Exception)[] Assessments =
    [
        (10, AssessmentStage.AwaitingDecision, false, null),
        (50, AssessmentStage.AwaitingDecision, false, null),
        (70, AssessmentStage.Assessing, false, null),
        (150, AssessmentStage.Assessing, false, null),
        (120, AssessmentStage.DraftSent, false, null),
        (160, AssessmentStage.DraftSent, false, TimescaleException.ExceptionalPersonalCircumstances),
        (60, AssessmentStage.NotAssessing, false, null),
        (130, AssessmentStage.NoPlan, false, null),
        (200, AssessmentStage.PlanIssued, false, null),
        (260, AssessmentStage.PlanIssued, true, null),
    ];

    public static async Task SeedAsync(WaymarkDbContext db, DemoSchools schools, string officerId, DateOnly today, IProgress<string>? progress, CancellationToken ct)
    {
        var current = CurrentOn.Enrolment(today);
        var first = schools.FirstPrimary.Entity.Id;
        var now = DateTime.UtcNow;

        // Assessments for children on SEN support, the SENCo's school first.
        var support = await db.ChildStatuses.AsNoTracking()
            .Where(s => s.Type == ChildStatusType.SenSupport && s.StartDate <= today && s.EndDate == null)
            .Select(s => new { s.Id, s.ChildId, s.PrimaryNeed, s.SecondaryNeed, AtFirst = db.Enrolments.Where(current).Any(e => e.ChildId == s.ChildId && e.SchoolId == first) })
            .ToListAsync(ct);
        var chosen = support.Where(s => s.AtFirst).OrderBy(s => s.ChildId).Take(3)
            .Concat(support.Where(s => !s.AtFirst).OrderBy(s => s.ChildId).Take(Assessments.Length * 2))
            .DistinctBy(s => s.ChildId).Take(Assessments.Length * 2).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            var (daysAgo, stage, late, exception) = Assessments[i % Assessments.Length];
            daysAgo += i / Assessments.Length * 3;
            var requested = today.AddDays(-daysAgo);
            var a = new EhcNeedsAssessment
            {
                ChildId = chosen[i].ChildId, RequestedOn = requested, RequestedBy = (AssessmentRequester)(i % 4), CreatedByUserId = officerId,
                CreatedAtUtc = now, UpdatedAtUtc = now, Exception = exception,
                ExceptionNote = exception is null ? null : "Family bereavement; the parent asked for the assessment to pause for a month",
            };
            if (stage != AssessmentStage.AwaitingDecision)
            {
                a.DecidedOn = requested.AddDays(stage == AssessmentStage.NotAssessing ? 41 : 38);
                a.Decision = stage == AssessmentStage.NotAssessing ? AssessmentDecision.NotAssess : AssessmentDecision.Assess;
            }

            if (stage is AssessmentStage.DraftSent or AssessmentStage.PlanIssued)
            {
                a.DraftSentOn = requested.AddDays(late ? 130 : 110);
            }

            if (stage == AssessmentStage.NoPlan)
            {
                a.NoPlanOn = requested.AddDays(105);
            }

            if (stage == AssessmentStage.PlanIssued)
            {
                a.FinalPlanOn = requested.AddDays(late ? 150 : 135);
                var status = await db.ChildStatuses.SingleAsync(s => s.Id == chosen[i].Id, ct);
                status.EndDate = a.FinalPlanOn.Value.AddDays(-1);
                db.ChildStatuses.Add(new ChildStatus
                {
                    ChildId = a.ChildId, Type = ChildStatusType.EhcPlan, StartDate = a.FinalPlanOn.Value, PrimaryNeed = chosen[i].PrimaryNeed, SecondaryNeed = chosen[i].SecondaryNeed,
                });
            }

            db.EhcNeedsAssessments.Add(a);
        }

        // Annual reviews for children with plans: one recorded last year, one with an amendment pending; others left due or overdue.
        var plans = await db.ChildStatuses.AsNoTracking()
            .Where(s => s.Type == ChildStatusType.EhcPlan && s.StartDate <= today.AddYears(-1) && s.EndDate == null)
            .OrderBy(s => s.ChildId).Select(s => new { s.ChildId, s.StartDate }).Take(6).ToListAsync(ct);
        for (var i = 0; i < plans.Count; i++)
        {
            var meeting = i switch { 0 => today.AddMonths(-11), 1 => today.AddDays(-40), _ => (DateOnly?)null };
            if (meeting is DateOnly m && m > plans[i].StartDate)
            {
                db.EhcAnnualReviews.Add(new EhcAnnualReview
                {
                    ChildId = plans[i].ChildId, MeetingOn = m, NoticeSentOn = m.AddDays(-16), ReportSentOn = m.AddDays(10), DecidedOn = m.AddDays(20),
                    Outcome = i == 0 ? ReviewOutcome.Maintain : ReviewOutcome.Amend, ProposedAmendmentsSentOn = i == 1 ? m.AddDays(21) : null,
                    CreatedByUserId = officerId, CreatedAtUtc = now,
                });
            }
        }

        // This year's phase transfers: Year 6 pupils with plans at primaries; the first few recorded, amended or not.
        var year = AcademicYear.Containing(today);
        var transferOn = PhaseTransfers.SeptemberTransferAfter(year);
        var withPlans = await db.Children.AsNoTracking()
            .Where(c => c.Statuses.Any(s => s.Type == ChildStatusType.EhcPlan && s.EndDate == null))
            .Select(c => new { c.Id, c.DateOfBirth, c.YearGroupOffset, Phase = c.Enrolments.AsQueryable().Where(current).Select(e => (SchoolPhase?)e.School!.Phase).FirstOrDefault() })
            .ToListAsync(ct);
        var movers = withPlans.Where(c => c.Phase == SchoolPhase.Primary && NationalCurriculumYear.ForChild(c.DateOfBirth, year, c.YearGroupOffset)?.Value == 6)
            .OrderBy(c => c.Id).Take(4).ToList();
        var secondary = schools.FirstSecondary.Entity.Id;
        for (var i = 0; i < movers.Count; i++)
        {
            var due = PhaseTransfers.DeadlineFor(PhaseTransferKind.PrimaryToSecondary, transferOn);
            db.EhcPhaseTransfers.Add(new EhcPhaseTransfer
            {
                ChildId = movers[i].Id, Kind = PhaseTransferKind.PrimaryToSecondary, TransferOn = transferOn, DueOn = due,
                NewSchoolId = i < 3 ? secondary : null, AmendedOn = i == 0 ? (today < due ? today.AddDays(-3) : due.AddDays(-10)) : null,
                CreatedByUserId = officerId, CreatedAtUtc = now,
            });
        }

        // A young person moving between post-16 institutions in the spring: due five months before (reg 18(2)).
        var post16 = withPlans.Where(c => NationalCurriculumYear.ForChild(c.DateOfBirth, year, c.YearGroupOffset)?.Value is 12 or 13)
            .OrderBy(c => c.Id).FirstOrDefault(c => movers.All(m => m.Id != c.Id));
        if (post16 is not null)
        {
            var moveOn = today.AddMonths(6);
            db.EhcPhaseTransfers.Add(new EhcPhaseTransfer
            {
                ChildId = post16.Id, Kind = PhaseTransferKind.Post16ToPost16, TransferOn = moveOn, DueOn = PhaseTransfers.DeadlineFor(PhaseTransferKind.Post16ToPost16, moveOn),
                CreatedByUserId = officerId, CreatedAtUtc = now,
            });
        }

        // Plans from other LAs: one letter sent, one late.
        var incoming = plans.Skip(2).Select(p => p.ChildId).Take(2).ToList();
        for (var i = 0; i < incoming.Count; i++)
        {
            var transferred = today.AddDays(i == 0 ? -90 : -50);
            db.EhcLaTransfers.Add(new EhcLaTransfer
            {
                ChildId = incoming[i], FromLocalAuthority = i == 0 ? "Northshire County Council" : "Westbrook Borough Council", TransferredOn = transferred,
                LetterSentOn = i == 0 ? transferred.AddDays(30) : null, CreatedByUserId = officerId, CreatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress?.Report($"EHC pathway: {chosen.Count} needs assessments, {movers.Count} phase transfers");
    }
}
