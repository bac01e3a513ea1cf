using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Features.EarlyHelp.Reports;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.EarlyHelp;

/// <summary>Who sees which family's plan, on the plan itself, the worklist, the child's record, the home page and the LA's figures.</summary>
public abstract class PlanAccessTests(WaymarkTestHost host)
{
    private sealed record Families(
        School School, WaymarkUser Senco, WaymarkUser Headteacher, WaymarkUser LeadProfessional, WaymarkUser OtherLeadProfessional,
        EarlyHelpPlan SchoolLed, Child SchoolLedChild, EarlyHelpPlan LpLed, Child LpLedChild);

    private async Task<Families> FamiliesAsync()
    {
        var school = await ProgrammeData.NewSchoolAsync(host, "Early Help Primary");
        var senco = await EarlyHelpData.NewUserAsync(host, Role.Senco, school);
        var head = await EarlyHelpData.NewUserAsync(host, Role.Headteacher, school);
        var lp = await EarlyHelpData.NewUserAsync(host, Role.LeadProfessional);
        var otherLp = await EarlyHelpData.NewUserAsync(host, Role.LeadProfessional);
        var schoolChild = await EarlyHelpData.NewPupilAsync(host, school, "Skye", "Walsh");
        var lpChild = await EarlyHelpData.NewPupilAsync(host, school, "Theo", "Marsh");
        var schoolLed = await EarlyHelpData.NewPlanAsync(host, senco, schoolChild, PlanStage.Active);
        var lpLed = await EarlyHelpData.NewPlanAsync(host, lp, lpChild, PlanStage.Active, agreedDaysAgo: 50);
        return new Families(school, senco, head, lp, otherLp, schoolLed, schoolChild, lpLed, lpChild);
    }

    private async Task<HttpStatusCode> StatusAsync(string email, string path) =>
        (await (await host.SignedInClientAsync(email)).GetAsync(path)).StatusCode;

