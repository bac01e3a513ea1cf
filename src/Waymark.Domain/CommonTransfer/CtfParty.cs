using System.Globalization;
using Waymark.Domain.Identifiers;

namespace Waymark.Domain.CommonTransfer;

public enum CtfPartyKind
{
    /// <summary>A school, by its LAESTAB.</summary>
    School,

    /// <summary>A local authority itself: its number and LLLL in place of an establishment number.</summary>
    LocalAuthority,

    /// <summary>MMMMMMM: a pupil whose next school is not known, for the lost pupils area of school to school (s2s).</summary>
    MissingPupil,

    /// <summary>XXXXXXX: a pupil leaving the English maintained sector.</summary>
    LeftMaintainedSector,
}

/// <summary>
/// Who sends or receives a common transfer file, as the header and the file name write it: an LA code of three
/// characters and an establishment code of four (standards §1.2, §1.3).
/// </summary>
public sealed record CtfParty(CtfPartyKind Kind, string Lea, string Estab)
{
    public const string Expected =
        "the 7-digit LAESTAB of a school (for example 8234001), a local authority as its number and LLLL (for example 823LLLL), " +
        "MMMMMMM for a pupil whose next school is not known, or XXXXXXX for a pupil leaving the English maintained sector";

    public static CtfParty MissingPupil { get; } = new(CtfPartyKind.MissingPupil, "MMM", "MMMM");

    public static CtfParty LeftMaintainedSector { get; } = new(CtfPartyKind.LeftMaintainedSector, "XXX", "XXXX");

    /// <summary>The seven characters used in the file name, e.g. 8234001 or 823LLLL.</summary>
    public string Code => Lea + Estab;

    public static CtfParty School(int laCode, int establishmentNumber)
    {
        var code = LaEstab.Format(laCode, establishmentNumber);
        return new CtfParty(CtfPartyKind.School, code[..3], code[3..]);
    }

    public static CtfParty LocalAuthority(int laCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(laCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(laCode, 999);
        return new CtfParty(CtfPartyKind.LocalAuthority, laCode.ToString("D3", CultureInfo.InvariantCulture), "LLLL");
    }

    /// <summary>The LA number and establishment number of a school; throws for the other kinds.</summary>
    public (int LaCode, int EstablishmentNumber) SchoolNumbers => Kind == CtfPartyKind.School
        ? (int.Parse(Lea, CultureInfo.InvariantCulture), int.Parse(Estab, CultureInfo.InvariantCulture))
        : throw new InvalidOperationException($"{Code} is not a school.");

    /// <summary>
    /// Reads a destination as a person types it (any case, spaces around, "823/4001" allowed). Returns null when it
    /// can be one, otherwise why not. Whether a school with that LAESTAB exists is for the caller to check.
    /// </summary>
    public static string? ParseDestination(string? text, out CtfParty? party)
    {
        party = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length == 0)
        {
            return $"Give the destination: {Expected}";
        }

        if (LaEstab.TryParse(value, out var la, out var estab))
        {
            party = School(la, estab);
            return null;
        }

        switch (value)
        {
            case "MMMMMMM":
                party = MissingPupil;
                return null;
            case "XXXXXXX":
                party = LeftMaintainedSector;
                return null;
        }

        if (value.Length == 7 && value.EndsWith("LLLL", StringComparison.Ordinal))
        {
            var number = value[..3];
            if (!number.All(char.IsAsciiDigit))
            {
                return $"'{text!.Trim()}': a local authority is written as its 3-digit number and LLLL, for example 823LLLL";
            }

            var laCode = int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!LocalAuthorityCodes.IsRecognised(laCode))
            {
                return $"'{text!.Trim()}': {number} is not a DfE local authority number";
            }

            party = LocalAuthority(laCode);
            return null;
        }

        return $"'{text!.Trim()}' is not a destination: give {Expected}";
    }

    public override string ToString() => Code;
}
