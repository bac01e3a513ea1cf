using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using static Waymark.Web.Tests.Transitions.ProgrammeData;

namespace Waymark.Web.Tests.Transitions;

/// <summary>Training sessions, their attendees, and the coverage of the schools in the cohort.</summary>
public abstract class TrainingTests(WaymarkTestHost host)
{
    public static TheoryData<Role> AllRoles() => new(Roles.All);

    private static Dictionary<string, string> Session(DateOnly date, string kind, string audience, string topic, string trainer, int? schoolId) => new()
    {
        ["Date.Day"] = date.Day.ToString(CultureInfo.InvariantCulture), ["Date.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        ["Date.Year"] = date.Year.ToString(CultureInfo.InvariantCulture), ["Kind"] = kind, ["Audience"] = audience, ["Topic"] = topic,
        ["Trainer"] = trainer, ["SchoolId"] = schoolId is int id ? Id(id) : "",
    };

    private static Dictionary<string, string> Attendee(string name, string type, int? schoolId, string jobTitle = "") => new()
    {
        ["Name"] = name, ["JobTitle"] = jobTitle, ["Type"] = type, ["SchoolId"] = schoolId is int id ? Id(id) : "",
    };

    private async Task<TrainingSession> NewSessionAsync(DateOnly date, TrainingKind kind, TrainingAudience audience, int? schoolId,
        params TrainingAttendee[] attendees)
    {
        var session = new TrainingSession { Date = date, Kind = kind, Audience = audience, Topic = Unique("Topic"), Trainer = "Dee Grant", SchoolId = schoolId };
        session.Attendees.AddRange(attendees);
        await using var db = host.CreateDbContext();
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    private static TrainingAttendee Staff(string name, int schoolId) => new() { Name = name, Type = TrainingAudience.SchoolStaff, SchoolId = schoolId };

    private static TrainingAttendee SocialWorker(string name) => new() { Name = name, Type = TrainingAudience.SocialWorkers };

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_LA_wide_roles_open_the_training_pages(Role role)
    {
        var session = await NewSessionAsync(TestWorld.Today.AddDays(-1), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var list = await client.GetAsync("/transition/training");
        var detail = await client.GetAsync($"/transition/training/{session.Id}");
        var form = await client.GetAsync("/transition/training/new");

        var reads = TransitionAccess.CanSeeProgramme(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var writes = TransitionAccess.CanManageProgramme(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(reads, list.StatusCode);
        Assert.Equal(reads, detail.StatusCode);
        Assert.Equal(writes, form.StatusCode);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await host.CreateClient().GetAsync("/transition/training");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_records_a_whole_school_session_and_it_is_listed_and_audited()
    {
        var school = await NewSchoolAsync(host, "Session Primary");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var topic = Unique("Supporting children with a social worker");
        var date = TestWorld.Today.AddDays(-3);
        var since = DateTime.UtcNow.AddSeconds(-1);

        var response = await client.PostFormAsync("/transition/training/new",
            Session(date, "whole-school", "school-staff", topic, "Dee Grant", school.Id));

        await using var db = host.CreateDbContext();
        var saved = await db.TrainingSessions.SingleAsync(s => s.Topic == topic);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/transition/training/{saved.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(date, saved.Date);
        Assert.Equal(TrainingKind.WholeSchool, saved.Kind);
        Assert.Equal(TrainingAudience.SchoolStaff, saved.Audience);
        Assert.Equal("Dee Grant", saved.Trainer);
        Assert.Equal(school.Id, saved.SchoolId);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ProgrammeChanged
            && e.UserId == host.World.Users[Role.LaOfficer].Id && e.Detail!.StartsWith($"Training session recorded: {topic}")));

        var list = await (await client.GetAsync("/transition/training")).GetDocumentAsync();
        var row = list.QuerySelector($"#session-{saved.Id}")!;
        Assert.Contains(topic, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Whole-school", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(school.Name, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", row.QuerySelector("[data-attendees]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Missing_answers_are_each_named()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var errors = await ErrorsAsync(await client.PostFormAsync("/transition/training/new", new() { ["Topic"] = " " }));

        SameErrors(
            [
                "Enter the date of the session", "Select whether the session was for the whole school or targeted", "Select who the session was for",
                "Enter the topic", "Enter the name of the trainer",
            ],
            errors);
    }

    [Fact]
    public async Task A_whole_school_session_needs_a_school_and_is_for_school_staff()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var topic = Unique("Refused");

        var noSchool = await ErrorsAsync(await client.PostFormAsync("/transition/training/new",
            Session(TestWorld.Today, "whole-school", "school-staff", topic, "Dee Grant", null)));
        var socialWorkers = await ErrorsAsync(await client.PostFormAsync("/transition/training/new",
            Session(TestWorld.Today, "whole-school", "social-workers", topic, "Dee Grant", host.World.Primary.Id)));
        var badDate = await ErrorsAsync(await client.PostFormAsync("/transition/training/new",
            new(Session(TestWorld.Today, "targeted", "social-workers", topic, "Dee Grant", null)) { ["Date.Year"] = "26" }));

        Assert.Equal(["Select the school that had the whole-school session"], noSchool);
        Assert.Equal(["A whole-school session is for school staff; choose targeted for a session for social workers"], socialWorkers);
        Assert.Equal(["Year must include 4 numbers"], badDate);
        await using var db = host.CreateDbContext();
        Assert.False(await db.TrainingSessions.AnyAsync(s => s.Topic == topic));
    }

    [Fact]
    public async Task A_targeted_session_for_social_workers_needs_no_school()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var topic = Unique("Education of children in need");

        var response = await client.PostFormAsync("/transition/training/new",
            Session(TestWorld.Today.AddDays(-1), "targeted", "social-workers", topic, "Virtual school", null));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        var saved = await db.TrainingSessions.SingleAsync(s => s.Topic == topic);
        Assert.Null(saved.SchoolId);
        Assert.Equal(TrainingKind.Targeted, saved.Kind);
        Assert.Equal(TrainingAudience.SocialWorkers, saved.Audience);
    }

    [Fact]
    public async Task A_planned_session_is_recorded_but_takes_no_attendance_until_it_has_happened()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var topic = Unique("Planned");
        var date = TestWorld.Today.AddDays(10);

        var response = await client.PostFormAsync("/transition/training/new",
            Session(date, "whole-school", "school-staff", topic, "Dee Grant", host.World.Primary.Id));
        var path = response.Headers.Location!.OriginalString;
        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        var errors = await ErrorsAsync(await client.PostFormAsync(path + "?handler=add", Attendee("Early Bird", "school-staff", host.World.Primary.Id)));

        var when = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(page.QuerySelector("#add-attendee"));
        Assert.Equal($"Attendance can be recorded once the session has taken place on {when}.", page.QuerySelector("#why-no-attendance")!.TextContent.Trim());
        Assert.Equal([$"Attendance can be recorded once the session has taken place on {when}"], errors);
        await using var db = host.CreateDbContext();
        var saved = await db.TrainingSessions.Include(s => s.Attendees).SingleAsync(s => s.Topic == topic);
        Assert.Empty(saved.Attendees);
    }

    [Fact]
    public async Task Attendees_are_added_and_removed_with_audit()
    {
        var school = await NewSchoolAsync(host, "Attendee Primary");
        var session = await NewSessionAsync(TestWorld.Today, TrainingKind.WholeSchool, TrainingAudience.SchoolStaff, school.Id);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/transition/training/{session.Id}";
        var since = DateTime.UtcNow.AddSeconds(-1);

        var form = await (await client.GetAsync(path)).GetDocumentAsync();
        var staff = await client.PostFormAsync(path + "?handler=add", Attendee("Priya Shah", "school-staff", school.Id, "Year 6 teacher"));
        var social = await client.PostFormAsync(path + "?handler=add", Attendee("Sam Patel", "social-workers", school.Id));

        Assert.Equal("school-staff", form.QuerySelector("input[name=Type][checked]")!.GetAttribute("value"));
        Assert.Equal(Id(school.Id), form.QuerySelector("#SchoolId option[selected]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, social.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var attendees = await db.TrainingAttendees.Where(a => a.SessionId == session.Id).OrderBy(a => a.Name).ToListAsync();
            Assert.Equal(2, attendees.Count);
            Assert.Equal(("Priya Shah", "Year 6 teacher", TrainingAudience.SchoolStaff, (int?)school.Id),
                (attendees[0].Name, attendees[0].JobTitle, attendees[0].Type, attendees[0].SchoolId));

            // A social worker works for no school, whatever was left selected.
            Assert.Equal(("Sam Patel", TrainingAudience.SocialWorkers, (int?)null), (attendees[1].Name, attendees[1].Type, attendees[1].SchoolId));
        }

        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        var priya = page.QuerySelectorAll("#attendees tbody tr").Single(r => r.TextContent.Contains("Priya Shah", StringComparison.Ordinal));
        var priyaId = priya.Id!["attendee-".Length..];
        var remove = await client.PostFormAsync(path + "?handler=remove", new() { ["attendeeId"] = priyaId });

        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        await using var after = host.CreateDbContext();
        Assert.Equal(["Sam Patel"], await after.TrainingAttendees.Where(a => a.SessionId == session.Id).Select(a => a.Name).ToListAsync());
        var audit = await after.AuditEvents.Where(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ProgrammeChanged).Select(e => e.Detail).ToListAsync();
        Assert.Contains($"Training attendee added to session {session.Id}: Priya Shah", audit);
        Assert.Contains($"Training attendee added to session {session.Id}: Sam Patel", audit);
        Assert.Contains($"Training attendee removed from session {session.Id}: Priya Shah", audit);
        var list = await (await client.GetAsync("/transition/training")).GetDocumentAsync();
        Assert.Equal("1", list.QuerySelector($"#session-{session.Id} [data-attendees]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_attendee_needs_a_name_a_type_and_for_school_staff_a_school()
    {
        var session = await NewSessionAsync(TestWorld.Today.AddDays(-2), TrainingKind.Targeted, TrainingAudience.SchoolStaff, null);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/transition/training/{session.Id}?handler=add";

        var blank = await ErrorsAsync(await client.PostFormAsync(path, Attendee(" ", "", null)));
        var noSchool = await ErrorsAsync(await client.PostFormAsync(path, Attendee("Tom Reed", "school-staff", null)));

        SameErrors(["Enter the attendee’s name", "Select whether the attendee is school staff or a social worker"], blank);
        Assert.Equal(["Select the school the member of staff works at"], noSchool);
        await using var db = host.CreateDbContext();
        Assert.False(await db.TrainingAttendees.AnyAsync(a => a.SessionId == session.Id));
    }

    [Fact]
    public async Task The_same_person_is_not_recorded_twice_at_one_session()
    {
        var session = await NewSessionAsync(TestWorld.Today.AddDays(-2), TrainingKind.Targeted, TrainingAudience.SchoolStaff, host.World.Primary.Id,
            Staff("Tom Reed", host.World.Primary.Id));
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var errors = await ErrorsAsync(await client.PostFormAsync($"/transition/training/{session.Id}?handler=add",
            Attendee(" tom  REED ", "school-staff", host.World.Primary.Id)));

        Assert.Equal(["tom  REED is already recorded as attending this session"], errors);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.TrainingAttendees.CountAsync(a => a.SessionId == session.Id));
    }

    [Fact]
    public async Task An_attendee_of_another_session_cannot_be_removed_through_this_one()
    {
        var mine = await NewSessionAsync(TestWorld.Today.AddDays(-2), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null);
        var other = await NewSessionAsync(TestWorld.Today.AddDays(-2), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null, SocialWorker("Jo Bell"));
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await client.PostFormAsync($"/transition/training/{mine.Id}?handler=remove", new() { ["attendeeId"] = Id(other.Attendees[0].Id) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True(await db.TrainingAttendees.AnyAsync(a => a.Id == other.Attendees[0].Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transition/training/999999")).StatusCode);
    }

    [Fact]
    public async Task The_advisory_teacher_reads_training_but_cannot_record_it()
    {
        var session = await NewSessionAsync(TestWorld.Today.AddDays(-2), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null, SocialWorker("Kim Lowe"));
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));
        var path = $"/transition/training/{session.Id}";

        var list = await (await client.GetAsync("/transition/training")).GetDocumentAsync();
        var detail = await (await client.GetAsync(path)).GetDocumentAsync();
        var record = await client.PostFormAsync("/transition/training/new",
            Session(TestWorld.Today, "targeted", "social-workers", Unique("Advisory"), "Me", null), formPage: "/transition/training");
        var add = await client.PostFormAsync(path + "?handler=add", Attendee("Added By Advisory", "social-workers", null), formPage: path);
        var remove = await client.PostFormAsync(path + "?handler=remove", new() { ["attendeeId"] = Id(session.Attendees[0].Id) }, formPage: path);

        Assert.Null(list.QuerySelector("a[href='/transition/training/new']"));
        Assert.Null(detail.QuerySelector("#add-attendee"));
        Assert.Null(detail.QuerySelector("form[action*='handler=remove']"));
        Assert.Contains("Kim Lowe", detail.QuerySelector("#attendees")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal(["Kim Lowe"], await db.TrainingAttendees.Where(a => a.SessionId == session.Id).Select(a => a.Name).ToListAsync());
    }

    [Theory]
    [InlineData(Role.TransitionLead)]
    [InlineData(Role.Headteacher)]
    [InlineData(Role.SocialWorker)]
    [InlineData(Role.Analyst)]
    public async Task Other_roles_cannot_post_training(Role role)
    {
        var session = await NewSessionAsync(TestWorld.Today.AddDays(-2), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var add = await client.PostFormAsync($"/transition/training/{session.Id}?handler=add", Attendee("Intruder", "social-workers", null), formPage: "/");
        var record = await client.PostFormAsync("/transition/training/new",
            Session(TestWorld.Today, "targeted", "social-workers", Unique("Intruder"), "Me", null), formPage: "/");

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, record.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.False(await db.TrainingAttendees.AnyAsync(a => a.SessionId == session.Id));
    }

    [Fact]
    public async Task Coverage_shows_each_cohort_school_with_exact_figures()
    {
        var thisYear = TestWorld.ThisYear.StartYear;
        var trained = await NewSchoolAsync(host, "Trained Primary");
        var planned = await NewSchoolAsync(host, "Planned Primary");
        var removedOnly = await NewSchoolAsync(host, "Removed Primary");
        var lastYear = await NewSchoolAsync(host, "Last Year Primary");
        await NewCohortAsync(host, trained, 3, thisYear);
        await NewCohortAsync(host, trained, 1, thisYear + 1, firstSerial: 10);
        await NewCohortAsync(host, planned, 2, thisYear, CohortDecision.Proposed);
        await NewCohortAsync(host, planned, 1, thisYear, CohortDecision.Removed, firstSerial: 10);
        await NewCohortAsync(host, removedOnly, 2, thisYear, CohortDecision.Removed);
        await NewCohortAsync(host, lastYear, 2, thisYear - 1);

        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));
        var before = int.Parse((await (await client.GetAsync("/transition/training")).GetDocumentAsync())
            .QuerySelector("#social-workers-trained")!.TextContent.Trim(), CultureInfo.InvariantCulture);

        var worker = Unique("Social Worker");
        var otherWorker = Unique("Social Worker");
        var held = TestWorld.Today.AddDays(-30);
        await NewSessionAsync(TestWorld.Today.AddDays(-90), TrainingKind.WholeSchool, TrainingAudience.SchoolStaff, trained.Id,
            Staff("Priya Shah", trained.Id), Staff("Tom Reed", trained.Id));
        await NewSessionAsync(held, TrainingKind.WholeSchool, TrainingAudience.SchoolStaff, trained.Id,
            Staff("PRIYA SHAH", trained.Id), Staff("Ann Cole", trained.Id));
        await NewSessionAsync(TestWorld.Today.AddDays(-5), TrainingKind.Targeted, TrainingAudience.SchoolStaff, planned.Id,
            Staff("Lee Moss", planned.Id));
        await NewSessionAsync(TestWorld.Today.AddDays(21), TrainingKind.WholeSchool, TrainingAudience.SchoolStaff, planned.Id);
        await NewSessionAsync(TestWorld.Today.AddDays(-10), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null,
            SocialWorker(worker), SocialWorker(otherWorker), Staff("Lee Moss", planned.Id));
        await NewSessionAsync(TestWorld.Today.AddDays(-3), TrainingKind.Targeted, TrainingAudience.SocialWorkers, null,
            SocialWorker(worker.ToUpperInvariant()));

        var page = await (await client.GetAsync("/transition/training")).GetDocumentAsync();

        var trainedRow = page.QuerySelector($"#coverage-{trained.Urn}")!;
        Assert.Equal("4", trainedRow.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal($"Yes, {held.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", trainedRow.QuerySelector("[data-whole-school]")!.TextContent.Trim());
        Assert.Equal("3", trainedRow.QuerySelector("[data-staff-trained]")!.TextContent.Trim());

        var plannedRow = page.QuerySelector($"#coverage-{planned.Urn}")!;
        Assert.Equal("2", plannedRow.QuerySelectorAll("td")[0].TextContent.Trim());
        var wholeSchool = plannedRow.QuerySelector("[data-whole-school]")!.TextContent;
        Assert.Contains("Not yet", wholeSchool, StringComparison.Ordinal);
        Assert.Contains($"Planned for {TestWorld.Today.AddDays(21).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", wholeSchool, StringComparison.Ordinal);
        Assert.Equal("1", plannedRow.QuerySelector("[data-staff-trained]")!.TextContent.Trim());

        Assert.Null(page.QuerySelector($"#coverage-{removedOnly.Urn}"));
        Assert.Null(page.QuerySelector($"#coverage-{lastYear.Urn}"));
        Assert.Equal((before + 2).ToString(CultureInfo.InvariantCulture), page.QuerySelector("#social-workers-trained")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#coverage-{host.World.Primary.Urn}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TrainingTestsOnSqlite(SqliteHost fixture) : TrainingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class TrainingTestsOnPostgres(PostgresHost fixture) : TrainingTests(fixture.Host);
