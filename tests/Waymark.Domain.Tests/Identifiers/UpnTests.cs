using System.Globalization;
using Waymark.Domain.Identifiers;

namespace Waymark.Domain.Tests.Identifiers;

public class UpnTests
{
    // Published vectors from standards.md §3.1 whose LA numbers are on the rule 1530 list.
    [Theory]
    [InlineData("B801200005001")]
    [InlineData("G80120000101A")]
    [InlineData("R674123101121")]
    [InlineData("X00180001701A")]
    [InlineData("P207000016049")]
    public void Validate_accepts_published_valid_upns(string upn)
    {
        var result = Upn.Validate(upn);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(UpnProblem.None, result.Problem);
        Assert.Same(UpnValidation.Valid, result);
    }

    [Theory]
    [InlineData("B801200005001", 'B')]
    [InlineData("G80120000101A", 'G')]
    [InlineData("A950000178301", 'A')]
    [InlineData("H243278544154", 'H')]
    [InlineData("R674123101121", 'R')]
    [InlineData("X00180001701A", 'X')]
    [InlineData("P207000016049", 'P')]
    [InlineData("R247962919251", 'Q')]
    [InlineData("X428558133462", 'W')]
    [InlineData("R900400001001", 'R')]
    public void ComputeCheckLetter_matches_published_vectors(string upn, char expected)
    {
        Assert.Equal(expected, Upn.ComputeCheckLetter(upn));
    }

    [Theory]
    [InlineData("A950000178301", "950")]
    [InlineData("H243278544154", "243")]
    public void Cin_vectors_have_right_check_letter_but_la_outside_rule_1530(string upn, string la)
    {
        var result = Upn.Validate(upn);

        Assert.Equal(upn[0], Upn.ComputeCheckLetter(upn));
        Assert.Equal(UpnProblem.UnknownLaCode, result.Problem);
        Assert.False(result.IsValid);
        Assert.Equal($"UPN LA number {la} is not a DfE local authority code", result.Message);
    }

    [Theory]
    [InlineData("R247962919251", 'Q', "247")]
    [InlineData("X428558133462", 'W', "428")]
    public void Cin_invalid_vectors_have_wrong_letter_but_la_check_comes_first(string upn, char expected, string la)
    {
        // Their LA numbers (247, 428) are not on the rule 1530 list, and the LA is checked before the letter.
        var result = Upn.Validate(upn);

        Assert.NotEqual(upn[0], Upn.ComputeCheckLetter(upn));
        Assert.Equal(expected, Upn.ComputeCheckLetter(upn));
        Assert.Equal(UpnProblem.UnknownLaCode, result.Problem);
        Assert.Equal($"UPN LA number {la} is not a DfE local authority code", result.Message);
    }

    [Theory]
    [InlineData("B207000016049", 'P', 'B')]
    [InlineData("Q207000016049", 'P', 'Q')]
    [InlineData("A801200005001", 'B', 'A')]
    [InlineData("H80120000101A", 'G', 'H')]
    [InlineData("Z674123101121", 'R', 'Z')]
    [InlineData("w00180001701a", 'X', 'W')]
    public void Validate_reports_wrong_check_letter(string upn, char expected, char actual)
    {
        var result = Upn.Validate(upn);

        Assert.Equal(UpnProblem.WrongCheckLetter, result.Problem);
        Assert.Equal($"UPN check letter should be {expected}, not {actual}", result.Message);
    }

