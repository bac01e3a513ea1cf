using System.Globalization;

namespace Waymark.Domain.CommonTransfer;

/// <summary>
/// The DfE file name of a common transfer file, LLLEEEE_CTF_LLLEEEE_NNN.xml: sender, receiver and a 3-digit
/// sequence number that tells apart the files one sender makes for the same receiver (standards §1.2).
/// </summary>
public static class CtfFileNames
{
    public const int MaxSequence = 999;

    public static string Format(CtfParty source, CtfParty destination, int sequence)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{source.Code}_CTF_{destination.Code}_{sequence:D3}.xml");
    }

    /// <summary>The sequence number of <paramref name="fileName"/> when it is a file from this sender to this receiver.</summary>
    public static bool TrySequence(string fileName, CtfParty source, CtfParty destination, out int sequence)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        sequence = 0;
        var prefix = $"{source.Code}_CTF_{destination.Code}_";
        const string suffix = ".xml";
        if (fileName.Length != prefix.Length + 3 + suffix.Length
            || !fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || !fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = fileName.AsSpan(prefix.Length, 3);
        return !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence >= 1;
    }

    /// <summary>One more than the highest number already used (so a number is never reused), or null when 999 is taken.</summary>
    public static int? Next(IEnumerable<int> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var next = used.DefaultIfEmpty(0).Max() + 1;
        return next <= MaxSequence ? next : null;
    }
}
