using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Attendance.Alerts;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Hosting;

namespace Waymark.Web.Tests.Attendance;

/// <summary>
/// The alert engine over real databases, and the worklist pages per role. Every test makes its own school, pupils
/// and staff, and recomputes only its own pupils, so the shared world's figures stay as other tests expect.
/// </summary>
public abstract class WorklistAlertTests(WaymarkTestHost host)
{
    private static int _nextSchool;

    private static int _nextPupil;

    private DateOnly Today => host.Clock.UkToday();

    private sealed record World(School School, WaymarkUser AttendanceLead, WaymarkUser SocialWorker);

    private async Task<World> NewWorldAsync()
    {
        var n = Interlocked.Increment(ref _nextSchool);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var school = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8600 + n,
            Name = $"Alerts Academy {tag}", Phase = SchoolPhase.Secondary, Type = "Academy converter",
        };
        var lead = TestWorld.NewUser($"attendance.{tag}@alerts.example", $"Attendance Lead {tag}", Role.AttendanceLead, school);
        var socialWorker = TestWorld.NewUser($"social.worker.{tag}@alerts.example", $"Social Worker {tag}", Role.SocialWorker, null);
        await using var db = host.CreateDbContext();
        db.Schools.Add(school);
        db.Users.AddRange(lead, socialWorker);
        await db.SaveChangesAsync();
        return new World(school, lead, socialWorker);
    }

    /// <summary>A pupil on the school's roll with <paramref name="code"/> on every session of the last ten days of this term.</summary>
    private async Task<Child> NewPupilAsync(World world, string surname, string code, DateOnly? dateOfBirth = null, Action<Child>? more = null)
    {
        var child = TestWorld.NewChild("Alert", surname, dateOfBirth ?? new DateOnly(TestWorld.ThisYear.StartYear - 13, 3, 1), Sex.Female,
            world.School.EstablishmentNumber, 100 + (Interlocked.Increment(ref _nextPupil) % 900));
        child.Enrolments.Add(new Enrolment { SchoolId = world.School.Id, StartDate = Today.AddYears(-2), Type = EnrolmentType.Single });
        more?.Invoke(child);
        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        db.AttendanceYears.Add(new AttendanceYear
        {
            ChildId = child.Id, SchoolId = world.School.Id, AcademicYear = AcademicYear.Containing(Today).StartYear, Marks = Marks(code),
            UpdatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return child;
    }

    private byte[] Marks(string code)
    {
        var marks = new YearMarks(AcademicYear.Containing(Today));
        var term = SchoolTerms.Containing(Today);
        for (var (day, n) = (Today, 0); day >= term.Start && n < 10; day = day.AddDays(-1), n++)
        {
            marks.Set(day, Session.AM, AttendanceCodes.Get(code));
            marks.Set(day, Session.PM, AttendanceCodes.Get(code));
        }

        return marks.Bytes;
    }

    private async Task SetMarksAsync(Child child, string code)
    {
        await using var db = host.CreateDbContext();
        var row = await db.AttendanceYears.SingleAsync(a => a.ChildId == child.Id);
        row.Marks = Marks(code);
        await db.SaveChangesAsync();
    }

    private async Task<AlertRecomputeResult> RecomputeAsync(params Child[] children)
    {
        await using var db = host.CreateDbContext();
        return await new AttendanceAlertEngine(db).RecomputeAsync(Today, [.. children.Select(c => c.Id)]);
    }

    private async Task<List<AttendanceAlert>> AlertsAsync(params Child[] children)
    {
        var ids = children.Select(c => c.Id).ToList();
        await using var db = host.CreateDbContext();
        return await db.AttendanceAlerts.AsNoTracking().Where(a => ids.Contains(a.ChildId)).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<AttendanceAlert> AlertAsync(Child child, AlertKind kind) => (await AlertsAsync(child)).Single(a => a.Kind == kind);

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response) =>
        [.. (await response.GetDocumentAsync()).QuerySelectorAll(".govuk-error-summary__list li").Select(e => e.TextContent.Trim())];

    // The engine

    [Fact]
    public async Task Recompute_raises_each_alert_once_and_a_second_run_changes_nothing()
    {
        var world = await NewWorldAsync();
        var absent = await NewPupilAsync(world, "Absent", "O");
        var present = await NewPupilAsync(world, "Present", "/");

        var first = await RecomputeAsync(absent, present);
        var afterFirst = await AlertsAsync(absent, present);
        var second = await RecomputeAsync(absent, present);
        var afterSecond = await AlertsAsync(absent, present);

        Assert.Equal((2, 0, 0), (first.Changes.Pupils, first.Changes.Cleared, first.Changes.Reopened));
        Assert.Equal(afterFirst.Count, first.Changes.Raised);
        Assert.Equal((0, 0, 0), (second.Changes.Raised, second.Changes.Cleared, second.Changes.Reopened));
        Assert.Equal(afterFirst.Select(a => (a.Id, a.Kind, a.Key, a.RaisedOn, a.ClearedOn)), afterSecond.Select(a => (a.Id, a.Kind, a.Key, a.RaisedOn, a.ClearedOn)));
        Assert.All(afterFirst, a => Assert.Equal(absent.Id, a.ChildId));
        var chronic = afterFirst.Single(a => a.Kind == AlertKind.ChronicAbsence);
        Assert.Equal((world.School.Id, AlertOwner.LocalAuthority, Today, (DateOnly?)null), (chronic.SchoolId, chronic.Owner, chronic.RaisedOn, chronic.ClearedOn));
        Assert.StartsWith($"{world.School.Id}:{AcademicYear.Containing(Today).StartYear}-", chronic.Key, StringComparison.Ordinal);
        Assert.StartsWith("0% attendance this term", chronic.Summary, StringComparison.Ordinal);
        Assert.Equal(AlertOwner.School, afterFirst.Single(a => a.Kind == AlertKind.SevereAbsence).Owner);
        Assert.True(second.OpenByKind[AlertKind.ChronicAbsence] >= 1);
    }

    [Fact]
    public async Task Alerts_clear_when_marks_improve_reopen_if_unhandled_and_a_handled_one_is_never_reopened()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "Improving", "O");
        await RecomputeAsync(child);
        var raised = await AlertAsync(child, AlertKind.ChronicAbsence);

        await SetMarksAsync(child, "/");
        var improved = await RecomputeAsync(child);
        var cleared = await AlertAsync(child, AlertKind.ChronicAbsence);
        await SetMarksAsync(child, "O");
        var worse = await RecomputeAsync(child);
        var reopened = await AlertAsync(child, AlertKind.ChronicAbsence);

        Assert.Equal(Today, cleared.ClearedOn);
        Assert.Equal(0, improved.Changes.Raised);
        Assert.True(improved.Changes.Cleared >= 2);
        Assert.Equal((raised.Id, (DateOnly?)null), (reopened.Id, reopened.ClearedOn));
        Assert.Equal(0, worse.Changes.Raised);

        await using (var db = host.CreateDbContext())
        {
            var alert = await db.AttendanceAlerts.SingleAsync(a => a.Id == raised.Id);
            alert.HandledAtUtc = DateTime.UtcNow;
            alert.HandledNote = "Spoke to the family";
            await db.SaveChangesAsync();
        }

        await SetMarksAsync(child, "/");
        await RecomputeAsync(child);
        await SetMarksAsync(child, "O");
        var again = await RecomputeAsync(child);
        var handled = await AlertAsync(child, AlertKind.ChronicAbsence);

        Assert.Equal(Today, handled.ClearedOn);
        Assert.NotNull(handled.HandledAtUtc);
        Assert.Equal(0, again.Changes.Raised);
        Assert.Equal((await AlertsAsync(child)).Count(a => a.Kind != AlertKind.ChronicAbsence), again.Changes.Reopened);
    }

    [Fact]
    public async Task A_fall_is_measured_against_the_whole_of_last_term_even_when_it_was_last_year()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "Falling", "O");
        var term = SchoolTerms.Containing(Today);
        var previous = SchoolTerms.Previous(term);

        // Last term's first day absent and last day present, in whichever year's row holds it: exactly 50%.
        await using (var db = host.CreateDbContext())
        {
            var row = previous.Year == term.Year
                ? await db.AttendanceYears.SingleAsync(a => a.ChildId == child.Id)
                : db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = world.School.Id, AcademicYear = previous.Year.StartYear }).Entity;
            var marks = new YearMarks(previous.Year, [.. row.Marks]);
            marks.Set(previous.Start, Session.AM, AttendanceCodes.Get("O"));
            marks.Set(previous.Start, Session.PM, AttendanceCodes.Get("O"));
            marks.Set(previous.End, Session.AM, AttendanceCodes.Present);
            marks.Set(previous.End, Session.PM, AttendanceCodes.Present);
            row.Marks = marks.Bytes;
            await db.SaveChangesAsync();
        }

        await RecomputeAsync(child);
        var fall = await AlertAsync(child, AlertKind.AttendanceFall);

        Assert.Equal((AlertOwner.School, $"{world.School.Id}:{Domain.Attendance.Alerts.AttendanceAlertRules.TermKey(term)}"), (fall.Owner, fall.Key));
        Assert.StartsWith("Attendance fell from 50% last term", fall.Summary, StringComparison.Ordinal);
        Assert.EndsWith("to 0% this term.", fall.Summary, StringComparison.Ordinal);
    }

    // Pages

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_sees_the_worklist_only_for_children_in_its_scope(Role role)
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "Scoped", "O");
        await RecomputeAsync(child);
        var alert = await AlertAsync(child, AlertKind.ChronicAbsence);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync($"/attendance/worklist?school={world.School.Urn}&status=all");
        var one = await client.GetAsync($"/attendance/worklist/{alert.Id}");

        if (!Roles.CanOpenChildRecords(role))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
            return;
        }

        if (!AlertHandling.CanSeeWorklist(Roles.ScopeOf(role)))
        {
            // The SEN team handles no alerts: the worklist is refused and no alert is within its reach.
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.GetDocumentAsync();
        var la = Roles.ScopeOf(role) == DataScope.LocalAuthority;
        Assert.Equal(la, page.QuerySelector($"#alert-{alert.Id}") is not null);
        Assert.Equal(la, page.QuerySelector("#chronic") is not null);
        Assert.Equal(la ? HttpStatusCode.OK : HttpStatusCode.NotFound, one.StatusCode);
    }

    [Fact]
    public async Task School_staff_see_their_own_schools_entries_without_the_LA_breakdown()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "OwnSchool", "O");
        await RecomputeAsync(child);
        var client = await host.SignedInClientAsync(world.AttendanceLead.Email!);

        var page = await (await client.GetAsync("/attendance/worklist")).GetDocumentAsync();
        var rows = page.QuerySelectorAll("#alerts tbody tr");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Alert OwnSchool", r.TextContent, StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("#chronic"));
        var chronic = await AlertAsync(child, AlertKind.ChronicAbsence);
        var row = page.QuerySelector($"#alert-{chronic.Id}")!;
        Assert.Equal($"/children/{child.Id}/attendance", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("LA attendance service", row.QuerySelector("[data-owner]")!.TextContent.Trim());
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AttendanceWorklistViewed && e.UserId == world.AttendanceLead.Id
            && e.Detail == $"status open: {rows.Length} alert(s)"));
    }

    [Fact]
    public async Task A_social_worker_sees_entries_for_children_on_their_caseload_only()
    {
        var world = await NewWorldAsync();
        var mine = await NewPupilAsync(world, "Caseload", "O", more: c => c.KeyPeople.Add(new KeyPerson
        {
            Role = KeyPersonRole.SocialWorker, UserId = world.SocialWorker.Id, StartDate = Today.AddMonths(-1),
        }));
        var other = await NewPupilAsync(world, "NotMine", "O");
        await RecomputeAsync(mine, other);
        var client = await host.SignedInClientAsync(world.SocialWorker.Email!);

        var page = await (await client.GetAsync("/attendance/worklist")).GetDocumentAsync();
        var theirs = await client.GetAsync($"/attendance/worklist/{(await AlertAsync(other, AlertKind.ChronicAbsence)).Id}");

        Assert.NotNull(page.QuerySelector($"#alert-{(await AlertAsync(mine, AlertKind.ChronicAbsence)).Id}"));
        Assert.Null(page.QuerySelector($"#alert-{(await AlertAsync(other, AlertKind.ChronicAbsence)).Id}"));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task The_school_marks_its_entry_handled_with_a_note_which_is_audited()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "Handled", "O");
        await RecomputeAsync(child);
        var severe = await AlertAsync(child, AlertKind.SevereAbsence);
        var client = await host.SignedInClientAsync(world.AttendanceLead.Email!);
        var path = $"/attendance/worklist/{severe.Id}";

        var blank = await ErrorsAsync(await client.PostFormAsync(path, new() { ["Note"] = "  " }));
        var tooLong = await ErrorsAsync(await client.PostFormAsync(path, new() { ["Note"] = new string('x', 2001) }));
        var handled = await client.PostFormAsync(path, new() { ["Note"] = " Met the parent; attendance plan agreed " });
        var list = await (await client.GetAsync("/attendance/worklist?status=handled")).GetDocumentAsync();

        // The success message is shown once, by the layout.
        var banner = Assert.Single(list.QuerySelectorAll(".govuk-notification-banner"));
        Assert.Contains("marked as handled", banner.TextContent, StringComparison.Ordinal);
        var again = await ErrorsAsync(await client.PostFormAsync(path, new() { ["Note"] = "Twice" }, formPage: "/attendance/worklist"));

        Assert.Equal(["Enter a note of what was done"], blank);
        Assert.Equal(["The note must be 2,000 characters or fewer"], tooLong);
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        Assert.Equal("/attendance/worklist", handled.Headers.Location!.OriginalString);
        Assert.Equal(["This entry has already been marked as handled"], again);
        var saved = await AlertAsync(child, AlertKind.SevereAbsence);
        Assert.Equal(("Met the parent; attendance plan agreed", world.AttendanceLead.Id), (saved.HandledNote, saved.HandledByUserId));
        Assert.NotNull(saved.HandledAtUtc);
        Assert.Contains("Handled", list.QuerySelector($"#alert-{severe.Id} [data-status]")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AttendanceAlertHandled && e.ChildId == child.Id
            && e.UserId == world.AttendanceLead.Id && e.Detail!.EndsWith("handled: Met the parent; attendance plan agreed")));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AttendanceAlertViewed && e.ChildId == child.Id));
    }

    [Fact]
    public async Task School_staff_cannot_handle_an_entry_the_LA_must_act_on_but_the_LA_can()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "LaOwned", "O");
        await RecomputeAsync(child);
        var chronic = await AlertAsync(child, AlertKind.ChronicAbsence);
        var school = await host.SignedInClientAsync(world.AttendanceLead.Email!);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/attendance/worklist/{chronic.Id}";

        var page = await (await school.GetAsync(path)).GetDocumentAsync();
        var refused = await school.PostFormAsync(path, new() { ["Note"] = "Not ours" }, formPage: "/attendance/worklist");
        var done = await officer.PostFormAsync(path, new() { ["Note"] = "Lead Professional allocated" });

        Assert.Null(page.QuerySelector("#handle"));
        Assert.Contains("LA attendance service", page.QuerySelector("#not-yours")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("Lead Professional allocated", (await AlertAsync(child, AlertKind.ChronicAbsence)).HandledNote);
    }

    [Fact]
    public async Task An_entry_out_of_scope_is_not_found_and_the_attempt_is_audited()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "OutOfScope", "O");
        await RecomputeAsync(child);
        var severe = await AlertAsync(child, AlertKind.SevereAbsence);
        var otherSchool = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));
        var path = $"/attendance/worklist/{severe.Id}";

        var get = await otherSchool.GetAsync(path);
        var post = await otherSchool.PostFormAsync(path, new() { ["Note"] = "Sneaky" }, formPage: "/attendance/worklist");
        var plan = await otherSchool.GetAsync(path + "/support-plan");
        var missing = await otherSchool.GetAsync("/attendance/worklist/999999999");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, plan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null((await AlertAsync(child, AlertKind.SevereAbsence)).HandledAtUtc);
        await using var db = host.CreateDbContext();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ChildRefused && e.ChildId == child.Id
            && e.UserId == host.World.Users[Role.Headteacher].Id && e.Detail == $"attendance alert {severe.Id} outside the user's scope"));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await host.CreateClient().GetAsync("/attendance/worklist");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_kind_owner_and_status()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "Filtered", "O");
        await RecomputeAsync(child);
        var chronic = await AlertAsync(child, AlertKind.ChronicAbsence);
        var severe = await AlertAsync(child, AlertKind.SevereAbsence);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var school = $"school={world.School.Urn}";

        var byKind = await (await officer.GetAsync($"/attendance/worklist?{school}&kind=SevereAbsence")).GetDocumentAsync();
        var byOwner = await (await officer.GetAsync($"/attendance/worklist?{school}&owner=LocalAuthority")).GetDocumentAsync();
        var handledOnly = await (await officer.GetAsync($"/attendance/worklist?{school}&status=handled")).GetDocumentAsync();

        Assert.Equal([$"alert-{severe.Id}"], byKind.QuerySelectorAll("#alerts tbody tr").Select(r => r.Id));
        Assert.NotNull(byOwner.QuerySelector($"#alert-{chronic.Id}"));
        Assert.Null(byOwner.QuerySelector($"#alert-{severe.Id}"));
        Assert.All(byOwner.QuerySelectorAll("#alerts [data-owner]"), o => Assert.Equal("LA attendance service", o.TextContent.Trim()));
        Assert.Null(handledOnly.QuerySelector("#alerts"));
        Assert.Equal("0 entries.", handledOnly.QuerySelector("#count")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_LA_breakdown_counts_plans_zero_attendance_EHC_plans_and_age()
    {
        var world = await NewWorldAsync();
        var year = AcademicYear.Containing(Today).StartYear;
        var led = await NewPupilAsync(world, "Led", "O", new DateOnly(year - 9, 1, 1), c =>
        {
            c.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.LeadProfessional, ExternalName = "Early Help Worker", StartDate = Today.AddMonths(-1) });
            c.Statuses.Add(new ChildStatus { Type = ChildStatusType.EarlyHelp, StartDate = Today.AddMonths(-1) });
        });
        var leadWithoutPlan = await NewPupilAsync(world, "LeadOnly", "O", more: c =>
        {
            c.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, ExternalName = "Duty Social Worker", StartDate = Today.AddMonths(-1) });
            c.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = Today.AddYears(-1) });
        });
        var ended = await NewPupilAsync(world, "Ended", "O", more: c =>
        {
            c.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.LeadProfessional, ExternalName = "Gone", StartDate = Today.AddYears(-1), EndDate = Today.AddDays(-1) });
            c.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = Today.AddYears(-1) });
        });
        var partial = await NewPupilAsync(world, "Partial", "O");
        await SetPartialAsync(partial);
        var fine = await NewPupilAsync(world, "Fine", "/");
        await RecomputeAsync(led, leadWithoutPlan, ended, partial, fine);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var lead = await host.SignedInClientAsync(world.AttendanceLead.Email!);

        var before = Breakdown(await (await officer.GetAsync($"/attendance/worklist?school={world.School.Urn}")).GetDocumentAsync());
        var alert = await AlertAsync(partial, AlertKind.ChronicAbsence);
        var recorded = await lead.PostFormAsync($"/attendance/worklist/{alert.Id}/support-plan", new()
        {
            ["LeadName"] = " Ms Rivers ", ["StartedOn.Day"] = $"{Today.Day}", ["StartedOn.Month"] = $"{Today.Month}", ["StartedOn.Year"] = $"{Today.Year}",
            ["ReviewOn.Day"] = "", ["ReviewOn.Month"] = "", ["ReviewOn.Year"] = "",
        });
        var after = Breakdown(await (await officer.GetAsync($"/attendance/worklist?school={world.School.Urn}")).GetDocumentAsync());

        // Chronically absent, with a Lead Professional and a plan, school-led only, no plan, zero attendance, EHC, under 11, secondary.
        Assert.Equal([4, 1, 0, 3, 3, 1, 1, 3], before);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal([4, 1, 1, 2, 3, 1, 1, 3], after);
        await using var db = host.CreateDbContext();
        var plan = await db.AttendanceSupportPlans.SingleAsync(p => p.ChildId == partial.Id);
        Assert.Equal(("Ms Rivers", world.School.Id, Today, (DateOnly?)null, world.AttendanceLead.Id), (plan.LeadName, plan.SchoolId, plan.StartedOn, plan.ReviewOn, plan.RecordedByUserId));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AttendanceSupportPlanRecorded && e.ChildId == partial.Id));
    }

    /// <summary>Present on one session today: still below 50%, but not zero attendance.</summary>
    private async Task SetPartialAsync(Child child)
    {
        await using var db = host.CreateDbContext();
        var row = await db.AttendanceYears.SingleAsync(a => a.ChildId == child.Id);
        var marks = new YearMarks(AcademicYear.Containing(Today), [.. row.Marks]);
        marks.Set(Today, Session.AM, AttendanceCodes.Present);
        row.Marks = marks.Bytes;
        await db.SaveChangesAsync();
    }

    private static int[] Breakdown(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. new[] { "total", "lead", "school", "none", "zero", "ehc", "under-11", "secondary" }
            .Select(id => int.Parse(page.QuerySelector($"#chronic-{id} td")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Support_plans_are_refused_with_reasons_and_not_for_social_workers()
    {
        var world = await NewWorldAsync();
        var child = await NewPupilAsync(world, "PlanRules", "O", more: c => c.KeyPeople.Add(new KeyPerson
        {
            Role = KeyPersonRole.SocialWorker, UserId = world.SocialWorker.Id, StartDate = Today.AddMonths(-1),
        }));
        await RecomputeAsync(child);
        var path = $"/attendance/worklist/{(await AlertAsync(child, AlertKind.ChronicAbsence)).Id}/support-plan";
        var lead = await host.SignedInClientAsync(world.AttendanceLead.Email!);
        var socialWorker = await host.SignedInClientAsync(world.SocialWorker.Email!);
        var tomorrow = Today.AddDays(1);

        var errors = await ErrorsAsync(await lead.PostFormAsync(path, new()
        {
            ["LeadName"] = "", ["StartedOn.Day"] = $"{tomorrow.Day}", ["StartedOn.Month"] = $"{tomorrow.Month}", ["StartedOn.Year"] = $"{tomorrow.Year}",
            ["ReviewOn.Day"] = $"{Today.Day}", ["ReviewOn.Month"] = $"{Today.Month}", ["ReviewOn.Year"] = $"{Today.Year}",
        }));
        var refused = await socialWorker.GetAsync(path);

        Assert.Equal(
            ["Enter the name of the person who leads the plan", "The date the plan started must be today or in the past", "The review date must be on or after the date the plan started"],
            errors.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.False(await db.AttendanceSupportPlans.AnyAsync(p => p.ChildId == child.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorklistAlertTestsOnSqlite(SqliteHost fixture) : WorklistAlertTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class WorklistAlertTestsOnPostgres(PostgresHost fixture) : WorklistAlertTests(fixture.Host);
