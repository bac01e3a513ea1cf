namespace Waymark.Domain.Schools;

public static class SchoolPhases
{
    public static IReadOnlyList<SchoolPhase> All { get; } = Enum.GetValues<SchoolPhase>().AsReadOnly();

    /// <summary>The GIAS wording.</summary>
    public static string DisplayName(SchoolPhase phase) => phase switch
    {
        SchoolPhase.NotApplicable => "Not applicable",
        SchoolPhase.Nursery => "Nursery",
        SchoolPhase.Primary => "Primary",
        SchoolPhase.MiddleDeemedPrimary => "Middle deemed primary",
        SchoolPhase.MiddleDeemedSecondary => "Middle deemed secondary",
        SchoolPhase.Secondary => "Secondary",
        SchoolPhase.SixteenPlus => "16 plus",
        SchoolPhase.AllThrough => "All-through",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown school phase."),
    };

    /// <summary>
    /// Accepts GIAS names and enum names, ignoring case, spaces and hyphens ("All-through", "all through",
    /// "AllThrough", "16 plus", "SixteenPlus").
    /// </summary>
    public static bool TryParse(string value, out SchoolPhase phase)
    {
        if (value is not null)
        {
            var key = Squash(value);
            foreach (var candidate in All)
            {
                if (key == Squash(DisplayName(candidate)) || key == Squash(candidate.ToString()))
                {
                    phase = candidate;
                    return true;
                }
            }
        }

        phase = default;
        return false;
    }

    // GIAS extracts and hand-typed values differ in spacing and hyphens, so both are ignored.
    private static string Squash(string text) =>
        string.Concat(text.Where(c => c is not (' ' or '-' or '\t'))).ToUpperInvariant();
}
