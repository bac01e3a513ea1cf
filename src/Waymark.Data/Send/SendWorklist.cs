using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Send;

namespace Waymark.Data.Send;

/// <summary>One statutory step that is due for a child.</summary>
public sealed record SendWorkItem(Guid ChildId, string ChildName, string? SchoolName, string What, DateOnly DueOn, int DaysLeft, bool Overdue, bool Excused);

/// <summary>A child due a phase transfer in this year's round, with where the amendment stands.</summary>
public sealed record PhaseTransferRow(
    Guid ChildId, string ChildName, string? SchoolName, NcYear? Year, PhaseTransferKind Kind, DateOnly TransferOn, DateOnly DueOn,
    string? NewSchoolName, DateOnly? AmendedOn, int DaysLeft, bool Recorded, Guid? TransitionId)
{
    public bool AmendedInTime => PhaseTransfers.AmendedInTime(DueOn, AmendedOn);

    public bool Overdue => AmendedOn is null && DaysLeft < 0;
}

/// <summary>
/// The SEN team's worklist and this year's phase transfers, for the children the user may see (<see cref="ChildScoping"/>):
/// the LA's cohort for an SEN case officer, the school's own pupils for a SENCo.
/// </summary>
public static class SendWorklist
{
    public static async Task<IReadOnlyList<SendWorkItem>> ForAsync(WaymarkDbContext db, UserScope scope, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = db.Children.VisibleTo(db, scope, today).Select(c => c.Id);
        var items = new List<(Guid ChildId, string What, DateOnly Due, bool Excused)>();

        var open = await db.EhcNeedsAssessments.AsNoTracking()
            .Where(a => a.FinalPlanOn == null && a.NoPlanOn == null && a.Decision != AssessmentDecision.NotAssess && visible.Contains(a.ChildId))
            .ToListAsync(ct);
        foreach (var a in open)
        {
            var reading = NeedsAssessmentClock.Read(a.Dates(), today);
            if (reading.DueOn is DateOnly due)
            {
                items.Add((a.ChildId, reading.NextStep, due, reading.Excused));
            }
        }

        var plans = await db.ChildStatuses.AsNoTracking()
            .Where(s => s.Type == ChildStatusType.EhcPlan && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today) && visible.Contains(s.ChildId))
            .Select(s => new { s.ChildId, s.StartDate }).ToListAsync(ct);
        var planChildren = plans.Select(p => p.ChildId).Distinct().ToList();
        var reviews = await db.EhcAnnualReviews.AsNoTracking().Where(r => visible.Contains(r.ChildId)).ToListAsync(ct);
        foreach (var plan in plans.GroupBy(p => p.ChildId).Select(g => g.MaxBy(p => p.StartDate)!))
        {
            var last = reviews.Where(r => r.ChildId == plan.ChildId && r.MeetingOn >= plan.StartDate).Select(r => (DateOnly?)r.MeetingOn).Max();
            items.Add((plan.ChildId, "Annual review", AnnualReviews.DueOn(plan.StartDate, last), false));
        }

        foreach (var r in reviews)
        {
            if (r.DecidedOn is null)
            {
                items.Add((r.ChildId, "Decide after the annual review", AnnualReviews.DecisionDueOn(r.MeetingOn), false));
            }
            else if (r is { Outcome: ReviewOutcome.Amend, ProposedAmendmentsSentOn: DateOnly sent, AmendedPlanOn: null })
            {
                items.Add((r.ChildId, "Issue the amended plan", AnnualReviews.AmendedPlanDueOn(sent), false));
            }
        }

        var transfers = await db.EhcLaTransfers.AsNoTracking().Where(t => t.LetterSentOn == null && visible.Contains(t.ChildId)).ToListAsync(ct);
        items.AddRange(transfers.Select(t => (t.ChildId, $"Write to the family about the plan from {t.FromLocalAuthority}", EhcTimescales.TransferLetterDueOn(t.TransferredOn), false)));

