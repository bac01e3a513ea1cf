using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The three attendance pages in Chromium, reached the way an LA officer would, each checked by axe.</summary>
public abstract class AttendancePagesTests(BrowserHost browser)
{
    // Every category of mark, so each colour of the calendar and key is on the page for axe's contrast check.
    private static readonly string[] Pattern = ["/", "/", "L", "/", "I", "M", "N", "O", "V", "K", "#", "/", "G", "/", "/", "/", "C2", "/", "U", "/"];

    /// <summary>
    /// A child on no school's roll (so the fixed world's rolls stay as they are) with marks at the secondary
    /// school from 1 September to today, or the first eight weeks of the year, and one correction.
    /// </summary>
    private async Task<Guid> ChildWithMarksAsync()
    {
        var world = browser.Host.World;
        var year = TestWorld.ThisYear;
        await using var db = browser.Host.CreateDbContext();
        var child = TestWorld.NewChild("Ava", "Marks", new DateOnly(year.StartYear - 12, 5, 5), Waymark.Domain.Children.Sex.Female, 4001, 991);
        db.Children.Add(child);
        await db.SaveChangesAsync();

        var marks = new YearMarks(year);
        var last = TestWorld.Today < year.Start.AddDays(56) ? TestWorld.Today : year.Start.AddDays(56);
        var i = 0;
        for (var day = year.Start; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            marks.Set(day, Session.AM, AttendanceCodes.Get(Pattern[i++ % Pattern.Length]));
            marks.Set(day, Session.PM, AttendanceCodes.Get(Pattern[i++ % Pattern.Length]));
        }

        db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = world.Secondary.Id, AcademicYear = year.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow });
        db.AttendanceMarkChanges.Add(new AttendanceMarkChange
        {
            ChildId = child.Id, SchoolId = world.Secondary.Id, Date = year.Start, Session = Session.AM, OldCode = "N", NewCode = "/",
            ChangedAtUtc = DateTime.UtcNow, ChangedByUserId = world.Users[Role.LaOfficer].Id, Source = "register correction",
        });
        await db.SaveChangesAsync();
        return child.Id;
    }

    [Fact]
    public async Task The_LA_view_a_schools_attendance_and_a_childs_attendance_pass_axe()
    {
        var childId = await ChildWithMarksAsync();
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));

        await page.GetByRole(AriaRole.Link, new() { Name = "Attendance", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Attendance across the LA");
        await Assertions.Expect(page.Locator("#by-school")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#by-school").GetByRole(AriaRole.Link, new() { Name = "Hollins Academy" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Attendance");
        await Assertions.Expect(page.Locator("#by-week")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The period choice is a plain GET form: no JavaScript needed.
        await page.GetByLabel("Figures for").SelectOptionAsync("term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Contains("period=term", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#figures-for")).ToContainTextAsync("term");
        await Accessibility.AssertNoViolationsAsync(page);

        // The child has marks but nothing else the LA's services know of: the officer gives a reason first, once,
        // then lands on the page they asked for.
        await page.GotoAsync($"/children/{childId}/attendance");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Open a record outside your need-to-know");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why you need to open this child's record");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Why do you need to open this record?").FillAsync("Attendance officer checking the register before a legal planning meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Attendance");
        await Assertions.Expect(page.Locator("#calendar-1 .waymark-mark--unauthorised").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#corrections")).ToContainTextAsync("register correction");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/children/{childId}/attendance?year=1999");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There are no attendance marks for 1999/00");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_school_user_reaches_their_schools_attendance_from_the_navigation()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.AttendanceLead));

        await page.GetByRole(AriaRole.Link, new() { Name = "Attendance", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync(browser.Host.World.Primary.Name);
        Assert.EndsWith($"/schools/{browser.Host.World.Primary.Urn}/attendance", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class AttendancePagesTestsOnSqlite(SqliteBrowserHost host) : AttendancePagesTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class AttendancePagesTestsOnPostgres(PostgresBrowserHost host) : AttendancePagesTests(host);
