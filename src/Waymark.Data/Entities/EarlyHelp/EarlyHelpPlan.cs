using Waymark.Domain.EarlyHelp;

namespace Waymark.Data.Entities;

/// <summary>
/// A Family Early Help Plan: one family, their consent, their scores on the ten aspects of life, the action plan, and the
/// Team Around the Family's reviews until it closes (002:L2435-L9676).
/// </summary>
public class EarlyHelpPlan
{
    public Guid Id { get; set; }

    public PlanStage Stage { get; set; }

    /// <summary>The family's name as the practitioner refers to it, e.g. "the Khan family".</summary>
    public required string FamilyName { get; set; }

    public TierOfNeed? Tier { get; set; }

    /// <summary>When the inter-agency contact form went to MASH with the assessment (Tier 3, or a review's request).</summary>
    public DateOnly? MashContactOn { get; set; }

    public MashOutcome? MashOutcome { get; set; }

    public DateOnly? MashOutcomeOn { get; set; }

    public string? MashOutcomeNote { get; set; }

    /// <summary>The day the family and Lead Professional agreed the plan: reviews are due six weeks on.</summary>
    public DateOnly? AgreedOn { get; set; }

    /// <summary>Six weeks after the plan or the last review; null until the plan is agreed and once it ends.</summary>
    public DateOnly? ReviewDueOn { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Interpreter, carers, preferred contact, significant adults living elsewhere.</summary>
    public string? UsefulInformation { get; set; }

    /// <summary>The school that leads the plan, when its Lead Professional works at one; its staff see the plan.</summary>
    public int? LeadSchoolId { get; set; }

    public School? LeadSchool { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public ClosureReason? ClosureReason { get; set; }

    /// <summary>For a family that moved away: the school or setting the plan was transferred to, with consent.</summary>
    public string? TransferredTo { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<FamilyMember> Members { get; set; } = [];

    public List<EarlyHelpConsent> Consents { get; set; } = [];

    public List<OtherService> OtherServices { get; set; } = [];

    public List<LeadProfessionalSpell> LeadProfessionals { get; set; } = [];

    public List<SelfAssessment> SelfAssessments { get; set; } = [];

    public List<EarlyHelpAction> Actions { get; set; } = [];

    public List<TafReview> Reviews { get; set; } = [];

    public List<PlanCopy> Copies { get; set; } = [];

    public MaintenancePlan? MaintenancePlan { get; set; }

    /// <summary>The Lead Professional now: the spell without an end.</summary>
    public LeadProfessionalSpell? CurrentLeadProfessional => LeadProfessionals.FirstOrDefault(l => l.EndedOn is null);
}

/// <summary>Someone in the family or who plays a part in its life; an unborn baby is recorded with the expected date of delivery.</summary>
public class FamilyMember
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    public required string Name { get; set; }

    public FamilyRole Role { get; set; }

    /// <summary>Their relationship as the family says it: mum, stepdad, grandmother, son.</summary>
    public required string Relationship { get; set; }

    /// <summary>Date of birth, or for an unborn baby the expected date of delivery.</summary>
    public DateOnly? DateOfBirth { get; set; }

    public bool Unborn { get; set; }

    public string? Gender { get; set; }

    public string? Ethnicity { get; set; }

    public string? Disability { get; set; }

    public bool LivesAtHome { get; set; }

    /// <summary>The child's record in Waymark, when there is one.</summary>
    public Guid? ChildId { get; set; }

    public Child? Child { get; set; }

    /// <summary>Scored on the ten aspects: parents, carers and children are; other significant adults and unborn babies are not.</summary>
    public bool IsAssessed => !Unborn && Role is FamilyRole.ParentOrCarer or FamilyRole.Child;
}

public enum FamilyRole
{
    ParentOrCarer,
    Child,

    /// <summary>Someone who plays a part in the family's life: a grandparent, an older sibling living elsewhere.</summary>
    OtherSignificantPerson,
}

/// <summary>Consent given (or refused) for the plan, by whom, when, and which family members it covers.</summary>
public class EarlyHelpConsent
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    public EarlyHelpConsentKind Kind { get; set; }

    /// <summary>False records that the family said no (for Supporting Families, the plan still goes ahead).</summary>
    public bool Agreed { get; set; }

    /// <summary>The family member who signed: a parent or carer, or a young person from 12.</summary>
    public int GivenByMemberId { get; set; }

    public FamilyMember? GivenBy { get; set; }

    /// <summary>For a young person under 16 signing themselves: the practitioner judged them competent.</summary>
    public bool CompetenceConfirmed { get; set; }

    public DateOnly GivenOn { get; set; }

    /// <summary>The family members the consent covers, as their ids joined with commas.</summary>
    public required string CoversMemberIds { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? WithdrawnNote { get; set; }

    public bool InForce => Agreed && WithdrawnOn is null;

    public IReadOnlyList<int> Covers => [.. CoversMemberIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
}

/// <summary>"Who else is working with our family?"</summary>
public class OtherService
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    public required string Service { get; set; }

    /// <summary>Name and contact details.</summary>
    public required string Contact { get; set; }

    /// <summary>Who in the family they support, and how.</summary>
    public required string WhoAndHow { get; set; }
}

/// <summary>
/// A time someone was the family's Lead Professional: whoever completed the plan until the first review, then the person
/// chosen with the family. A user of Waymark sees the plans they lead; someone without an account is recorded by name.
/// </summary>
public class LeadProfessionalSpell
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    public string? UserId { get; set; }

    public WaymarkUser? User { get; set; }

    public required string Name { get; set; }

    public required string Agency { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The school they work at, for school staff: the school then leads the plan.</summary>
    public int? SchoolId { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    /// <summary>Why they took over: "completed the plan", "chosen with the family at the review of ...".</summary>
    public required string Reason { get; set; }
}

/// <summary>
/// One family member's self-assessment on the ten aspects at one sitting: the plan's (no review) or a review's; with the
/// practitioner's view and, for a child, their own words.
/// </summary>
public class SelfAssessment
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>Null for the assessment the plan was built on.</summary>
    public int? ReviewId { get; set; }

    public int MemberId { get; set; }

    public FamilyMember? Member { get; set; }

    public DateOnly AssessedOn { get; set; }

    public bool PractitionerAgrees { get; set; }

    public string? PractitionerReasons { get; set; }

    /// <summary>What the child said, in the child's own words.</summary>
    public string? InTheirOwnWords { get; set; }

    public required string RecordedByUserId { get; set; }

    public List<AspectScore> Scores { get; set; } = [];

    public List<SelfAssessmentAttachment> Attachments { get; set; } = [];
}

public class AspectScore
{
    public int Id { get; set; }

    public int SelfAssessmentId { get; set; }

    public AspectOfLife Aspect { get; set; }

    /// <summary>0 (really worried) to 10 (all is well); null only for Pregnancy &amp; Early Years marked not applicable.</summary>
    public int? Score { get; set; }

    public string? NotApplicableReason { get; set; }

    public string? WorkingWell { get; set; }

    /// <summary>What could be better, and why.</summary>
    public string? CouldBeBetter { get; set; }
}

/// <summary>A worksheet or drawing the child gave with their views.</summary>
public class SelfAssessmentAttachment
{
    public int Id { get; set; }

    public int SelfAssessmentId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public required string UploadedByUserId { get; set; }
}

public enum ActionState
{
    Open,
    Done,
    NotDone,
}

/// <summary>A SMART action: what and for whom, who will do it, by when, the difference hoped for, and how ready the family is.</summary>
public class EarlyHelpAction
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>The review whose new action plan it belongs to; null for the first plan.</summary>
    public int? AgreedAtReviewId { get; set; }

    public AspectOfLife Aspect { get; set; }

    /// <summary>What action has been agreed, and for whom.</summary>
    public required string What { get; set; }

    /// <summary>Who will do it: the family, a friend, a service.</summary>
    public required string Who { get; set; }

    /// <summary>The Waymark user doing it, when it is one: they are told of the plan and of its closure.</summary>
    public string? ResponsibleUserId { get; set; }

    /// <summary>The school doing it, when it is one (or its member of staff is): the school then contributes to the plan and sees it.</summary>
    public int? ResponsibleSchoolId { get; set; }

    public DateOnly ByWhen { get; set; }

    public required string HopedDifference { get; set; }

    public int Readiness { get; set; }

    public ActionState State { get; set; }

    public string? NotDoneReason { get; set; }

    /// <summary>The review that recorded it done or not done.</summary>
    public int? SettledAtReviewId { get; set; }
}

/// <summary>A Team Around the Family review meeting (002:L6560-L6720).</summary>
public class TafReview
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    public DateOnly HeldOn { get; set; }

