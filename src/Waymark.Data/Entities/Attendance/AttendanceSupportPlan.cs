namespace Waymark.Data.Entities;

/// <summary>
/// A school-led attendance support plan: the school's own plan for a child's attendance, with a named lead
/// and a review date. The chronic-absence breakdown counts a child with only this as "school-led plan only";
/// a Lead Professional with an early help, CIN, CP or looked-after plan outranks it.
/// </summary>
public class AttendanceSupportPlan
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>Who leads the plan at the school, e.g. the attendance lead's name.</summary>
    public required string LeadName { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public bool IsCurrentOn(DateOnly date) => Access.CurrentOn.Covers(StartedOn, EndedOn, date);
}
