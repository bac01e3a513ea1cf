using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Adulthood;

/// <summary>Who sees and changes a young person's preparing for adulthood record, on both databases.</summary>
public abstract class AdulthoodAccessTests(WaymarkTestHost host)
{
    private async Task<HttpClient> ClientAsync(WaymarkUser user) => await host.SignedInClientAsync(user.Email!);

    private async Task<HttpStatusCode> StatusAsync(WaymarkUser user, string path) => (await (await ClientAsync(user)).GetAsync(path)).StatusCode;

    [Fact]
    public async Task The_checklist_is_seen_by_the_PfA_worker_the_LA_and_the_pupils_own_school_and_refused_to_others()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        var users = host.World.Users;
        var cases = new (string Who, WaymarkUser User, Child Child, HttpStatusCode Expected)[]
        {
            ("PfA worker, EHC plan", w.PfaWorker, w.Pupil, HttpStatusCode.OK),
            ("PfA worker, care leaver", w.PfaWorker, w.CareLeaver, HttpStatusCode.OK),
            ("PfA worker, young person known to no service", w.PfaWorker, w.Unknown, HttpStatusCode.NotFound),
            ("LA officer, EHC plan", users[Role.LaOfficer], w.Pupil, HttpStatusCode.OK),
            ("LA officer, care leaver", users[Role.LaOfficer], w.CareLeaver, HttpStatusCode.OK),
            ("SENCo, own pupil", w.Senco, w.Pupil, HttpStatusCode.OK),
            ("SENCo, own pupil with no status", w.Senco, w.Unknown, HttpStatusCode.OK),
            ("SENCo, another school's pupil", w.Senco, w.OtherPupil, HttpStatusCode.NotFound),
            ("SENCo, care leaver", w.Senco, w.CareLeaver, HttpStatusCode.NotFound),
            ("headteacher, own pupil", w.Headteacher, w.Pupil, HttpStatusCode.OK),
            ("other SENCo, the first school's pupil", w.OtherSenco, w.Pupil, HttpStatusCode.NotFound),
            ("social worker with no such case", users[Role.SocialWorker], w.Pupil, HttpStatusCode.NotFound),
            ("Lead Professional with no such family", users[Role.LeadProfessional], w.Pupil, HttpStatusCode.NotFound),
        };

        foreach (var (who, user, child, expected) in cases)
        {
            Assert.True(expected == await StatusAsync(user, $"/children/{child.Id}/adulthood"), who);
        }

        // An LA officer is offered to open a young person outside their need-to-know with a reason, never shown it.
        var officer = await (await ClientAsync(users[Role.LaOfficer])).GetAsync($"/children/{w.Unknown.Id}/adulthood");
        Assert.Equal(HttpStatusCode.Redirect, officer.StatusCode);
        Assert.StartsWith($"/children/{w.Unknown.Id}/open-with-reason", officer.Headers.Location!.OriginalString, StringComparison.Ordinal);