    public string? ContactDetailsChanged { get; set; }

    /// <summary>What's happening in our family now: parent and carer views.</summary>
    public required string FamilyProgress { get; set; }

    /// <summary>The child's views, in their words.</summary>
    public string? ChildProgress { get; set; }

    /// <summary>The Team Around the Family's view: support offered, challenges, changes noticed.</summary>
    public required string TafProgress { get; set; }

    public string? NewNeeds { get; set; }

    public ReviewNextStep NextStep { get; set; }

    public ClosureReason? ClosureReason { get; set; }

    /// <summary>For a MASH request: who updates the assessment and completes the inter-agency contact form.</summary>
    public string? MashContactBy { get; set; }

    public string? TransferredTo { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public List<ReviewInvitee> Invitees { get; set; } = [];
}

public class ReviewInvitee
{
    public int Id { get; set; }

    public int ReviewId { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    public string? Contact { get; set; }

    public bool Attended { get; set; }

    /// <summary>For someone who did not attend: they sent a representative or a written update.</summary>
    public bool SentUpdate { get; set; }
}

/// <summary>Someone who was given a copy of the plan (or of a review, or of the closure), and when.</summary>
public class PlanCopy
{
    public int Id { get; set; }

    public Guid PlanId { get; set; }

    public required string RecipientName { get; set; }

    /// <summary>Family member, professional with an action, Link Co-ordinator.</summary>
    public required string RecipientRole { get; set; }

    public required string What { get; set; }

    public DateOnly SentOn { get; set; }

    public string? RecipientUserId { get; set; }

    public required string RecordedByUserId { get; set; }
}

/// <summary>"Maintaining Our Family Plan": what the family keeps when needs are met by universal services (002:L6740-L6790).</summary>
public class MaintenancePlan
{
    public Guid PlanId { get; set; }

    public DateOnly FinalReviewOn { get; set; }

    public required string WhatWeLearnt { get; set; }

    public required string MostUseful { get; set; }

    public required string ActionsToMaintainProgress { get; set; }

    public required string DifficultSituations { get; set; }

    public required string IfThingsBecomeChallenging { get; set; }

    public required string WhoWeCanContact { get; set; }

    public required string KeyContacts { get; set; }
}