    [Fact]
    public void Changing_any_digit_of_a_valid_upn_breaks_the_check_letter()
    {
        // Weights 2..13 are all non-zero mod 23, so any single-digit change alters the sum.
        const string valid = "B801200005001";
        for (var i = 4; i < 13; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[i])
                {
                    continue;
                }

                var changed = string.Concat(valid.AsSpan(0, i), d.ToString(), valid.AsSpan(i + 1));
                Assert.Equal(UpnProblem.WrongCheckLetter, Upn.Validate(changed).Problem);
            }
        }
    }

    [Fact]
    public void Arbor_worked_example_is_P_not_Q()
    {
        // The help-page example claims Q; the weighted sum is 266 and 266 mod 23 = 13 = P.
        Assert.Equal('P', Upn.ComputeCheckLetter("B207000016049"));
    }

    [Fact]
    public void Validate_reports_unknown_la_900()
    {
        var result = Upn.Validate("R900400001001");

        Assert.Equal(UpnProblem.UnknownLaCode, result.Problem);
        Assert.Equal("UPN LA number 900 is not a DfE local authority code", result.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Validate_reports_missing(string? upn)
    {
        var result = Upn.Validate(upn);

        Assert.Equal(UpnProblem.Missing, result.Problem);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Theory]
    [InlineData("B80120000500", 12)]
    [InlineData("B8012000050011", 14)]
    [InlineData("B", 1)]
    [InlineData("B801 200005001", 14)]
    public void Validate_reports_wrong_length(string upn, int length)
    {
        var result = Upn.Validate(upn);

        Assert.Equal(UpnProblem.WrongLength, result.Problem);
        Assert.Equal($"UPN must be 13 characters (this one has {length})", result.Message);
    }

    [Fact]
    public void Validate_measures_length_after_trimming()
    {
        Assert.True(Upn.Validate("  B801200005001 ").IsValid);
    }

    [Theory]
    [InlineData("b801200005001")]
    [InlineData("g80120000101a")]
    [InlineData(" x00180001701a\t")]
    public void Validate_normalises_lower_case_and_whitespace(string upn)
    {
        Assert.True(Upn.Validate(upn).IsValid);
    }

    [Theory]
    [InlineData("G80120000101I")]
    [InlineData("G80120000101O")]
    [InlineData("G80120000101S")]
    [InlineData("G80120000101-")]
    public void Validate_rejects_bad_last_character(string upn)
    {
        Assert.Equal(UpnProblem.BadCharacters, Upn.Validate(upn).Problem);
    }

    [Theory]
    [InlineData("BA01200005001")]
    [InlineData("B8012000A5001")]
    [InlineData("B8012000050 1")]
    [InlineData("B80120000O001")]
    [InlineData("B801200005E01")]
    [InlineData("B8012000050A1")]
    [InlineData("B８01200005001")]
    public void Validate_rejects_non_digits_in_positions_2_to_12(string upn)
    {
        Assert.Equal(13, upn.Length);
        Assert.Equal(UpnProblem.BadCharacters, Upn.Validate(upn).Problem);
    }

    [Theory]
    [InlineData("1801200005001")]
    [InlineData("I801200005001")]
    [InlineData("O801200005001")]
    [InlineData("S801200005001")]
    [InlineData("*801200005001")]
    public void Validate_rejects_first_character_not_a_check_letter(string upn)
    {
        Assert.Equal(UpnProblem.BadCharacters, Upn.Validate(upn).Problem);
    }

    [Fact]
    public void Bad_characters_are_reported_before_unknown_la()
    {
        // LA 900 is unknown, but the letter in position 8 is found first.
        Assert.Equal(UpnProblem.BadCharacters, Upn.Validate("R900400X01001").Problem);
    }

    [Fact]
    public void Unknown_la_is_reported_before_wrong_check_letter()
    {
        // 900... with a wrong check letter still reports the LA first.
        Assert.Equal(UpnProblem.UnknownLaCode, Upn.Validate("A900400001001").Problem);
    }

    [Fact]
    public void Bad_character_message_names_the_position()
    {
        var result = Upn.Validate("B8012000A5001");

        Assert.Contains("character 9", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("B801200005001")]
    [InlineData("Z801200005001")]
    [InlineData("b801200005001")]
    public void ComputeCheckLetter_ignores_the_first_character(string upn)
    {
        Assert.Equal('B', Upn.ComputeCheckLetter(upn));
    }

    [Fact]
    public void ComputeCheckLetter_weights_each_position()
    {
        // Only position 13 is 1, so the sum is 13 → P; only position 2 is 1 → sum 2 → C.
        Assert.Equal('P', Upn.ComputeCheckLetter("A000000000001"));
        Assert.Equal('C', Upn.ComputeCheckLetter("A100000000000"));
        Assert.Equal('A', Upn.ComputeCheckLetter("A000000000000"));
    }

    [Theory]
    [InlineData('A', 0)]
    [InlineData('B', 1)]
    [InlineData('H', 7)]
    [InlineData('J', 8)]
    [InlineData('P', 13)]
    [InlineData('R', 15)]
    [InlineData('T', 16)]
    [InlineData('Z', 22)]
    public void ComputeCheckLetter_uses_table_value_for_a_temporary_last_letter(char last, int value)
    {
        var expected = Upn.CheckLetters[value * 13 % 23];

        Assert.Equal(expected, Upn.ComputeCheckLetter("A00000000000" + last));
    }

    [Theory]
    [InlineData("")]
    [InlineData("B80120000500")]
    [InlineData("B8012000050011")]
    [InlineData("B80120A005001")]
    [InlineData("G80120000101I")]
    [InlineData("G80120000101O")]
    [InlineData("G80120000101S")]
    [InlineData("G80120000101?")]
    public void ComputeCheckLetter_throws_when_not_computable(string upn)
    {
        Assert.ThrowsAny<ArgumentException>(() => Upn.ComputeCheckLetter(upn));
    }

    [Fact]
    public void ComputeCheckLetter_throws_for_null()
    {
        Assert.Throws<ArgumentNullException>(() => Upn.ComputeCheckLetter(null!));
    }

    [Fact]
    public void CheckLetters_has_23_letters_without_I_O_S()
    {
        Assert.Equal(23, Upn.CheckLetters.Length);
        Assert.DoesNotContain('I', Upn.CheckLetters);
        Assert.DoesNotContain('O', Upn.CheckLetters);
        Assert.DoesNotContain('S', Upn.CheckLetters);
        Assert.Equal(Upn.CheckLetters.Length, Upn.CheckLetters.Distinct().Count());
    }

    [Theory]
    [InlineData(" b801 ", "B801")]
    [InlineData("g80120000101a", "G80120000101A")]
    [InlineData("", "")]
    public void Normalise_trims_and_upper_cases(string input, string expected)
    {
        Assert.Equal(expected, Upn.Normalise(input));
    }

    [Theory]
    [InlineData("G80120000101A", true)]
    [InlineData("X00180001701A", true)]
    [InlineData("x00180001701a ", true)]
    [InlineData("B801200005001", false)]
    [InlineData("", false)]
    public void IsTemporary_is_true_when_last_character_is_a_letter(string upn, bool expected)
    {
        Assert.Equal(expected, Upn.IsTemporary(upn));
    }

    [Fact]
    public void Create_builds_a_known_upn()
    {
        Assert.Equal("B801200005001", Upn.Create(801, 2000, 2005, 1));
        Assert.Equal("P207000016049", Upn.Create(207, 0, 2016, 49));
        Assert.Equal("R674123101121", Upn.Create(674, 1231, 2001, 121));
    }

    [Fact]
    public void Create_uses_the_last_two_digits_of_the_year()
    {
        Assert.Equal(Upn.Create(823, 2001, 2025, 7), Upn.Create(823, 2001, 25, 7));
        Assert.Equal("82320012500", Upn.Create(823, 2001, 1925, 7)[1..12]);
    }

    [Fact]
    public void Create_round_trips_through_Validate_for_many_inputs()
    {
        // Fixed seed: the inputs are varied but the test is repeatable.
        var random = new Random(1530);
        var count = 0;
        foreach (var la in LocalAuthorityCodes.All)
        {
            var cases = new List<(int Estab, int Year, int Serial)> { (0, 2000, 0), (9999, 2099, 999) };
            for (var i = 0; i < 8; i++)
            {
                cases.Add((random.Next(0, 10000), random.Next(1999, 2100), random.Next(0, 1000)));
            }

            foreach (var (estab, year, serial) in cases)
            {
                var upn = Upn.Create(la, estab, year, serial);

                var result = Upn.Validate(upn);
                Assert.True(result.IsValid, $"{upn}: {result.Message}");
                Assert.Equal(upn, Upn.Normalise(upn));
                Assert.False(Upn.IsTemporary(upn));
                Assert.Equal(LaEstab.Format(la, estab), upn[1..8]);
                Assert.Equal((year % 100).ToString("D2", CultureInfo.InvariantCulture), upn[8..10]);
                Assert.Equal(serial.ToString("D3", CultureInfo.InvariantCulture), upn[10..]);
                count++;
            }
        }

        Assert.Equal(LocalAuthorityCodes.All.Count * 10, count);
    }

    [Fact]
    public void Create_hits_every_check_letter()
    {
        var letters = Enumerable.Range(0, 200).Select(serial => Upn.Create(823, 2001, 2024, serial)[0]).ToHashSet();

        Assert.Equal(Upn.CheckLetters.Order(), letters.Order());
    }

    [Theory]
    [InlineData(900, 2000, 2020, 1)]
    [InlineData(0, 2000, 2020, 1)]
    [InlineData(1000, 2000, 2020, 1)]
    [InlineData(-1, 2000, 2020, 1)]
    [InlineData(823, -1, 2020, 1)]
    [InlineData(823, 10000, 2020, 1)]
    [InlineData(823, 2000, -1, 1)]
    [InlineData(823, 2000, 10000, 1)]
    [InlineData(823, 2000, 2020, -1)]
    [InlineData(823, 2000, 2020, 1000)]
    public void Create_rejects_out_of_range_arguments(int la, int estab, int year, int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Upn.Create(la, estab, year, serial));
    }
}
