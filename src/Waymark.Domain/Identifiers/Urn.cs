namespace Waymark.Domain.Identifiers;

/// <summary>GIAS unique reference number for an establishment (changes when a school converts or re-opens).</summary>
public static class Urn
{
    public const int Min = 100000;
    public const int Max = 999999;

    public static bool IsValid(int urn) => urn is >= Min and <= Max;
}
