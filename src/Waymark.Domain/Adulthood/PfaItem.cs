namespace Waymark.Domain.Adulthood;

/// <summary>The items of the Preparing for Adulthood checklist (seed 004's checklist approach from age 14).</summary>
public enum PfaItem
{
    PlanningStarted,
    InformationGivenToFamily,
    IndependentTravelTraining,
    HealthTransition,
    AscEligibilityConsidered,
    AscReferralMade,
    HousingPathwayInformation,
    AscAssessmentOutcome,
    EmploymentOrEducationProgramme,
}

/// <summary>What each checklist item is, which outcomes it serves and at what age it falls due.</summary>
public static class PfaItems
{
    /// <summary>In the order they fall due.</summary>
    public static IReadOnlyList<PfaItem> All { get; } = Enum.GetValues<PfaItem>().AsReadOnly();

    public static string DisplayName(PfaItem item) => item switch
    {
        PfaItem.PlanningStarted => "Preparing for adulthood planning started",
        PfaItem.InformationGivenToFamily => "Information given to the family",
        PfaItem.IndependentTravelTraining => "Independent travel training",
        PfaItem.HealthTransition => "Health transition to adult services",
        PfaItem.AscEligibilityConsidered => "Adult Social Care checklist: eligibility considered",
        PfaItem.AscReferralMade => "Adult Social Care checklist: referral made",
        PfaItem.HousingPathwayInformation => "Housing pathway information",
        PfaItem.AscAssessmentOutcome => "Adult Social Care checklist: assessment outcome",
        PfaItem.EmploymentOrEducationProgramme => "Employment or education programme",
        _ => throw Unknown(item),
    };

    /// <summary>The kebab-case name used in addresses.</summary>
    public static string Slug(PfaItem item) => item switch
    {
        PfaItem.PlanningStarted => "planning-started",
        PfaItem.InformationGivenToFamily => "information-for-family",
        PfaItem.IndependentTravelTraining => "travel-training",
        PfaItem.HealthTransition => "health-transition",
        PfaItem.AscEligibilityConsidered => "asc-eligibility",
        PfaItem.AscReferralMade => "asc-referral",
        PfaItem.HousingPathwayInformation => "housing-pathway",
        PfaItem.AscAssessmentOutcome => "asc-assessment",
        PfaItem.EmploymentOrEducationProgramme => "employment-programme",
        _ => throw Unknown(item),
    };

    public static bool TryParseSlug(string? slug, out PfaItem item)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Slug(candidate), slug, StringComparison.Ordinal))
            {
                item = candidate;
                return true;
            }
        }

        item = default;
        return false;
    }

    /// <summary>
    /// The PfA outcomes an item serves. Planning and information for the family serve all four; the others the outcome
    /// they prepare for.
    /// </summary>
    public static IReadOnlyList<PfaOutcome> Outcomes(PfaItem item) => item switch
    {
        PfaItem.PlanningStarted or PfaItem.InformationGivenToFamily => Enum.GetValues<PfaOutcome>(),
        PfaItem.IndependentTravelTraining => [PfaOutcome.CommunityInclusion, PfaOutcome.IndependentLiving],
        PfaItem.HealthTransition => [PfaOutcome.Health],
        PfaItem.AscEligibilityConsidered or PfaItem.AscReferralMade or PfaItem.AscAssessmentOutcome => [PfaOutcome.IndependentLiving],
        PfaItem.HousingPathwayInformation => [PfaOutcome.IndependentLiving],
        PfaItem.EmploymentOrEducationProgramme => [PfaOutcome.Employment],
        _ => throw Unknown(item),
    };

    public static string DisplayName(PfaOutcome outcome) => outcome switch
    {
        PfaOutcome.Employment => "Employment",
        PfaOutcome.IndependentLiving => "Independent living",
        PfaOutcome.CommunityInclusion => "Friends, relationships and community inclusion",
        PfaOutcome.Health => "Good health",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static string DisplayName(PfaItemStatus status) => status switch
    {
        PfaItemStatus.NotStarted => "Not started",
        PfaItemStatus.InProgress => "In progress",
        PfaItemStatus.Done => "Done",
        PfaItemStatus.NotNeeded => "Not needed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static string DisplayName(AscOutcome outcome) => outcome switch
    {
        AscOutcome.Eligible => "Eligible for Adult Social Care support",
        AscOutcome.NotEligible => "Not eligible for Adult Social Care support",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static string DisplayName(EetStatus status) => status switch
    {
        EetStatus.Education => "In education",
        EetStatus.Employment => "In employment",
        EetStatus.Training => "In training",
        EetStatus.NotInEducationEmploymentOrTraining => "Not in education, employment or training",
        EetStatus.Unknown => "Not known",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>
    /// The age (years, months) by which an item should be done. Planning and the family's information at 14, when the
    /// checklist starts in earnest (seed 004: "planning from age 14"); travel training during key stage 4; health and the
    /// Adult Social Care eligibility question at 16, so that a Care Act transition assessment (s58) can be done before 18;
    /// the referral and housing information at 17; the assessment's outcome by 17½, six months before adult services take
    /// over at 18; an employment or education programme from 19, after school-leaving age.
    /// </summary>
    public static (int Years, int Months) DueAge(PfaItem item) => item switch
    {
        PfaItem.PlanningStarted or PfaItem.InformationGivenToFamily => (14, 0),
        PfaItem.IndependentTravelTraining => (15, 0),
        PfaItem.HealthTransition or PfaItem.AscEligibilityConsidered => (16, 0),
        PfaItem.AscReferralMade or PfaItem.HousingPathwayInformation => (17, 0),
        PfaItem.AscAssessmentOutcome => (17, 6),
        PfaItem.EmploymentOrEducationProgramme => (19, 0),
        _ => throw Unknown(item),
    };

    public static string DisplayName(PfaAgeBand band) => band switch
    {
        PfaAgeBand.FourteenToSixteen => "14 to 16",
        PfaAgeBand.SeventeenToEighteen => "17 to 18",
        PfaAgeBand.NineteenToTwentyOne => "19 to 21",
        PfaAgeBand.TwentyTwoToTwentyFive => "22 to 25",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band."),
    };

    public static string DisplayName(CareLeaverBand band) => band switch
    {
        CareLeaverBand.EighteenToTwenty => "18 to 21 (under 21)",
        CareLeaverBand.TwentyOneToTwentyFive => "21 to 25",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band."),
    };

    private static ArgumentOutOfRangeException Unknown(PfaItem item) => new(nameof(item), item, "Unknown checklist item.");
}
