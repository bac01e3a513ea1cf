namespace Waymark.Domain.Adulthood;

/// <summary>The four Preparing for Adulthood outcomes of the SEND Code of Practice (chapter 8).</summary>
public enum PfaOutcome
{
    Employment,
    IndependentLiving,
    CommunityInclusion,
    Health,
}

/// <summary>Where a checklist item stands.</summary>
public enum PfaItemStatus
{
    NotStarted,
    InProgress,
    Done,

    /// <summary>Agreed with the young person and family not to apply (for example, already travels independently).</summary>
    NotNeeded,
}

/// <summary>What Adult Social Care's assessment found (Care Act 2014 eligibility).</summary>
public enum AscOutcome
{
    Eligible,

    /// <summary>Not eligible for statutory support: the strategy's group "not eligible for statutory support" (seed 004).</summary>
    NotEligible,
}

/// <summary>A care leaver's education, employment or training (EET) status.</summary>
public enum EetStatus
{
    Education,
    Employment,
    Training,
    NotInEducationEmploymentOrTraining,
    Unknown,
}

/// <summary>The cohort view's age bands.</summary>
public enum PfaAgeBand
{
    FourteenToSixteen,
    SeventeenToEighteen,
    NineteenToTwentyOne,
    TwentyTwoToTwentyFive,
}

/// <summary>The two groups of care leavers the council reports on (seed 004: "aged 18–21 and 21+").</summary>
public enum CareLeaverBand
{
    EighteenToTwenty,
    TwentyOneToTwentyFive,
}
