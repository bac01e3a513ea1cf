using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.EarlyHelp;

/// <summary>
/// Team Around the Family reviews, closing a plan with the family's maintenance plan, and progress over time, through the
/// pages. The lead is the primary's Transition Lead, so its SENCo (lead school) records the reviews; the caseload Lead
/// Professional contributes an action. Each test makes its own plan.
/// </summary>
public abstract class ReviewTests(WaymarkTestHost host)
{
    private static readonly DateOnly Today = TestWorld.Today;

    private WaymarkUser Lead => host.World.Users[Role.TransitionLead];

    private WaymarkUser Closer => host.World.Users[Role.Senco];

    private WaymarkUser Contributor => host.World.Users[Role.LeadProfessional];

    private sealed record Setup(EarlyHelpPlan Plan, FamilyMember Parent, FamilyMember Child, List<EarlyHelpAction> Actions)
    {
        public string Path => $"/early-help/{Plan.Id}";
    }

    /// <summary>An active plan agreed 10 days ago with an action of the plan and one for the contributor.</summary>
    private async Task<Setup> ActivePlanAsync()
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, Lead, stage: PlanStage.Active, agreedDaysAgo: 10);
        await using var db = host.CreateDbContext();
        db.EarlyHelpActions.Add(new EarlyHelpAction
        {
            PlanId = plan.Id, Aspect = AspectOfLife.HealthAndWellbeing, What = "Family support sessions", Who = "Family support worker",
            ResponsibleUserId = Contributor.Id, ByWhen = Today.AddDays(20), HopedDifference = "Calmer mornings", Readiness = 2, State = ActionState.Open,
        });
        await db.SaveChangesAsync();
        var actions = await db.EarlyHelpActions.Where(a => a.PlanId == plan.Id).OrderBy(a => a.Id).ToListAsync();
        var parent = plan.Members.Single(m => m.Role == FamilyRole.ParentOrCarer);
        var child = plan.Members.Single(m => m.Role == FamilyRole.Child);
        return new Setup(plan, parent, child, actions);
    }

    private static Dictionary<string, string> ReviewForm(Setup s, DateOnly held, string nextStep = "continue")
    {
        var form = new Dictionary<string, string>
        {
            ["HeldOn.Day"] = held.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = held.Month.ToString(CultureInfo.InvariantCulture),
            ["HeldOn.Year"] = held.Year.ToString(CultureInfo.InvariantCulture),
            ["ContactChanged"] = "no",
            ["Invitees[0].Name"] = "Pat Parent", ["Invitees[0].Role"] = "Mum", ["Invitees[0].Attended"] = "yes",
            ["Invitees[1].Name"] = "Nadia Nurse", ["Invitees[1].Role"] = "School nurse", ["Invitees[1].Attended"] = "no", ["Invitees[1].SentUpdate"] = "yes",
            ["FamilyProgress"] = "Mornings are calmer now", ["ChildProgress"] = "I like school more", ["TafProgress"] = "Attendance is up to 94%",
            ["NextStep"] = nextStep,
        };
        foreach (var member in new[] { s.Parent, s.Child })
        {
            foreach (var aspect in AspectsOfLife.All)
            {
                form[$"Scores[{member.Id}-{AspectsOfLife.Key(aspect)}]"] = aspect == AspectOfLife.PregnancyAndEarlyYears ? "na" : "8";
            }

            form[$"NotApplicableReasons[{member.Id}]"] = "No young children";
            form[$"Agrees[{member.Id}]"] = "yes";
        }

        foreach (var action in s.Actions)
        {
            form[$"ActionStates[{action.Id}]"] = "done";
        }

        return form;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> form, params (string Key, string Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            form[key] = value;
        }

        return form;
    }

    private async Task AssertNothingSavedAsync(Setup s)
    {
        await using var db = host.CreateDbContext();
        Assert.False(await db.TafReviews.AnyAsync(r => r.PlanId == s.Plan.Id));
        Assert.False(await db.SelfAssessments.AnyAsync(a => a.PlanId == s.Plan.Id && a.ReviewId != null));
        Assert.All(await db.EarlyHelpActions.Where(a => a.PlanId == s.Plan.Id).ToListAsync(), a => Assert.Equal(ActionState.Open, a.State));
        var plan = await db.EarlyHelpPlans.SingleAsync(p => p.Id == s.Plan.Id);
        Assert.Equal(PlanStage.Active, plan.Stage);
        Assert.Equal(s.Plan.ReviewDueOn, plan.ReviewDueOn);
        Assert.False(await db.Notifications.AnyAsync(n => n.Link == s.Path));
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.GetDocumentAsync();
        return doc.QuerySelector(".govuk-error-summary")?.TextContent ?? "";
    }

    [Fact]
    public async Task A_review_before_the_plan_was_agreed_is_refused_and_nothing_is_saved()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var errors = await ErrorsAsync(await client.PostFormAsync($"{s.Path}/reviews/new", ReviewForm(s, Today.AddDays(-11))));
        Assert.Contains("The review date must be on or after the day the plan was agreed", errors, StringComparison.Ordinal);
        await AssertNothingSavedAsync(s);
    }

    [Fact]
    public async Task A_review_in_the_future_is_refused()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var errors = await ErrorsAsync(await client.PostFormAsync($"{s.Path}/reviews/new", ReviewForm(s, Today.AddDays(1))));
        Assert.Contains("The review date must be today or in the past", errors, StringComparison.Ordinal);
        await AssertNothingSavedAsync(s);
    }

    [Fact]
    public async Task Missing_progress_summaries_and_a_score_of_11_are_refused_all_at_once_naming_the_member_and_aspect()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var form = With(ReviewForm(s, Today.AddDays(-1)), ("FamilyProgress", " "), ("TafProgress", ""),
            ($"Scores[{s.Child.Id}-education]", "11"), ($"ActionStates[{s.Actions[0].Id}]", "not-done"));
        var response = await client.PostFormAsync($"{s.Path}/reviews/new", form);
        var errors = await ErrorsAsync(response);
        Assert.Contains("Enter what is happening in the family now and what has changed", errors, StringComparison.Ordinal);
        Assert.Contains("Enter the Team Around the Family's view of progress", errors, StringComparison.Ordinal);
        Assert.Contains($"{s.Child.Name}: The score for Education must be from 0 (really worried) to 10 (all is well)", errors, StringComparison.Ordinal);
        Assert.Contains("Enter why the action \"Morning routine chart for Sam\" was not done", errors, StringComparison.Ordinal);
        var doc = await response.GetDocumentAsync();
        Assert.NotNull(doc.QuerySelector($".govuk-error-summary a[href='#score-{s.Child.Id}-education']"));
        Assert.NotNull(doc.QuerySelector($"select#score-{s.Child.Id}-education.govuk-select--error"));
        await AssertNothingSavedAsync(s);
    }

    [Fact]
    public async Task A_continue_review_rescores_settles_actions_and_moves_the_next_review_to_six_weeks_on()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var held = Today.AddDays(-2);
        var form = With(ReviewForm(s, held), ($"ActionStates[{s.Actions[1].Id}]", "open"));
        var response = await client.PostFormAsync($"{s.Path}/reviews/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = host.CreateDbContext();
        var review = await db.TafReviews.Include(r => r.Invitees).SingleAsync(r => r.PlanId == s.Plan.Id);
        Assert.Equal($"{s.Path}/reviews/{review.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(held, review.HeldOn);
        Assert.Equal(ReviewNextStep.Continue, review.NextStep);
        Assert.Equal("Mornings are calmer now", review.FamilyProgress);
        Assert.Equal(2, review.Invitees.Count);
        Assert.Contains(review.Invitees, i => i is { Name: "Nadia Nurse", Attended: false, SentUpdate: true });

        var rescored = await db.SelfAssessments.Include(a => a.Scores).Where(a => a.ReviewId == review.Id).ToListAsync();
        Assert.Equal(2, rescored.Count);
        Assert.All(rescored, a => Assert.Equal(8, a.Scores.Single(x => x.Aspect == AspectOfLife.Education).Score));
        Assert.All(rescored, a => Assert.Equal("No young children", a.Scores.Single(x => x.Aspect == AspectOfLife.PregnancyAndEarlyYears).NotApplicableReason));

        var actions = await db.EarlyHelpActions.Where(a => a.PlanId == s.Plan.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal((ActionState.Done, (int?)review.Id), (actions[0].State, actions[0].SettledAtReviewId));
        Assert.Equal((ActionState.Open, (int?)null), (actions[1].State, actions[1].SettledAtReviewId));

        var plan = await db.EarlyHelpPlans.SingleAsync(p => p.Id == s.Plan.Id);
        Assert.Equal(PlanStage.Active, plan.Stage);
        Assert.Equal(held.AddDays(42), plan.ReviewDueOn);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Detail!.Contains($"early help plan {s.Plan.Id}: review of")));

        var page = await (await client.GetAsync($"{s.Path}/reviews/{review.Id}")).GetDocumentAsync();
        Assert.Contains("Mornings are calmer now", page.QuerySelector("#family-progress")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{s.Path}/actions/new']"));
        var overview = await (await client.GetAsync(s.Path)).GetDocumentAsync();
        Assert.Contains("1 of 2", overview.QuerySelector("#reviews-table")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"#reviews a[href='{s.Path}/reviews/new']"));

        // A review before the last one is refused too.
        var earlier = await ErrorsAsync(await client.PostFormAsync($"{s.Path}/reviews/new", ReviewForm(s, held.AddDays(-1))));
        Assert.Contains("The review date must be on or after the last review", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_closing_for_a_move_needs_the_new_school_then_closes_and_tells_the_professionals_but_not_the_closer()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var held = Today.AddDays(-1);
        var form = With(ReviewForm(s, held, "close"), ("Closure", "moved-out-of-area"));
        var errors = await ErrorsAsync(await client.PostFormAsync($"{s.Path}/reviews/new", form));
        Assert.Contains("Enter the school or setting the plan is transferred to", errors, StringComparison.Ordinal);
        await AssertNothingSavedAsync(s);

        var response = await client.PostFormAsync($"{s.Path}/reviews/new", With(form, ("TransferredTo", "Seaview Primary, Cornwall")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = host.CreateDbContext();
        var plan = await db.EarlyHelpPlans.SingleAsync(p => p.Id == s.Plan.Id);
        Assert.Equal(PlanStage.Closed, plan.Stage);
        Assert.Equal(held, plan.ClosedOn);
        Assert.Equal(ClosureReason.MovedOutOfArea, plan.ClosureReason);
        Assert.Equal("Seaview Primary, Cornwall", plan.TransferredTo);
        Assert.Null(plan.ReviewDueOn);

        var notices = await db.Notifications.Where(n => n.Link == s.Path).ToListAsync();
        Assert.Equal(new[] { Contributor.Id, Lead.Id }.Order(StringComparer.Ordinal), notices.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(notices, n => n.UserId == Closer.Id);
        var family = s.Plan.FamilyName.Replace("The ", "the ", StringComparison.Ordinal);
        Assert.All(notices, n => Assert.Equal(
            $"The Family Early Help Plan for {family} was closed on {held.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}: family moved out of the area", n.Text));

        // Closed: no more reviews.
        var page = await (await client.GetAsync($"{s.Path}/reviews/new")).GetDocumentAsync();
        Assert.Contains("closed", page.QuerySelector("#cannot-review")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_with_the_maintenance_plan_saves_all_seven_answers_and_closes_the_plan()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var held = Today;
        var form = new Dictionary<string, string>
        {
            ["FinalReviewOn.Day"] = held.Day.ToString(CultureInfo.InvariantCulture), ["FinalReviewOn.Month"] = held.Month.ToString(CultureInfo.InvariantCulture),
            ["FinalReviewOn.Year"] = held.Year.ToString(CultureInfo.InvariantCulture),
            ["WhatWeLearnt"] = "Routines help", ["MostUseful"] = "The chart", ["ActionsToMaintainProgress"] = "Keep the chart going",
            ["DifficultSituations"] = "School holidays", ["IfThingsBecomeChallenging"] = "Talk to the class teacher",
            ["WhoWeCanContact"] = "The school office", ["KeyContacts"] = "School office 01234 000000",
        };
        var missing = await ErrorsAsync(await client.PostFormAsync($"{s.Path}/close", With(new(form), ("KeyContacts", ""))));
        Assert.Contains("Enter key contact numbers and names of support", missing, StringComparison.Ordinal);

        var response = await client.PostFormAsync($"{s.Path}/close", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        var m = await db.MaintenancePlans.SingleAsync(x => x.PlanId == s.Plan.Id);
        Assert.Equal((held, "Routines help", "The chart", "Keep the chart going", "School holidays", "Talk to the class teacher", "The school office", "School office 01234 000000"),
            (m.FinalReviewOn, m.WhatWeLearnt, m.MostUseful, m.ActionsToMaintainProgress, m.DifficultSituations, m.IfThingsBecomeChallenging, m.WhoWeCanContact, m.KeyContacts));
        var plan = await db.EarlyHelpPlans.SingleAsync(p => p.Id == s.Plan.Id);
        Assert.Equal((PlanStage.Closed, (ClosureReason?)ClosureReason.NeedsMetByUniversalServices, (DateOnly?)held), (plan.Stage, plan.ClosureReason, plan.ClosedOn));
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.Link == s.Path && n.Text.EndsWith(": needs met by universal services")));

        var overview = await (await client.GetAsync(s.Path)).GetDocumentAsync();
        Assert.Contains("Talk to the class teacher", overview.QuerySelector("#closure #maintenance-plan")!.TextContent, StringComparison.Ordinal);
        var again = await (await client.GetAsync($"{s.Path}/close")).GetDocumentAsync();
        Assert.NotNull(again.QuerySelector("#cannot-close"));
    }

    [Fact]
    public async Task A_review_closing_because_needs_are_met_goes_on_to_the_maintenance_plan()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var response = await client.PostFormAsync($"{s.Path}/reviews/new", With(ReviewForm(s, Today, "close"), ("Closure", "needs-met")));
        Assert.Equal($"{s.Path}/close", response.Headers.Location?.OriginalString);
        var page = await (await client.GetAsync($"{s.Path}/close")).GetDocumentAsync();
        Assert.Null(page.QuerySelector("#cannot-close"));
        Assert.NotNull(page.QuerySelector("textarea#WhatWeLearnt"));
        var overview = await (await client.GetAsync(s.Path)).GetDocumentAsync();
        Assert.NotNull(overview.QuerySelector($"#closure a[href='{s.Path}/close']"));
    }

    [Fact]
    public async Task Requesting_MASH_needs_who_completes_the_contact_form_and_puts_the_plan_with_MASH()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var form = ReviewForm(s, Today.AddDays(-3), "request-mash");
        var errors = await ErrorsAsync(await client.PostFormAsync($"{s.Path}/reviews/new", form));
        Assert.Contains("Enter who will update the assessment and complete the inter-agency contact form", errors, StringComparison.Ordinal);
        await AssertNothingSavedAsync(s);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{s.Path}/reviews/new", With(form, ("MashContactBy", "Jo Lead")))).StatusCode);
        await using var db = host.CreateDbContext();
        var plan = await db.EarlyHelpPlans.SingleAsync(p => p.Id == s.Plan.Id);
        Assert.Equal((PlanStage.WithMash, (DateOnly?)Today.AddDays(-3)), (plan.Stage, plan.MashContactOn));
        Assert.Equal("Jo Lead", (await db.TafReviews.SingleAsync(r => r.PlanId == s.Plan.Id)).MashContactBy);
    }

    [Fact]
    public async Task Progress_shows_the_scores_over_time_and_marks_where_views_differ()
    {
        var s = await ActivePlanAsync();
        var client = await host.SignedInClientAsync(Closer.Email!);
        var form = With(ReviewForm(s, Today.AddDays(-1)), ($"Scores[{s.Parent.Id}-education]", "2"), ($"Scores[{s.Child.Id}-education]", "9"),
            ($"Agrees[{s.Child.Id}]", "no"), ($"AgreeReasons[{s.Child.Id}]", "School reports many late marks"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{s.Path}/reviews/new", form)).StatusCode);

        var page = await (await client.GetAsync($"{s.Path}/progress")).GetDocumentAsync();
        var row = page.QuerySelector($"#table-{s.Parent.Id} tr[data-aspect='education']")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.StartsWith("2", cells[1], StringComparison.Ordinal);
        Assert.Single(row.QuerySelectorAll("td.eh-differs"));
        Assert.Equal("8", page.QuerySelector($"#table-{s.Parent.Id} tr[data-aspect='safety'] td:last-child")!.TextContent.Trim());
        Assert.Contains("Education", page.QuerySelector("#disagreements")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("School reports many late marks", page.QuerySelector("#practitioner-disagreed")!.TextContent, StringComparison.Ordinal);
        var chart = page.QuerySelector($"svg#chart-{s.Parent.Id}")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal($"chart-{s.Parent.Id}-title chart-{s.Parent.Id}-desc", chart.GetAttribute("aria-labelledby"));
    }

    [Fact]
    public async Task Others_cannot_see_or_record_reviews_and_contributors_cannot_record_them()
    {
        var s = await ActivePlanAsync();
        var lead = await host.SignedInClientAsync(Closer.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{s.Path}/reviews/new", ReviewForm(s, Today))).StatusCode);
        int reviewId;
        await using (var db = host.CreateDbContext())
        {
            reviewId = (await db.TafReviews.SingleAsync(r => r.PlanId == s.Plan.Id)).Id;
        }

        var pages = new[] { $"{s.Path}/reviews/new", $"{s.Path}/reviews/{reviewId}", $"{s.Path}/close", $"{s.Path}/progress" };
        foreach (var user in new[] { host.World.SecondaryHeadteacher, host.World.Users[Role.Analyst] })
        {
            var client = await host.SignedInClientAsync(user.Email!);
            foreach (var path in pages)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{s.Path}/reviews/new", ReviewForm(s, Today), formPage: "/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{s.Path}/close", new() { ["WhatWeLearnt"] = "x" }, formPage: "/")).StatusCode);
        }

        var contributor = await host.SignedInClientAsync(Contributor.Email!);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"{s.Path}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"{s.Path}/reviews/{reviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"{s.Path}/reviews/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostFormAsync($"{s.Path}/reviews/new", ReviewForm(s, Today), formPage: "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostFormAsync($"{s.Path}/close", new() { ["WhatWeLearnt"] = "x" }, formPage: "/")).StatusCode);
        await using var check = host.CreateDbContext();
        Assert.Equal(1, await check.TafReviews.CountAsync(r => r.PlanId == s.Plan.Id));
        Assert.Null(await check.MaintenancePlans.SingleOrDefaultAsync(m => m.PlanId == s.Plan.Id));
        var overview = await (await contributor.GetAsync(s.Path)).GetDocumentAsync();
        Assert.Null(overview.QuerySelector("#record-review"));
    }

    [Fact]
    public async Task A_plan_not_yet_agreed_cannot_be_reviewed()
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, Lead, stage: PlanStage.Assessment);
        var client = await host.SignedInClientAsync(Closer.Email!);
        var page = await (await client.GetAsync($"/early-help/{plan.Id}/reviews/new")).GetDocumentAsync();
        Assert.Contains("has not been agreed yet", page.QuerySelector("#cannot-review")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[method=post] button.govuk-button"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReviewTestsOnSqlite(SqliteHost fixture) : ReviewTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ReviewTestsOnPostgres(PostgresHost fixture) : ReviewTests(fixture.Host);
