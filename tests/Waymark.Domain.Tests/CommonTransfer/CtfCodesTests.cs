using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfCodesTests
{
    [Theory]
    [InlineData(2025, 7, 31, 2024)]
    [InlineData(2025, 8, 1, 2025)]
    [InlineData(2025, 12, 31, 2025)]
    [InlineData(2026, 1, 1, 2025)]
    public void The_headers_academic_year_moves_on_1_August(int year, int month, int day, int expected) =>
        Assert.Equal(expected, CtfCodes.HeaderAcademicYear(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("English", "ENG")]
    [InlineData(" english ", "ENG")]
    [InlineData("ENG", "ENG")]
    [InlineData("POL", "POL")]
    [InlineData("OTB", "OTB")]
    [InlineData("Polish", null)]
    [InlineData("pol", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_English_is_mapped_and_codes_pass_through(string? held, string? expected) =>
        Assert.Equal(expected, CtfCodes.LanguageCode(held));

    [Theory]
    [InlineData(false, null, "No destination secondary school is recorded")]
    [InlineData(true, DestinationStatus.Preference, "The secondary school place is not yet accepted")]
    [InlineData(true, DestinationStatus.Offered, "The secondary school place is not yet accepted")]
    [InlineData(true, DestinationStatus.Accepted, null)]
    public void A_transition_gives_a_file_only_for_an_accepted_place(bool hasDestination, DestinationStatus? status, string? expected) =>
        Assert.Equal(expected, CtfCodes.WhyNoFileForTransition(hasDestination, status));
}
