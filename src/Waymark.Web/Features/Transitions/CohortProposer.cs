using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Transitions;

public sealed record CohortProposal(int Proposed, int AlreadyInProgramme, CohortCriteria Criteria);

/// <summary>
/// Proposes this academic year's cohort: children on a roll in Years 5 and 6 who meet the LA's
/// criteria. Running it again only adds children who have newly come to qualify; a child already
/// proposed, confirmed or removed for their Year 6 is left as the officer decided.
/// </summary>
public sealed class CohortProposer(WaymarkDbContext db, Auditor auditor)
{
    public async Task<CohortCriteria> CriteriaAsync(CancellationToken ct = default) =>
        (await db.TransitionCohortSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct))?.ToCriteria() ?? CohortCriteria.Default;

    public async Task<CohortProposal> ProposeAsync(DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        var criteria = await CriteriaAsync(ct);
        var current = AcademicYear.Containing(today);
        if (criteria.IsEmpty)
        {
            return new CohortProposal(0, 0, criteria);
        }

        // Chronological Years 4 to 7, so that children taught a year out of their age group are found too.
        var bornFrom = new DateOnly(current.StartYear - 12, 9, 1);
        var bornTo = new DateOnly(current.StartYear - 8, 8, 31);
        var statuses = criteria.QualifyingStatuses();
        var anySocialWorker = criteria.AnyChildWithSocialWorker;
        var currentEnrolment = CurrentOn.Enrolment(today);
        var currentStatus = CurrentOn.Status(today);
        var currentKeyPerson = CurrentOn.KeyPerson(today);

        var candidates = await db.Children.AsNoTracking()
            .Where(c => c.DateOfBirth >= bornFrom && c.DateOfBirth <= bornTo)
            .Where(c => c.Enrolments.AsQueryable().Where(currentEnrolment).Any())
            .Where(c => c.Statuses.AsQueryable().Where(currentStatus).Any(s => statuses.Contains(s.Type))
                || (anySocialWorker && c.KeyPeople.AsQueryable().Where(currentKeyPerson).Any(k => k.Role == KeyPersonRole.SocialWorker)))
            .Select(c => new
            {
                c.Id,
                c.DateOfBirth,
                c.YearGroupOffset,
                Statuses = c.Statuses.AsQueryable().Where(currentStatus).Select(s => s.Type).ToList(),
                HasSocialWorker = c.KeyPeople.AsQueryable().Where(currentKeyPerson).Any(k => k.Role == KeyPersonRole.SocialWorker),
                School = c.Enrolments.AsQueryable().Where(currentEnrolment)
                    .OrderBy(e => e.Type == EnrolmentType.DualSubsidiary).Select(e => (int?)e.SchoolId).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var existing = (await db.Transitions.AsNoTracking()
                .Where(t => t.CohortYear >= current.StartYear)
                .Select(t => new { t.ChildId, t.CohortYear }).ToListAsync(ct))
            .Select(t => (t.ChildId, t.CohortYear)).ToHashSet();

        var proposed = 0;
        var already = 0;
        foreach (var child in candidates)
        {
            var year = NationalCurriculumYear.ForChild(child.DateOfBirth, current, child.YearGroupOffset);
            if (!CohortCriteria.IsCohortYear(year))
            {
                continue;
            }

            var hasSocialWorker = child.HasSocialWorker || child.Statuses.Any(ChildStatusTypes.HasSocialWorker);
            var reasons = criteria.ReasonsFor(child.Statuses, hasSocialWorker);
            if (reasons.Count == 0)
            {
                continue;
            }

            var cohortYear = CohortYears.Year6For(year!.Value, current).StartYear;
            if (!existing.Add((child.Id, cohortYear)))
            {
                already++;
                continue;
            }

            db.Transitions.Add(new Transition
            {
                Id = Guid.NewGuid(),
                ChildId = child.Id,
                CohortYear = cohortYear,
                SendingSchoolId = child.School,
                Decision = CohortDecision.Proposed,
                ProposedBecause = string.Join(", ", reasons),
                ProposedAtUtc = nowUtc,
            });
            proposed++;
        }

        auditor.Record(AuditActions.CohortProposed, detail: $"{proposed} children proposed for {current} ({already} already in the programme), criteria: {criteria.Describe()}");
        await db.SaveChangesAsync(ct);
        return new CohortProposal(proposed, already, criteria);
    }
}
