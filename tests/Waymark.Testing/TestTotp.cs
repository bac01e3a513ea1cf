using System.Security.Cryptography;

namespace Waymark.Testing;

/// <summary>
/// Authenticator codes worked out as a phone app does (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits),
/// written apart from Waymark's own so the tests check it against the standard, not against itself.
/// </summary>
public static class TestTotp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static long StepAt(DateTimeOffset time) => (long)Math.Floor(time.ToUnixTimeMilliseconds() / 30_000.0);

    public static string CodeAt(string base32Key, DateTimeOffset time) => CodeForStep(FromBase32(base32Key), StepAt(time));

    public static string CodeForStep(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        using var hmac = new HMACSHA1(key);
        var hash = hmac.ComputeHash(counter);
        var offset = hash[19] & 0xf;
        var truncated = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (truncated % 1000000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is not the one for any step Waymark would accept around <paramref name="time"/>.</summary>
    public static string WrongCodeAt(string base32Key, DateTimeOffset time)
    {
        var key = FromBase32(base32Key);
        var near = Enumerable.Range(-2, 5).Select(i => CodeForStep(key, StepAt(time) + i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !near.Contains(c));
    }

    public static string NewKey() => ToBase32(RandomNumberGenerator.GetBytes(20));

    public static byte[] FromBase32(string text)
    {
        var bits = string.Concat(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            .Select(c => Convert.ToString(Alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    private static string ToBase32(byte[] bytes)
    {
        var bits = string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        return string.Concat(Enumerable.Range(0, bits.Length / 5).Select(i => Alphabet[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
    }
}