        foreach (var role in new[] { Role.Analyst, Role.CaldicottGuardian })
        {
            Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(users[role], $"/children/{w.Pupil.Id}/adulthood"));
            Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(users[role], "/adulthood"));
        }

        await using var db = host.CreateDbContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.ChildId == w.Pupil.Id).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.PfaViewed && e.UserId == w.PfaWorker.Id);
        Assert.Contains(events, e => e.Action == AuditActions.ChildRefused && e.UserId == w.OtherSenco.Id);
        Assert.DoesNotContain(events, e => e.Action == AuditActions.PfaViewed && e.UserId == w.OtherSenco.Id);
    }

    [Fact]
    public async Task An_item_is_saved_only_when_every_problem_is_put_right_and_only_by_those_who_keep_the_checklist()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        var path = $"/children/{w.Pupil.Id}/adulthood/items/asc-assessment";
        var worker = await ClientAsync(w.PfaWorker);

        var bad = await worker.PostFormAsync(path, new()
        {
            ["Status"] = "Done", ["Owner"] = "", ["DueOn.Day"] = "31", ["DueOn.Month"] = "2", ["DueOn.Year"] = "2030", ["EvidenceNote"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var summary = (await bad.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter who owns this item", summary, StringComparison.Ordinal);
        Assert.Contains("The due date must be a real date", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the evidence that this item is done", summary, StringComparison.Ordinal);
        Assert.Contains("Select what the Adult Social Care assessment found", summary, StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.PfaChecklistItems.AnyAsync(i => i.ChildId == w.Pupil.Id));
        }

        var due = TestWorld.Today.AddDays(20);
        var good = await worker.PostFormAsync(path, new()
        {
            ["Status"] = "Done", ["Owner"] = "Sam Lee, Adult Social Care", ["DueOn.Day"] = due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueOn.Month"] = due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), ["DueOn.Year"] = due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EvidenceNote"] = "Assessment letter of last week", ["AscOutcome"] = "NotEligible",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        // The SENCo of the young person's school keeps the checklist too; the headteacher reads it; another school's SENCo never reaches it.
        var senco = await (await ClientAsync(w.Senco)).PostFormAsync($"/children/{w.Pupil.Id}/adulthood/items/travel-training", new()
        {
            ["Status"] = "InProgress", ["Owner"] = "Pat Shaw, SENCo", ["DueOn.Day"] = "1", ["DueOn.Month"] = "9", ["DueOn.Year"] = TestWorld.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, senco.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(w.Headteacher, $"/children/{w.Pupil.Id}/adulthood/items/travel-training"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(w.OtherSenco, $"/children/{w.Pupil.Id}/adulthood/items/travel-training"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(w.PfaWorker, $"/children/{w.Pupil.Id}/adulthood/items/no-such-item"));

        await using var check = host.CreateDbContext();
        var items = await check.PfaChecklistItems.AsNoTracking().Where(i => i.ChildId == w.Pupil.Id).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal([PfaItem.AscAssessmentOutcome, PfaItem.IndependentTravelTraining], items.Select(i => i.Item));
        Assert.Equal(AscOutcome.NotEligible, items[0].AscOutcome);
        Assert.Equal(due, items[0].DueOn);
        Assert.Equal(TestWorld.Today, items[0].ClosedOn);
        Assert.True(await check.AuditEvents.AnyAsync(e => e.ChildId == w.Pupil.Id && e.Action == AuditActions.PfaChanged && e.UserId == w.PfaWorker.Id));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.ChildId == w.Pupil.Id && e.Action == AuditActions.ChildRefused && e.UserId == w.Headteacher.Id));

        var page = await (await (await ClientAsync(w.PfaWorker)).GetAsync($"/children/{w.Pupil.Id}/adulthood")).GetDocumentAsync();
        Assert.Contains("Done", page.QuerySelector("#item-asc-assessment")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not eligible for Adult Social Care support", page.QuerySelector("#item-asc-assessment")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", page.QuerySelector("#item-planning-started")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("11%", page.QuerySelector("#completion")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_cohort_view_counts_bands_and_those_not_eligible_within_each_users_scope()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        await using (var db = host.CreateDbContext())
        {
            db.PfaChecklistItems.Add(new PfaChecklistItem
            {
                ChildId = w.OtherPupil.Id, Item = PfaItem.AscAssessmentOutcome, Status = PfaItemStatus.Done, Owner = "ASC", EvidenceNote = "Letter",
                AscOutcome = AscOutcome.NotEligible, DueOn = TestWorld.Today, UpdatedByUserId = w.PfaWorker.Id,
            });
            await db.SaveChangesAsync();
        }

        var all = await (await (await ClientAsync(w.PfaWorker)).GetAsync("/adulthood?show=not-eligible")).GetDocumentAsync();
        var listed = all.QuerySelector("#young-people")!.TextContent;
        Assert.Contains(w.OtherPupil.KnownAsName, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Pupil.KnownAsName, listed, StringComparison.Ordinal);

        // The PfA worker's cohort is every test's young people, so it runs to several pages.
        var everyone = "";
        var worker = await ClientAsync(w.PfaWorker);
        for (string? next = "/adulthood"; next is not null && everyone.Length < 1_000_000;)
        {
            var page = await (await worker.GetAsync(next)).GetDocumentAsync();
            everyone += page.QuerySelector("#young-people")!.TextContent;
            next = page.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href");
        }

        Assert.Contains(w.Pupil.KnownAsName, everyone, StringComparison.Ordinal);
        Assert.Contains(w.CareLeaver.KnownAsName, everyone, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Unknown.KnownAsName, everyone, StringComparison.Ordinal);

        // The SENCo's cohort is their own school's young people in the PfA years with an EHC plan.
        var school = await (await ClientAsync(w.Senco)).GetAsync("/adulthood");
        Assert.Equal(HttpStatusCode.OK, school.StatusCode);
        var doc = await school.GetDocumentAsync();
        var rows = doc.QuerySelector("#young-people")!.TextContent;
        Assert.Contains(w.Pupil.KnownAsName, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(w.OtherPupil.KnownAsName, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(w.CareLeaver.KnownAsName, rows, StringComparison.Ordinal);
        Assert.Equal("1", doc.QuerySelector("#band-FourteenToSixteen td")!.TextContent.Trim());
        Assert.Equal("0", doc.QuerySelector("#band-NineteenToTwentyOne td")!.TextContent.Trim());

        await using var check = host.CreateDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.PfaCohortViewed && e.UserId == w.Senco.Id));
    }

    [Fact]
    public async Task Care_leaver_details_and_reviews_are_kept_by_social_care_and_refused_to_schools()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        var path = $"/children/{w.CareLeaver.Id}/adulthood/care-leaver";
        var worker = await ClientAsync(w.PfaWorker);

        var future = TestWorld.Today.AddDays(3);
        var bad = await worker.PostFormAsync($"{path}?handler=Review", new()
        {
            ["ReviewedOn.Day"] = future.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReviewedOn.Month"] = future.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReviewedOn.Year"] = future.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: path);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("The review date must be today or in the past", (await bad.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var reviewed = TestWorld.Today.AddMonths(-7);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync($"{path}?handler=Review", new()
        {
            ["ReviewedOn.Day"] = reviewed.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReviewedOn.Month"] = reviewed.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReviewedOn.Year"] = reviewed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReviewNote"] = "Moving to supported lodgings",
        }, formPage: path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync($"{path}?handler=Details", new()
        {
            ["PersonalAdviser"] = "Dana Kerr", ["EetStatus"] = "Training",
        }, formPage: path)).StatusCode);

        var page = await (await worker.GetAsync(path)).GetDocumentAsync();
        var next = page.QuerySelector("#next-review")!.TextContent;
        Assert.Contains(CareLeavers.NextReviewDue(reviewed).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), next, StringComparison.Ordinal);
        Assert.Contains("Overdue", next, StringComparison.Ordinal);
        Assert.Contains("Dana Kerr", page.QuerySelector("#care-leaver-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("18 to 21", page.QuerySelector("#care-leaver-summary")!.TextContent, StringComparison.Ordinal);

        // A school may see its own pupil's checklist, but never the leaving care record; an administrator reads but does not change it.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(w.Senco, $"/children/{w.Pupil.Id}/adulthood/care-leaver"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(w.Senco, path));
        var admin = await host.SignedInClientAsync(host.World.Users[Role.LaAdmin].Email!);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostFormAsync($"{path}?handler=Details", new() { ["EetStatus"] = "Employment" }, formPage: path)).StatusCode);

        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.PathwayPlanReviews.CountAsync(r => r.ChildId == w.CareLeaver.Id));
        Assert.Equal(EetStatus.Training, (await db.CareLeaverDetails.SingleAsync(d => d.ChildId == w.CareLeaver.Id)).EetStatus);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == w.Pupil.Id && e.Action == AuditActions.ChildRefused && e.UserId == w.Senco.Id));
    }

    [Fact]
    public async Task A_joint_panel_is_arranged_cases_listed_and_decisions_recorded_by_PfA_workers_only()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        var worker = await ClientAsync(w.PfaWorker);
        var day = TestWorld.Today.AddDays(Random.Shared.Next(30, 3000));
        Dictionary<string, string> Date(string name) => new()
        {
            [$"{name}.Day"] = day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{name}.Month"] = day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{name}.Year"] = day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var one = await worker.PostFieldsAsync("/adulthood/panels", [.. Date("MeetsOn"), new("Agencies", "Health")]);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains("Select at least 2 agencies present", (await one.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var made = await worker.PostFieldsAsync("/adulthood/panels", [.. Date("MeetsOn"), new("Agencies", "Health"), new("Agencies", "AdultSocialCare")]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var panelPath = made.Headers.Location!.OriginalString;
        int panelId;
        await using (var db = host.CreateDbContext())
        {
            panelId = (await db.JointPanels.SingleAsync(p => p.MeetsOn == day)).Id;
        }

        var listPath = $"/children/{w.Pupil.Id}/adulthood/list-for-panel";
        var noReason = await worker.PostFormAsync(listPath, new() { ["PanelId"] = panelId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Enter why the young person is listed", (await noReason.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(listPath, new()
        {
            ["PanelId"] = panelId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Housing at 18 with complex health needs",
        })).StatusCode);

        int caseId;
        await using (var db = host.CreateDbContext())
        {
            caseId = (await db.JointPanelCases.SingleAsync(c => c.PanelId == panelId)).Id;
        }

        var casePath = $"/adulthood/panels/{panelId}/cases/{caseId}";
        var noOwner = await worker.PostFormAsync(casePath, new() { ["Decision"] = "Refer to housing", ["Actions"] = "Housing assessment" });
        Assert.Contains("Enter who will do the actions", (await noOwner.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync(casePath, new()
        {
            ["Decision"] = "Refer to housing", ["Actions"] = "Housing assessment", ["ActionsOwner"] = "Lee Moss, Housing",
        })).StatusCode);

        var panel = await (await worker.GetAsync(panelPath)).GetDocumentAsync();
        Assert.Contains(w.Pupil.KnownAsName, panel.QuerySelector("#cases")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refer to housing", panel.QuerySelector("#cases")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Adult Social Care", panel.QuerySelector("#agencies")!.TextContent, StringComparison.Ordinal);

        // Schools and caseload roles other than PfA workers do not see panels; the administrator sees but does not change them.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(w.Senco, "/adulthood/panels"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(w.Senco, panelPath));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host.World.Users[Role.SocialWorker], panelPath));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(w.Senco, listPath));
        var admin = await host.SignedInClientAsync(host.World.Users[Role.LaAdmin].Email!);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(panelPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(casePath)).StatusCode);

        await using var check = host.CreateDbContext();
        var saved = await check.JointPanelCases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        Assert.Equal("Lee Moss, Housing", saved.ActionsOwner);
        var changes = await check.AuditEvents.AsNoTracking().Where(e => e.ChildId == w.Pupil.Id && e.Action == AuditActions.PfaChanged).Select(e => e.Detail).ToListAsync();
        Assert.Contains(changes, d => d!.Contains("decision recorded", StringComparison.Ordinal));
        Assert.Contains(changes, d => d!.Contains("listed for the joint panel", StringComparison.Ordinal));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.JointPanelChanged && e.UserId == w.PfaWorker.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdulthoodAccessTestsOnSqlite(SqliteHost fixture) : AdulthoodAccessTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class AdulthoodAccessTestsOnPostgres(PostgresHost fixture) : AdulthoodAccessTests(fixture.Host);
