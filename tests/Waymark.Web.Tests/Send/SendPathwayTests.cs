using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Data.Send;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Send;
using Waymark.Testing;

namespace Waymark.Web.Tests.Send;

/// <summary>
/// The EHC pathway through the pages: the SEN case officer records each step and sees the LA's cohort; a SENCo sees only
/// their school's children and records nothing; every other role is refused. Each test makes its own children.
/// </summary>
public abstract class SendPathwayTests(WaymarkTestHost host)
{
    private static readonly DateOnly Today = TestWorld.Today;

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.GetDocumentAsync()).QuerySelector(".govuk-error-summary")?.TextContent ?? "";
    }

    [Fact]
    public async Task The_sen_officer_records_a_request_through_to_the_final_plan_and_the_child_gets_an_ehc_plan()
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, "Pathway");
        var client = await host.SignedInClientAsync(w.Officer.Email!);
        var path = $"/children/{child.Id}/send";
        var requested = Today.AddDays(-70);

        var response = await client.PostFormAsync($"{path}/request", SendData.Date("RequestedOn", requested).With("RequestedBy", "School"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        var assessment = await db.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.ChildId == child.Id);
        Assert.Equal(requested, assessment.RequestedOn);

        // 70 days on, the decision (due at 42 days) is overdue: the clock says so.
        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Contains("28 days overdue", page.QuerySelector("#ehc-next")!.TextContent, StringComparison.Ordinal);

        var a = $"{path}/assessments/{assessment.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{a}/decision", SendData.Date("On", requested.AddDays(40)).With("Decision", "Assess"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{a}/draft", SendData.Date("On", requested.AddDays(50)))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{a}/final", SendData.Date("On", requested.AddDays(65)))).StatusCode);

        await using var check = host.CreateDbContext();
        var done = await check.EhcNeedsAssessments.AsNoTracking().SingleAsync(x => x.Id == assessment.Id);
        Assert.Equal(AssessmentStage.PlanIssued, NeedsAssessmentClock.StageOf(done.Dates()));
        Assert.True(NeedsAssessmentClock.FinalPlanInTime(done.Dates()));
        var plan = await check.ChildStatuses.AsNoTracking().SingleAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.EhcPlan);
        Assert.Equal(requested.AddDays(65), plan.StartDate);
        Assert.Equal(SenPrimaryNeed.SLCN, plan.PrimaryNeed); // carried over from SEN support, which ended the day before
        Assert.Equal(requested.AddDays(64), (await check.ChildStatuses.AsNoTracking().SingleAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.SenSupport)).EndDate);
        var changes = await check.AuditEvents.AsNoTracking().Where(e => e.ChildId == child.Id && e.Action == AuditActions.SendChanged).CountAsync();
        Assert.Equal(4, changes);
        Assert.True(await check.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.SendViewed));

        var after = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Contains("Final plan issued", after.QuerySelector("#ehc-stage")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#ehc-review-due"));
    }

    [Fact]
    public async Task Bad_dates_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, "Refused");
        var client = await host.SignedInClientAsync(w.Officer.Email!);
        var path = $"/children/{child.Id}/send";

        var errors = await ErrorsAsync(await client.PostFormAsync($"{path}/request", new Dictionary<string, string>()));
        Assert.Contains("Enter the date the request was received", errors, StringComparison.Ordinal);
        Assert.Contains("Select who made the request", errors, StringComparison.Ordinal);
        errors = await ErrorsAsync(await client.PostFormAsync($"{path}/request", SendData.Date("RequestedOn", Today.AddDays(1)).With("RequestedBy", "Parent")));
        Assert.Contains("The date of the request must be today or in the past", errors, StringComparison.Ordinal);
        errors = await ErrorsAsync(await client.PostFormAsync($"{path}/request",
            new Dictionary<string, string> { ["RequestedOn.Day"] = "30", ["RequestedOn.Month"] = "2", ["RequestedOn.Year"] = "2026", ["RequestedBy"] = "Parent" }));
        Assert.Contains("must be a real date", errors, StringComparison.Ordinal);

        var assessment = await SendData.NewAssessmentAsync(host, child, w.Officer, 60, x =>
        {
            x.DecidedOn = x.RequestedOn.AddDays(30);
            x.Decision = AssessmentDecision.Assess;
            x.DraftSentOn = x.RequestedOn.AddDays(50);
        });
        errors = await ErrorsAsync(await client.PostFormAsync($"{path}/assessments/{assessment.Id}/final", SendData.Date("On", assessment.DraftSentOn!.Value.AddDays(5))));
        Assert.Contains("the family has 15 days from the draft to comment", errors, StringComparison.Ordinal);
        errors = await ErrorsAsync(await client.PostFormAsync($"{path}/assessments/{assessment.Id}/exception", new Dictionary<string, string>()));
        Assert.Contains("Select the exception that applies", errors, StringComparison.Ordinal);
        Assert.Contains("Enter what happened", errors, StringComparison.Ordinal);

        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.EhcNeedsAssessments.CountAsync(a => a.ChildId == child.Id));
        var unchanged = await db.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.Id == assessment.Id);
        Assert.Null(unchanged.FinalPlanOn);
        Assert.Null(unchanged.Exception);
        Assert.False(await db.ChildStatuses.AnyAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.EhcPlan));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.SendChanged));
    }

    [Fact]
    public async Task The_worklist_lists_overdue_cases_first_and_an_exception_is_not_overdue()
    {
        var w = await SendData.WorldAsync(host);
        var soon = await SendData.NewPupilAsync(host, w.SchoolA, "Soon");
        var late = await SendData.NewPupilAsync(host, w.SchoolB, "Late");
        var excused = await SendData.NewPupilAsync(host, w.SchoolB, "Excused");
        await SendData.NewAssessmentAsync(host, soon, w.Officer, 5);
        await SendData.NewAssessmentAsync(host, late, w.Officer, 50);
        await SendData.NewAssessmentAsync(host, excused, w.Officer, 60, x => { x.Exception = TimescaleException.AbsentFromArea; x.ExceptionNote = "Away 5 weeks"; });

        var client = await host.SignedInClientAsync(w.Officer.Email!);
        var page = await (await client.GetAsync("/send")).GetDocumentAsync();
        var rows = page.QuerySelectorAll("#worklist tbody tr").Select(r => r.TextContent).ToList();
        var lateAt = rows.FindIndex(r => r.Contains("Sam Late", StringComparison.Ordinal));
        var soonAt = rows.FindIndex(r => r.Contains("Sam Soon", StringComparison.Ordinal));
        var excusedAt = rows.FindIndex(r => r.Contains("Sam Excused", StringComparison.Ordinal));
        Assert.True(lateAt >= 0 && soonAt >= 0 && excusedAt >= 0);
        Assert.True(lateAt < soonAt, "overdue first");
        Assert.Contains("8 days overdue", rows[lateAt], StringComparison.Ordinal);
        Assert.Contains("37 days left", rows[soonAt], StringComparison.Ordinal);
        Assert.Contains("Exception recorded", rows[excusedAt], StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", rows[excusedAt], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_senco_sees_their_own_schools_children_only_and_records_nothing()
    {
        var w = await SendData.WorldAsync(host);
        var own = await SendData.NewPupilAsync(host, w.SchoolA, "Own");
        var other = await SendData.NewPupilAsync(host, w.SchoolB, "Other");
        var ownCase = await SendData.NewAssessmentAsync(host, own, w.Officer, 10);
        await SendData.NewAssessmentAsync(host, other, w.Officer, 10);
        var senco = await host.SignedInClientAsync(w.SencoA.Email!);

        Assert.Equal(HttpStatusCode.OK, (await senco.GetAsync($"/children/{own.Id}/send")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{other.Id}/send")).StatusCode);
        var worklist = (await (await senco.GetAsync("/send")).GetDocumentAsync()).QuerySelector("#worklist")?.TextContent ?? "";
        Assert.Contains("Sam Own", worklist, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Other", worklist, StringComparison.Ordinal);

        // Reading is all: no links to record, and a post is refused with nothing saved.
        var page = await (await senco.GetAsync($"/children/{own.Id}/send")).GetDocumentAsync();
        Assert.Null(page.QuerySelector("#record-decision"));
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.GetAsync($"/children/{own.Id}/send/request")).StatusCode);
        var token = await host.SignedInClientAsync(w.Officer.Email!);
        var form = await (await token.GetAsync($"/children/{own.Id}/send/assessments/{ownCase.Id}/decision")).GetDocumentAsync();
        var antiforgery = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await senco.PostAsync($"/children/{own.Id}/send/assessments/{ownCase.Id}/decision", new FormUrlEncodedContent(new Dictionary<string, string>(
            SendData.Date("On", Today).With("Decision", "Assess")) { ["__RequestVerificationToken"] = antiforgery }));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.Id == ownCase.Id)).DecidedOn);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == other.Id && e.Action == AuditActions.ChildRefused && e.UserId == w.SencoA.Id));
    }

    [Theory]
    [InlineData(Role.LaAdmin)]
    [InlineData(Role.LaOfficer)]
    [InlineData(Role.AdvisoryTeacher)]
    [InlineData(Role.SocialWorker)]
    [InlineData(Role.TransitionLead)]
    [InlineData(Role.AttendanceLead)]
    [InlineData(Role.Headteacher)]
    [InlineData(Role.LeadProfessional)]
    [InlineData(Role.Analyst)]
    [InlineData(Role.CaldicottGuardian)]
    public async Task Other_roles_are_refused_the_send_pages(Role role)
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, $"Refuse{role}");
        await SendData.NewAssessmentAsync(host, child, w.Officer, 10);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        foreach (var path in new[] { "/send", "/send/phase-transfers", $"/children/{child.Id}/send", $"/children/{child.Id}/send/request" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }

        var home = await (await client.GetAsync("/")).GetDocumentAsync();
        Assert.DoesNotContain(home.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/send");
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildRefused && e.UserId == host.World.Users[role].Id));
    }

    [Fact]
    public async Task The_child_record_shows_the_clock_to_the_sen_team_and_not_to_other_la_officers()
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, "Card");
        await SendData.NewAssessmentAsync(host, child, w.Officer, 44);
        var officer = await host.SignedInClientAsync(w.Officer.Email!);
        var card = (await (await officer.GetAsync($"/children/{child.Id}")).GetDocumentAsync()).QuerySelector("#ehc-clock");
        Assert.NotNull(card);
        Assert.Contains("2 days overdue", card.TextContent, StringComparison.Ordinal);
        var la = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var other = await (await la.GetAsync($"/children/{child.Id}")).GetDocumentAsync();
        Assert.Null(other.QuerySelector("#ehc-clock"));
    }

    [Fact]
    public async Task Annual_reviews_phase_transfers_and_la_transfers_are_recorded_with_their_deadlines()
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, "Reviewed", ncYear: 6, planSince: Today.AddMonths(-13));
        var client = await host.SignedInClientAsync(w.Officer.Email!);
        var path = $"/children/{child.Id}/send";

        // The review is overdue (plan 13 months old, no review): on the worklist.
        var worklist = (await (await client.GetAsync("/send")).GetDocumentAsync()).QuerySelectorAll("#worklist tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(worklist, r => r.Contains("Sam Reviewed", StringComparison.Ordinal) && r.Contains("Annual review", StringComparison.Ordinal) && r.Contains("overdue", StringComparison.Ordinal));

        var meeting = Today.AddDays(-20);
        var errors = await ErrorsAsync(await client.PostFormAsync($"{path}/reviews/new", SendData.Date("MeetingOn", meeting).With("Outcome", "Amend")));
        Assert.Contains("Enter the date of the decision", errors, StringComparison.Ordinal);
        errors = await ErrorsAsync(await client.PostFormAsync($"{path}/reviews/new", SendData.Date("MeetingOn", meeting).With(SendData.Date("DecidedOn", meeting.AddDays(-1))).With("Outcome", "Maintain")));
        Assert.Contains("The date of the decision must be on or after the meeting", errors, StringComparison.Ordinal);
        var response = await client.PostFormAsync($"{path}/reviews/new",
            SendData.Date("MeetingOn", meeting).With(SendData.Date("DecidedOn", meeting.AddDays(7))).With("Outcome", "Amend").With(SendData.Date("ProposedAmendmentsSentOn", meeting.AddDays(10))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Phase transfer: Year 6 at a primary is implied on this year's list, then recorded with the new school.
        var listed = await client.GetAsync("/send/phase-transfers");
        Assert.True(listed.StatusCode == HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        var list = (await listed.GetDocumentAsync()).QuerySelectorAll("#phase-transfers tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(list, r => r.Contains("Sam Reviewed", StringComparison.Ordinal) && r.Contains("Primary to secondary (implied)", StringComparison.Ordinal));
        var transferOn = PhaseTransfers.SeptemberTransferAfter(Domain.Calendar.AcademicYear.Containing(Today));
        response = await client.PostFormAsync($"{path}/phase-transfers/new", SendData.Date("TransferOn", transferOn).With("Kind", "PrimaryToSecondary")
            .With("NewSchoolId", w.SchoolB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        response = await client.PostFormAsync($"{path}/la-transfers/new", SendData.Date("TransferredOn", Today.AddDays(-3)).With("FromLocalAuthority", "Northshire"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = host.CreateDbContext();
        var review = await db.EhcAnnualReviews.AsNoTracking().SingleAsync(r => r.ChildId == child.Id);
        Assert.Equal(ReviewOutcome.Amend, review.Outcome);
        var transfer = await db.EhcPhaseTransfers.AsNoTracking().SingleAsync(t => t.ChildId == child.Id);
        Assert.Equal(new DateOnly(transferOn.Year, 2, 15), transfer.DueOn);
        Assert.Equal(w.SchoolB.Id, transfer.NewSchoolId);
        Assert.True(await db.EhcLaTransfers.AnyAsync(t => t.ChildId == child.Id && t.FromLocalAuthority == "Northshire"));

        list = (await (await client.GetAsync("/send/phase-transfers")).GetDocumentAsync()).QuerySelectorAll("#phase-transfers tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(list, r => r.Contains("Sam Reviewed", StringComparison.Ordinal) && r.Contains(w.SchoolB.Name, StringComparison.Ordinal) && !r.Contains("(implied)", StringComparison.Ordinal));
        worklist = (await (await client.GetAsync("/send")).GetDocumentAsync()).QuerySelectorAll("#worklist tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(worklist, r => r.Contains("Sam Reviewed", StringComparison.Ordinal) && r.Contains("Issue the amended plan", StringComparison.Ordinal));
        Assert.Contains(worklist, r => r.Contains("Sam Reviewed", StringComparison.Ordinal) && r.Contains("Northshire", StringComparison.Ordinal));
        Assert.DoesNotContain(worklist, r => r.Contains("Sam Reviewed", StringComparison.Ordinal) && r.Contains("overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sen_officer_corrects_a_wrong_date_and_removes_a_final_plan_recorded_in_error_with_the_plan_on_the_record_following()
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, "Corrected");
        var officer = await host.SignedInClientAsync(w.Officer.Email!);
        var path = $"/children/{child.Id}/send";
        var requested = Today.AddDays(-100);
        await officer.PostFormAsync($"{path}/request", SendData.Date("RequestedOn", requested).With("RequestedBy", "Parent"));
        await using (var db = host.CreateDbContext())
        {
            var id = (await db.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.ChildId == child.Id)).Id;
            var step = $"{path}/assessments/{id}";
            await officer.PostFormAsync($"{step}/decision", SendData.Date("On", requested.AddDays(30)).With("Decision", "Assess"));
            await officer.PostFormAsync($"{step}/draft", SendData.Date("On", requested.AddDays(60)));
            await officer.PostFormAsync($"{step}/final", SendData.Date("On", requested.AddDays(80)));
        }

        await using var read = host.CreateDbContext();
        var assessment = await read.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.ChildId == child.Id);
        var correct = $"{path}/assessments/{assessment.Id}/correct";
        Dictionary<string, string> Dates(int decided, int draft, int? final) => SendData.Date("RequestedOn", requested).With("Decision", "Assess")
            .With(SendData.Date("DecidedOn", requested.AddDays(decided))).With(SendData.Date("DraftSentOn", requested.AddDays(draft)))
            .With(final is int f ? SendData.Date("FinalPlanOn", requested.AddDays(f)) : new Dictionary<string, string>());

        // The page shows every recorded date; no reason, or a change that puts the steps out of order, is refused.
        var form = await (await officer.GetAsync(correct)).GetDocumentAsync();
        Assert.Equal(requested.AddDays(60).Day.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#DraftSentOn")!.GetAttribute("value"));
        Assert.Contains("Enter why the record is being corrected", await ErrorsAsync(await officer.PostFormAsync(correct, Dates(30, 70, 80))), StringComparison.Ordinal);
        var errors = await ErrorsAsync(await officer.PostFormAsync(correct, Dates(30, 70, 80).With("Reason", "Draft went out later")));
        Assert.Contains("the family has 15 days from the draft to comment", errors, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", await ErrorsAsync(await officer.PostFormAsync(correct, Dates(30, 60, 80).With("Reason", "Checking"))), StringComparison.Ordinal);

        // The final plan was issued two days later than recorded: the plan on the record moves with it.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(correct, Dates(30, 60, 82).With("Reason", "Date typed wrongly"))).StatusCode);
        await using (var check = host.CreateDbContext())
        {
            Assert.Equal(requested.AddDays(82), (await check.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.Id == assessment.Id)).FinalPlanOn);
            Assert.Equal(requested.AddDays(82), (await check.ChildStatuses.AsNoTracking().SingleAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.EhcPlan)).StartDate);
            Assert.Equal(requested.AddDays(81), (await check.ChildStatuses.AsNoTracking().SingleAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.SenSupport)).EndDate);
        }

        // It was not issued at all: removing it takes the plan off the record and SEN support carries on.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(correct, Dates(30, 60, 82).With("RemoveLastStep", "true").With("Reason", "Recorded on the wrong child"))).StatusCode);
        await using (var check = host.CreateDbContext())
        {
            var now = await check.EhcNeedsAssessments.AsNoTracking().SingleAsync(a => a.Id == assessment.Id);
            Assert.Null(now.FinalPlanOn);
            Assert.Equal(AssessmentStage.DraftSent, NeedsAssessmentClock.StageOf(now.Dates()));
            Assert.False(await check.ChildStatuses.AnyAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.EhcPlan));
            Assert.Null((await check.ChildStatuses.AsNoTracking().SingleAsync(s => s.ChildId == child.Id && s.Type == ChildStatusType.SenSupport)).EndDate);
            var audit = await check.AuditEvents.AsNoTracking().Where(e => e.ChildId == child.Id && e.Action == AuditActions.SendChanged && e.Detail!.Contains("corrected"))
                .Select(e => e.Detail).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.Contains(audit, d => d!.Contains($"final plan {requested.AddDays(82):yyyy-MM-dd} -> none", StringComparison.Ordinal) && d.Contains("Recorded on the wrong child", StringComparison.Ordinal));
        }

        // A SENCo may see the pathway but not correct it.
        var senco = await host.SignedInClientAsync(w.SencoA.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.GetAsync(correct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.PostFormAsync(correct, Dates(30, 61, null).With("Reason", "No"))).StatusCode);
    }

    [Fact]
    public async Task A_move_between_post_16_institutions_mid_year_is_due_5_months_before_and_is_on_the_list()
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, "Midyear", ncYear: 12, planSince: Today.AddYears(-2));
        var officer = await host.SignedInClientAsync(w.Officer.Email!);
        var september = PhaseTransfers.SeptemberTransferAfter(Domain.Calendar.AcademicYear.Containing(Today));
        // A move before the September round, six months on at most, so still to come and on this year's list.
        var transferOn = Today.AddMonths(6) < september ? Today.AddMonths(6) : september.AddDays(-1);
        var response = await officer.PostFormAsync($"/children/{child.Id}/send/phase-transfers/new",
            SendData.Date("TransferOn", transferOn).With("Kind", "Post16ToPost16"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = host.CreateDbContext();
        var transfer = await db.EhcPhaseTransfers.AsNoTracking().SingleAsync(t => t.ChildId == child.Id);
        Assert.Equal(transferOn.AddMonths(-5), transfer.DueOn);
        var list = (await (await officer.GetAsync("/send/phase-transfers")).GetDocumentAsync()).QuerySelectorAll("#phase-transfers tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(list, r => r.Contains("Midyear", StringComparison.Ordinal) && r.Contains("Between post-16 institutions", StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SendPathwayTestsOnSqlite(SqliteHost fixture) : SendPathwayTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SendPathwayTestsOnPostgres(PostgresHost fixture) : SendPathwayTests(fixture.Host);
