using System.Globalization;

namespace Waymark.Domain.Identifiers;

/// <summary>LAESTAB: 3-digit LA number followed by the 4-digit establishment number, e.g. 8232001.</summary>
public static class LaEstab
{
    public static string Format(int laCode, int establishmentNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(laCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(laCode, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(establishmentNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(establishmentNumber, 9999);
        return string.Create(CultureInfo.InvariantCulture, $"{laCode:D3}{establishmentNumber:D4}");
    }

    /// <summary>Accepts "8232001" and the common written form "823/2001".</summary>
    public static bool TryParse(string value, out int laCode, out int establishmentNumber)
    {
        laCode = 0;
        establishmentNumber = 0;
        if (value is null)
        {
            return false;
        }

        var text = value.Trim();
        if (text.Length == 8 && text[3] == '/')
        {
            text = string.Concat(text.AsSpan(0, 3), text.AsSpan(4));
        }

        if (text.Length != 7 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        laCode = int.Parse(text.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        establishmentNumber = int.Parse(text.AsSpan(3, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
