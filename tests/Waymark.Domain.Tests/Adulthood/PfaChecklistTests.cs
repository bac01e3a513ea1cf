using Waymark.Domain.Adulthood;
using Waymark.Domain.People;

namespace Waymark.Domain.Tests.Adulthood;

public class PfaChecklistTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("2012-09-01", "2026-09-01")] // born on the first day of the school year: Year 9 starts on the 14th birthday
    [InlineData("2013-08-31", "2026-09-01")] // the youngest of the same year group turns 14 at the end of Year 9
    [InlineData("2012-08-31", "2025-09-01")]
    [InlineData("2012-02-29", "2025-09-01")] // a leap-day birthday: 14 on 1 March 2026, during Year 9 from 2025
    public void The_checklist_starts_on_1_September_of_the_school_year_in_which_they_turn_14(string born, string starts) =>
        Assert.Equal(DateOnly.Parse(starts), PfaAges.ChecklistStartsOn(DateOnly.Parse(born)));

    [Fact]
    public void Someone_born_on_29_February_is_a_year_older_on_1_March_in_a_common_year()
    {
        var born = D(2012, 2, 29);
        Assert.Equal(D(2026, 3, 1), PfaAges.Birthday(born, 14));
        Assert.Equal(D(2028, 2, 29), PfaAges.Birthday(born, 16));
        Assert.Equal(13, PfaAges.AgeOn(born, D(2026, 2, 28)));
        Assert.Equal(14, PfaAges.AgeOn(born, D(2026, 3, 1)));
        Assert.Equal(16, PfaAges.AgeOn(born, D(2028, 2, 29)));
    }

    [Fact]
    public void The_pfa_years_run_from_Year_9_to_the_day_before_the_26th_birthday()
    {
        var born = D(2010, 5, 10);
        Assert.False(PfaAges.InPfaYears(born, D(2023, 8, 31)));
        Assert.True(PfaAges.InPfaYears(born, D(2023, 9, 1)));
        Assert.True(PfaAges.InPfaYears(born, D(2036, 5, 9)));
        Assert.False(PfaAges.InPfaYears(born, D(2036, 5, 10)));
    }

    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2027-08-31")]
    [InlineData("2028-02-29")]
    [InlineData("2026-03-01")]
    public void The_query_bounds_agree_with_the_rule_for_every_date_of_birth(string on)
    {
        var today = DateOnly.Parse(on);
        for (var born = today.AddYears(-27); born <= today.AddYears(-12); born = born.AddDays(1))
        {
            var byBounds = born <= PfaAges.LatestDateOfBirthInPfaYears(today) && born > PfaAges.TwentySixthBirthdayCutOff(today);
            Assert.True(byBounds == PfaAges.InPfaYears(born, today), $"born {born:yyyy-MM-dd}");
        }
    }

    [Theory]
    [InlineData("2023-09-01", PfaAgeBand.FourteenToSixteen)] // in Year 9, still 13
    [InlineData("2027-05-09", PfaAgeBand.FourteenToSixteen)] // the last day of 16
    [InlineData("2027-05-10", PfaAgeBand.SeventeenToEighteen)]
    [InlineData("2029-05-10", PfaAgeBand.NineteenToTwentyOne)]
    [InlineData("2032-05-09", PfaAgeBand.NineteenToTwentyOne)]
    [InlineData("2032-05-10", PfaAgeBand.TwentyTwoToTwentyFive)]
    [InlineData("2036-05-09", PfaAgeBand.TwentyTwoToTwentyFive)]
    public void Age_bands_turn_on_birthdays(string on, PfaAgeBand band) =>
        Assert.Equal(band, PfaAges.BandOn(D(2010, 5, 10), DateOnly.Parse(on)));

    [Fact]
    public void There_is_no_band_before_Year_9_or_from_the_26th_birthday()
    {
        Assert.Null(PfaAges.BandOn(D(2010, 5, 10), D(2023, 8, 31)));
        Assert.Null(PfaAges.BandOn(D(2010, 5, 10), D(2036, 5, 10)));
    }

    [Theory]
    [InlineData(PfaItem.PlanningStarted, "2024-05-10")]
    [InlineData(PfaItem.InformationGivenToFamily, "2024-05-10")]
    [InlineData(PfaItem.IndependentTravelTraining, "2025-05-10")]
    [InlineData(PfaItem.HealthTransition, "2026-05-10")]
    [InlineData(PfaItem.AscEligibilityConsidered, "2026-05-10")]
    [InlineData(PfaItem.AscReferralMade, "2027-05-10")]
    [InlineData(PfaItem.HousingPathwayInformation, "2027-05-10")]
    [InlineData(PfaItem.AscAssessmentOutcome, "2027-11-10")]
    [InlineData(PfaItem.EmploymentOrEducationProgramme, "2029-05-10")]
    public void Each_item_falls_due_at_its_age(PfaItem item, string due) =>
        Assert.Equal(DateOnly.Parse(due), PfaChecklist.DefaultDueOn(item, D(2010, 5, 10)));

    [Fact]
    public void Half_a_year_after_a_birthday_on_the_31st_falls_on_the_last_day_of_a_shorter_month()
    {
        Assert.Equal(D(2028, 2, 29), PfaChecklist.DefaultDueOn(PfaItem.AscAssessmentOutcome, D(2010, 8, 31)));
        Assert.Equal(D(2027, 2, 28), PfaChecklist.DefaultDueOn(PfaItem.AscAssessmentOutcome, D(2009, 8, 31)));
    }

    [Fact]
    public void Every_item_serves_at_least_one_outcome_and_every_outcome_is_served()
    {
        Assert.All(PfaItems.All, i => Assert.NotEmpty(PfaItems.Outcomes(i)));
        Assert.Equal(Enum.GetValues<PfaOutcome>().Order(), PfaItems.All.SelectMany(PfaItems.Outcomes).Distinct().Order());
        Assert.Equal(PfaItems.All.Count, PfaItems.All.Select(PfaItems.Slug).Distinct().Count());
        Assert.All(PfaItems.All, i => Assert.True(PfaItems.TryParseSlug(PfaItems.Slug(i), out var back) && back == i));
        Assert.False(PfaItems.TryParseSlug("planning", out _));
    }

    [Fact]
    public void The_items_are_listed_in_the_order_they_fall_due()
    {
        var dues = PfaItems.All.Select(i => PfaChecklist.DefaultDueOn(i, D(2010, 5, 10))).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    [Fact]
    public void An_item_is_overdue_from_the_day_after_it_was_due_until_done_or_not_needed()
    {
        var due = D(2027, 3, 3);
        Assert.False(PfaChecklist.IsOverdue(PfaItemStatus.NotStarted, due, due));
        Assert.True(PfaChecklist.IsOverdue(PfaItemStatus.NotStarted, due, due.AddDays(1)));
        Assert.True(PfaChecklist.IsOverdue(PfaItemStatus.InProgress, due, due.AddDays(1)));
        Assert.False(PfaChecklist.IsOverdue(PfaItemStatus.Done, due, due.AddDays(1)));
        Assert.False(PfaChecklist.IsOverdue(PfaItemStatus.NotNeeded, due, due.AddDays(1)));
    }

    [Fact]
    public void Completion_counts_done_items_among_those_that_apply()
    {
        Assert.Equal(0.5m, PfaChecklist.CompletionShare([PfaItemStatus.Done, PfaItemStatus.InProgress, PfaItemStatus.NotNeeded]));
        Assert.Equal(1m, PfaChecklist.CompletionShare([PfaItemStatus.NotNeeded, PfaItemStatus.NotNeeded]));
        Assert.Equal(0m, PfaChecklist.CompletionShare([PfaItemStatus.NotStarted, PfaItemStatus.InProgress]));
        Assert.Equal(66, PfaChecklist.CompletionPercent([PfaItemStatus.Done, PfaItemStatus.Done, PfaItemStatus.InProgress]));
        Assert.Equal(100, PfaChecklist.CompletionPercent([PfaItemStatus.Done]));
    }

    private static IReadOnlyList<PfaProblem> Check(PfaItemEntry entry) => PfaChecklist.Problems(entry, D(2010, 5, 10), D(2027, 1, 15));

    [Fact]
    public void A_started_item_needs_an_owner_and_a_closed_one_its_evidence()
    {
        Assert.Empty(Check(new(PfaItem.PlanningStarted, PfaItemStatus.NotStarted, null, null, null)));
        Assert.Equal(["Owner"], Check(new(PfaItem.PlanningStarted, PfaItemStatus.InProgress, " ", null, null)).Select(p => p.Field));
        Assert.Equal(["Owner", "EvidenceNote"], Check(new(PfaItem.PlanningStarted, PfaItemStatus.Done, null, null, "")).Select(p => p.Field));
        var notNeeded = Check(new(PfaItem.IndependentTravelTraining, PfaItemStatus.NotNeeded, "Sam Lee, PfA team", null, null));
        Assert.Equal("Enter why this item is not needed and who agreed it", Assert.Single(notNeeded).Message);
        Assert.Empty(Check(new(PfaItem.PlanningStarted, PfaItemStatus.Done, "Sam Lee, PfA team", null, "Year 9 review held")));
    }

    [Fact]
    public void Overlong_text_and_a_due_date_before_Year_9_are_refused()
    {
        var problems = Check(new(PfaItem.PlanningStarted, PfaItemStatus.InProgress, new string('a', 201), D(2023, 8, 31), new string('b', 2001)));
        Assert.Equal(["Owner", "DueOn", "EvidenceNote"], problems.Select(p => p.Field));
        Assert.Empty(Check(new(PfaItem.PlanningStarted, PfaItemStatus.NotStarted, null, D(2023, 9, 1), null)));
    }

    [Fact]
    public void The_assessment_outcome_must_say_what_was_found_and_only_that_item_may()
    {
        Assert.Equal("AscOutcome", Assert.Single(Check(new(PfaItem.AscAssessmentOutcome, PfaItemStatus.Done, "ASC", null, "Letter of 3 Jan"))).Field);
        Assert.Empty(Check(new(PfaItem.AscAssessmentOutcome, PfaItemStatus.Done, "ASC", null, "Letter of 3 Jan", AscOutcome.NotEligible)));
        Assert.Equal("AscOutcome", Assert.Single(Check(new(PfaItem.AscReferralMade, PfaItemStatus.InProgress, "ASC", null, null, AscOutcome.Eligible))).Field);
    }

    [Fact]
    public void Programme_dates_must_be_in_order_and_retained_employment_follows_the_end()
    {
        const PfaItem p = PfaItem.EmploymentOrEducationProgramme;
        Assert.Empty(Check(new(p, PfaItemStatus.Done, "Jobs team", null, "Supported internship", null, D(2026, 9, 1), D(2026, 12, 1), true)));
        Assert.Equal(["ProgrammeEnd"], Check(new(p, PfaItemStatus.InProgress, "Jobs team", null, null, null, D(2026, 9, 1), D(2026, 8, 1))).Select(x => x.Field));
        Assert.Equal(["ProgrammeStart"], Check(new(p, PfaItemStatus.InProgress, "Jobs team", null, null, null, null, D(2026, 8, 1))).Select(x => x.Field));
        Assert.Equal(["RetainedEmployment"], Check(new(p, PfaItemStatus.InProgress, "Jobs team", null, null, null, D(2026, 9, 1), null, false)).Select(x => x.Field));
        Assert.Equal(["ProgrammeStart"], Check(new(p, PfaItemStatus.InProgress, "Jobs team", null, null, null, D(2027, 1, 16))).Select(x => x.Field));
        Assert.Equal(["ProgrammeStart"], Check(new(p, PfaItemStatus.Done, "Jobs team", null, "Finished")).Select(x => x.Field));
        Assert.Equal(["ProgrammeStart"], Check(new(PfaItem.HealthTransition, PfaItemStatus.InProgress, "GP", null, null, null, D(2026, 9, 1))).Select(x => x.Field));
    }

    [Theory]
    [InlineData("2025-01-10", null)]
    [InlineData("2025-01-11", CareLeaverBand.EighteenToTwenty)]
    [InlineData("2028-01-10", CareLeaverBand.EighteenToTwenty)]
    [InlineData("2028-01-11", CareLeaverBand.TwentyOneToTwentyFive)]
    [InlineData("2033-01-10", CareLeaverBand.TwentyOneToTwentyFive)]
    [InlineData("2033-01-11", null)]
    public void Care_leavers_are_banded_under_21_and_21_to_25(string on, CareLeaverBand? band) =>
        Assert.Equal(band, CareLeavers.BandOn(D(2007, 1, 11), DateOnly.Parse(on)));

    [Theory]
    [InlineData("2027-01-15", "2027-07-15")]
    [InlineData("2026-08-31", "2027-02-28")] // a shorter sixth month: its last day, never later than six months
    [InlineData("2027-08-31", "2028-02-29")]
    [InlineData("2027-09-30", "2028-03-30")]
    public void A_pathway_plan_review_is_due_six_calendar_months_after_the_last(string last, string due) =>
        Assert.Equal(DateOnly.Parse(due), CareLeavers.NextReviewDue(DateOnly.Parse(last)));

    [Fact]
    public void A_review_date_must_be_in_the_past_and_from_16()
    {
        var born = D(2007, 1, 11);
        Assert.NotNull(CareLeavers.ReviewDateProblem(D(2027, 1, 16), born, D(2027, 1, 15)));
        Assert.NotNull(CareLeavers.ReviewDateProblem(D(2023, 1, 10), born, D(2027, 1, 15)));
        Assert.Null(CareLeavers.ReviewDateProblem(D(2023, 1, 11), born, D(2027, 1, 15)));
        Assert.True(CareLeavers.IsReviewOverdue(D(2027, 1, 14), D(2027, 1, 15)));
        Assert.False(CareLeavers.IsReviewOverdue(D(2027, 1, 15), D(2027, 1, 15)));
    }

    [Theory]
    [InlineData(Role.PfaWorker, true, true, true, true)]
    [InlineData(Role.LaOfficer, true, true, true, true)]
    [InlineData(Role.LaAdmin, false, true, false, true)]
    [InlineData(Role.SocialWorker, true, false, false, true)]
    [InlineData(Role.Senco, true, false, false, false)]
    [InlineData(Role.Headteacher, false, false, false, false)]
    [InlineData(Role.LeadProfessional, false, false, false, false)]
    [InlineData(Role.Analyst, false, false, false, false)]
    [InlineData(Role.CaldicottGuardian, false, false, false, false)]
    public void Who_may_change_what(Role role, bool changesChecklist, bool seesPanels, bool changesPanels, bool seesCareLeaver)
    {
        Assert.Equal(changesChecklist, AdulthoodAccess.CanChangeChecklist(role));
        Assert.Equal(seesPanels, AdulthoodAccess.CanViewPanels(role));
        Assert.Equal(changesPanels, AdulthoodAccess.CanChangePanels(role));
        Assert.Equal(seesCareLeaver, AdulthoodAccess.CanViewCareLeaver(role));
        Assert.Equal(role is not (Role.Analyst or Role.CaldicottGuardian), AdulthoodAccess.CanViewCohort(role));
    }
}
