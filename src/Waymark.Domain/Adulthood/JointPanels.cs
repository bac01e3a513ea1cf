namespace Waymark.Domain.Adulthood;

/// <summary>The agencies that sit on a joint panel for complex cases (seed 004: children's services, ASC, health, housing, education).</summary>
public enum PanelAgency
{
    ChildrensSocialCare,
    AdultSocialCare,
    SendService,
    Health,
    Housing,
    Education,
    LeavingCare,
    EmploymentSupport,
}

/// <summary>The rules of joint panels: who sits, what a case needs and what a decision needs.</summary>
public static class JointPanels
{
    public const int MaxTextLength = 4000;

    public const int MaxNameLength = 200;

    /// <summary>A panel is multi-agency: at least two agencies must be present for its decisions to stand.</summary>
    public const int MinimumAgencies = 2;

    public static IReadOnlyList<PanelAgency> Agencies { get; } = Enum.GetValues<PanelAgency>().AsReadOnly();

    public static string DisplayName(PanelAgency agency) => agency switch
    {
        PanelAgency.ChildrensSocialCare => "Children's social care",
        PanelAgency.AdultSocialCare => "Adult Social Care",
        PanelAgency.SendService => "SEND service",
        PanelAgency.Health => "Health",
        PanelAgency.Housing => "Housing",
        PanelAgency.Education => "Education (school or college)",
        PanelAgency.LeavingCare => "Leaving care service",
        PanelAgency.EmploymentSupport => "Employment support",
        _ => throw new ArgumentOutOfRangeException(nameof(agency), agency, "Unknown agency."),
    };

    /// <summary>Stored as the enum names joined by commas, in the list's order.</summary>
    public static string Join(IEnumerable<PanelAgency> agencies) => string.Join(',', agencies.Distinct().Order());

    public static IReadOnlyList<PanelAgency> Split(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<PanelAgency>(s, out var a) ? (PanelAgency?)a : null)
            .OfType<PanelAgency>()
            .ToList();

    /// <summary>What is wrong with the agencies recorded as present, or null.</summary>
    public static string? AgenciesProblem(IReadOnlyCollection<PanelAgency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        return agencies.Distinct().Count() < MinimumAgencies ? $"Select at least {MinimumAgencies} agencies present: a joint panel is multi-agency" : null;
    }
}
