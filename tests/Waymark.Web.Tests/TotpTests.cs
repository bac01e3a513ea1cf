using System.Text;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Auth;

namespace Waymark.Web.Tests;

/// <summary>Waymark's codes, and the tests' own, against RFC 6238's published SHA-1 test values.</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B: the ASCII key "12345678901234567890", 8-digit codes; a 6-digit code is the last 6 digits.
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    public static TheoryData<long, string> RfcVectors() => new()
    {
        { 59, "94287082" },
        { 1111111109, "07081804" },
        { 1111111111, "14050471" },
        { 1234567890, "89005924" },
        { 2000000000, "69279037" },
        { 20000000000, "65353130" },
    };

    [Theory]
    [MemberData(nameof(RfcVectors))]
    public void Waymarks_codes_match_the_rfc(long unixTime, string eightDigits)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixTime);

        Assert.Equal(eightDigits[2..], Totp.Code(RfcKey, Totp.StepAt(time)));
        Assert.Equal(Totp.StepAt(time), Totp.MatchingStep(RfcKey, eightDigits[2..], time));
    }

    [Theory]
    [MemberData(nameof(RfcVectors))]
    public void The_tests_own_codes_match_the_rfc(long unixTime, string eightDigits) =>
        Assert.Equal(eightDigits[2..], TestTotp.CodeForStep(RfcKey, TestTotp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixTime))));

    [Fact]
    public void Codes_match_one_step_either_side_and_no_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step + 1), now));
        Assert.Null(Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step - 2), now));
        Assert.Null(Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step + 2), now));
    }

    [Fact]
    public void Keys_are_read_as_base32_whatever_the_case_and_spacing()
    {
        // "12345678901234567890" in Base32.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        Assert.Equal(RfcKey, Totp.DecodeKey(key));
        Assert.Equal(RfcKey, Totp.DecodeKey("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Equal(RfcKey, TestTotp.FromBase32(key));
        Assert.Null(Totp.DecodeKey("NOT-BASE32!"));
        Assert.Null(Totp.DecodeKey(""));
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12a456", null)]
    [InlineData("١٢٣٤٥٦", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_six_ascii_digits(string? typed, string? expected) => Assert.Equal(expected, Totp.Normalise(typed));

    [Fact]
    public void The_qr_code_carries_the_issuer_account_and_key_as_apps_expect()
    {
        var uri = TwoFactorAccounts.AuthenticatorUri("Waymark (Testshire County Council)", "sean.o'brien@council.example", "ABCDEFGH");

        Assert.Equal("otpauth://totp/Waymark%20%28Testshire%20County%20Council%29:sean.o%27brien%40council.example?secret=ABCDEFGH&issuer=Waymark%20%28Testshire%20County%20Council%29", uri);
        Assert.StartsWith("<svg", TwoFactorAccounts.QrSvg(uri), StringComparison.Ordinal);
        Assert.DoesNotContain("style=", TwoFactorAccounts.QrSvg(uri), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Role.LaAdmin, true)]
    [InlineData(null, Role.LaOfficer, false)]
    [InlineData("Administrators", Role.LaAdmin, true)]
    [InlineData("administrators", Role.Headteacher, false)]
    [InlineData("everyone", Role.Headteacher, true)]
    [InlineData("none", Role.LaAdmin, false)]
    public void The_setting_says_whose_role_needs_two_factor(string? setting, Role role, bool required) =>
        Assert.Equal(required, TwoFactorSettings.From(setting).RequiredForRole(role));
}
