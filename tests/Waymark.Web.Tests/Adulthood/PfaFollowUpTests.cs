using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Send;
using Waymark.Testing;
using Waymark.Web.Features.Adulthood;
using Waymark.Web.Tests.EarlyHelp;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.Adulthood;

/// <summary>
/// The checklist's link to the EHC plan reviews, overdue work reaching the PfA worker (home page and notifications), and
/// the cohort view's pages and downloads, on both databases.
/// </summary>
public abstract class PfaFollowUpTests(WaymarkTestHost host)
{
    private async Task<HttpClient> ClientAsync(WaymarkUser user) => await host.SignedInClientAsync(user.Email!);

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Overdue checklist items of someone with nothing recorded: every item whose age has passed.</summary>
    private static int OverdueByAge(Child c) =>
        PfaItems.All.Count(i => PfaChecklist.IsOverdue(PfaItemStatus.NotStarted, PfaChecklist.DefaultDueOn(i, c.DateOfBirth), TestWorld.Today));

    [Fact]
    public async Task The_checklist_shows_the_EHC_plans_last_and_next_annual_review_and_links_to_the_pathway_for_SEND_roles_only()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        var planStart = TestWorld.Today.AddYears(-2);
        var met = TestWorld.Today.AddMonths(-11);
        await using (var db = host.CreateDbContext())
        {
            db.EhcAnnualReviews.Add(new EhcAnnualReview
            {
                ChildId = w.Pupil.Id, MeetingOn = met, DecidedOn = met.AddDays(10), Outcome = ReviewOutcome.Maintain, CreatedByUserId = w.PfaWorker.Id,
            });
            await db.SaveChangesAsync();
        }

