using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>
/// Person-centred planning meetings: arranging up to three, recording who came and what was said,
/// actions, cancelling, and every refusal. Each test makes its own child so none disturbs another.
/// </summary>
public abstract class MeetingTests(WaymarkTestHost host) : IAsyncLifetime
{
    /// <summary>Children made by this test, removed afterwards so the shared world's rolls and caseloads stay as described.</summary>
    private readonly List<Guid> _children = [];

    private const string CapMessage = "This child has already had 3 person-centred planning meetings arranged";

    /// <summary>Today as the app sees it: in England.</summary>
    private static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    private TestWorld World => host.World;

    private Task<HttpClient> SignInAsync(Role role) => host.SignedInClientAsync(TestWorld.EmailFor(role));

    private async Task<Transition> NewTransitionAsync(CohortDecision decision = CohortDecision.Confirmed)
    {
        await using var db = host.CreateDbContext();
        var child = World.NewPrimaryPupil("Meeting", "Pupil");
        db.Children.Add(child);
        _children.Add(child.Id);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, World.Primary, decision);
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition;
    }

    /// <summary>A meeting put straight into the database, for dates the form would refuse.</summary>
    private async Task<PcpMeeting> AddMeetingAsync(Guid transitionId, DateOnly date, MeetingStatus status = MeetingStatus.Planned,
        params (MeetingRole Role, string Name)[] invitees)
    {
        await using var db = host.CreateDbContext();
        var meeting = new PcpMeeting
        {
            TransitionId = transitionId, Date = date, StartTime = new TimeOnly(10, 0), Venue = "Larkfield Primary School", Status = status,
            CreatedByUserId = World.Users[Role.TransitionLead].Id, CreatedAtUtc = DateTime.UtcNow,
            Invitees = invitees.Select(i => new PcpInvitee { Role = i.Role, Name = i.Name }).ToList(),
        };
        db.PcpMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var db = host.CreateDbContext();

        // Shares hold their transition and consent back from deletion; the rest goes with the child.
        await db.InformationShares.Where(s => _children.Contains(s.ChildId)).ExecuteDeleteAsync();
        await db.Children.Where(c => _children.Contains(c.Id)).ExecuteDeleteAsync();
    }

    private static Dictionary<string, string> ArrangeForm(DateOnly date, string time = "14:30", string venue = "Larkfield Primary School, family room",
        params (string Role, string Name)[] invitees)
    {
        var form = new Dictionary<string, string>
        {
            ["Date.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
            ["Date.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
            ["Date.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
            ["StartTime"] = time,
            ["Venue"] = venue,
        };
        if (invitees.Length == 0)
        {
            invitees = [("ParentCarer", "Kerry Clarke"), ("Pupil", "Meeting Pupil"), ("SocialWorker", "Dana Reid")];
        }

        for (var i = 0; i < 6; i++)
        {
            form[$"Invitees[{i}].Role"] = i < invitees.Length ? invitees[i].Role : "";
            form[$"Invitees[{i}].Name"] = i < invitees.Length ? invitees[i].Name : "";
        }

        return form;
    }

    private static async Task<string> ErrorSummaryAsync(HttpResponseMessage response)
    {
        var document = await response.GetDocumentAsync();
        return document.QuerySelector(".govuk-error-summary")?.TextContent ?? "";
    }

    private async Task<List<AuditEvent>> AuditAsync(Guid childId, string action)
    {
        await using var db = host.CreateDbContext();
        return await db.AuditEvents.Where(e => e.ChildId == childId && e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<List<PcpMeeting>> MeetingsAsync(Guid transitionId)
    {
        await using var db = host.CreateDbContext();
        return await db.PcpMeetings.Include(m => m.Invitees).Include(m => m.Actions)
            .Where(m => m.TransitionId == transitionId).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task Three_meetings_can_be_arranged_and_a_fourth_is_refused_with_the_message_and_nothing_saved()
    {
        var t = await NewTransitionAsync();
        var client = await SignInAsync(Role.TransitionLead);
        var path = $"/transition/{t.Id}/meetings/new";

        for (var n = 1; n <= 3; n++)
        {
            var response = await client.PostFormAsync(path, ArrangeForm(Today.AddDays(7 * n)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches($"^/transition/{t.Id}/meetings/\\d+$", response.Headers.Location!.OriginalString);
        }

        var form = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Contains(CapMessage, form.QuerySelector("#cannot-arrange")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("input[name='StartTime']"));

        var fourth = await client.PostFormAsync(path, ArrangeForm(Today.AddDays(40)));
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Contains(CapMessage, (await fourth.GetDocumentAsync()).QuerySelector("#cannot-arrange")!.TextContent, StringComparison.Ordinal);

        var meetings = await MeetingsAsync(t.Id);
        Assert.Equal(3, meetings.Count);
        Assert.All(meetings, m =>
        {
            Assert.Equal(MeetingStatus.Planned, m.Status);
            Assert.Equal(new TimeOnly(14, 30), m.StartTime);
            Assert.Equal("Larkfield Primary School, family room", m.Venue);
            Assert.Equal(World.Users[Role.TransitionLead].Id, m.CreatedByUserId);
            Assert.Equal(["Kerry Clarke", "Meeting Pupil", "Dana Reid"], m.Invitees.OrderBy(i => i.Id).Select(i => i.Name));
            Assert.All(m.Invitees, i => Assert.Equal(MeetingAttendance.NotRecorded, i.Attendance));
        });
        Assert.Equal([Today.AddDays(7), Today.AddDays(14), Today.AddDays(21)], meetings.Select(m => m.Date));

        var audit = await AuditAsync(t.ChildId, AuditActions.TransitionChanged);
        Assert.Equal(3, audit.Count);
        Assert.Equal($"PCP meeting arranged for {Today.AddDays(7).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", audit[0].Detail);
        Assert.All(audit, e => Assert.Equal(World.Users[Role.TransitionLead].Id, e.UserId));
    }

    [Fact]
    public async Task The_overview_links_to_each_meeting_and_offers_to_arrange_until_three()
    {
        var t = await NewTransitionAsync();
        var client = await SignInAsync(Role.LaOfficer);
        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(3)));
        var meetingPath = response.Headers.Location!.OriginalString;

        var overview = await (await client.GetAsync($"/transition/{t.Id}")).GetDocumentAsync();

        Assert.NotNull(overview.QuerySelector($"a[href='{meetingPath}']"));
        Assert.NotNull(overview.QuerySelector($"a[href='/transition/{t.Id}/meetings/new']"));
    }

    [Fact]
    public async Task Arranging_accepts_12_hour_times_and_ignores_blank_invitee_rows()
    {
        var t = await NewTransitionAsync();
        var client = await SignInAsync(Role.Senco);

        var get = await (await client.GetAsync($"/transition/{t.Id}/meetings/new")).GetDocumentAsync();
        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/new",
            ArrangeForm(Today, "2:30pm", "Hollins Academy", ("SecondaryStaff", "  Sam Lee "), ("", ""), ("Other", "Pat Jones")));

        Assert.Equal(6, get.QuerySelectorAll("select[name^='Invitees']").Length);
        Assert.Equal(Enum.GetNames<MeetingRole>(), get.QuerySelectorAll("select[name^='Invitees'] option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = Assert.Single(await MeetingsAsync(t.Id));
        Assert.Equal(new TimeOnly(14, 30), meeting.StartTime);
        Assert.Equal(Today, meeting.Date);
        Assert.Equal([(MeetingRole.SecondaryStaff, "Sam Lee"), (MeetingRole.Other, "Pat Jones")],
            meeting.Invitees.OrderBy(i => i.Id).Select(i => (i.Role, i.Name)));
    }

    [Fact]
    public async Task A_meeting_date_in_the_past_is_refused()
    {
        var t = await NewTransitionAsync();
        var client = await SignInAsync(Role.TransitionLead);

        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The meeting date must be today or in the future", await ErrorSummaryAsync(response), StringComparison.Ordinal);
        Assert.Empty(await MeetingsAsync(t.Id));
        Assert.Empty(await AuditAsync(t.ChildId, AuditActions.TransitionChanged));
    }

    [Fact]
    public async Task An_empty_or_wrong_arrangement_is_refused_with_a_message_for_each_problem()
    {
        var t = await NewTransitionAsync();
        var client = await SignInAsync(Role.TransitionLead);
        var path = $"/transition/{t.Id}/meetings/new";

        var empty = await client.PostFormAsync(path, new Dictionary<string, string>());
        var emptyErrors = await ErrorSummaryAsync(empty);
        var wrong = await client.PostFormAsync(path, new Dictionary<string, string>
        {
            ["Date.Day"] = "31", ["Date.Month"] = "2", ["Date.Year"] = Today.Year.ToString(CultureInfo.InvariantCulture),
            ["StartTime"] = "25:00", ["Venue"] = new string('x', 301),
            ["Invitees[0].Role"] = "", ["Invitees[0].Name"] = "Kerry Clarke",
            ["Invitees[1].Role"] = "7", ["Invitees[1].Name"] = "Numbered Role",
        });
        var wrongErrors = await ErrorSummaryAsync(wrong);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter the meeting date", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("Enter the start time", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("Enter where the meeting will be held", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("Enter the name of at least one person invited", emptyErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("The meeting date must be a real date", wrongErrors, StringComparison.Ordinal);
        Assert.Contains("Enter a real start time, for example 14:30 or 2:30pm", wrongErrors, StringComparison.Ordinal);
        Assert.Contains("The venue must be 300 characters or fewer", wrongErrors, StringComparison.Ordinal);
        Assert.Contains("Select the role of invitee 1, Kerry Clarke", wrongErrors, StringComparison.Ordinal);
        Assert.Contains("Select the role of invitee 2, Numbered Role", wrongErrors, StringComparison.Ordinal);
        Assert.NotNull((await wrong.GetDocumentAsync()).QuerySelector("a[href='#invitee-1-role']"));
        Assert.Equal("Kerry Clarke", (await wrong.GetDocumentAsync()).QuerySelector("#invitee-1-name")!.GetAttribute("value"));
        Assert.Empty(await MeetingsAsync(t.Id));
    }

    [Fact]
    public async Task Cancelling_a_planned_meeting_with_a_reason_frees_a_slot()
    {
        var t = await NewTransitionAsync();
        var first = await AddMeetingAsync(t.Id, Today.AddDays(5), invitees: (MeetingRole.Pupil, "Meeting Pupil"));
        await AddMeetingAsync(t.Id, Today.AddDays(10));
        await AddMeetingAsync(t.Id, Today.AddDays(15));
        var client = await SignInAsync(Role.Headteacher);
        var cancelPath = $"/transition/{t.Id}/meetings/{first.Id}/cancel";

        var noReason = await client.PostFormAsync(cancelPath, new() { ["Reason"] = "  " });
        var cancelled = await client.PostFormAsync(cancelPath, new() { ["Reason"] = "The family are away that week" });
        var again = await (await client.GetAsync(cancelPath)).GetDocumentAsync();
        var arranged = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(6)));

        Assert.Contains("Enter why the meeting is cancelled", await ErrorSummaryAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"/transition/{t.Id}/meetings/{first.Id}", cancelled.Headers.Location!.OriginalString);
        Assert.Contains("already been cancelled", again.QuerySelector("#cannot-cancel")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, arranged.StatusCode);
        var meetings = await MeetingsAsync(t.Id);
        Assert.Equal(4, meetings.Count);
        Assert.Equal(3, meetings.Count(m => m.Status != MeetingStatus.Cancelled));
        var gone = meetings.Single(m => m.Id == first.Id);
        Assert.Equal(MeetingStatus.Cancelled, gone.Status);
        Assert.Equal("The family are away that week", gone.CancelledReason);
        var page = await (await client.GetAsync($"/transition/{t.Id}/meetings/{first.Id}")).GetDocumentAsync();
        Assert.Equal("Cancelled", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("The family are away that week", page.QuerySelector("#cancelled-reason")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"a[href$='/record']"));
        Assert.Contains(await AuditAsync(t.ChildId, AuditActions.TransitionChanged), e => e.Detail!.EndsWith(" cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_held_meeting_cannot_be_cancelled()
    {
        var t = await NewTransitionAsync();
        var held = await AddMeetingAsync(t.Id, Today.AddDays(-3), MeetingStatus.Held);
        var client = await SignInAsync(Role.TransitionLead);

        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/{held.Id}/cancel", new() { ["Reason"] = "Changed my mind" });

        Assert.Contains("has been held", (await response.GetDocumentAsync()).QuerySelector("#cannot-cancel")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Held, (await MeetingsAsync(t.Id)).Single().Status);
    }

    [Fact]
    public async Task A_meeting_cannot_be_recorded_before_its_day()
    {
        var t = await NewTransitionAsync();
        var client = await SignInAsync(Role.TransitionLead);
        var arranged = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(1)));
        var meetingPath = arranged.Headers.Location!.OriginalString;
        var meeting = (await MeetingsAsync(t.Id)).Single();
        var fields = meeting.Invitees.ToDictionary(i => $"attendance-{i.Id}", _ => "Attended");
        fields["WhatsWorking"] = "Too early";

        var page = await (await client.GetAsync(meetingPath)).GetDocumentAsync();
        var form = await (await client.GetAsync($"{meetingPath}/record")).GetDocumentAsync();
        var post = await client.PostFormAsync($"{meetingPath}/record", fields);

        var expected = $"You can record this meeting from {Today.AddDays(1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, the day it is held";
        Assert.Contains(expected, page.QuerySelector("#record-not-yet")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href$='/record']"));
        Assert.Contains(expected, form.QuerySelector("#cannot-record")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("textarea[name='WhatsWorking']"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(expected, (await post.GetDocumentAsync()).QuerySelector("#cannot-record")!.TextContent, StringComparison.Ordinal);
        var after = (await MeetingsAsync(t.Id)).Single();
        Assert.Equal(MeetingStatus.Planned, after.Status);
        Assert.Null(after.WhatsWorking);
        Assert.Null(after.RecordedByUserId);
        Assert.All(after.Invitees, i => Assert.Equal(MeetingAttendance.NotRecorded, i.Attendance));
    }

    [Fact]
    public async Task Recording_a_meeting_keeps_each_invitees_attendance_the_notes_and_anyone_who_came_uninvited()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today.AddDays(-2), invitees:
        [
            (MeetingRole.ParentCarer, "Kerry Clarke"), (MeetingRole.Pupil, "Meeting Pupil"), (MeetingRole.SocialWorker, "Dana Reid"),
            (MeetingRole.SecondaryStaff, "Sam Lee"),
        ]);
        var ids = meeting.Invitees.ToDictionary(i => i.Name, i => i.Id);
        var client = await SignInAsync(Role.TransitionLead);
        var path = $"/transition/{t.Id}/meetings/{meeting.Id}/record";
        var since = DateTime.UtcNow.AddSeconds(-1);

        var form = await (await client.GetAsync(path)).GetDocumentAsync();
        var response = await client.PostFormAsync(path, new()
        {
            [$"attendance-{ids["Kerry Clarke"]}"] = "Attended",
            [$"attendance-{ids["Meeting Pupil"]}"] = "Attended",
            [$"attendance-{ids["Dana Reid"]}"] = "SentDelegate",
            [$"delegate-{ids["Dana Reid"]}"] = "Chris Moor",
            [$"attendance-{ids["Sam Lee"]}"] = "SentWrittenUpdate",
            [$"delegate-{ids["Sam Lee"]}"] = "Ignored because no delegate was sent",
            ["WhatsWorking"] = "Loves art club\nwalks to school with a friend",
            ["WhatsNotWorking"] = "Lunchtimes are noisy",
            ["ImportantToChild"] = "\"Keeping my friend Jess\"",
            ["ImportantForChild"] = "A quiet place at lunch",
            ["QuestionsToAnswer"] = "Can Jess be in the same form?",
            ["LateRole"] = "PrimaryStaff", ["LateName"] = "Alex Green", ["LateAttendance"] = "Attended",
        });

        Assert.Equal(4, form.QuerySelectorAll("input[type=radio][value=Attended][name^='attendance-']").Length);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/transition/{t.Id}/meetings/{meeting.Id}", response.Headers.Location!.OriginalString);
        var saved = (await MeetingsAsync(t.Id)).Single();
        Assert.Equal(MeetingStatus.Held, saved.Status);
        Assert.Equal(World.Users[Role.TransitionLead].Id, saved.RecordedByUserId);
        Assert.True(saved.RecordedAtUtc >= since);
        Assert.Equal("Loves art club\nwalks to school with a friend", saved.WhatsWorking);
        Assert.Equal("Lunchtimes are noisy", saved.WhatsNotWorking);
        Assert.Equal("\"Keeping my friend Jess\"", saved.ImportantToChild);
        Assert.Equal("A quiet place at lunch", saved.ImportantForChild);
        Assert.Equal("Can Jess be in the same form?", saved.QuestionsToAnswer);
        var byName = saved.Invitees.ToDictionary(i => i.Name);
        Assert.Equal(5, byName.Count);
        Assert.Equal(MeetingAttendance.Attended, byName["Kerry Clarke"].Attendance);
        Assert.Equal((MeetingAttendance.SentDelegate, "Chris Moor"), (byName["Dana Reid"].Attendance, byName["Dana Reid"].DelegateName));
        Assert.Equal((MeetingAttendance.SentWrittenUpdate, (string?)null), (byName["Sam Lee"].Attendance, byName["Sam Lee"].DelegateName));
        Assert.Equal((MeetingRole.PrimaryStaff, MeetingAttendance.Attended), (byName["Alex Green"].Role, byName["Alex Green"].Attendance));

        var page = await (await client.GetAsync($"/transition/{t.Id}/meetings/{meeting.Id}")).GetDocumentAsync();
        Assert.Equal("Held", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains("Keeping my friend Jess", page.QuerySelector("#notes")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sent a delegate: Chris Moor", page.QuerySelector("#invitees")!.NextElementSibling!.TextContent.Replace("\n", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate((a, b) => a + " " + b), StringComparison.Ordinal);
        var cells = (string role) => page.QuerySelector($"table[data-attendance-by-role] tr[data-role='{role}']")!
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["1", "1", "0", "0", "0", "100%"], cells("ParentCarer"));
        Assert.Equal(["1", "0", "1", "0", "0", "0%"], cells("SocialWorker"));
        Assert.Equal(["1", "0", "0", "1", "0", "0%"], cells("SecondaryStaff"));
        Assert.Equal(["1", "1", "0", "0", "0", "100%"], cells("PrimaryStaff"));
        Assert.Equal("0", cells("Other")[0]);
        Assert.Equal(["5", "3", "1", "1", "0", "60%"], cells("total"));

        var audit = Assert.Single(await AuditAsync(t.ChildId, AuditActions.TransitionChanged));
        Assert.Contains("recorded as held: 3 of 5 invited attended; primary school staff added", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_needs_every_invitees_attendance_and_a_delegates_name_and_saves_nothing_until_then()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today, invitees: [(MeetingRole.ParentCarer, "Kerry Clarke"), (MeetingRole.SocialWorker, "Dana Reid")]);
        var ids = meeting.Invitees.ToDictionary(i => i.Name, i => i.Id);
        var client = await SignInAsync(Role.TransitionLead);

        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/{meeting.Id}/record", new()
        {
            [$"attendance-{ids["Dana Reid"]}"] = "SentDelegate",
            ["WhatsWorking"] = "Kept on error",
            ["LateName"] = "Alex Green",
        });
        var errors = await ErrorSummaryAsync(response);
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select whether Kerry Clarke attended", errors, StringComparison.Ordinal);
        Assert.Contains("Enter the name of the delegate Dana Reid sent", errors, StringComparison.Ordinal);
        Assert.Contains("Select the role of the person you are adding", errors, StringComparison.Ordinal);
        Assert.Contains("Select whether Alex Green attended", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", errors, StringComparison.Ordinal);
        Assert.Equal("Kept on error", document.QuerySelector("textarea[name='WhatsWorking']")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector($"a[href='#attendance-{ids["Kerry Clarke"]}']"));
        var after = (await MeetingsAsync(t.Id)).Single();
        Assert.Equal(MeetingStatus.Planned, after.Status);
        Assert.Equal(2, after.Invitees.Count);
        Assert.Null(after.WhatsWorking);
    }

    [Fact]
    public async Task A_held_meetings_record_can_be_corrected()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today.AddDays(-10), invitees: (MeetingRole.ParentCarer, "Kerry Clarke"));
        var attendance = $"attendance-{meeting.Invitees[0].Id}";
        var client = await SignInAsync(Role.LaOfficer);
        var path = $"/transition/{t.Id}/meetings/{meeting.Id}/record";

        await client.PostFormAsync(path, new() { [attendance] = "DidNotAttend", ["WhatsWorking"] = "First version" });
        var form = await (await client.GetAsync(path)).GetDocumentAsync();
        await client.PostFormAsync(path, new() { [attendance] = "SentWrittenUpdate", ["WhatsWorking"] = "Second version" });

        Assert.NotNull(form.QuerySelector($"input[name='{attendance}'][value=DidNotAttend][checked]"));
        Assert.Equal("First version", form.QuerySelector("textarea[name='WhatsWorking']")!.TextContent.Trim());
        var saved = (await MeetingsAsync(t.Id)).Single();
        Assert.Equal("Second version", saved.WhatsWorking);
        Assert.Equal(MeetingAttendance.SentWrittenUpdate, saved.Invitees.Single().Attendance);
        var audit = await AuditAsync(t.ChildId, AuditActions.TransitionChanged);
        Assert.Equal(2, audit.Count);
        Assert.Contains("record changed", audit[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_are_added_with_who_and_by_when_and_marked_done()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today.AddDays(-1), MeetingStatus.Held);
        var other = await AddMeetingAsync(t.Id, Today.AddDays(2));
        var client = await SignInAsync(Role.TransitionLead);
        var path = $"/transition/{t.Id}/meetings/{meeting.Id}/actions/new";
        var due = Today.AddDays(14);

        var empty = await client.PostFormAsync(path, new());
        var past = await client.PostFormAsync(path, new()
        {
            ["What"] = "Visit", ["Who"] = "Sam Lee", ["ByWhen.Day"] = Today.AddDays(-1).Day.ToString(CultureInfo.InvariantCulture),
            ["ByWhen.Month"] = Today.AddDays(-1).Month.ToString(CultureInfo.InvariantCulture), ["ByWhen.Year"] = Today.AddDays(-1).Year.ToString(CultureInfo.InvariantCulture),
        });
        var added = await client.PostFormAsync(path, new()
        {
            ["What"] = "Arrange two extra visits to Hollins Academy", ["Who"] = "Sam Lee, SENCo",
            ["ByWhen.Day"] = due.Day.ToString(CultureInfo.InvariantCulture), ["ByWhen.Month"] = due.Month.ToString(CultureInfo.InvariantCulture),
            ["ByWhen.Year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        });

        var emptyErrors = await ErrorSummaryAsync(empty);
        Assert.Contains("Enter what needs to be done", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("Enter who will do it", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("Enter the date it must be done by", emptyErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", emptyErrors, StringComparison.Ordinal);
        Assert.Contains("The date it must be done by must be today or in the future", await ErrorSummaryAsync(past), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var action = Assert.Single((await MeetingsAsync(t.Id)).Single(m => m.Id == meeting.Id).Actions);
        Assert.Equal(("Arrange two extra visits to Hollins Academy", "Sam Lee, SENCo", due, (DateOnly?)null), (action.What, action.Who, action.ByWhen, action.DoneOn));

        var meetingPath = $"/transition/{t.Id}/meetings/{meeting.Id}";
        var page = await (await client.GetAsync(meetingPath)).GetDocumentAsync();
        Assert.Contains("Arrange two extra visits", page.QuerySelector($"#action-{action.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#action-{action.Id} button"));

        var wrongMeeting = await client.PostFormAsync($"/transition/{t.Id}/meetings/{other.Id}?handler=done",
            new() { ["actionId"] = action.Id.ToString(CultureInfo.InvariantCulture) }, formPage: meetingPath);
        Assert.Equal(HttpStatusCode.NotFound, wrongMeeting.StatusCode);
        Assert.Null((await MeetingsAsync(t.Id)).Single(m => m.Id == meeting.Id).Actions.Single().DoneOn);

        var done = await client.PostFormAsync($"{meetingPath}?handler=done", new() { ["actionId"] = action.Id.ToString(CultureInfo.InvariantCulture) }, formPage: meetingPath);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(Today, (await MeetingsAsync(t.Id)).Single(m => m.Id == meeting.Id).Actions.Single().DoneOn);
        var after = await (await client.GetAsync(meetingPath)).GetDocumentAsync();
        Assert.Contains("Done on", after.QuerySelector($"#action-{action.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"#action-{action.Id} button"));

        var audit = await AuditAsync(t.ChildId, AuditActions.TransitionChanged);
        Assert.Equal(2, audit.Count);
        Assert.StartsWith("Action added to the PCP meeting of", audit[0].Detail, StringComparison.Ordinal);
        Assert.EndsWith("marked done", audit[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_cannot_be_added_to_a_cancelled_meeting()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today.AddDays(3), MeetingStatus.Cancelled);
        var client = await SignInAsync(Role.TransitionLead);
        var due = Today.AddDays(5);

        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/{meeting.Id}/actions/new", new()
        {
            ["What"] = "Visit", ["Who"] = "Sam Lee", ["ByWhen.Day"] = due.Day.ToString(CultureInfo.InvariantCulture),
            ["ByWhen.Month"] = due.Month.ToString(CultureInfo.InvariantCulture), ["ByWhen.Year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.NotNull((await response.GetDocumentAsync()).QuerySelector("#cannot-add"));
        Assert.Empty((await MeetingsAsync(t.Id)).Single().Actions);
    }

    [Fact]
    public async Task A_removed_child_cannot_have_meetings_arranged()
    {
        var t = await NewTransitionAsync(CohortDecision.Removed);
        var client = await SignInAsync(Role.LaOfficer);

        var form = await (await client.GetAsync($"/transition/{t.Id}/meetings/new")).GetDocumentAsync();
        var post = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(3)));

        Assert.Contains("removed from the transition programme", form.QuerySelector("#cannot-arrange")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("removed from the transition programme", (await post.GetDocumentAsync()).QuerySelector("#cannot-arrange")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MeetingsAsync(t.Id));
    }

    [Fact]
    public async Task Analysts_are_refused_every_meeting_page()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today);
        var client = await SignInAsync(Role.Analyst);

        foreach (var path in MeetingPaths(t.Id, meeting.Id))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_social_worker_without_the_child_on_their_caseload_finds_nothing()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today);
        var client = await SignInAsync(Role.SocialWorker);

        foreach (var path in MeetingPaths(t.Id, meeting.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        var post = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(3)), formPage: "/");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Single(await MeetingsAsync(t.Id));
        Assert.Contains(await AuditAsync(t.ChildId, AuditActions.ChildRefused), e => e.UserId == World.Users[Role.SocialWorker].Id);
    }

    [Fact]
    public async Task A_social_worker_with_the_child_on_their_caseload_can_arrange_a_meeting()
    {
        var t = await NewTransitionAsync();

        // A social worker of this test's own, so the shared social worker's caseload stays as other tests expect.
        var socialWorker = TestWorld.NewUser($"sw.{Guid.NewGuid():N}@test.example", "Meeting Social Worker", Role.SocialWorker, null);
        await using (var db = host.CreateDbContext())
        {
            db.Users.Add(socialWorker);
            db.KeyPeople.Add(new KeyPerson { ChildId = t.ChildId, Role = KeyPersonRole.SocialWorker, UserId = socialWorker.Id, StartDate = Today.AddMonths(-1) });
            await db.SaveChangesAsync();
        }

        var client = await host.SignedInClientAsync(socialWorker.Email!);

        var response = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(3)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await MeetingsAsync(t.Id));
    }

    [Fact]
    public async Task The_receiving_secondary_school_cannot_see_or_arrange_meetings_even_once_shared()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today);
        await using (var db = host.CreateDbContext())
        {
            var lead = World.Users[Role.TransitionLead].Id;
            var consent = new Consent
            {
                ChildId = t.ChildId, Purpose = Sharing.TransitionPurpose, GivenByName = "Kerry Clarke", GivenBy = ConsentGiver.Parent,
                GivenOn = Today.AddDays(-1), RecordedByUserId = lead, RecordedAtUtc = DateTime.UtcNow,
            };
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            db.InformationShares.Add(new InformationShare
            {
                ChildId = t.ChildId, TransitionId = t.Id, What = Sharing.TransitionWhat, RecipientSchoolId = World.Secondary.Id,
                Basis = ShareBasis.Consent, ConsentId = consent.Id, Reason = Sharing.TransitionPurpose, SharedByUserId = lead, SharedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var client = await host.SignedInClientAsync(World.SecondaryTransitionLead.Email!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/transition/{t.Id}")).StatusCode);
        foreach (var path in MeetingPaths(t.Id, meeting.Id))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }

        var post = await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(3)), formPage: $"/transition/{t.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Single(await MeetingsAsync(t.Id));
    }

    [Fact]
    public async Task The_attendance_lead_can_see_meetings_but_not_change_them()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today.AddDays(-1), invitees: (MeetingRole.Pupil, "Meeting Pupil"));
        await using (var db = host.CreateDbContext())
        {
            db.Add(new PcpAction { MeetingId = meeting.Id, What = "Visit", Who = "Sam Lee", ByWhen = Today.AddDays(3) });
            await db.SaveChangesAsync();
        }

        var client = await SignInAsync(Role.AttendanceLead);
        var meetingPath = $"/transition/{t.Id}/meetings/{meeting.Id}";
        var since = DateTime.UtcNow.AddSeconds(-1);

        var page = await client.GetAsync(meetingPath);
        var document = await page.GetDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(document.QuerySelector("a[href$='/record']"));
        Assert.Null(document.QuerySelector("a[href$='/cancel']"));
        Assert.Null(document.QuerySelector("a[href$='/actions/new']"));
        Assert.Null(document.QuerySelector("form[action*='handler=done']"));
        foreach (var path in MeetingPaths(t.Id, meeting.Id).Where(p => p != meetingPath))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }

        var posts = new[]
        {
            await client.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(3)), formPage: meetingPath),
            await client.PostFormAsync($"{meetingPath}/record", new() { [$"attendance-{meeting.Invitees[0].Id}"] = "Attended" }, formPage: meetingPath),
            await client.PostFormAsync($"{meetingPath}/cancel", new() { ["Reason"] = "No" }, formPage: meetingPath),
            await client.PostFormAsync($"{meetingPath}?handler=done", new() { ["actionId"] = "1" }, formPage: meetingPath),
        };

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Forbidden, p.StatusCode));
        var after = Assert.Single(await MeetingsAsync(t.Id));
        Assert.Equal(MeetingStatus.Planned, after.Status);
        Assert.Null(after.Actions.Single().DoneOn);
        Assert.Empty(await AuditAsync(t.ChildId, AuditActions.TransitionChanged));
        Assert.Contains(await AuditAsync(t.ChildId, AuditActions.ChildRefused),
            e => e.UserId == World.Users[Role.AttendanceLead].Id && e.OccurredAtUtc >= since && e.Detail!.Contains("not permitted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_meeting_is_found_only_under_its_own_childs_transition()
    {
        var mine = await NewTransitionAsync();
        var theirs = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(theirs.Id, Today.AddDays(-1), invitees: (MeetingRole.Pupil, "Meeting Pupil"));
        var client = await SignInAsync(Role.LaAdmin);
        var wrongPath = $"/transition/{mine.Id}/meetings/{meeting.Id}";

        foreach (var path in MeetingPaths(mine.Id, meeting.Id).Where(p => !p.EndsWith("/new", StringComparison.Ordinal) || p.Contains("/actions/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        var record = await client.PostFormAsync($"{wrongPath}/record", new() { [$"attendance-{meeting.Invitees[0].Id}"] = "Attended" }, formPage: "/");
        var cancel = await client.PostFormAsync($"{wrongPath}/cancel", new() { ["Reason"] = "Wrong child" }, formPage: "/");

        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/transition/{theirs.Id}/meetings/{int.MaxValue}")).StatusCode);
        Assert.Equal(MeetingStatus.Planned, (await MeetingsAsync(theirs.Id)).Single().Status);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var t = await NewTransitionAsync();
        var meeting = await AddMeetingAsync(t.Id, Today);
        var client = host.CreateClient();

        foreach (var path in MeetingPaths(t.Id, meeting.Id))
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Arranging_at_the_same_time_never_makes_more_than_three()
    {
        var t = await NewTransitionAsync();
        await AddMeetingAsync(t.Id, Today.AddDays(1));
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SignInAsync(Role.TransitionLead)));

        var responses = await Task.WhenAll(clients.Select((c, n) => c.PostFormAsync($"/transition/{t.Id}/meetings/new", ArrangeForm(Today.AddDays(n + 2)))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"got {(int)r.StatusCode}"));
        var saved = (await MeetingsAsync(t.Id)).Count;
        Assert.InRange(saved, 2, 3);
        Assert.Equal(saved - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
    }

    private static string[] MeetingPaths(Guid transitionId, int meetingId) =>
    [
        $"/transition/{transitionId}/meetings/new",
        $"/transition/{transitionId}/meetings/{meetingId}",
        $"/transition/{transitionId}/meetings/{meetingId}/record",
        $"/transition/{transitionId}/meetings/{meetingId}/cancel",
        $"/transition/{transitionId}/meetings/{meetingId}/actions/new",
    ];
}

[Collection(SqliteCollection.Name)]
public sealed class MeetingTestsOnSqlite(SqliteHost fixture) : MeetingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class MeetingTestsOnPostgres(PostgresHost fixture) : MeetingTests(fixture.Host);
