using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class FollowUpsTests
{
    private static readonly DateOnly Move = new(2026, 9, 1);

    [Fact]
    public void The_six_week_review_is_due_six_weeks_after_the_move() =>
        Assert.Equal(new DateOnly(2026, 10, 13), FollowUps.DueDate(FollowUpKind.SixWeeks, Move));

    [Theory]
    [InlineData(2026, 2026, 12, 18)]
    [InlineData(2027, 2027, 12, 17)]
    [InlineData(2030, 2030, 12, 20)]
    public void The_end_of_term_review_is_due_on_the_last_friday_on_or_before_20_december(int moveYear, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), FollowUps.DueDate(FollowUpKind.EndOfFirstTerm, new DateOnly(moveYear, 9, 1)));

    [Theory]
    [InlineData(89.99, 0, true)]
    [InlineData(90.00, 0, false)]
    [InlineData(95.5, 1, true)]
    [InlineData(100, 0, false)]
    public void Attendance_below_90_percent_or_any_suspension_is_flagged(double attendance, int suspensions, bool flagged) =>
        Assert.Equal(flagged, FollowUps.Flags((decimal)attendance, suspensions).Count > 0);

    [Fact]
    public void Flags_say_why()
    {
        Assert.Equal(["Year 7 attendance is 85.5%, below 90%", "Suspended 2 times in Year 7"], FollowUps.Flags(85.5m, 2));
        Assert.Equal(["Suspended once in Year 7"], FollowUps.Flags(null, 1));
        Assert.Empty(FollowUps.Flags(null, 0));
    }

    [Fact]
    public void A_review_before_the_move_is_an_impossible_sequence()
    {
        var errors = FollowUps.Validate(Move.AddDays(-1), Move, Move.AddDays(60), 95, 92, 0);

        Assert.Equal([("HeldOn", "The review must be after the move to secondary school on 1 September 2026")], errors);
    }

    [Fact]
    public void A_review_cannot_be_held_in_the_future() =>
        Assert.Equal("The review date must be today or in the past",
            Assert.Single(FollowUps.Validate(Move.AddDays(50), Move, Move.AddDays(49), null, null, 0)).Message);

    [Fact]
    public void Percentages_and_counts_are_checked()
    {
        var errors = FollowUps.Validate(Move.AddDays(42), Move, Move.AddDays(42), 101, -1, -2);

        Assert.Equal(["Year6Attendance", "Year7Attendance", "Suspensions"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Slugs_round_trip()
    {
        foreach (var kind in Enum.GetValues<FollowUpKind>())
        {
            Assert.Equal(kind, FollowUps.FromSlug(FollowUps.Slug(kind)));
        }

        Assert.Null(FollowUps.FromSlug("next-year"));
    }
}