        var page = await (await (await ClientAsync(w.PfaWorker)).GetAsync($"/children/{w.Pupil.Id}/adulthood")).GetDocumentAsync();
        Assert.Contains(Day(met), page.QuerySelector("#ehc-last-review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(AnnualReviews.DisplayName(ReviewOutcome.Maintain), page.QuerySelector("#ehc-last-review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Day(AnnualReviews.DueOn(planStart, met)), page.QuerySelector("#ehc-next-review")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", page.QuerySelector("#ehc-next-review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("8.9 to 8.12", page.QuerySelector("#ehc-pfa-note")!.TextContent, StringComparison.Ordinal);

        // The PfA worker does not work on SEND, so is not sent to the EHC pathway; the school's SENCo is.
        Assert.Null(page.QuerySelector("#ehc-pathway-link"));
        var senco = await (await (await ClientAsync(w.Senco)).GetAsync($"/children/{w.Pupil.Id}/adulthood")).GetDocumentAsync();
        Assert.Equal($"/children/{w.Pupil.Id}/send", senco.QuerySelector("#ehc-pathway-link")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await (await ClientAsync(w.Senco)).GetAsync($"/children/{w.Pupil.Id}/send")).StatusCode);

        // No review since the plan was issued two years ago: the first was due a year ago.
        var other = await (await (await ClientAsync(w.PfaWorker)).GetAsync($"/children/{w.OtherPupil.Id}/adulthood")).GetDocumentAsync();
        Assert.Contains("None since the plan was issued on " + Day(planStart), other.QuerySelector("#ehc-last-review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Day(AnnualReviews.DueOn(planStart, null)), other.QuerySelector("#ehc-next-review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue", other.QuerySelector("#ehc-next-review")!.TextContent, StringComparison.Ordinal);

        // A care leaver without an EHC plan has no reviews to show.
        var leaver = await (await (await ClientAsync(w.PfaWorker)).GetAsync($"/children/{w.CareLeaver.Id}/adulthood")).GetDocumentAsync();
        Assert.Null(leaver.QuerySelector("#ehc-reviews"));
    }

    [Fact]
    public async Task The_PfA_workers_home_page_counts_overdue_items_and_reviews_in_their_caseload_and_other_roles_see_no_such_count()
    {
        var first = await AdulthoodData.NewWorldAsync(host);
        var before = await HomeCountsAsync(first.PfaWorker);

        var w = await AdulthoodData.NewWorldAsync(host);
        await using (var db = host.CreateDbContext())
        {
            // The care leaver's pathway plan began seven months ago with no review since: the first review is overdue.
            db.CareLeaverDetails.Add(new CareLeaverDetails
            {
                ChildId = w.CareLeaver.Id, EetStatus = EetStatus.Training, PathwayPlanStartedOn = TestWorld.Today.AddMonths(-7), UpdatedByUserId = w.PfaWorker.Id,
            });

            // One of the pupil's overdue items done: one fewer overdue.
            db.PfaChecklistItems.Add(new PfaChecklistItem
            {
                ChildId = w.Pupil.Id, Item = PfaItem.PlanningStarted, Status = PfaItemStatus.Done, Owner = "Sam Lee", EvidenceNote = "Plan agreed",
                DueOn = PfaChecklist.DefaultDueOn(PfaItem.PlanningStarted, w.Pupil.DateOfBirth), ClosedOn = TestWorld.Today, UpdatedByUserId = w.PfaWorker.Id,
            });
            await db.SaveChangesAsync();
        }

        var after = await HomeCountsAsync(first.PfaWorker);
        Assert.Equal(before.Items + OverdueByAge(w.Pupil) - 1 + OverdueByAge(w.OtherPupil) + OverdueByAge(w.CareLeaver), after.Items);
        Assert.Equal(before.Reviews + 1, after.Reviews);

        // The count leads to the cohort view filtered to overdue, where the care leaver's review is marked.
        var home = await (await (await ClientAsync(w.PfaWorker)).GetAsync("/")).GetDocumentAsync();
        Assert.Equal("/adulthood?show=overdue", home.QuerySelector("#pfa-overdue a")!.GetAttribute("href"));
        var listed = await AllPagesAsync(w.PfaWorker, "/adulthood?show=overdue");
        var leaverRow = listed.Single(r => r.TextContent.Contains(w.CareLeaver.KnownAsName, StringComparison.Ordinal));
        Assert.Contains("Overdue", leaverRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(listed, r => r.TextContent.Contains(w.Unknown.KnownAsName, StringComparison.Ordinal));

        // Other roles, even those who keep checklists, have no PfA count on their home page.
        foreach (var user in new[] { w.Senco, host.World.Users[Role.LaOfficer], host.World.Users[Role.SocialWorker], host.World.Users[Role.Analyst] })
        {
            var page = await (await ClientAsync(user)).GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null((await page.GetDocumentAsync()).QuerySelector("#pfa-overdue"));
        }
    }

    [Fact]
    public async Task The_cohort_view_pages_fifty_at_a_time_keeping_its_filters()
    {
        var (_, senco, names) = await CohortOfAsync(55);

        var client = await ClientAsync(senco);
        var first = await (await client.GetAsync("/adulthood?band=FourteenToSixteen&show=overdue")).GetDocumentAsync();
        Assert.Equal(names.Take(50), Names(first));
        Assert.Contains("1 to 50 of 55", first.QuerySelector("#young-people caption")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Equal("/adulthood?band=FourteenToSixteen&show=overdue&PageNumber=2", next);
        Assert.Null(first.QuerySelector(".govuk-pagination__prev"));

        var second = await (await client.GetAsync(next)).GetDocumentAsync();
        Assert.Equal(names.Skip(50), Names(second));
        Assert.Equal("/adulthood?band=FourteenToSixteen&show=overdue", second.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".govuk-pagination__next"));

        // A page past the end shows the last; a filter that matches nobody shows no pages.
        Assert.Equal(names.Skip(50), Names(await (await client.GetAsync("/adulthood?show=overdue&PageNumber=9")).GetDocumentAsync()));
        var none = await (await client.GetAsync("/adulthood?show=care-leavers")).GetDocumentAsync();
        Assert.NotNull(none.QuerySelector("#no-young-people"));
        Assert.Null(none.QuerySelector(".govuk-pagination"));

        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PfaCohortViewed && e.UserId == senco.Id && e.Detail!.Contains("page 2 of 2")));
    }

    [Fact]
    public async Task The_cohort_downloads_as_CSV_and_XLSX_with_every_page_audited_and_refused_to_those_without_the_cohort()
    {
        var (_, senco, names) = await CohortOfAsync(52);
        var client = await ClientAsync(senco);

        var csv = await client.GetAsync("/adulthood?show=overdue&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Age,Age band,Group,Checklist complete (%),Overdue checklist items,Next pathway plan review due,Pathway plan review overdue,Adult Social Care", lines[0]);
        Assert.Equal(53, lines.Length);
        Assert.Equal(names, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("Preparing for adulthood planning started (due", lines[1], StringComparison.Ordinal);
        Assert.Contains(",16,", lines[1], StringComparison.Ordinal);

        var xlsx = await client.GetAsync("/adulthood?show=overdue&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var sheet = book.Worksheet(1);
            Assert.Equal("Name", sheet.Cell(1, 1).GetString());
            Assert.Equal("Adult Social Care", sheet.Cell(1, 9).GetString());
            Assert.Equal(names[51], sheet.Cell(53, 1).GetString());
            Assert.True(sheet.Cell(54, 1).IsEmpty());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/adulthood?format=pdf")).StatusCode);

        // Roles that may not see the cohort are refused the download as they are the page.
        var analyst = host.World.Users[Role.Analyst];
        var refused = await (await ClientAsync(analyst)).GetAsync("/adulthood?format=csv");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);

        await using var db = host.CreateDbContext();
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.TableDownloaded && e.UserId == senco.Id).Select(e => e.Detail!).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, d => Assert.Contains("preparing for adulthood cohort, 52 young people (band all, show overdue)", d, StringComparison.Ordinal));
        Assert.Contains(audited, d => d.Contains("(CSV)", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.Contains("(XLSX)", StringComparison.Ordinal));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.TableDownloaded && e.UserId == analyst.Id && e.Detail!.Contains("adulthood")));
    }

    [Fact]
    public async Task Newly_overdue_work_is_notified_to_PfA_workers_once_however_often_the_notices_run()
    {
        var w = await AdulthoodData.NewWorldAsync(host);
        var today = TestWorld.Today;
        await using (var db = host.CreateDbContext())
        {
            db.PfaChecklistItems.Add(new PfaChecklistItem
            {
                ChildId = w.Pupil.Id, Item = PfaItem.IndependentTravelTraining, Status = PfaItemStatus.InProgress, Owner = "Travel team",
                DueOn = today.AddDays(-2), UpdatedByUserId = w.PfaWorker.Id,
            });
            db.PathwayPlanReviews.Add(new PathwayPlanReview { ChildId = w.CareLeaver.Id, ReviewedOn = today.AddDays(-3).AddMonths(-6), RecordedByUserId = w.PfaWorker.Id });
            await db.SaveChangesAsync();
        }

        var lastRun = today.AddDays(-10);
        for (var run = 0; run < 2; run++)
        {
            await using var db = host.CreateDbContext();
            await PfaOverdueNotices.AddAsync(db, today, lastRun, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using var check = host.CreateDbContext();
        var mine = await check.Notifications.AsNoTracking().Where(n => n.UserId == w.PfaWorker.Id).ToListAsync();
        var pupil = Assert.Single(mine, n => n.ChildId == w.Pupil.Id);
        Assert.Contains("Independent travel training (due " + Day(today.AddDays(-2)) + ")", pupil.Text, StringComparison.Ordinal);
        Assert.Equal($"/children/{w.Pupil.Id}/adulthood", pupil.Link);
        var leaver = Assert.Single(mine, n => n.ChildId == w.CareLeaver.Id);
        Assert.Contains("pathway plan review (due " + Day(CareLeavers.NextReviewDue(today.AddDays(-3).AddMonths(-6))) + ")", leaver.Text, StringComparison.Ordinal);

        // The other pupil's items fell overdue long ago (on the home page, not news); the SENCo is not a PfA worker.
        Assert.DoesNotContain(mine, n => n.ChildId == w.OtherPupil.Id);
        Assert.False(await check.Notifications.AnyAsync(n => n.UserId == w.Senco.Id));

        // The PfA worker reads it on the notifications page.
        var page = await (await (await ClientAsync(w.PfaWorker)).GetAsync("/notifications")).GetDocumentAsync();
        Assert.Contains(w.Pupil.KnownAsName, page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(int Items, int Reviews)> HomeCountsAsync(WaymarkUser worker)
    {
        var doc = await (await (await ClientAsync(worker)).GetAsync("/")).GetDocumentAsync();
        Assert.NotNull(doc.QuerySelector("#pfa-overdue"));
        return (int.Parse(doc.QuerySelector("#pfa-overdue-items")?.TextContent ?? "0", CultureInfo.InvariantCulture),
            int.Parse(doc.QuerySelector("#pfa-overdue-reviews")?.TextContent ?? "0", CultureInfo.InvariantCulture));
    }

    /// <summary>Every row of the cohort table, following the pages.</summary>
    private async Task<IReadOnlyList<IElement>> AllPagesAsync(WaymarkUser user, string path)
    {
        var client = await ClientAsync(user);
        var rows = new List<IElement>();
        for (string? next = path; next is not null && rows.Count < 10_000;)
        {
            var doc = await (await client.GetAsync(next)).GetDocumentAsync();
            rows.AddRange(doc.QuerySelectorAll("#young-people tbody tr"));
            next = doc.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href");
        }

        return rows;
    }

    private static List<string> Names(IDocument doc) => doc.QuerySelectorAll("#young-people tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();

    /// <summary>A school of its own with a SENCo and <paramref name="count"/> 16-year-olds with EHC plans and nothing recorded, named in the view's order.</summary>
    private async Task<(School School, WaymarkUser Senco, List<string> Names)> CohortOfAsync(int count)
    {
        var school = await ProgrammeData.NewSchoolAsync(host, "PfA Paging Secondary", Domain.Schools.SchoolPhase.Secondary);
        var senco = await EarlyHelpData.NewUserAsync(host, Role.Senco, school);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var dob = TestWorld.Today.AddYears(-16).AddDays(-60);
        var names = new List<string>();
        await using var db = host.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            var child = TestWorld.NewChild("Page", $"P{i:00}{tag}", dob, Sex.Female, school.EstablishmentNumber, i + 1);
            child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = TestWorld.Today.AddYears(-2) });
            db.Children.Add(child);
            names.Add(child.KnownAsName);
        }

        await db.SaveChangesAsync();
        return (school, senco, names);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PfaFollowUpTestsOnSqlite(SqliteHost fixture) : PfaFollowUpTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class PfaFollowUpTestsOnPostgres(PostgresHost fixture) : PfaFollowUpTests(fixture.Host);
