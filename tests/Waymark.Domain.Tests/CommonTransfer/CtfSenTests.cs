using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;

namespace Waymark.Domain.Tests.CommonTransfer;

public class CtfSenTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static SenEpisode Support(int year, int month, int day, DateOnly? end = null, SenPrimaryNeed? need = SenPrimaryNeed.SLCN) =>
        new(SenProvision.SenSupport, new DateOnly(year, month, day), end, need);

    private static SenEpisode Plan(int year, int month, int day, DateOnly? end = null, SenPrimaryNeed? need = SenPrimaryNeed.ASD) =>
        new(SenProvision.EhcPlan, new DateOnly(year, month, day), end, need);

    [Fact]
    public void SEN_support_then_a_plan_gives_K_then_E()
    {
        var history = CtfSen.History([Support(2022, 9, 1, new DateOnly(2024, 5, 31)), Plan(2024, 6, 1)], Today);

        Assert.Equal([new SenChange(new DateOnly(2022, 9, 1), SenProvision.SenSupport), new SenChange(new DateOnly(2024, 6, 1), SenProvision.EhcPlan)], history);
        Assert.Equal(SenPrimaryNeed.ASD, CtfSen.PrimaryNeedOn([Support(2022, 9, 1, new DateOnly(2024, 5, 31)), Plan(2024, 6, 1)], Today));
    }

    [Fact]
    public void A_plan_outranks_support_recorded_alongside_it_and_support_resumes_when_the_plan_ends()
    {
        var history = CtfSen.History([Support(2022, 9, 1), Plan(2023, 1, 10, new DateOnly(2024, 12, 31))], Today);

        Assert.Equal(
            [
                new SenChange(new DateOnly(2022, 9, 1), SenProvision.SenSupport),
                new SenChange(new DateOnly(2023, 1, 10), SenProvision.EhcPlan),
                new SenChange(new DateOnly(2025, 1, 1), SenProvision.SenSupport),
            ],
            history);
    }

    [Fact]
    public void When_the_last_episode_ends_provision_returns_to_N_and_no_need_is_current()
    {
        var episodes = new[] { Support(2022, 9, 1, new DateOnly(2023, 7, 20)) };

        Assert.Equal(
            [new SenChange(new DateOnly(2022, 9, 1), SenProvision.SenSupport), new SenChange(new DateOnly(2023, 7, 21), SenProvision.None)],
            CtfSen.History(episodes, Today));
        Assert.Null(CtfSen.PrimaryNeedOn(episodes, Today));
    }

    [Fact]
    public void Nothing_starting_after_today_is_written()
    {
        Assert.Empty(CtfSen.History([Plan(2026, 4, 1)], Today));
        Assert.Equal([new SenChange(new DateOnly(2025, 9, 1), SenProvision.SenSupport)], CtfSen.History([Support(2025, 9, 1, new DateOnly(2026, 7, 20))], Today));
    }

    [Fact]
    public void No_episodes_no_history() => Assert.Empty(CtfSen.History([], Today));

    [Fact]
    public void The_need_of_an_episode_without_one_is_taken_from_the_other_in_force()
    {
        Assert.Equal(SenPrimaryNeed.SLCN, CtfSen.PrimaryNeedOn([Support(2022, 9, 1), Plan(2023, 1, 1, need: null)], Today));
    }

    [Theory]
    [InlineData(SenProvision.None, "N")]
    [InlineData(SenProvision.SenSupport, "K")]
    [InlineData(SenProvision.EhcPlan, "E")]
    public void Provision_codes_are_the_census_codes(SenProvision provision, string code) => Assert.Equal(code, CtfSen.Code(provision));
}
