using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Attendance;

/// <summary>
/// The three attendance pages for every kind of user, and their figures against ones worked out by hand from
/// marks written straight into the database, for last academic year (so the dates never move): a week in
/// September (counted in the year) and a week in June (also in the summer term).
/// </summary>
public abstract class AttendancePageTests(WaymarkTestHost host)
{
    private static int _nextSchool;

    private static readonly AcademicYear LastYear = new(TestWorld.ThisYear.StartYear - 1);

    private static DateOnly September(int day) => new(LastYear.StartYear, 9, day);

    private static DateOnly June(int day) => new(LastYear.StartYear + 1, 6, day);

    // The Monday of a week in each term.
    private static DateOnly AutumnWeek => ReportingPeriodMonday(September(8));

    private static DateOnly SummerWeek => ReportingPeriodMonday(June(1));

    private static DateOnly ReportingPeriodMonday(DateOnly date) => ReportingPeriod.MondayOf(date);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string LastYearQuery => $"?year={LastYear.StartYear}";

    /// <summary>
    /// A primary school of its own with an attendance lead and four pupils with marks last year:
    /// Amy (Year 6, child protection plan, on the social worker's caseload), Ben (Year 3), Cal (Year 6,
    /// severely absent) and Dot (Reception, so outside DfE's figures).
    /// </summary>
    private async Task<Fixture> SeedAsync()
    {
        var n = Interlocked.Increment(ref _nextSchool);
        var school = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8600 + n, Name = $"Attendance Primary {n} {Guid.NewGuid().ToString("N")[..6]}",
            Phase = SchoolPhase.Primary, Type = "Community school",
        };
        var lead = TestWorld.NewUser($"attendance.lead.{n}.{Guid.NewGuid():N}@test.example", "Pat Register", Role.AttendanceLead, school);
        // A social worker of this test's own, so the shared one's caseload stays as other tests count it.
        var social = TestWorld.NewUser($"attendance.sw.{n}.{Guid.NewGuid():N}@test.example", "Sam Caseload", Role.SocialWorker, null);
        var ageTen = new DateOnly(LastYear.StartYear - 10, 1, 15);
        var amy = Pupil("Amy", ageTen, school, 1);
        amy.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildProtectionPlan, StartDate = LastYear.Start.AddYears(-1) });
        amy.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, User = social, StartDate = TestWorld.Today.AddMonths(-1) });
        var ben = Pupil("Ben", new DateOnly(LastYear.StartYear - 7, 3, 3), school, 2);
        var cal = Pupil("Cal", ageTen.AddMonths(2), school, 3);
        var dot = Pupil("Dot", new DateOnly(LastYear.StartYear - 5, 10, 10), school, 4);

        await using var db = host.CreateDbContext();
        db.Schools.Add(school);
        db.Users.AddRange(lead, social);
        db.Children.AddRange(amy, ben, cal, dot);
        await db.SaveChangesAsync();

        // Amy: autumn 8 present, 2 illness; summer 2 N, 1 educational visit, 6 present, 1 planned closure.
        AddYear(db, amy, school,
            Week(AutumnWeek, "/", "/", "/", "/", "/", "/", "/", "/", "I", "I"),
            Week(SummerWeek, "N", "N", "V", "/", "/", "/", "/", "/", "/", "#"));

        // Ben: present throughout, late once (late before the register closed is present).
        AddYear(db, ben, school,
            Week(AutumnWeek, "/", "/", "/", "/", "/", "/", "/", "/", "/", "/"),
            Week(SummerWeek, "L", "/", "/", "/", "/", "/", "/", "/", "/", "/"));

        // Cal: absent without reason all autumn week; in summer present one day, then holiday not granted.
        AddYear(db, cal, school,
            Week(AutumnWeek, "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"),
            Week(SummerWeek, "/", "/", "G", "G", "G", "G", "G", "G", "G", "G"));

        // Dot is 4: counted for herself, never in the school's figures.
        AddYear(db, dot, school,
            Week(AutumnWeek, "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"),
            Week(SummerWeek, "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"));

        db.AttendanceMarkChanges.Add(new AttendanceMarkChange
        {
            ChildId = amy.Id, SchoolId = school.Id, Date = AutumnWeek.AddDays(4), Session = Session.AM, OldCode = "N", NewCode = "I",
            ChangedAtUtc = new DateTime(LastYear.StartYear, 9, 15, 9, 30, 0, DateTimeKind.Utc), ChangedByUserId = lead.Id, Source = "register correction",
        });
        await db.SaveChangesAsync();
        return new Fixture(school, lead, social, amy, ben, cal, dot);
    }

    private sealed record Fixture(School School, WaymarkUser Lead, WaymarkUser SocialWorker, Child Amy, Child Ben, Child Cal, Child Dot);

    private static Child Pupil(string name, DateOnly dob, School school, int serial)
    {
        var child = TestWorld.NewChild(name, "Register", dob, Sex.Female, school.EstablishmentNumber, serial);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = LastYear.Start.AddYears(-1), Type = EnrolmentType.Single });
        return child;
    }

    /// <summary>Ten marks, Monday AM to Friday PM, from <paramref name="monday"/>.</summary>
    private static (DateOnly Monday, string[] Codes) Week(DateOnly monday, params string[] codes) => (monday, codes);

    private static void AddYear(Waymark.Data.WaymarkDbContext db, Child child, School school, params (DateOnly Monday, string[] Codes)[] weeks)
    {
        var marks = new YearMarks(LastYear);
        foreach (var (monday, codes) in weeks)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                marks.Set(monday.AddDays(i / 2), (Session)(i % 2), AttendanceCodes.Get(codes[i]));
            }
        }

        db.AttendanceYears.Add(new AttendanceYear
        {
            ChildId = child.Id, SchoolId = school.Id, AcademicYear = LastYear.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow,
        });
    }

    private static readonly Role[] SchoolRoles = [Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher];

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_opens_only_the_attendance_pages_it_may_see(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var scope = Roles.ScopeOf(role);
        var la = scope == DataScope.LocalAuthority;
        var school = SchoolRoles.Contains(role);

        // Neither child is in the SEND cohort: the SEN team is offered to give a reason, as LA roles are.
        var outside = scope == DataScope.SendCohort ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
        var expected = new Dictionary<string, HttpStatusCode>
        {
            // The world's school users are at the primary, whose pupil this is; the social worker does not have the child.
            [$"/children/{host.World.PrimaryChild.Id}/attendance"] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden
                : la || school ? HttpStatusCode.OK : outside,
            [$"/children/{host.World.CaseloadChild.Id}/attendance"] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden
                : la || role == Role.SocialWorker ? HttpStatusCode.OK : outside,
            ["/schools/900001/attendance"] = la || school ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            ["/schools/900002/attendance"] = la ? HttpStatusCode.OK : school ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            ["/schools/999999/attendance"] = !Roles.CanOpenChildRecords(role) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound,
            ["/attendance"] = la ? HttpStatusCode.OK : school ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden,
        };

        foreach (var (path, status) in expected)
        {
            var response = await client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{Roles.CommandName(role)} on {path}: expected {(int)status}, got {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Attendance_is_in_the_navigation_for_LA_and_school_users_only(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var document = await (await client.GetAsync("/")).GetDocumentAsync();

        var link = document.QuerySelector(".govuk-service-navigation a[href='/attendance']");
        Assert.Equal(Roles.ScopeOf(role) is DataScope.LocalAuthority or DataScope.School, link is not null);
    }

    [Fact]
    public async Task School_staff_are_taken_from_the_LA_view_to_their_own_schools_attendance()
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(f.Lead.Email!);

        var response = await client.GetAsync("/attendance");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/schools/{f.School.Urn}/attendance", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/schools/{f.School.Urn}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/schools/{host.World.Primary.Urn}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/{host.World.PrimaryChild.Id}/attendance")).StatusCode);
        var schoolPage = await (await client.GetAsync($"/schools/{f.School.Urn}")).GetDocumentAsync();
        Assert.NotNull(schoolPage.QuerySelector($"a[href='/schools/{f.School.Urn}/attendance']"));
    }

    [Fact]
    public async Task A_schools_figures_are_DfEs_worked_out_by_hand()
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(f.Lead.Email!);

        var year = await (await client.GetAsync($"/schools/{f.School.Urn}/attendance{LastYearQuery}")).GetDocumentAsync();
        var term = await (await client.GetAsync($"/schools/{f.School.Urn}/attendance{LastYearQuery}&period=term")).GetDocumentAsync();

        // The year: Amy 15 of 19 attended (2 I, 2 N), Ben 20 of 20, Cal 2 of 20; Dot (aged 4) is left out.
        // 37 of 59 attended; 22 absent; Amy (21.05%) and Cal (90%) persistently absent, Cal severely.
        Assert.Equal("3", Figure(year, "#headline", "enrolments"));
        Assert.Equal("62.71%", Figure(year, "#headline", "attendance"));
        Assert.StartsWith("37.29% (authorised 3.39%, unauthorised 33.90%)", Figure(year, "#headline", "absence"), StringComparison.Ordinal);
        Assert.StartsWith("66.67% (2 pupils)", Figure(year, "#headline", "persistent"), StringComparison.Ordinal);
        Assert.StartsWith("33.33% (1 pupil)", Figure(year, "#headline", "severe"), StringComparison.Ordinal);

        // The summer term: Amy 7 of 9 (the closure is not counted), Ben 10 of 10, Cal 2 of 10: 19 of 29.
        Assert.Equal("65.52%", Figure(term, "#headline", "attendance"));
        Assert.StartsWith("66.67%", Figure(term, "#headline", "persistent"), StringComparison.Ordinal);

        // By year group: Year 3 is Ben; Year 6 Amy and Cal, 17 of 39.
        Assert.Equal("100.00%", Figure(year, "#by-year-group tr[data-group='Year 3']", "attendance"));
        Assert.Equal("2", Figure(year, "#by-year-group tr[data-group='Year 6']", "enrolments"));
        Assert.Equal("39", Figure(year, "#by-year-group tr[data-group='Year 6']", "possible"));
        Assert.Equal("43.59%", Figure(year, "#by-year-group tr[data-group='Year 6']", "attendance"));
        Assert.Null(year.QuerySelector("#by-year-group tr[data-group='Reception']"));

        // By group: Amy has a child protection plan; Ben and Cal none, 22 of 40.
        Assert.Equal("78.95%", Figure(year, "#by-group tr[data-group='Child protection plan']", "attendance"));
        Assert.StartsWith("100.00%", Figure(year, "#by-group tr[data-group='Child protection plan']", "persistent"), StringComparison.Ordinal);
        Assert.Equal("55.00%", Figure(year, "#by-group tr[data-group='None of these']", "attendance"));
        Assert.NotNull(year.QuerySelector("#by-group tr[data-group='Looked-after child'] [data-figure='none']"));
        Assert.Contains("free school meals", year.Body!.TextContent, StringComparison.Ordinal);

        // Week by week: the autumn week 18 of 30, the summer week 19 of 29; the weeks between had no sessions.
        Assert.Equal("60.00%", Figure(year, $"#by-week tr[data-week='{Iso(AutumnWeek)}']", "attendance"));
        Assert.Equal("65.52%", Figure(year, $"#by-week tr[data-week='{Iso(SummerWeek)}']", "attendance"));
        Assert.Equal("No school sessions", Figure(year, $"#by-week tr[data-week='{Iso(AutumnWeek.AddDays(7))}']", "attendance"));
        Assert.NotNull(year.QuerySelector($"#by-week tr[data-week='{Iso(AutumnWeek)}'] .waymark-bar--60"));
        Assert.Null(term.QuerySelector($"#by-week tr[data-week='{Iso(AutumnWeek)}']"));
    }

    [Fact]
    public async Task The_LA_view_lists_the_school_with_its_figures_and_links_to_it()
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await client.GetAsync($"/attendance{LastYearQuery}");
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = $"#by-school tr[data-group='{f.School.Name}']";
        Assert.NotNull(document.QuerySelector($"{row} a[href='/schools/{f.School.Urn}/attendance']"));
        Assert.Equal("3", Figure(document, row, "enrolments"));
        Assert.Equal("62.71%", Figure(document, row, "attendance"));
        Assert.StartsWith("66.67%", Figure(document, row, "persistent"), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#by-phase tr[data-group='Primary']"));
        Assert.NotNull(document.QuerySelector("a[href='/attendance/worklist']"));

        // Highest persistent absence first: nothing with figures above this school has a lower rate.
        var rates = document.QuerySelectorAll("#by-school tbody tr td[data-figure='persistent']")
            .Select(td => decimal.Parse(td.TextContent.Trim().Split('%')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(rates.OrderDescending().ToList(), rates);

        var school = await (await client.GetAsync($"/schools/{f.School.Urn}/attendance{LastYearQuery}")).GetDocumentAsync();
        Assert.Equal("62.71%", Figure(school, "#headline", "attendance"));
    }

    [Fact]
    public async Task A_childs_attendance_shows_the_marks_the_figures_and_the_corrections()
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(f.Lead.Email!);

        var response = await client.GetAsync($"/children/{f.Amy.Id}/attendance{LastYearQuery}");
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["9", "19"], Row(document, "possible"));
        Assert.Equal(["6", "14"], Row(document, "present"));
        Assert.Equal(["1", "1"], Row(document, "aea"));
        Assert.Equal(["0", "2"], Row(document, "authorised"));
        Assert.Equal(["2", "2"], Row(document, "unauthorised"));
        Assert.Equal(["1", "1"], Row(document, "not-counted"));
        Assert.Equal(["77.78%", "78.95%"], Row(document, "attendance-rate"));
        Assert.Equal(["22.22%", "21.05%"], Row(document, "absence-rate"));
        Assert.Equal(["Yes", "Yes"], Row(document, "persistent"));
        Assert.Equal(["No", "No"], Row(document, "severe"));

        // The calendar: code, colour class and words for each session.
        var unexplained = document.QuerySelector($"#calendar-1 td[data-date='{Iso(SummerWeek)}'][data-session='AM']")!;
        Assert.Contains("waymark-mark--unauthorised", unexplained.ClassName, StringComparison.Ordinal);
        Assert.Equal("N", unexplained.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("N: Reason not yet established", unexplained.QuerySelector(".govuk-visually-hidden")!.TextContent);
        var afternoon = document.QuerySelector($"#calendar-1 td[data-date='{Iso(AutumnWeek)}'][data-session='PM']")!;
        Assert.Equal("\\", afternoon.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Contains("waymark-mark--present", afternoon.ClassName, StringComparison.Ordinal);
        Assert.Contains(f.School.Name, document.QuerySelector("#calendar-1 caption")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#calendar-1 th[scope=colgroup]"));
        Assert.NotNull(document.QuerySelector("#mark-key"));

        var correction = document.QuerySelector("#corrections tbody tr")!.TextContent;
        Assert.Contains("N", correction, StringComparison.Ordinal);
        Assert.Contains("changed to", correction, StringComparison.Ordinal);
        Assert.Contains("Pat Register", correction, StringComparison.Ordinal);
        Assert.Contains("register correction", correction, StringComparison.Ordinal);

        Assert.NotNull(document.QuerySelector($"a[href='/children/{f.Amy.Id}/suspensions']"));
        Assert.NotNull(document.QuerySelector($"a[href='/children/{f.Amy.Id}/reduced-timetables']"));
        var record = await (await client.GetAsync($"/children/{f.Amy.Id}")).GetDocumentAsync();
        Assert.NotNull(record.QuerySelector($"a[href='/children/{f.Amy.Id}/attendance']"));
    }

    [Fact]
    public async Task A_four_year_old_has_her_own_figures_though_the_school_leaves_her_out()
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(f.Lead.Email!);

        var document = await (await client.GetAsync($"/children/{f.Dot.Id}/attendance{LastYearQuery}")).GetDocumentAsync();

        Assert.Equal(["10", "20"], Row(document, "possible"));
        Assert.Equal(["0.00%", "0.00%"], Row(document, "attendance-rate"));
        Assert.Equal(["Yes", "Yes"], Row(document, "severe"));
    }

    [Fact]
    public async Task The_social_worker_sees_a_caseload_childs_attendance_and_is_refused_the_rest_on_the_record()
    {
        var f = await SeedAsync();
        var social = f.SocialWorker;
        var client = await host.SignedInClientAsync(social.Email!);
        var since = DateTime.UtcNow.AddSeconds(-1);

        var own = await client.GetAsync($"/children/{f.Amy.Id}/attendance{LastYearQuery}");
        var other = await client.GetAsync($"/children/{f.Ben.Id}/attendance{LastYearQuery}");
        var school = await client.GetAsync($"/schools/{f.School.Urn}/attendance");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["77.78%", "78.95%"], Row(await own.GetDocumentAsync(), "attendance-rate"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Ben", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, school.StatusCode);
        var schoolPage = await (await client.GetAsync($"/schools/{f.School.Urn}")).GetDocumentAsync();
        Assert.Null(schoolPage.QuerySelector($"a[href='/schools/{f.School.Urn}/attendance']"));

        await using var db = host.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.UserId == social.Id && e.OccurredAtUtc >= since).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.AttendanceViewed && e.ChildId == f.Amy.Id);
        Assert.Contains(events, e => e.Action == AuditActions.ChildRefused && e.ChildId == f.Ben.Id);
        Assert.DoesNotContain(events, e => e.Action == AuditActions.AttendanceViewed && e.ChildId == f.Ben.Id);
    }

    [Fact]
    public async Task Another_schools_staff_cannot_see_the_childs_attendance_and_the_attempt_is_recorded()
    {
        var f = await SeedAsync();
        var head = host.World.SecondaryHeadteacher;
        var client = await host.SignedInClientAsync(head.Email!);
        var since = DateTime.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/{f.Amy.Id}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/schools/{f.School.Urn}/attendance")).StatusCode);

        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.UserId == head.Id && e.OccurredAtUtc >= since && e.Action == AuditActions.ChildRefused && e.ChildId == f.Amy.Id));
    }

    [Fact]
    public async Task Views_of_school_and_LA_figures_are_recorded()
    {
        var f = await SeedAsync();
        var officer = host.World.Users[Role.LaOfficer];
        var client = await host.SignedInClientAsync(officer.Email!);
        var since = DateTime.UtcNow.AddSeconds(-1);

        await client.GetAsync($"/schools/{f.School.Urn}/attendance");
        await client.GetAsync("/attendance");

        await using var db = host.CreateDbContext();
        var details = await db.AuditEvents.Where(e => e.UserId == officer.Id && e.OccurredAtUtc >= since && e.Action == AuditActions.SchoolAttendanceViewed)
            .Select(e => e.Detail).ToListAsync();
        Assert.Contains(details, d => d!.StartsWith($"school {f.School.Urn}", StringComparison.Ordinal));
        Assert.Contains(details, d => d!.StartsWith("all schools", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1999", "There are no attendance marks for 1999/00")]
    [InlineData("next year", "Select an academic year from the list")]
    public async Task A_year_not_offered_is_named_and_the_current_year_shown(string year, string message)
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(f.Lead.Email!);

        foreach (var path in new[] { $"/children/{f.Amy.Id}/attendance", $"/schools/{f.School.Urn}/attendance", $"/attendance" })
        {
            var response = await client.GetAsync($"{path}?year={Uri.EscapeDataString(year)}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                continue;
            }

            var document = await response.GetDocumentAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(TestWorld.ThisYear.StartYear.ToString(CultureInfo.InvariantCulture), document.QuerySelector("#year option[selected]")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task The_year_list_offers_last_year_only_where_there_are_marks()
    {
        var f = await SeedAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var amy = await (await client.GetAsync($"/children/{f.Amy.Id}/attendance")).GetDocumentAsync();
        var none = await (await client.GetAsync($"/children/{host.World.PrimaryChild.Id}/attendance")).GetDocumentAsync();

        var last = LastYear.StartYear.ToString(CultureInfo.InvariantCulture);
        Assert.NotNull(amy.QuerySelector($"#year option[value='{last}']"));
        Assert.Null(none.QuerySelector($"#year option[value='{last}']"));
        Assert.NotNull(none.QuerySelector("#no-marks"));
        Assert.NotNull(none.QuerySelector("#no-corrections"));
    }

    private static string Figure(IHtmlDocument document, string row, string figure) =>
        (document.QuerySelector($"{row} [data-figure='{figure}']") ?? throw new Xunit.Sdk.XunitException($"No {figure} in {row}"))
            .TextContent.Trim();

    private static string[] Row(IHtmlDocument document, string key) =>
        document.QuerySelectorAll($"#figure-{key} td").Select(td => td.TextContent.Trim()).ToArray();
}

[Collection(SqliteCollection.Name)]
public sealed class AttendancePageTestsOnSqlite(SqliteHost fixture) : AttendancePageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class AttendancePageTestsOnPostgres(PostgresHost fixture) : AttendancePageTests(fixture.Host);
