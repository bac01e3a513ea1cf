using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;

namespace Waymark.Data.Entities;

/// <summary>
/// One action of the LA's time-lost-from-school strategy action plan (seed 002, appendix 1): what will be done, under
/// which of the plan's headings, over what timescale and who leads it. Names no child.
/// </summary>
public class PlanAction
{
    public int Id { get; set; }

    /// <summary>The action's number in the plan, as the LA refers to it ("action 12").</summary>
    public int Number { get; set; }

    public ActionPriority Priority { get; set; }

    /// <summary>The action, e.g. "Studybugs: data is reflected back to schools".</summary>
    public required string Title { get; set; }

    /// <summary>Free text: "2021/22 to 2023/24", "Ongoing".</summary>
    public string? Timescale { get; set; }

    /// <summary>A person, team or organisation, as the plan writes it ("Salterns Academy Trust").</summary>
    public string? Lead { get; set; }

    public List<PlanMilestone> Milestones { get; set; } = [];

    public List<PlanActionProgress> Progress { get; set; } = [];
}

/// <summary>A step towards an action, with the date it should be reached by and, once reached, when.</summary>
public class PlanMilestone
{
    public int Id { get; set; }

    public int PlanActionId { get; set; }

    public PlanAction? PlanAction { get; set; }

    public required string Text { get; set; }

    public DateOnly TargetDate { get; set; }

    public DateOnly? CompletedOn { get; set; }
}

/// <summary>An action's red, amber or green rating for one school term, with a note of progress.</summary>
public class PlanActionProgress
{
    public int Id { get; set; }

    public int PlanActionId { get; set; }

    public PlanAction? PlanAction { get; set; }

    /// <summary>The academic year by its start year (2021 is 2021/22).</summary>
    public int AcademicYear { get; set; }

    public TermName Term { get; set; }

    public Rag Rag { get; set; }

    public string? Note { get; set; }

    public string? UpdatedByUserId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// The plan's reporting line (seed 002 §36–37): the group that monitors it and the board it reports to termly. One
/// row; the pages create it on first save.
/// </summary>
public class ActionPlanSettings
{
    public int Id { get; set; }

    public required string MonitoringGroup { get; set; }

    public required string ReportsTo { get; set; }
}
