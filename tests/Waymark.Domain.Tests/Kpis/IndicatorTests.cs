using Waymark.Domain.Attendance;
using Waymark.Domain.Kpis;
using Waymark.Domain.Schools;

namespace Waymark.Domain.Tests.Kpis;

public class IndicatorTests
{
    private static SessionCounts Sessions(int present, int absent) => new(present, 0, absent, 0, 0);

    [Fact]
    public void Every_indicator_is_defined_once_with_numerator_cohort_period_and_definition()
    {
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.Code).Distinct().Count());
        Assert.All(Indicators.All, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Numerator));
            Assert.False(string.IsNullOrWhiteSpace(i.Cohort));
            Assert.False(string.IsNullOrWhiteSpace(i.Period));
            Assert.False(string.IsNullOrWhiteSpace(i.Definition));
            Assert.False(string.IsNullOrWhiteSpace(i.Source));
            Assert.Same(i, Indicators.Find(i.Code));
        });
        Assert.Null(Indicators.Find("no-such-indicator"));
    }

    [Fact]
    public void Overall_absence_sums_sessions_over_enrolments()
    {
        // 20 of 380 and 10 of 200 absent: 30 of 580 is 5.1724...%, 5.17%.
        var cell = new KpiCell(20, 380) + new KpiCell(10, 200);
        Assert.Equal(5.17m, cell.ValueFor(Indicators.OverallAbsence));
    }

    [Fact]
    public void Persistent_and_severe_absence_count_enrolments_at_10_and_50_percent_of_their_own_sessions()
    {
        // Hand-computed: 38/380 is exactly 10% (persistent); 37/380 is not; 190/380 is 50% (severe and persistent).
        var enrolments = new[] { Sessions(342, 38), Sessions(343, 37), Sessions(190, 190), Sessions(380, 0) };
        var pa = new KpiCell(0, 0);
        var sa = new KpiCell(0, 0);
        foreach (var e in enrolments)
        {
            pa += new KpiCell(e.IsPersistentlyAbsent ? 1 : 0, 1);
            sa += new KpiCell(e.IsSeverelyAbsent ? 1 : 0, 1);
        }

        Assert.Equal(new KpiCell(2, 4), pa);
        Assert.Equal(50.00m, pa.ValueFor(Indicators.PersistentAbsence));
        Assert.Equal(25.00m, sa.ValueFor(Indicators.SevereAbsence));
    }

    [Fact]
    public void Suspension_and_exclusion_rates_are_per_100_pupils_on_roll()
    {
        // 27 suspensions among 2,283 pupils: 1.1827 per 100, shown as 1.18 (DfE's Sutton 2014/15 age-7 row, rounded).
        Assert.Equal(1.18m, new KpiCell(27, 2283).ValueFor(Indicators.SuspensionRate));
        Assert.Equal(0.04m, new KpiCell(1, 2283).ValueFor(Indicators.PermanentExclusionRate));
        Assert.Equal("1.18 per 100 pupils", Indicators.SuspensionRate.Format(1.18m));
    }

    [Fact]
    public void Reduced_timetables_are_a_count_not_a_rate()
    {
        var cell = new KpiCell(3, 0) + new KpiCell(4, 0);
        Assert.Equal(7m, cell.ValueFor(Indicators.ReducedTimetablesStarted));
        Assert.Equal("7", cell.Display(Indicators.ReducedTimetablesStarted, suppress: true));
        Assert.Equal("c", new KpiCell(3, 0).Display(Indicators.ReducedTimetablesStarted, suppress: true));
    }

    [Theory]
    [InlineData(SchoolPhase.Primary, SchoolPhase.Primary)]
    [InlineData(SchoolPhase.MiddleDeemedPrimary, SchoolPhase.Primary)]
    [InlineData(SchoolPhase.MiddleDeemedSecondary, SchoolPhase.Secondary)]
    [InlineData(SchoolPhase.AllThrough, SchoolPhase.Secondary)]
    [InlineData(SchoolPhase.Nursery, null)]
    [InlineData(SchoolPhase.NotApplicable, null)]
    public void Schools_count_under_the_phase_DfE_deems_them(SchoolPhase phase, SchoolPhase? reported) =>
        Assert.Equal(reported, Indicators.ReportedPhaseOf(phase));
}
