namespace Waymark.Domain.Identifiers;

/// <summary>
/// DfE 3-digit LA numbers (including pseudo-LA codes) accepted in a UPN, as listed by
/// census validation rule 1530.
/// </summary>
public static class LocalAuthorityCodes
{
    // Inclusive ranges, copied from the rule 1530 list so the two can be compared line by line.
    private static readonly (int First, int Last)[] Ranges =
    [
        (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
        (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
        (810, 813), (815, 815), (816, 816), (820, 823), (825, 825), (826, 826), (830, 830),
        (831, 831), (835, 839), (840, 840), (841, 841), (845, 845), (846, 846), (850, 852),
        (855, 857), (860, 860), (861, 861), (865, 896), (908, 908), (909, 909), (916, 916),
        (919, 919), (921, 921), (925, 925), (926, 926), (928, 928), (929, 929), (931, 931),
        (933, 933), (935, 938), (940, 940), (941, 941),
    ];

    private static readonly HashSet<int> Codes = [.. Ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1))];

    public static IReadOnlyList<int> All { get; } = Codes.Order().ToArray().AsReadOnly();

    public static bool IsRecognised(int code) => Codes.Contains(code);

    /// <summary>
    /// LA numbers made since the rule 1530 list was last printed: Cumberland (942) and Westmorland and Furness (943),
    /// from April 2023, both in DfE's published statistics. Not accepted in a UPN until the census list has them.
    /// </summary>
    public static IReadOnlyList<int> SinceRule1530 { get; } = new[] { 942, 943 }.AsReadOnly();

    /// <summary>
    /// A number that names (or named) a local authority: any rule 1530 code or one made since. For naming the LA
    /// Waymark serves and its similar LAs; UPNs keep to <see cref="IsRecognised"/>.
    /// </summary>
    public static bool IsLocalAuthorityNumber(int code) => Codes.Contains(code) || SinceRule1530.Contains(code);
}
