using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The evaluation form and its results, chart and table alternative in Chromium, checked by axe.</summary>
public abstract class EvaluationPageTests(BrowserHost browser)
{
    /// <summary>An intervention of four children and a pool of six, in an academic year long ago that no other test uses.</summary>
    private async Task<string> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var start = new DateOnly(1995, 3, 6);
        await using var db = browser.Host.CreateDbContext();
        var officer = browser.Host.World.Users[Role.LaOfficer];
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 7900, Name = $"Chart Primary {tag}", Phase = SchoolPhase.Primary, Type = "Community school" };
        var intervention = new Intervention { Name = $"Reading club {tag}" };
        db.Schools.Add(school);
        db.Interventions.Add(intervention);
        int[][] rates = [[80, 90], [60, 80], [70, 80], [90, 100], [80, 80], [60, 70], [70, 70], [90, 90], [50, 50], [40, 60]];
        for (var k = 0; k < rates.Length; k++)
        {
            var child = TestWorld.NewChild("Eve", $"Chart{tag}", new DateOnly(1985, 1, 15), Sex.Female, school.EstablishmentNumber, 900 + k);
            child.Enrolments.Add(new Enrolment { School = school, StartDate = start.AddYears(-3), Type = EnrolmentType.Single });
            db.Children.Add(child);
            var marks = new YearMarks(AcademicYear.Containing(start));
            for (var i = 0; i < 10; i++)
            {
                marks.Set(start.AddDays(-80 + i), Session.AM, i < rates[k][0] / 10 ? AttendanceCodes.Present : AttendanceCodes.Get("O"));
                marks.Set(start.AddDays(10 + i), Session.AM, i < rates[k][1] / 10 ? AttendanceCodes.Present : AttendanceCodes.Get("O"));
            }

            db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, School = school, AcademicYear = marks.Year.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow });
            if (k < 4)
            {
                db.InterventionEnrolments.Add(new InterventionEnrolment
                {
                    Child = child, Intervention = intervention, Provider = "School", StartDate = start, CreatedByUserId = officer.Id, CreatedAtUtc = DateTime.UtcNow,
                });
            }
        }

        await db.SaveChangesAsync();
        return intervention.Name;
    }

    [Fact]
    public async Task An_LA_officer_runs_an_evaluation_and_the_form_results_and_chart_pass_axe()
    {
        var name = await SeedAsync();
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));

        await page.GetByRole(AriaRole.Link, new() { Name = "Figures", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme evaluation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Evaluate a programme");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Programme").SelectOptionAsync(new SelectOptionValue { Label = $"Intervention: {name}" });
        await page.GetByLabel("3 months (91 days) before and after").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the evaluation" }).ClickAsync();

        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("#matched")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Attendance rate before and after: programme and comparison groups" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Attendance rate (%): mean for each group before and after the start" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class EvaluationPageTestsOnSqlite(SqliteBrowserHost host) : EvaluationPageTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class EvaluationPageTestsOnPostgres(PostgresBrowserHost host) : EvaluationPageTests(host);
