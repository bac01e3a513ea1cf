using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class TrainingTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void A_whole_school_session_needs_a_school()
    {
        Assert.Equal([("SchoolId", "Select the school that had the whole-school session")], Training.ValidateSession(true, false, null));
    }

    [Fact]
    public void A_whole_school_session_is_for_school_staff()
    {
        Assert.Equal(
            [("Audience", "A whole-school session is for school staff; choose targeted for a session for social workers")],
            Training.ValidateSession(true, true, 7));
    }

    [Theory]
    [InlineData(true, false, 7)]
    [InlineData(false, true, null)]
    [InlineData(false, false, null)]
    [InlineData(false, false, 7)]
    public void Sound_sessions(bool wholeSchool, bool forSocialWorkers, int? schoolId)
    {
        Assert.Empty(Training.ValidateSession(wholeSchool, forSocialWorkers, schoolId));
    }

    [Fact]
    public void Attendance_waits_for_the_session_to_take_place()
    {
        Assert.Equal("Attendance can be recorded once the session has taken place on 11 March 2026", Training.WhyNoAttendance(Today.AddDays(1), Today));
        Assert.Null(Training.WhyNoAttendance(Today, Today));
        Assert.Null(Training.WhyNoAttendance(Today.AddDays(-1), Today));
    }

    [Fact]
    public void School_staff_need_a_school_and_social_workers_do_not()
    {
        Assert.Equal([("SchoolId", "Select the school the member of staff works at")], Training.ValidateAttendee(false, null, Today, Today));
        Assert.Empty(Training.ValidateAttendee(true, null, Today, Today));
        Assert.Empty(Training.ValidateAttendee(false, 3, Today.AddDays(-3), Today));
    }

    [Fact]
    public void No_one_attends_a_planned_session()
    {
        Assert.Equal(
            [("", "Attendance can be recorded once the session has taken place on 12 March 2026")],
            Training.ValidateAttendee(true, null, Today.AddDays(2), Today));
    }

    [Fact]
    public void Coverage_counts_each_school_and_each_social_worker_once()
    {
        var sessions = new[]
        {
            new TrainingSessionFact(1, true, Today.AddDays(-60)),
            new TrainingSessionFact(1, true, Today.AddDays(-10)),
            new TrainingSessionFact(2, false, Today.AddDays(-5)),
            new TrainingSessionFact(2, true, Today.AddDays(20)),
            new TrainingSessionFact(null, false, Today.AddDays(-3)),
        };
        var attendances = new[]
        {
            new TrainingAttendanceFact("Priya Shah", false, 1, Today.AddDays(-60)),
            new TrainingAttendanceFact("priya  shah", false, 1, Today.AddDays(-10)),
            new TrainingAttendanceFact("Tom Reed", false, 1, Today.AddDays(-10)),
            new TrainingAttendanceFact("Ann Cole", false, 2, Today.AddDays(-5)),

            // The same name at another school is another person.
            new TrainingAttendanceFact("Tom Reed", false, 2, Today.AddDays(-5)),
            new TrainingAttendanceFact("Sam Patel", true, null, Today.AddDays(-3)),
            new TrainingAttendanceFact("SAM PATEL", true, null, Today.AddDays(-60)),
            new TrainingAttendanceFact("Jo Bell", true, null, Today.AddDays(-3)),

            // Not yet held: not counted.
            new TrainingAttendanceFact("Future Person", false, 2, Today.AddDays(20)),
            new TrainingAttendanceFact("Future Worker", true, null, Today.AddDays(20)),
        };

        var coverage = Training.Coverage([1, 2, 3], sessions, attendances, Today);

        Assert.Equal(2, coverage.SocialWorkersTrained);
        Assert.Equal(
            [
                new SchoolTrainingCoverage(1, Today.AddDays(-10), null, 2),
                new SchoolTrainingCoverage(2, null, Today.AddDays(20), 2),
                new SchoolTrainingCoverage(3, null, null, 0),
            ],
            coverage.Schools);
        Assert.True(coverage.Schools[0].HadWholeSchoolTraining);
        Assert.False(coverage.Schools[1].HadWholeSchoolTraining);
    }

    [Fact]
    public void A_whole_school_session_today_counts_as_held()
    {
        var coverage = Training.Coverage([5], [new TrainingSessionFact(5, true, Today)], [new TrainingAttendanceFact("A B", false, 5, Today)], Today);

        Assert.Equal(new SchoolTrainingCoverage(5, Today, null, 1), Assert.Single(coverage.Schools));
    }

    [Fact]
    public void Targeted_sessions_at_a_school_are_not_whole_school_training()
    {
        var coverage = Training.Coverage([5], [new TrainingSessionFact(5, false, Today.AddDays(-1))], [], Today);

        Assert.False(Assert.Single(coverage.Schools).HadWholeSchoolTraining);
        Assert.Equal(0, coverage.SocialWorkersTrained);
    }
}
