using Waymark.Data.Entities;
using Waymark.Data.Kpis;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.Kpis;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Send;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Kpis;

/// <summary>
/// The indicators that join attendance to plans, passports and reviews, each against a fixture counted by hand. The
/// fixtures live in 2015/16 at a school of the test's own, seen on 15 January 2016, so nothing else in the database counts.
/// </summary>
public abstract class KpiIndicatorFigureTests(WaymarkTestHost host)
{
    private static readonly AcademicYear Year = new(2015);

    private static readonly DateOnly AsOf = new(2016, 1, 15);

    private static int _serial = 800;

    private async Task<School> SchoolAsync(SchoolPhase phase)
    {
        var school = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 6000 + Interlocked.Increment(ref _serial),
            Name = $"Figures {phase} {Guid.NewGuid().ToString("N")[..6]}", Phase = phase, Type = "Community school",
        };
        await using var db = host.CreateDbContext();
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        return school;
    }

    private static Child Pupil(School school, string name)
    {
        var child = TestWorld.NewChild(name, "Figures", new DateOnly(2003, 5, 1), Sex.Female, school.EstablishmentNumber, Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = new DateOnly(2014, 9, 1), Type = EnrolmentType.Single });
        return child;
    }

    // Ten morning sessions in September 2015, the first `absent` of them missed without reason.
    private static AttendanceYear Marks(Child child, School school, int absent)
    {
        var marks = new YearMarks(Year);
        var days = Enumerable.Range(0, 14).Select(i => new DateOnly(2015, 9, 7).AddDays(i)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            marks.Set(days[i], Session.AM, i < absent ? AttendanceCodes.Get("O") : AttendanceCodes.Present);
        }

        return new AttendanceYear { ChildId = child.Id, SchoolId = school.Id, AcademicYear = Year.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow };
    }

    private async Task<KpiCell> FigureAsync(Indicator indicator, School school)
    {
        await using var db = host.CreateDbContext();
        var figures = await new KpiFigures(db).ComputeAsync(indicator, Year, AsOf, school.Id);
        Assert.Equal(figures.All, figures.By(KpiDimension.School).Single().Cell);
        return figures.All;
    }

    [Fact]
    public async Task Chronically_absent_pupils_are_counted_with_those_who_have_a_Lead_Professional_and_a_plan()
    {
        var school = await SchoolAsync(SchoolPhase.Secondary);
        var officer = host.World.Users[Role.LaOfficer];
        // Absent 10, 6, 5, 5 and 4 sessions of 10: the first four attend under 50% (chronic), the last does not.
        var withSocialWorker = Pupil(school, "Ava");
        var withEarlyHelp = Pupil(school, "Bea");
        var caseWithoutWorker = Pupil(school, "Cara");
        var workerEnded = Pupil(school, "Dee");
        var notChronic = Pupil(school, "Eve");
        withSocialWorker.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = new DateOnly(2015, 6, 1) });
        caseWithoutWorker.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildProtectionPlan, StartDate = new DateOnly(2015, 6, 1) });
        workerEnded.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = new DateOnly(2015, 6, 1) });
        notChronic.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = new DateOnly(2015, 6, 1) });
        await using (var db = host.CreateDbContext())
        {
            db.Children.AddRange(withSocialWorker, withEarlyHelp, caseWithoutWorker, workerEnded, notChronic);
            await db.SaveChangesAsync();
            db.AttendanceYears.AddRange(Marks(withSocialWorker, school, 10), Marks(withEarlyHelp, school, 6), Marks(caseWithoutWorker, school, 5),
                Marks(workerEnded, school, 5), Marks(notChronic, school, 4));
            db.KeyPeople.AddRange(
                new KeyPerson { ChildId = withSocialWorker.Id, Role = KeyPersonRole.SocialWorker, ExternalName = "Sam Worker", ExternalOrganisation = "CSC", StartDate = new DateOnly(2015, 6, 1) },
                new KeyPerson { ChildId = workerEnded.Id, Role = KeyPersonRole.SocialWorker, ExternalName = "Sid Worker", ExternalOrganisation = "CSC", StartDate = new DateOnly(2015, 6, 1), EndDate = new DateOnly(2016, 1, 14) },
                new KeyPerson { ChildId = notChronic.Id, Role = KeyPersonRole.SocialWorker, ExternalName = "Sue Worker", ExternalOrganisation = "CSC", StartDate = new DateOnly(2015, 6, 1) });
            var plan = new EarlyHelpPlan
            {
                Id = Guid.NewGuid(), Stage = PlanStage.Active, FamilyName = "The Figures family", AgreedOn = new DateOnly(2015, 11, 2), LeadSchoolId = school.Id,
                CreatedByUserId = officer.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            plan.Members.Add(new FamilyMember { Name = "Bea Figures", Role = FamilyRole.Child, Relationship = "Daughter", ChildId = withEarlyHelp.Id, LivesAtHome = true });
            plan.LeadProfessionals.Add(new LeadProfessionalSpell { Name = "Lee Lead", Agency = "Family support", StartedOn = new DateOnly(2015, 11, 2), Reason = "Completed the plan" });
            db.EarlyHelpPlans.Add(plan);
            await db.SaveChangesAsync();
        }

        Assert.Equal(new KpiCell(4, 0), await FigureAsync(Indicators.ChronicallyAbsent, school));
        // Ava (open case, social worker) and Bea (early help plan with its Lead Professional): 2 of 4.
        var share = await FigureAsync(Indicators.ChronicAbsenceLeadProfessionalAndPlan, school);
        Assert.Equal(new KpiCell(2, 4), share);
        Assert.Equal(50m, share.ValueFor(Indicators.ChronicAbsenceLeadProfessionalAndPlan));
    }

    [Fact]
    public async Task The_passport_share_counts_the_confirmed_cohort_and_passports_shared_by_the_day()
    {
        var school = await SchoolAsync(SchoolPhase.Primary);
        var lead = host.World.Users[Role.LaOfficer];
        var children = new[] { "Finn", "Gus", "Hal", "Ida", "Jo" }.Select(n => Pupil(school, n)).ToArray();
        await using (var db = host.CreateDbContext())
        {
            db.Children.AddRange(children);
            await db.SaveChangesAsync();
            var transitions = children.Select((c, i) => TestWorld.NewTransition(c, Year.StartYear, school, i == 4 ? CohortDecision.Proposed : CohortDecision.Confirmed)).ToArray();
            db.Transitions.AddRange(transitions);
            await db.SaveChangesAsync();

            InformationShare Share(int i, string what, DateOnly on) => new()
            {
                ChildId = children[i].Id, TransitionId = transitions[i].Id, What = what, RecipientOrganisation = "Figures Secondary",
                Basis = ShareBasis.StatutoryDuty, Reason = "Test", SharedOn = on, SharedByUserId = lead.Id, SharedAtUtc = on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                EndedAtUtc = i == 1 ? new DateTime(2016, 1, 10, 0, 0, 0, DateTimeKind.Utc) : null,
            };

            db.InformationShares.AddRange(
                Share(0, Sharing.TransitionWhat, new DateOnly(2015, 12, 1)), // Finn: shared
                Share(1, Sharing.TransitionWhat, new DateOnly(2015, 12, 2)), // Gus: shared, since ended: still reached the school
                Share(2, "Attendance summary", new DateOnly(2015, 12, 3)), // Hal: something else shared, not the passport
                Share(3, Sharing.TransitionWhat, new DateOnly(2016, 2, 1)), // Ida: after the day
                Share(4, Sharing.TransitionWhat, new DateOnly(2015, 12, 1))); // Jo: proposed, not confirmed: not in the cohort
            await db.SaveChangesAsync();
        }

        Assert.Equal(new KpiCell(2, 4), await FigureAsync(Indicators.TransitionPassportsShared, school));
    }

    [Fact]
    public async Task Early_help_reviews_count_each_review_due_in_the_year_and_whether_it_was_held_in_time()
    {
        var school = await SchoolAsync(SchoolPhase.Primary);
        var officer = host.World.Users[Role.LaOfficer];
        await using (var db = host.CreateDbContext())
        {
            EarlyHelpPlan Plan(DateOnly? agreed, DateOnly? closed, params DateOnly[] reviews)
            {
                var plan = new EarlyHelpPlan
                {
                    Id = Guid.NewGuid(), Stage = closed is null ? PlanStage.Active : PlanStage.Closed, FamilyName = "The Reviews family", AgreedOn = agreed, ClosedOn = closed,
                    LeadSchoolId = school.Id, CreatedByUserId = officer.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                };
                plan.Reviews.AddRange(reviews.Select(r => new TafReview
                {
                    HeldOn = r, FamilyProgress = "Better", TafProgress = "Better", NextStep = ReviewNextStep.Continue, RecordedByUserId = officer.Id,
                }));
                return plan;
            }

            db.EarlyHelpPlans.AddRange(
                // Due 12 Oct (held 12 Oct, on time), 23 Nov (held 30 Nov, late), 11 Jan (not held by 15 Jan: late): 1 of 3.
                Plan(new DateOnly(2015, 8, 31), null, new DateOnly(2015, 10, 12), new DateOnly(2015, 11, 30)),
                // Agreed in June: due 13 July and 24 Aug (last year, left out; held 13 July and 20 Aug), then 1 Oct (held that day,
                // and the plan closed): 1 of 1.
                Plan(new DateOnly(2015, 6, 1), new DateOnly(2015, 10, 1), new DateOnly(2015, 7, 13), new DateOnly(2015, 8, 20), new DateOnly(2015, 10, 1)),
                // Closed before its first review fell due: none.
                Plan(new DateOnly(2015, 12, 1), new DateOnly(2016, 1, 5)),
                // Never agreed (still being put together): none.
                Plan(null, null));
            await db.SaveChangesAsync();
        }

        Assert.Equal(new KpiCell(2, 4), await FigureAsync(Indicators.EarlyHelpReviewsOnTime, school));

        await using var check = host.CreateDbContext();
        var figures = await new KpiFigures(check).ComputeAsync(Indicators.EarlyHelpReviewsOnTime, Year, AsOf, school.Id);
        // Counted per family plan, so there is no breakdown by year group or vulnerable group.
        Assert.Empty(figures.By(KpiDimension.YearGroup));
        Assert.Empty(figures.By(KpiDimension.VulnerableGroup));
        Assert.Equal(new KpiCell(2, 4), figures.ForPhase(SchoolPhase.Primary));
    }

    [Fact]
    public async Task EHC_plans_count_those_issued_in_the_year_within_20_weeks_leaving_out_recorded_exceptions()
    {
        var school = await SchoolAsync(SchoolPhase.Primary);
        var officer = host.World.Users[Role.LaOfficer];
        var children = new[] { "Kit", "Lou", "Max", "Ned", "Oli", "Pam" }.Select(n => Pupil(school, n)).ToArray();
        await using (var db = host.CreateDbContext())
        {
            db.Children.AddRange(children);
            await db.SaveChangesAsync();
            EhcNeedsAssessment Assessment(int i, DateOnly requested, DateOnly? final, TimescaleException? exception = null) => new()
            {
                ChildId = children[i].Id, RequestedOn = requested, RequestedBy = AssessmentRequester.School, DecidedOn = requested.AddDays(30),
                Decision = AssessmentDecision.Assess, FinalPlanOn = final, Exception = exception, CreatedByUserId = officer.Id,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };

            db.EhcNeedsAssessments.AddRange(
                // Requested 1 June 2015: 20 weeks is 140 days, so due 19 October 2015. Issued that day: in time.
                Assessment(0, new DateOnly(2015, 6, 1), new DateOnly(2015, 10, 19)),
                // Issued the day after: late.
                Assessment(1, new DateOnly(2015, 6, 1), new DateOnly(2015, 10, 20)),
                // Late, but the family was away from the area for six weeks: left out.
                Assessment(2, new DateOnly(2015, 6, 1), new DateOnly(2015, 12, 1), TimescaleException.AbsentFromArea),
                // Issued in the year before (31 August 2015): left out.
                Assessment(3, new DateOnly(2015, 4, 1), new DateOnly(2015, 8, 31)),
                // Issued after the day (in time, but not yet): left out.
                Assessment(4, new DateOnly(2015, 10, 1), new DateOnly(2016, 1, 20)),
                // Still being assessed: no plan yet, left out.
                Assessment(5, new DateOnly(2015, 11, 2), null));
            await db.SaveChangesAsync();
        }

        var share = await FigureAsync(Indicators.EhcPlansWithin20Weeks, school);
        Assert.Equal(new KpiCell(1, 2), share);
        Assert.Equal(50m, share.ValueFor(Indicators.EhcPlansWithin20Weeks));
    }

    [Fact]
    public async Task Phase_transfers_count_those_whose_deadline_has_passed_and_whether_the_plan_was_amended_by_it()
    {
        var school = await SchoolAsync(SchoolPhase.Primary);
        var officer = host.World.Users[Role.LaOfficer];
        var children = new[] { "Quin", "Rae", "Sol", "Tia" }.Select(n => Pupil(school, n)).ToArray();
        var moved = Pupil(school, "Uma");
        moved.Enrolments[0].EndDate = new DateOnly(2015, 7, 22);
        await using (var db = host.CreateDbContext())
        {
            db.Children.AddRange([.. children, moved]);
            await db.SaveChangesAsync();
            EhcPhaseTransfer Transfer(Child child, PhaseTransferKind kind, DateOnly transferOn, DateOnly due, DateOnly? amended) => new()
            {
                ChildId = child.Id, Kind = kind, TransferOn = transferOn, DueOn = due, AmendedOn = amended, CreatedByUserId = officer.Id, CreatedAtUtc = DateTime.UtcNow,
            };

            db.EhcPhaseTransfers.AddRange(
                // An April 2015 transfer, due 15 February 2015, in the year before: left out.
                Transfer(children[0], PhaseTransferKind.InfantToJunior, new DateOnly(2015, 4, 13), new DateOnly(2015, 2, 15), new DateOnly(2015, 2, 1)),
                // Moving in January 2016, deadline 15 December 2015 as the LA set it: amended on the day, in time.
                Transfer(children[1], PhaseTransferKind.InfantToJunior, new DateOnly(2016, 1, 4), new DateOnly(2015, 12, 15), new DateOnly(2015, 12, 15)),
                // Same deadline, amended the day after: late.
                Transfer(children[2], PhaseTransferKind.InfantToJunior, new DateOnly(2016, 1, 4), new DateOnly(2015, 12, 15), new DateOnly(2015, 12, 16)),
                // September 2016 transfer: due 15 February 2016, after the day: not yet counted, amended or not.
                Transfer(children[3], PhaseTransferKind.PrimaryToSecondary, new DateOnly(2016, 9, 1), new DateOnly(2016, 2, 15), null),
                // Left the school in July, so at no school on the deadline: not counted for the school.
                Transfer(moved, PhaseTransferKind.InfantToJunior, new DateOnly(2016, 1, 4), new DateOnly(2015, 12, 15), null));
            await db.SaveChangesAsync();
        }

        Assert.Equal(new KpiCell(1, 2), await FigureAsync(Indicators.PhaseTransfersAmendedInTime, school));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KpiIndicatorFigureTestsOnSqlite(SqliteHost fixture) : KpiIndicatorFigureTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class KpiIndicatorFigureTestsOnPostgres(PostgresHost fixture) : KpiIndicatorFigureTests(fixture.Host);
