using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.ActionPlan;

/// <summary>
/// The strategy action plan through the pages: officers change an action and rate this term, LA roles and analysts
/// read it, school and caseload roles are refused (and the refusal audited), and the termly report counts the ratings.
/// Each test makes its own actions, numbered so they do not meet another test's.
/// </summary>
public abstract class ActionPlanTests(WaymarkTestHost host)
{
    private static async Task<PlanAction> NewActionAsync(WaymarkTestHost host, string title)
    {
        await using var db = host.CreateDbContext();
        var number = 1000 + Random.Shared.Next(1_000_000);
        var action = db.PlanActions.Add(new PlanAction { Number = number, Priority = ActionPriority.StrategyAction, Title = title, Lead = "Neil Stevenson" }).Entity;
        await db.SaveChangesAsync();
        return action;
    }

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Officers_edit_LA_roles_and_analysts_read_and_the_rest_are_refused_on_the_record(Role role)
    {
        var action = await NewActionAsync(host, $"Access {role}");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var read = ActionPlanRules.CanRead(role);
        var edit = ActionPlanRules.CanEdit(role);
        var before = DateTime.UtcNow.AddSeconds(-1);

        Assert.Equal(read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/action-plan")).StatusCode);
        Assert.Equal(read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/action-plan/report")).StatusCode);
        Assert.Equal(edit ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/action-plan/actions/{action.Id}")).StatusCode);
        Assert.Equal(edit ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/action-plan/reporting-line")).StatusCode);

        var figures = await client.GetAsync("/figures");
        if (figures.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(read, (await figures.GetDocumentAsync()).QuerySelector("a[href='/action-plan']") is not null);
        }

        await using var db = host.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == TestWorld.EmailFor(role));
        var refusals = await db.AuditEvents.AsNoTracking()
            .CountAsync(e => e.Action == AuditActions.ActionPlanRefused && e.UserId == user.Id && e.OccurredAtUtc >= before);
        var expected = (read ? 0 : 2) + (edit ? 0 : 2);
        Assert.Equal(expected, refusals);
    }

    [Fact]
    public async Task An_officer_changes_an_action_and_rates_this_term_and_both_are_audited()
    {
        var action = await NewActionAsync(host, "Studybugs");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/action-plan/actions/{action.Id}";

        var saved = await client.PostFormAsync(path, new()
        {
            ["title"] = "Studybugs: data reflected back to schools", ["priority"] = "BusinessAsUsual", ["timescale"] = "Ongoing", ["lead"] = "Attendance team",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rated = await client.PostFormAsync($"{path}?handler=Rating", new() { ["rag"] = "Amber", ["note"] = "Waiting on the data sharing agreement" }, path);
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);

        await using var db = host.CreateDbContext();
        var after = await db.PlanActions.AsNoTracking().Include(a => a.Progress).SingleAsync(a => a.Id == action.Id);
        Assert.Equal("Studybugs: data reflected back to schools", after.Title);
        Assert.Equal(ActionPriority.BusinessAsUsual, after.Priority);
        Assert.Equal("Attendance team", after.Lead);
        var term = SchoolTerms.Containing(TestWorld.Today);
        var progress = Assert.Single(after.Progress);
        Assert.Equal((term.Year.StartYear, term.Name, Rag.Amber, "Waiting on the data sharing agreement"), (progress.AcademicYear, progress.Term, progress.Rag, progress.Note));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ActionPlanChanged && e.Detail == $"Action {action.Number}: {term} rated amber"));

        // Rating again changes the one rating for the term, not a second.
        await client.PostFormAsync($"{path}?handler=Rating", new() { ["rag"] = "Green", ["note"] = "" }, path);
        await using var check = host.CreateDbContext();
        var again = await check.PlanActionProgress.AsNoTracking().SingleAsync(p => p.PlanActionId == action.Id);
        Assert.Equal(Rag.Green, again.Rag);
        Assert.Null(again.Note);
    }

    [Fact]
    public async Task An_officer_adds_a_milestone_and_marks_it_done_and_a_bad_date_saves_nothing()
    {
        var action = await NewActionAsync(host, "Milestones");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/action-plan/actions/{action.Id}";
        var due = TestWorld.Today.AddDays(-3);

        var errors = (await (await client.PostFormAsync($"{path}?handler=Milestone",
                new() { ["milestone"] = "", ["TargetDate.Day"] = "31", ["TargetDate.Month"] = "2", ["TargetDate.Year"] = "2026" }, path))
            .GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the milestone", errors, StringComparison.Ordinal);
        Assert.Contains("The date the milestone should be reached by must be a real date", errors, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{path}?handler=Milestone", new()
        {
            ["milestone"] = "Schools recruited to the project", ["TargetDate.Day"] = $"{due.Day}", ["TargetDate.Month"] = $"{due.Month}", ["TargetDate.Year"] = $"{due.Year}",
        }, path)).StatusCode);
        await using var db = host.CreateDbContext();
        var milestone = await db.PlanMilestones.AsNoTracking().SingleAsync(m => m.PlanActionId == action.Id);
        Assert.Equal(due, milestone.TargetDate);
        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Contains("overdue", page.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{path}?handler=Done&milestoneId={milestone.Id}", [], path)).StatusCode);
        await using var check = host.CreateDbContext();
        Assert.Equal(TestWorld.Today, (await check.PlanMilestones.AsNoTracking().SingleAsync(m => m.Id == milestone.Id)).CompletedOn);
        var after = await (await client.GetAsync("/action-plan")).GetDocumentAsync();
        Assert.Contains("Schools recruited to the project", after.QuerySelector($"#action-{action.Number}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("done", after.QuerySelector($"#action-{action.Number}")!.TextContent, StringComparison.Ordinal);

        // Another action's milestone cannot be marked through this one.
        var other = await NewActionAsync(host, "Other");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/action-plan/actions/{other.Id}?handler=Done&milestoneId={milestone.Id}", [],
            $"/action-plan/actions/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_officer_adds_an_action_and_a_taken_or_bad_number_is_refused()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        async Task<string> ErrorsAsync(Dictionary<string, string> form) =>
            (await (await client.PostFormAsync("/action-plan/actions/new", form)).GetDocumentAsync()).QuerySelector(".govuk-error-summary")?.TextContent ?? "";

        Assert.Contains("The action's number must be a whole number from 1 to 999",
            await ErrorsAsync(new() { ["number"] = "x", ["title"] = "Neuro-diversity project", ["priority"] = "StrategyAction" }), StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            var free = Enumerable.Range(1, 999).Except(await db.PlanActions.Select(a => a.Number).ToListAsync()).First();
            var response = await client.PostFormAsync("/action-plan/actions/new", new() { ["number"] = $"{free}", ["title"] = "Neuro-diversity project", ["priority"] = "StrategyAction" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            await using var check = host.CreateDbContext();
            Assert.Equal("Neuro-diversity project", (await check.PlanActions.AsNoTracking().SingleAsync(a => a.Number == free)).Title);
            Assert.Contains($"There is already an action {free}",
                await ErrorsAsync(new() { ["number"] = $"{free}", ["title"] = "Again", ["priority"] = "StrategyAction" }), StringComparison.Ordinal);
        }

        var headteacher = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));
        Assert.Equal(HttpStatusCode.Forbidden, (await headteacher.GetAsync("/action-plan/actions/new")).StatusCode);
    }

    [Fact]
    public async Task Bad_answers_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var action = await NewActionAsync(host, "Unchanged");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var path = $"/action-plan/actions/{action.Id}";

        var page = await (await client.PostFormAsync(path, new() { ["title"] = " ", ["priority"] = "7", ["lead"] = new string('x', 201) })).GetDocumentAsync();
        var errors = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the action", errors, StringComparison.Ordinal);
        Assert.Contains("Select the heading the action comes under", errors, StringComparison.Ordinal);
        Assert.Contains("The lead must be 200 characters or fewer", errors, StringComparison.Ordinal);
        var rating = await (await client.PostFormAsync($"{path}?handler=Rating", new() { ["rag"] = "Purple" }, path)).GetDocumentAsync();
        Assert.Contains("Select the rating for the", rating.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        await using var db = host.CreateDbContext();
        var after = await db.PlanActions.AsNoTracking().Include(a => a.Progress).SingleAsync(a => a.Id == action.Id);
        Assert.Equal(("Unchanged", "Neil Stevenson"), (after.Title, after.Lead));
        Assert.Empty(after.Progress);
    }

    [Fact]
    public async Task The_termly_report_shows_each_actions_rating_and_note_and_the_counts()
    {
        // A term long past that no other test rates, so the counts are this test's own.
        var term = SchoolTerms.For(new Domain.Calendar.AcademicYear(2005), TermName.Spring);
        var red = await NewActionAsync(host, "Report red");
        var green = await NewActionAsync(host, "Report green");
        var green2 = await NewActionAsync(host, "Report green again");
        await using (var db = host.CreateDbContext())
        {
            db.PlanActionProgress.AddRange(
                new PlanActionProgress { PlanActionId = red.Id, AcademicYear = 2005, Term = TermName.Spring, Rag = Rag.Red, Note = "Behind: school capacity" },
                new PlanActionProgress { PlanActionId = green.Id, AcademicYear = 2005, Term = TermName.Spring, Rag = Rag.Green },
                new PlanActionProgress { PlanActionId = green2.Id, AcademicYear = 2005, Term = TermName.Spring, Rag = Rag.Green });
            await db.SaveChangesAsync();
        }

        await using var count = host.CreateDbContext();
        var actions = await count.PlanActions.CountAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));
        var page = await (await client.GetAsync("/action-plan/report?year=2005&term=spring")).GetDocumentAsync();

        Assert.Equal("1", page.QuerySelector("#count-red")!.TextContent);
        Assert.Equal("0", page.QuerySelector("#count-amber")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#count-green")!.TextContent);
        Assert.Equal((actions - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#count-not-rated")!.TextContent);
        Assert.Contains(term.ToString(), page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector($"#action-{red.Number}")!.TextContent;
        Assert.Contains("Red", row, StringComparison.Ordinal);
        Assert.Contains("Behind: school capacity", row, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".waymark-plan-report"));

        var bad = await client.GetAsync("/action-plan/report?year=2005&term=winter");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task The_reporting_line_is_one_setting_that_officers_change()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var errors = (await (await client.PostFormAsync("/action-plan/reporting-line", new() { ["group"] = "", ["board"] = "" })).GetDocumentAsync())
            .QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the group that monitors the plan", errors, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/action-plan/reporting-line",
            new() { ["group"] = "Removing Barriers to Inclusion Group", ["board"] = "PEP Strategic Board" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/action-plan/reporting-line",
            new() { ["group"] = "Behaviour and Attendance Group", ["board"] = "PEP Strategic Board" })).StatusCode);

        await using var db = host.CreateDbContext();
        var settings = Assert.Single(await db.ActionPlanSettings.AsNoTracking().ToListAsync());
        Assert.Equal("Behaviour and Attendance Group", settings.MonitoringGroup);
        var report = await (await client.GetAsync("/action-plan/report")).GetDocumentAsync();
        Assert.Contains("Behaviour and Attendance Group to the PEP Strategic Board", report.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActionPlanTestsOnSqlite(SqliteHost fixture) : ActionPlanTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ActionPlanTestsOnPostgres(PostgresHost fixture) : ActionPlanTests(fixture.Host);
