using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Evaluation;

/// <summary>
/// Programme evaluation through the real page. Each test seeds its own intervention, programme children and comparison
/// pool in an academic year of its own long ago, where no other test's children have marks, so the pool is exactly
/// what the test made and the expected figures can be worked out by hand below.
/// </summary>
public abstract class EvaluationPageTests(WaymarkTestHost host)
{
    private static int _next;

    private sealed record Setting(string Programme, DateOnly Start, string Name, string Surname);

    /// <summary>
    /// Attendance (10 sessions before, 10 after; present sessions shown as a rate) for a 91-day period:
    /// programme P1 80→90, P2 60→90 (and one suspension after), P3 90→80, P4 40→40 (no one within 5 points: unmatched),
    /// P5 starting ten days ago (too recent); comparison C1 80→80, C2 60→70, C3 90→90, C4 30→30 (never the nearest).
    /// </summary>
    private async Task<Setting> SetUpAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var start = new DateOnly(2000 + n, 3, 6);
        await using var db = host.CreateDbContext();
        var officer = await db.Users.SingleAsync(u => u.Email == TestWorld.EmailFor(Role.LaOfficer));
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 3400 + n, Name = $"Evaluation Primary {tag}", Phase = SchoolPhase.Primary, Type = "Community school" };
        var intervention = new Intervention { Name = $"Nurture group {tag}" };
        db.Schools.Add(school);
        db.Interventions.Add(intervention);
        var dob = new DateOnly(start.Year - 10, 1, 15);
        var serial = 0;

        Child Add(string name, int before, int after, bool inProgramme, DateOnly? enrolled = null)
        {
            var child = TestWorld.NewChild(name, $"Eval{tag}", dob, Sex.Female, school.EstablishmentNumber, ++serial + n * 20);
            child.Enrolments.Add(new Enrolment { School = school, StartDate = start.AddYears(-3), Type = EnrolmentType.Single });
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = start.AddYears(-3) });
            db.Children.Add(child);
            var marks = new YearMarks(AcademicYear.Containing(start));
            for (var i = 0; i < 10; i++)
            {
                marks.Set(start.AddDays(-80 + i), Session.AM, i < before / 10 ? AttendanceCodes.Present : AttendanceCodes.Get("O"));
                marks.Set(start.AddDays(10 + i), Session.AM, i < after / 10 ? AttendanceCodes.Present : AttendanceCodes.Get("O"));
            }

            db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, School = school, AcademicYear = marks.Year.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow });
            if (inProgramme)
            {
                db.InterventionEnrolments.Add(new InterventionEnrolment
                {
                    Child = child, Intervention = intervention, Provider = "Virtual school", StartDate = enrolled ?? start,
                    CreatedByUserId = officer.Id, CreatedAtUtc = DateTime.UtcNow,
                });
            }

            return child;
        }

        Add("Pia", 80, 90, true);
        var p2 = Add("Pam", 60, 90, true);
        Add("Poppy", 90, 80, true);
        Add("Petra", 40, 40, true);
        Add("Pearl", 90, 90, true, TestWorld.Today.AddDays(-10));
        Add("Cara", 80, 80, false);
        Add("Cleo", 60, 70, false);
        Add("Cora", 90, 90, false);
        Add("Cass", 30, 30, false);
        db.Suspensions.Add(new Suspension
        {
            Child = p2, School = school, Kind = ExclusionKind.Suspension, StartDate = start.AddDays(20), FirstSession = Session.AM, Sessions = 2,
            Reason1 = "PD", RecordedByUserId = officer.Id, RecordedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return new Setting($"intervention:{intervention.Id}", start, intervention.Name, $"Eval{tag}");
    }

    private static string Url(Setting s, string? handler = null) =>
        $"/evaluation?{(handler is null ? "" : $"handler={handler}&")}programme={Uri.EscapeDataString(s.Programme)}&period=91&caliper=5";

    // The hand-worked figures for the attendance outcome. Matched: P1–C1 (0 apart), P2–C2 (0), P3–C3 (0); P4 (40) is 10 from C4.
    // Programme changes +10, +30, −10: mean 10, variance (0² + 20² + 20²)/2 = 400.
    // Comparison changes 0, +10, 0: mean 10/3, variance ((10/3)² + (20/3)² + (10/3)²)/2 = 100/3.
    private const double Did = 10 - 10.0 / 3;
    private static readonly double Pooled = Math.Sqrt((2 * 400 + 2 * (100.0 / 3)) / 4);
    private static readonly double D = Did / Pooled;
    private const double J = 1 - 3.0 / (4 * 4 - 1);
    private static readonly double G = J * D;
    private static readonly double Half = 1.96 * Math.Sqrt(J * J * (6.0 / 9 + D * D / 12));

    private static string Two(double v) => v.ToString("F2", CultureInfo.InvariantCulture).Replace("-", "\u2212", StringComparison.Ordinal);

    [Theory]
    [InlineData(Role.LaOfficer)]
    [InlineData(Role.Analyst)]
    [InlineData(Role.AdvisoryTeacher)]
    public async Task LA_roles_and_analysts_see_the_hand_worked_figures_and_the_run_is_audited(Role role)
    {
        var s = await SetUpAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync(Url(s));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        string Text(string id) => doc.GetElementById(id)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No #{id} on the page.");
        Assert.Equal("5", Text("in-programme"));
        Assert.Equal("1", Text("too-recent"));
        Assert.Equal("3", Text("matched"));
        Assert.Equal("1", Text("unmatched-NoneWithinCaliper"));
        Assert.Equal("0", Text("unmatched-NoPriorAttendance"));
        Assert.Equal("6.67 percentage points", Text("attendance-did"));
        Assert.Equal(Two(Did) + " percentage points", Text("attendance-did"));
        Assert.Equal("0.36", Two(G));
        Assert.Contains($"{Two(G)} (95% confidence interval {Two(G - Half)} to {Two(G + Half)})", Text("attendance-g"), StringComparison.Ordinal);
        // Suspensions: programme 0→0, 0→1, 0→0 (mean change 1/3); comparison all 0→0.
        Assert.Equal("0.33 suspensions", Text("suspensions-did"));
        var rows = doc.QuerySelectorAll("#attendance-table tbody tr").Select(r => r.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["Programme", "3", "76.67", "86.67", "10.00"], rows[0]);
        Assert.Equal(["Comparison", "3", "76.67", "80.00", "3.33"], rows[1]);
        Assert.NotNull(doc.QuerySelector("svg#attendance-chart[role=img]"));
        Assert.Contains("not a randomised trial", Text("caveats"), StringComparison.Ordinal);
        Assert.Contains("does not record attainment", Text("attainment"), StringComparison.Ordinal);
        // No child is named to anyone, analysts included.
        Assert.DoesNotContain(s.Surname, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pia", html, StringComparison.Ordinal);

        await using var db = host.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == TestWorld.EmailFor(role));
        var audits = await db.AuditEvents.Where(a => a.UserId == user.Id && a.Action == AuditActions.EvaluationRun).Select(a => a.Detail).ToListAsync();
        Assert.Single(audits, d => d != null && d.Contains(s.Name, StringComparison.Ordinal) && d.Contains("3 matched", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role.Headteacher)]
    [InlineData(Role.Senco)]
    [InlineData(Role.TransitionLead)]
    [InlineData(Role.AttendanceLead)]
    [InlineData(Role.SocialWorker)]
    [InlineData(Role.LeadProfessional)]
    [InlineData(Role.CaldicottGuardian)]
    public async Task School_caseload_and_oversight_roles_are_refused_the_page_and_the_download(Role role)
    {
        var s = new Setting("early-help", default, "", "");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/evaluation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(s))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(s, "download"))).StatusCode);

        await using var db = host.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == TestWorld.EmailFor(role));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.UserId == user.Id && (a.Action == AuditActions.EvaluationRun || a.Action == AuditActions.EvaluationDownloaded)));
    }

    [Fact]
    public async Task Signed_out_people_are_sent_to_sign_in()
    {
        var response = await host.CreateClient().GetAsync("/evaluation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Bad_choices_are_named_in_the_error_summary_and_nothing_is_run()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var html = await (await client.GetAsync("/evaluation?programme=intervention:999999&period=30&caliper=five")).Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);

        var summary = doc.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select the programme to evaluate", summary, StringComparison.Ordinal);
        Assert.Contains("Select how long a period", summary, StringComparison.Ordinal);
        Assert.Contains("The caliper must be a number", summary, StringComparison.Ordinal);
        Assert.Null(doc.GetElementById("results"));
    }

    [Fact]
    public async Task The_download_is_a_workbook_with_a_sheet_per_table_and_a_methods_sheet_and_is_audited()
    {
        var s = await SetUpAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));

        var response = await client.GetAsync(Url(s, "download"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Groups", "Attendance rate", "Suspensions", "Methods"], workbook.Worksheets.Select(w => w.Name));
        // Downloads are suppressed: 5 in the programme is shown, 3 matched is "c", and so is every figure made from
        // groups of 3 (the page shows them to the analyst whole; see the tests above).
        var groups = workbook.Worksheet("Groups");
        Assert.Equal(5, groups.Cell(2, 2).GetValue<int>());
        Assert.Equal("c", groups.Cell(4, 2).GetString());
        var attendance = workbook.Worksheet("Attendance rate");
        Assert.Equal("Programme", attendance.Cell(2, 1).GetString());
        Assert.Equal(["c", "c", "c", "c", "c"], Enumerable.Range(2, 5).Select(c => attendance.Cell(2, c).GetString()));
        Assert.Equal("Difference in differences (percentage points)", attendance.Cell(4, 1).GetString());
        Assert.Equal("c", attendance.Cell(4, 2).GetString());
        Assert.Equal("c", attendance.Cell(6, 2).GetString());
        var methods = workbook.Worksheet("Methods");
        Assert.Equal(s.Name, methods.Cell(2, 2).GetString().Replace("Intervention: ", "", StringComparison.Ordinal));
        Assert.Contains(methods.Column(2).CellsUsed(), c => c.GetString().Contains("not a randomised trial", StringComparison.Ordinal));

        await using var db = host.CreateDbContext();
        var analyst = await db.Users.SingleAsync(u => u.Email == TestWorld.EmailFor(Role.Analyst));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.UserId == analyst.Id && a.Action == AuditActions.EvaluationDownloaded && a.Detail!.Contains(s.Name)));
    }

    [Fact]
    public async Task Each_table_downloads_alone_as_CSV_suppressed_and_audited()
    {
        var s = await SetUpAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var groups = await client.GetAsync(Url(s, "download") + "&table=groups&format=csv");
        var attendance = await client.GetAsync(Url(s, "download") + "&table=attendance&format=csv");

        Assert.Equal(HttpStatusCode.OK, groups.StatusCode);
        var lines = (await groups.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Children,Number", lines[0]);
        Assert.Equal("In the programme,5", lines[1]);
        Assert.Equal("\"Matched: programme children, each with one comparison child\",c", lines[3]);
        var attendanceLines = (await attendance.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Programme,c,c,c,c,c", attendanceLines[1]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(s, "download") + "&table=nothing&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(s, "download") + "&table=groups&format=pdf")).StatusCode);

        await using var db = host.CreateDbContext();
        var officerId = host.World.Users[Role.LaOfficer].Id;
        var audited = await db.AuditEvents.Where(a => a.UserId == officerId && a.Action == AuditActions.EvaluationDownloaded && a.Detail!.Contains(s.Name))
            .Select(a => a.Detail!).ToListAsync();
        Assert.Contains(audited, d => d.StartsWith("Groups (CSV)", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith("Attendance rate (CSV)", StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EvaluationPageTestsOnSqlite(SqliteHost fixture) : EvaluationPageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class EvaluationPageTestsOnPostgres(PostgresHost fixture) : EvaluationPageTests(fixture.Host);
