using Waymark.Domain.Attendance;

namespace Waymark.Data.Entities;

/// <summary>
/// A reduced (part-time) timetable agreed by a school and a parent (standards §4.2). Recorded by the child's
/// school; ended when the child returns to full time.
/// </summary>
public class ReducedTimetable
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>The school that agreed it: the child's school when it was recorded.</summary>
    public int SchoolId { get; set; }

    public School? School { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly PlannedEndDate { get; set; }

    /// <summary>Hours a week at the start; reviews may change them (see <see cref="CurrentHoursPerWeek"/>).</summary>
    public decimal HoursPerWeek { get; set; }

    public ReducedTimetableReason Reason { get; set; }

    public string? ReasonDetail { get; set; }

    /// <summary>Who agreed, e.g. "Kerry Clarke (mother)".</summary>
    public required string ParentAgreedBy { get; set; }

    public DateOnly ParentAgreedOn { get; set; }

    /// <summary>Steps back to full-time education, with dates. Required when recorded here; empty only in data from elsewhere.</summary>
    public string? PlanToFullTime { get; set; }

    public bool EarlyHelpConsidered { get; set; }

    public string? EarlyHelpOutcome { get; set; }

    public DateOnly? SocialWorkerInformedOn { get; set; }

    /// <summary>The day the child returned to full time; null while the timetable runs.</summary>
    public DateOnly? EndedOn { get; set; }

    public string? EndNote { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<ReducedTimetableReview> Reviews { get; set; } = [];

    public ReducedTimetableReview? LatestReview => Reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).FirstOrDefault();

    public decimal CurrentHoursPerWeek =>
        Reviews.Where(r => r.NewHoursPerWeek is not null).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id)
            .Select(r => r.NewHoursPerWeek).FirstOrDefault() ?? HoursPerWeek;

    /// <summary>What the checks need; reviews must be loaded.</summary>
    public ReducedTimetableState ToState(bool hasSocialWorker) =>
        new(StartDate, PlannedEndDate, EndedOn, PlanToFullTime, LatestReview?.ReviewedOn, LatestReview?.NextReviewOn, hasSocialWorker, SocialWorkerInformedOn);
}

/// <summary>A review of a reduced timetable with the pupil and parents.</summary>
public class ReducedTimetableReview
{
    public int Id { get; set; }

    public int ReducedTimetableId { get; set; }

    public ReducedTimetable? ReducedTimetable { get; set; }

    public DateOnly ReviewedOn { get; set; }

    public required string Attendees { get; set; }

    public required string Outcome { get; set; }

    /// <summary>Hours a week from this review on; null when unchanged.</summary>
    public decimal? NewHoursPerWeek { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public string? RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
