using Waymark.Domain.Calendar;
using Waymark.Domain.Schools;
using Waymark.Domain.Send;

namespace Waymark.Domain.Tests.Send;

public class PhaseTransfersTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(PhaseTransferKind.EarlyYearsToSchool)]
    [InlineData(PhaseTransferKind.InfantToJunior)]
    [InlineData(PhaseTransferKind.PrimaryToMiddle)]
    [InlineData(PhaseTransferKind.PrimaryToSecondary)]
    [InlineData(PhaseTransferKind.MiddleToSecondary)]
    public void A_september_transfer_is_due_by_15_february_of_the_same_calendar_year(PhaseTransferKind kind)
    {
        // Year 6 in 2026/27 moves in September 2027: the deadline is 15 February 2027, in the spring term before.
        var transfer = PhaseTransfers.SeptemberTransferAfter(new AcademicYear(2026));
        Assert.Equal(D("2027-09-01"), transfer);
        Assert.Equal(D("2027-02-15"), PhaseTransfers.DeadlineFor(kind, transfer));
    }

    [Theory]
    [InlineData("2028-01-08", "2027-08-08")]
    [InlineData("2028-07-31", "2028-02-29")] // no 31 February: the last day of February, still five months and more before
    [InlineData("2027-07-31", "2027-02-28")]
    [InlineData("2028-03-01", "2027-10-01")]
    public void A_move_between_post_16_institutions_at_another_time_is_due_5_months_before(string transfer, string deadline)
    {
        Assert.Equal(D(deadline), PhaseTransfers.DeadlineFor(PhaseTransferKind.Post16ToPost16, D(transfer)));
        Assert.True(D(deadline).AddMonths(5) <= D(transfer));
    }

    [Fact]
    public void Secondary_to_post_16_is_due_by_31_march()
    {
        Assert.Equal(D("2028-03-31"), PhaseTransfers.DeadlineFor(PhaseTransferKind.SecondaryToPost16, D("2028-09-04")));
    }

    [Fact]
    public void The_deadline_stays_on_its_date_when_it_falls_at_a_weekend()
    {
        // 15 February 2026 is a Sunday and 2031's 31 March a Monday: the law fixes the date, so the date stands.
        var deadline = PhaseTransfers.DeadlineFor(PhaseTransferKind.PrimaryToSecondary, D("2026-09-01"));
        Assert.Equal(DayOfWeek.Sunday, deadline.DayOfWeek);
        Assert.Equal(D("2026-02-15"), deadline);
    }

    [Fact]
    public void Amended_by_the_deadline_is_in_time_and_the_day_after_is_not()
    {
        var deadline = D("2027-02-15");
        Assert.True(PhaseTransfers.AmendedInTime(deadline, deadline));
        Assert.True(PhaseTransfers.AmendedInTime(deadline, D("2026-12-01")));
        Assert.False(PhaseTransfers.AmendedInTime(deadline, deadline.AddDays(1)));
        Assert.False(PhaseTransfers.AmendedInTime(deadline, null));
    }

    [Theory]
    [InlineData(6, SchoolPhase.Primary, PhaseTransferKind.PrimaryToSecondary)]
    [InlineData(-1, SchoolPhase.Nursery, PhaseTransferKind.EarlyYearsToSchool)]
    [InlineData(-1, SchoolPhase.Primary, PhaseTransferKind.EarlyYearsToSchool)]
    [InlineData(8, SchoolPhase.MiddleDeemedSecondary, PhaseTransferKind.MiddleToSecondary)]
    [InlineData(11, SchoolPhase.Secondary, PhaseTransferKind.SecondaryToPost16)]
    [InlineData(11, SchoolPhase.AllThrough, PhaseTransferKind.SecondaryToPost16)]
    [InlineData(5, SchoolPhase.Primary, null)]
    [InlineData(6, SchoolPhase.AllThrough, null)] // an all-through school keeps its Year 6
    [InlineData(9, SchoolPhase.Secondary, null)]
    public void The_transfer_a_year_group_makes_is_implied_only_where_it_is_unambiguous(int ncYear, SchoolPhase phase, PhaseTransferKind? expected) =>
        Assert.Equal(expected, PhaseTransfers.ExpectedAfter(new NcYear(ncYear), phase));
}
