using Waymark.Domain.Children;
using Waymark.Domain.Evaluation;
using Waymark.Domain.Schools;

namespace Waymark.Domain.Tests.Evaluation;

public class ComparisonMatchingTests
{
    private static readonly MatchKey Year7Cin = new(7, StatusGroup.ChildInNeed, SchoolPhase.Secondary);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static MatchSubject Child(int n, double? prior, MatchKey? key = null) => new(Id(n), key ?? Year7Cin, prior);

    [Fact]
    public void Each_programme_child_takes_the_nearest_unused_comparison_child_with_the_same_characteristics()
    {
        var programme = new[] { Child(1, 90), Child(2, 80) };
        var pool = new[]
        {
            Child(10, 91),                                                       // 1 point from child 1
            Child(11, 70),                                                       // 10 points from child 2: outside a caliper of 5
            Child(12, 84),                                                       // 4 from child 2, 6 from child 1
            Child(13, 90, Year7Cin with { Status = StatusGroup.LookedAfter }),   // exact on attendance but another status
            Child(14, 90, Year7Cin with { YearGroup = 8 }),                       // another year group
            Child(15, 90, Year7Cin with { Phase = SchoolPhase.AllThrough }),     // another phase
        };

        var result = ComparisonMatching.Match(programme, pool, caliper: 5);

        Assert.Equal([(Id(1), Id(10)), (Id(2), Id(12))], result.Pairs.Select(p => (p.Programme.ChildId, p.Comparison.ChildId)));
        Assert.Empty(result.Unmatched);
        Assert.Equal(0, result.TiesBroken);
    }

    [Fact]
    public void Comparison_children_are_used_once_so_the_second_child_goes_unmatched()
    {
        var result = ComparisonMatching.Match([Child(1, 90), Child(2, 90)], [Child(10, 90)], caliper: 5);

        var pair = Assert.Single(result.Pairs);
        Assert.Equal(Id(1), pair.Programme.ChildId);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(Id(2), unmatched.Programme.ChildId);
        Assert.Equal(UnmatchedReason.NoneWithSameCharacteristics, unmatched.Reason);
    }

    [Fact]
    public void Equal_distances_go_to_the_lower_id_and_are_reported_as_a_tie()
    {
        var result = ComparisonMatching.Match([Child(1, 90)], [Child(21, 93), Child(20, 87)], caliper: 5);

        var pair = Assert.Single(result.Pairs);
        Assert.Equal(Id(20), pair.Comparison.ChildId);
        Assert.True(pair.WasTie);
        Assert.Equal(1, result.TiesBroken);
        Assert.Equal(3, pair.Distance, 10);
    }

    [Fact]
    public void The_caliper_is_inclusive_and_a_child_just_outside_it_is_unmatched_with_the_reason()
    {
        var within = ComparisonMatching.Match([Child(1, 90)], [Child(10, 95)], caliper: 5);
        var outside = ComparisonMatching.Match([Child(1, 90)], [Child(10, 95.01)], caliper: 5);

        Assert.Single(within.Pairs);
        Assert.Empty(outside.Pairs);
        Assert.Equal(UnmatchedReason.NoneWithinCaliper, Assert.Single(outside.Unmatched).Reason);
    }

    [Fact]
    public void No_pool_no_prior_attendance_and_programme_children_in_the_pool_are_all_handled()
    {
        var result = ComparisonMatching.Match(
            [Child(1, null), Child(2, 90)],
            [Child(2, 90), Child(10, null)], // child 2 is in the programme; child 10 has nothing to match on
            caliper: 5);

        Assert.Empty(result.Pairs);
        Assert.Equal(
            [(Id(1), UnmatchedReason.NoPriorAttendance), (Id(2), UnmatchedReason.NoneWithSameCharacteristics)],
            result.Unmatched.Select(u => (u.Programme.ChildId, u.Reason)));
        Assert.Empty(ComparisonMatching.Match([], [Child(10, 90)], 5).Pairs);
    }

    [Fact]
    public void A_negative_caliper_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonMatching.Match([], [], -1));

    [Fact]
    public void The_status_group_is_the_most_intensive_current_status()
    {
        Assert.Equal(StatusGroup.LookedAfter, StatusGroups.Of([ChildStatusType.SenSupport, ChildStatusType.LookedAfter, ChildStatusType.ChildInNeed]));
        Assert.Equal(StatusGroup.EhcPlan, StatusGroups.Of([ChildStatusType.EhcPlan, ChildStatusType.YoungCarer]));
        Assert.Equal(StatusGroup.None, StatusGroups.Of([ChildStatusType.EarlyHelp]));
        Assert.Equal(StatusGroup.None, StatusGroups.Of([]));
    }
}
