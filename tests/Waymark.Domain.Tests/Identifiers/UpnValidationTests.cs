using Waymark.Domain.Identifiers;

namespace Waymark.Domain.Tests.Identifiers;

public class UpnValidationTests
{
    [Fact]
    public void Valid_has_no_problem()
    {
        Assert.True(UpnValidation.Valid.IsValid);
        Assert.Equal(UpnProblem.None, UpnValidation.Valid.Problem);
    }

    [Theory]
    [InlineData(UpnProblem.Missing)]
    [InlineData(UpnProblem.WrongLength)]
    [InlineData(UpnProblem.BadCharacters)]
    [InlineData(UpnProblem.UnknownLaCode)]
    [InlineData(UpnProblem.WrongCheckLetter)]
    public void Any_problem_is_not_valid(UpnProblem problem)
    {
        Assert.False(new UpnValidation(problem, "x").IsValid);
    }

    [Fact]
    public void Records_with_same_values_are_equal()
    {
        Assert.Equal(new UpnValidation(UpnProblem.Missing, "m"), new UpnValidation(UpnProblem.Missing, "m"));
    }
}