    [Fact]
    public async Task Each_plan_is_seen_by_the_LA_its_Lead_Professional_and_its_school_and_by_nobody_else()
    {
        var f = await FamiliesAsync();
        var world = host.World;
        var cases = new (string Who, string Email, HttpStatusCode SchoolLed, HttpStatusCode LpLed)[]
        {
            ("LA officer", world.Users[Role.LaOfficer].Email!, HttpStatusCode.OK, HttpStatusCode.OK),
            ("advisory teacher", world.Users[Role.AdvisoryTeacher].Email!, HttpStatusCode.OK, HttpStatusCode.OK),
            ("the Lead Professional's SENCo", f.Senco.Email!, HttpStatusCode.OK, HttpStatusCode.NotFound),
            ("the lead school's headteacher", f.Headteacher.Email!, HttpStatusCode.OK, HttpStatusCode.NotFound),
            ("the Lead Professional", f.LeadProfessional.Email!, HttpStatusCode.NotFound, HttpStatusCode.OK),
            ("another Lead Professional", f.OtherLeadProfessional.Email!, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("another school's SENCo", world.Users[Role.Senco].Email!, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("a social worker", world.Users[Role.SocialWorker].Email!, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("an analyst", world.Users[Role.Analyst].Email!, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("the Caldicott Guardian", world.Users[Role.CaldicottGuardian].Email!, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
        };

        foreach (var (who, email, schoolLed, lpLed) in cases)
        {
            Assert.True(schoolLed == await StatusAsync(email, $"/early-help/{f.SchoolLed.Id}"), $"{who} on the school-led plan");
            Assert.True(lpLed == await StatusAsync(email, $"/early-help/{f.LpLed.Id}"), $"{who} on the Lead Professional's plan");
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(world.Users[Role.LaOfficer].Email!, $"/early-help/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Reading_a_plan_is_audited_against_each_child_and_a_refusal_is_audited_too()
    {
        var f = await FamiliesAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(f.LeadProfessional.Email!, $"/early-help/{f.LpLed.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(f.OtherLeadProfessional.Email!, $"/early-help/{f.LpLed.Id}"));

        await using var db = host.CreateDbContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.ChildId == f.LpLedChild.Id).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.EarlyHelpViewed && e.UserId == f.LeadProfessional.Id && e.Detail!.Contains(f.LpLed.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(events, e => e.Action == AuditActions.ChildRefused && e.UserId == f.OtherLeadProfessional.Id);
        Assert.DoesNotContain(events, e => e.Action == AuditActions.EarlyHelpViewed && e.UserId == f.OtherLeadProfessional.Id);
    }

    [Fact]
    public async Task A_contributor_with_an_action_sees_the_plan_and_only_the_Lead_Professional_side_may_change_it()
    {
        var f = await FamiliesAsync();
        var contributor = host.World.SecondaryHeadteacher;
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(contributor.Email!, $"/early-help/{f.LpLed.Id}"));
        await using (var db = host.CreateDbContext())
        {
            db.EarlyHelpActions.Add(new EarlyHelpAction
            {
                PlanId = f.LpLed.Id, Aspect = AspectOfLife.Education, What = "Mentoring at the new school", Who = "Hollins Academy",
                ResponsibleUserId = contributor.Id, ResponsibleSchoolId = contributor.SchoolId, ByWhen = TestWorld.Today.AddDays(20), HopedDifference = "Settles in",
                Readiness = 4, State = ActionState.Open,
            });
            await db.SaveChangesAsync();
        }

        var page = await (await (await host.SignedInClientAsync(contributor.Email!)).GetAsync($"/early-help/{f.LpLed.Id}")).GetDocumentAsync();
        Assert.Contains(f.LpLed.FamilyName, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // The overview offers changes only to those who may make them.
        Assert.Null(page.QuerySelector("a[href$='/lead-professional']"));
        var lead = await (await (await host.SignedInClientAsync(f.LeadProfessional.Email!)).GetAsync($"/early-help/{f.LpLed.Id}")).GetDocumentAsync();
        Assert.NotNull(lead.QuerySelector("a[href$='/lead-professional']"));

        // The secondary school's other staff see it too: the school contributes.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host.World.SecondarySenco.Email!, $"/early-help/{f.LpLed.Id}"));
    }

    [Fact]
    public async Task The_worklist_lists_the_users_plans_overdue_first_and_the_LA_sees_all()
    {
        var f = await FamiliesAsync();

        var lp = await (await (await host.SignedInClientAsync(f.LeadProfessional.Email!)).GetAsync("/early-help")).GetDocumentAsync();
        var rows = lp.QuerySelectorAll("#open-plans tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(rows);
        Assert.Contains(f.LpLed.FamilyName, rows[0], StringComparison.Ordinal);
        Assert.Contains("Overdue", rows[0], StringComparison.Ordinal);
        Assert.NotNull(lp.QuerySelector("#overdue-warning"));

        var senco = await (await (await host.SignedInClientAsync(f.Senco.Email!)).GetAsync("/early-help")).GetDocumentAsync();
        var sencoRows = senco.QuerySelectorAll("#open-plans tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(sencoRows, r => r.Contains(f.SchoolLed.FamilyName, StringComparison.Ordinal));
        Assert.DoesNotContain(sencoRows, r => r.Contains(f.LpLed.FamilyName, StringComparison.Ordinal));

        var officer = await (await (await host.SignedInClientAsync(host.World.Users[Role.LaOfficer].Email!)).GetAsync("/early-help?show=overdue")).GetDocumentAsync();
        var overdue = officer.QuerySelectorAll("#open-plans tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(overdue, r => r.Contains(f.LpLed.FamilyName, StringComparison.Ordinal));
        Assert.DoesNotContain(overdue, r => r.Contains(f.SchoolLed.FamilyName, StringComparison.Ordinal));

        var home = await (await (await host.SignedInClientAsync(f.LeadProfessional.Email!)).GetAsync("/")).GetDocumentAsync();
        Assert.Equal("1", home.QuerySelector("#early-help-overdue")!.TextContent.Trim());

        var analyst = await (await host.SignedInClientAsync(host.World.Users[Role.Analyst].Email!)).GetAsync("/early-help");
        Assert.Equal("/early-help/reports", analyst.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host.World.Users[Role.CaldicottGuardian].Email!, "/early-help"));
    }

    [Fact]
    public async Task A_Lead_Professional_opens_the_records_of_the_children_in_their_families_while_the_plan_is_current()
    {
        var f = await FamiliesAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(f.LeadProfessional.Email!, $"/children/{f.LpLedChild.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(f.LeadProfessional.Email!, $"/children/{f.SchoolLedChild.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(f.OtherLeadProfessional.Email!, $"/children/{f.LpLedChild.Id}"));

        await using (var db = host.CreateDbContext())
        {
            var plan = await db.EarlyHelpPlans.SingleAsync(p => p.Id == f.LpLed.Id);
            (plan.Stage, plan.ClosedOn, plan.ClosureReason) = (PlanStage.Closed, TestWorld.Today.AddDays(-400), ClosureReason.NeedsMetByUniversalServices);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(f.LeadProfessional.Email!, $"/children/{f.LpLedChild.Id}"));
    }

    [Fact]
    public async Task The_LA_figures_count_plans_by_tier_and_agency_and_average_the_change_in_scores_to_closure()
    {
        var today = TestWorld.Today;

        // Closures dated ahead of today, so these figures are this test's own whatever other tests closed.
        var since = today.AddDays(900);
        var lp = await EarlyHelpData.NewUserAsync(host, Role.LeadProfessional);
        var first = await EarlyHelpData.NewPlanAsync(host, lp, stage: PlanStage.Active);
        var second = await EarlyHelpData.NewPlanAsync(host, lp, stage: PlanStage.Active);
        await using (var db = host.CreateDbContext())
        {
            foreach (var (plan, education, safety) in new[] { (first, 7, 9), (second, 4, 5) })
            {
                var review = new TafReview
                {
                    PlanId = plan.Id, HeldOn = today, FamilyProgress = "Better", TafProgress = "Better", NextStep = ReviewNextStep.Close,
                    ClosureReason = ClosureReason.NeedsMetByUniversalServices, RecordedByUserId = lp.Id,
                };
                db.TafReviews.Add(review);
                await db.SaveChangesAsync();
                var parent = await db.FamilyMembers.SingleAsync(m => m.PlanId == plan.Id && m.Role == FamilyRole.ParentOrCarer);
                db.SelfAssessments.Add(new SelfAssessment
                {
                    PlanId = plan.Id, ReviewId = review.Id, MemberId = parent.Id, AssessedOn = today, PractitionerAgrees = true, RecordedByUserId = lp.Id,
                    Scores = [new AspectScore { Aspect = AspectOfLife.Education, Score = education }, new AspectScore { Aspect = AspectOfLife.Safety, Score = safety }],
                });
                var stored = await db.EarlyHelpPlans.SingleAsync(p => p.Id == plan.Id);
                (stored.Stage, stored.ClosedOn, stored.ClosureReason, stored.ReviewDueOn) = (PlanStage.Closed, since.AddDays(1), ClosureReason.NeedsMetByUniversalServices, null);
                await db.SaveChangesAsync();
            }
        }

        await using var read = host.CreateDbContext();
        var figures = await EarlyHelpFigures.LoadAsync(read, today, since);

        // Education was 3 at the plan for both parents: +4 and +1 average +2.5; Safety 7 → 9 and 7 → 5: +2 and −2, average 0.
        Assert.Equal([AspectOfLife.Education, AspectOfLife.Safety], figures.ScoreChanges.Select(c => c.Aspect));
        Assert.Equal(2.5m, figures.ScoreChanges[0].AverageChange);
        Assert.Equal(2, figures.ScoreChanges[0].People);
        Assert.Equal(0m, figures.ScoreChanges[1].AverageChange);
        Assert.Equal(2, figures.Closures[ClosureReason.NeedsMetByUniversalServices]);
        Assert.Equal(2, figures.Closed);
    }

    [Fact]
    public async Task The_figures_page_is_for_the_LA_and_analysts_only_and_is_audited()
    {
        var lp = await EarlyHelpData.NewUserAsync(host, Role.LeadProfessional);
        await EarlyHelpData.NewPlanAsync(host, lp, stage: PlanStage.Active, agreedDaysAgo: 60);

        var page = await (await (await host.SignedInClientAsync(host.World.Users[Role.Analyst].Email!)).GetAsync("/early-help/reports")).GetDocumentAsync();
        Assert.Contains("Test agency", page.QuerySelector("#by-agency")!.TextContent, StringComparison.Ordinal);
        Assert.True(int.Parse(page.QuerySelector("#overdue-count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 1);

        foreach (var role in new[] { Role.Senco, Role.SocialWorker, Role.LeadProfessional, Role.CaldicottGuardian })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host.World.Users[role].Email!, "/early-help/reports"));
        }

        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.EarlyHelpReportViewed && e.UserId == host.World.Users[Role.Analyst].Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlanAccessTestsOnSqlite(SqliteHost fixture) : PlanAccessTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class PlanAccessTestsOnPostgres(PostgresHost fixture) : PlanAccessTests(fixture.Host);