        var names = await NamesAsync(db, items.Select(i => i.ChildId).Distinct().ToList(), today, ct);
        return items
            .Select(i => new SendWorkItem(i.ChildId, names[i.ChildId].Name, names[i.ChildId].School, i.What, i.Due,
                EhcTimescales.DaysLeft(i.Due, today), !i.Excused && EhcTimescales.IsOverdue(i.Due, today), i.Excused))
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn).ThenBy(i => i.ChildName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every child the user may see with an EHC plan who moves phase in this year's round (the September after the
    /// academic year containing <paramref name="today"/>), and any other recorded move still to come before it (a move
    /// between post-16 institutions in the year): those recorded by the SEN team and those implied by their year group
    /// and school.
    /// </summary>
    public static async Task<IReadOnlyList<PhaseTransferRow>> PhaseTransfersAsync(WaymarkDbContext db, UserScope scope, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = AcademicYear.Containing(today);
        var transferOn = PhaseTransfers.SeptemberTransferAfter(year);
        var visible = db.Children.VisibleTo(db, scope, today).Select(c => c.Id);
        var recorded = await db.EhcPhaseTransfers.AsNoTracking().Include(t => t.NewSchool)
            .Where(t => (t.TransferOn.Year == transferOn.Year || (t.TransferOn >= today && t.TransferOn < transferOn)) && visible.Contains(t.ChildId)).ToListAsync(ct);
        var currentEnrolment = CurrentOn.Enrolment(today);
        var withPlans = await db.Children.AsNoTracking()
            .Where(c => visible.Contains(c.Id) && c.Statuses.Any(s => s.Type == ChildStatusType.EhcPlan && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)))
            .Select(c => new { c.Id, c.DateOfBirth, c.YearGroupOffset, School = c.Enrolments.AsQueryable().Where(currentEnrolment).Select(e => new { e.School!.Name, e.School.Phase }).FirstOrDefault() })
            .ToListAsync(ct);
        var implied = withPlans
            .Select(c => (c.Id, Kind: NationalCurriculumYear.ForChild(c.DateOfBirth, year, c.YearGroupOffset) is NcYear y && c.School is not null
                ? PhaseTransfers.ExpectedAfter(y, c.School.Phase) : null))
            .Where(c => c.Kind is not null && recorded.All(r => r.ChildId != c.Id))
            .ToList();

        var ids = recorded.Select(r => r.ChildId).Concat(implied.Select(i => i.Id)).Distinct().ToList();
        var names = await NamesAsync(db, ids, today, ct);
        var transitions = await db.Transitions.AsNoTracking().Where(t => ids.Contains(t.ChildId) && t.CohortYear == year.StartYear)
            .Select(t => new { t.ChildId, t.Id }).ToListAsync(ct);
        var births = withPlans.ToDictionary(c => c.Id, c => (c.DateOfBirth, c.YearGroupOffset));
        PhaseTransferRow Row(Guid id, PhaseTransferKind kind, DateOnly on, DateOnly due, string? school, DateOnly? amended, bool isRecorded) =>
            new(id, names[id].Name, names[id].School,
                births.TryGetValue(id, out var b) ? NationalCurriculumYear.ForChild(b.DateOfBirth, year, b.YearGroupOffset) : names[id].Year,
                kind, on, due, school, amended, EhcTimescales.DaysLeft(due, today), isRecorded,
                transitions.FirstOrDefault(t => t.ChildId == id)?.Id);

        return recorded.Select(r => Row(r.ChildId, r.Kind, r.TransferOn, r.DueOn, r.NewSchool?.Name, r.AmendedOn, true))
            .Concat(implied.Select(i => Row(i.Id, i.Kind!.Value, transferOn, PhaseTransfers.DeadlineFor(i.Kind.Value, transferOn), null, null, false)))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.AmendedOn is not null).ThenBy(r => r.DueOn).ThenBy(r => r.ChildName, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<Dictionary<Guid, (string Name, string? School, NcYear? Year)>> NamesAsync(WaymarkDbContext db, List<Guid> ids, DateOnly today, CancellationToken ct)
    {
        var currentEnrolment = CurrentOn.Enrolment(today);
        var year = AcademicYear.Containing(today);
        var rows = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.LegalForename, c.LegalSurname, c.PreferredForename, c.PreferredSurname, c.DateOfBirth, c.YearGroupOffset,
                School = c.Enrolments.AsQueryable().Where(currentEnrolment).Select(e => e.School!.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (
            $"{r.PreferredForename ?? r.LegalForename} {r.PreferredSurname ?? r.LegalSurname}",
            (string?)r.School,
            NationalCurriculumYear.ForChild(r.DateOfBirth, year, r.YearGroupOffset)));
    }
}
