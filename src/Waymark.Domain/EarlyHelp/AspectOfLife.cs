namespace Waymark.Domain.EarlyHelp;

/// <summary>The ten aspects of life a Family Early Help Plan asks each parent, carer and child about (002:L4160-L4420).</summary>
public enum AspectOfLife
{
    Education,
    PregnancyAndEarlyYears,
    HealthAndWellbeing,
    FamilyLife,
    HousingAndHomeEnvironment,
    BasicCare,
    MoneyAndEmployment,
    Safety,
    DrugsAndAlcohol,
    OffendingBehaviour,
}

public static class AspectsOfLife
{
    /// <summary>In the order of the plan form.</summary>
    public static IReadOnlyList<AspectOfLife> All { get; } = Enum.GetValues<AspectOfLife>().AsReadOnly();

    public static string DisplayName(AspectOfLife aspect) => aspect switch
    {
        AspectOfLife.Education => "Education",
        AspectOfLife.PregnancyAndEarlyYears => "Pregnancy & Early Years",
        AspectOfLife.HealthAndWellbeing => "Health & Wellbeing",
        AspectOfLife.FamilyLife => "Family Life",
        AspectOfLife.HousingAndHomeEnvironment => "Housing & Home Environment",
        AspectOfLife.BasicCare => "Basic Care",
        AspectOfLife.MoneyAndEmployment => "Money & Employment",
        AspectOfLife.Safety => "Safety",
        AspectOfLife.DrugsAndAlcohol => "Drugs & Alcohol",
        AspectOfLife.OffendingBehaviour => "Offending Behaviour",
        _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "Unknown aspect of life."),
    };

    /// <summary>Only Pregnancy &amp; Early Years may be "not applicable" (a family with no baby or young child); every other aspect touches every family.</summary>
    public static bool MayBeNotApplicable(AspectOfLife aspect) => aspect == AspectOfLife.PregnancyAndEarlyYears;

    /// <summary>A stable, URL- and form-safe key, e.g. "housing-and-home-environment".</summary>
    public static string Key(AspectOfLife aspect) =>
        string.Concat(aspect.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static AspectOfLife? FromKey(string? key) => All.Cast<AspectOfLife?>().FirstOrDefault(a => Key(a!.Value) == key);
}
