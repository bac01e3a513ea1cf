using Waymark.Domain.Calendar;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Entities;

/// <summary>
/// One child's journey through the transition programme, for the academic year in which they are
/// in Year 6. Proposed by Waymark from the LA's criteria, then confirmed or removed by an officer.
/// </summary>
public class Transition
{
    public Guid Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>Start year of the academic year in which the child is in Year 6.</summary>
    public int CohortYear { get; set; }

    public AcademicYear Year6 => new(CohortYear);

    public DateOnly MoveDate => CohortYears.MoveDate(Year6);

    /// <summary>The primary school the child was on the roll of when proposed.</summary>
    public int? SendingSchoolId { get; set; }

    public School? SendingSchool { get; set; }

    public CohortDecision Decision { get; set; }

    /// <summary>The criteria the child met, e.g. "Child protection plan".</summary>
    public required string ProposedBecause { get; set; }

    public DateTime ProposedAtUtc { get; set; }

    public string? DecisionReason { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public int? DestinationSchoolId { get; set; }

    public School? DestinationSchool { get; set; }

    public DestinationStatus? DestinationStatus { get; set; }

    public List<DestinationChange> DestinationChanges { get; set; } = [];

    public List<TransitionProfileSection> Sections { get; set; } = [];

    public List<SupportPlanAction> SupportActions { get; set; } = [];

    public List<PcpMeeting> Meetings { get; set; } = [];

    public List<FollowUpReview> FollowUps { get; set; } = [];

    /// <summary>Shares of this transition with receiving schools, in force or ended.</summary>
    public List<InformationShare> Shares { get; set; } = [];
}

/// <summary>Each change of destination school or status, so a changed preference is never lost.</summary>
public class DestinationChange
{
    public long Id { get; set; }

    public Guid TransitionId { get; set; }

    public int? SchoolId { get; set; }

    public School? School { get; set; }

    public DestinationStatus? Status { get; set; }

    public string? Note { get; set; }

    public required string ChangedByUserId { get; set; }

    public WaymarkUser? ChangedBy { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>The LA's choice of who the programme proposes. One row; absent means the default (CIN and CP).</summary>
public class TransitionCohortSettings
{
    public int Id { get; set; }

    public bool ChildInNeed { get; set; } = true;

    public bool ChildProtection { get; set; } = true;

    public bool LookedAfter { get; set; }

    public bool EhcPlan { get; set; }

    public bool SenSupport { get; set; }

    public bool EarlyHelp { get; set; }

    public bool AnyChildWithSocialWorker { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }

    public CohortCriteria ToCriteria() =>
        new(ChildInNeed, ChildProtection, LookedAfter, EhcPlan, SenSupport, EarlyHelp, AnyChildWithSocialWorker);
}
