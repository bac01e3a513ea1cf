using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Send;

namespace Waymark.Data.Send;

/// <summary>Everything about one child's EHC pathway, with the clock read for today. The caller has already checked access.</summary>
public sealed class SendCase
{
    public required DateOnly Today { get; init; }

    /// <summary>The EHC plan in force today, from the child's statuses.</summary>
    public ChildStatus? CurrentPlan { get; init; }

    public ChildStatus? CurrentSenSupport { get; init; }

    /// <summary>Latest request first.</summary>
    public required IReadOnlyList<EhcNeedsAssessment> Assessments { get; init; }

    /// <summary>Latest meeting first.</summary>
    public required IReadOnlyList<EhcAnnualReview> Reviews { get; init; }

    public required IReadOnlyList<EhcPhaseTransfer> PhaseTransfers { get; init; }

    public required IReadOnlyList<EhcLaTransfer> LaTransfers { get; init; }

    public EhcNeedsAssessment? Latest => Assessments.Count > 0 ? Assessments[0] : null;

    /// <summary>The latest assessment's clock, when there is one.</summary>
    public ClockReading? Clock => Latest is null ? null : NeedsAssessmentClock.Read(Latest.Dates(), Today);

    /// <summary>The next annual review: 12 months from the plan or the last review meeting, while a plan is in force.</summary>
    public DateOnly? ReviewDueOn => CurrentPlan is null
        ? null
        : AnnualReviews.DueOn(CurrentPlan.StartDate, Reviews.Where(r => r.MeetingOn >= CurrentPlan.StartDate).Select(r => (DateOnly?)r.MeetingOn).FirstOrDefault());

    public static async Task<SendCase> LoadAsync(WaymarkDbContext db, Guid childId, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statuses = await db.ChildStatuses.AsNoTracking()
            .Where(s => s.ChildId == childId && (s.Type == ChildStatusType.EhcPlan || s.Type == ChildStatusType.SenSupport))
            .ToListAsync(ct);
        return new SendCase
        {
            Today = today,
            CurrentPlan = statuses.Where(s => s.Type == ChildStatusType.EhcPlan && s.IsCurrentOn(today)).OrderByDescending(s => s.StartDate).FirstOrDefault(),
            CurrentSenSupport = statuses.Where(s => s.Type == ChildStatusType.SenSupport && s.IsCurrentOn(today)).OrderByDescending(s => s.StartDate).FirstOrDefault(),
            Assessments = await db.EhcNeedsAssessments.AsNoTracking().Where(a => a.ChildId == childId)
                .OrderByDescending(a => a.RequestedOn).ThenByDescending(a => a.CreatedAtUtc).ToListAsync(ct),
            Reviews = await db.EhcAnnualReviews.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.MeetingOn).ToListAsync(ct),
            PhaseTransfers = await db.EhcPhaseTransfers.AsNoTracking().Include(t => t.NewSchool).Where(t => t.ChildId == childId)
                .OrderByDescending(t => t.TransferOn).ToListAsync(ct),
            LaTransfers = await db.EhcLaTransfers.AsNoTracking().Where(t => t.ChildId == childId).OrderByDescending(t => t.TransferredOn).ToListAsync(ct),
        };
    }
}
