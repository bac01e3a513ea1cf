namespace Waymark.Domain.Children;

public static class SenPrimaryNeeds
{
    public static IReadOnlyList<SenPrimaryNeed> All { get; } = Enum.GetValues<SenPrimaryNeed>().AsReadOnly();

    public static string Code(SenPrimaryNeed need) =>
        Enum.IsDefined(need) ? need.ToString() : throw Unknown(need);

    public static string DisplayName(SenPrimaryNeed need) => need switch
    {
        SenPrimaryNeed.SPLD => "Specific learning difficulty",
        SenPrimaryNeed.MLD => "Moderate learning difficulty",
        SenPrimaryNeed.SLD => "Severe learning difficulty",
        SenPrimaryNeed.PMLD => "Profound and multiple learning difficulty",
        SenPrimaryNeed.SEMH => "Social, emotional and mental health",
        SenPrimaryNeed.SLCN => "Speech, language and communication needs",
        SenPrimaryNeed.HI => "Hearing impairment",
        SenPrimaryNeed.VI => "Visual impairment",
        SenPrimaryNeed.MSI => "Multi-sensory impairment",
        SenPrimaryNeed.PD => "Physical disability",
        SenPrimaryNeed.ASD => "Autistic spectrum disorder",
        SenPrimaryNeed.OTH => "Other difficulty or disability",
        SenPrimaryNeed.NSA => "SEN support but no specialist assessment of type of need",
        _ => throw Unknown(need),
    };

    /// <summary>
    /// Accepts the code or the display name, in any case. Numbers are rejected, unlike Enum.TryParse,
    /// so a stray "3" in an import is not read as a need.
    /// </summary>
    public static bool TryParse(string value, out SenPrimaryNeed need)
    {
        if (value is not null)
        {
            var text = value.Trim();
            foreach (var candidate in All)
            {
                if (string.Equals(Code(candidate), text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(DisplayName(candidate), text, StringComparison.OrdinalIgnoreCase))
                {
                    need = candidate;
                    return true;
                }
            }
        }

        need = default;
        return false;
    }

    private static ArgumentOutOfRangeException Unknown(SenPrimaryNeed need) =>
        new(nameof(need), need, "Unknown SEN primary need.");
}
