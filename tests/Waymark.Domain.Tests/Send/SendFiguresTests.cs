using Waymark.Domain.People;
using Waymark.Domain.Send;

namespace Waymark.Domain.Tests.Send;

public class SendFiguresTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static NeedsAssessmentDates Issued(string requested, string final, TimescaleException? exception = null) =>
        new(D(requested), D(requested), AssessmentDecision.Assess, D(requested), D(final), Exception: exception);

    [Fact]
    public void Share_of_plans_in_20_weeks_counts_plans_issued_in_the_period_without_exception_cases()
    {
        var cases = new[]
        {
            Issued("2027-01-04", "2027-05-24"), // in time, on the day
            Issued("2027-01-04", "2027-05-25"), // a day late
            Issued("2027-01-11", "2027-07-30", TimescaleException.ExceptionalPersonalCircumstances), // excluded
            Issued("2026-06-01", "2026-10-01"), // issued before the period
            new NeedsAssessmentDates(D("2027-02-01")), // no plan yet
        };
        var share = SendFigures.PlansIssuedWithin20Weeks(cases, D("2027-04-01"), D("2027-12-31"));
        Assert.Equal(new Share(1, 2), share);
        Assert.Equal(50.0, share.Percentage);
        Assert.Null(SendFigures.PlansIssuedWithin20Weeks([], D("2027-04-01"), D("2027-12-31")).Percentage);
    }

    [Fact]
    public void Share_of_transfers_amended_by_the_deadline()
    {
        var transfers = new (DateOnly, DateOnly?)[]
        {
            (D("2027-02-15"), D("2027-02-15")),
            (D("2027-02-15"), D("2027-02-16")),
            (D("2027-03-31"), null),
            (D("2026-02-15"), D("2026-01-01")), // another year
        };
        Assert.Equal(new Share(1, 3), SendFigures.TransfersAmendedByDeadline(transfers, D("2027-01-01"), D("2027-12-31")));
    }

    [Theory]
    [InlineData(Role.SenCaseOfficer, true, true, true)]
    [InlineData(Role.Senco, true, false, false)]
    [InlineData(Role.LaOfficer, false, false, false)]
    [InlineData(Role.LaAdmin, false, false, false)]
    [InlineData(Role.Headteacher, false, false, false)]
    [InlineData(Role.SocialWorker, false, false, false)]
    [InlineData(Role.Analyst, false, false, false)]
    public void Only_the_sen_team_records_and_sees_the_cohort_and_sencos_see_their_school(Role role, bool view, bool record, bool cohort)
    {
        Assert.Equal(view, SendAccess.CanView(role));
        Assert.Equal(record, SendAccess.CanRecord(role));
        Assert.Equal(cohort, SendAccess.SeesWholeCohort(role));
    }
}
