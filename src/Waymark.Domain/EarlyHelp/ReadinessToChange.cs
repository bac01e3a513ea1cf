namespace Waymark.Domain.EarlyHelp;

/// <summary>"How ready are you for change (1-5)": the key printed on the action plan (002:L4440).</summary>
public static class ReadinessToChange
{
    public const int Lowest = 1;

    public const int Highest = 5;

    public static IReadOnlyList<int> Values { get; } = [1, 2, 3, 4, 5];

    public static string Label(int readiness) => readiness switch
    {
        1 => "Not ready for changes yet",
        2 => "Thinking about changes",
        3 => "Taking first steps to change",
        4 => "Making good things happen",
        5 => "Keeping things going well",
        _ => throw new ArgumentOutOfRangeException(nameof(readiness), readiness, "Readiness to change is from 1 to 5."),
    };

    public static string? Problem(int? readiness) => readiness switch
    {
        null => "Select how ready the family is for this change, from 1 to 5",
        < Lowest or > Highest => "Readiness to change must be from 1 (not ready for changes yet) to 5 (keeping things going well)",
        _ => null,
    };
}
