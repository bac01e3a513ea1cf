using Waymark.Domain.Send;

namespace Waymark.Data.Entities;

/// <summary>Who asked the LA for an EHC needs assessment (CFA 2014 s36: the parent, the young person, or a school or other professional).</summary>
public enum AssessmentRequester
{
    Parent,
    YoungPerson,
    School,
    OtherProfessional,
}

/// <summary>An EHC needs assessment, from the request to the final plan, with the statutory clock's dates.</summary>
public class EhcNeedsAssessment
{
    public Guid Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>The day the LA received the request: every deadline counts from it.</summary>
    public DateOnly RequestedOn { get; set; }

    public AssessmentRequester RequestedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public AssessmentDecision? Decision { get; set; }

    public DateOnly? DraftSentOn { get; set; }

    public DateOnly? FinalPlanOn { get; set; }

    /// <summary>The LA decided after assessing not to issue a plan (reg 10).</summary>
    public DateOnly? NoPlanOn { get; set; }

    /// <summary>A reg 13(3) exception that excuses the deadline, with what happened.</summary>
    public TimescaleException? Exception { get; set; }

    public string? ExceptionNote { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public NeedsAssessmentDates Dates() => new(RequestedOn, DecidedOn, Decision, DraftSentOn, FinalPlanOn, NoPlanOn, Exception);
}

/// <summary>An annual review of a child's EHC plan: the meeting, its notice and report, and the LA's decision.</summary>
public class EhcAnnualReview
{
    public Guid Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public DateOnly MeetingOn { get; set; }

    public DateOnly? NoticeSentOn { get; set; }

    public DateOnly? ReportSentOn { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public ReviewOutcome? Outcome { get; set; }

    /// <summary>For an amendment: when the proposed amendments went to the family; the amended plan is due 8 weeks on.</summary>
    public DateOnly? ProposedAmendmentsSentOn { get; set; }

    public DateOnly? AmendedPlanOn { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A child's plan reviewed and amended for a move between phases (reg 18), naming the new school.</summary>
public class EhcPhaseTransfer
{
    public Guid Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public PhaseTransferKind Kind { get; set; }

    public DateOnly TransferOn { get; set; }

    /// <summary>15 February (31 March for post-16) of the calendar year of transfer.</summary>
    public DateOnly DueOn { get; set; }

    public int? NewSchoolId { get; set; }

    public School? NewSchool { get; set; }

    /// <summary>The day the amended plan naming the new school was issued.</summary>
    public DateOnly? AmendedOn { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A plan that came from another LA when the family moved (reg 15): the new LA writes to the family within 6 weeks.</summary>
public class EhcLaTransfer
{
    public Guid Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public required string FromLocalAuthority { get; set; }

    public DateOnly TransferredOn { get; set; }

    public DateOnly? LetterSentOn { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
