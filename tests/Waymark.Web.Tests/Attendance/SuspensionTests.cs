using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Attendance;

/// <summary>
/// Suspensions and permanent exclusions through the real pages: recorded by school leaders of the child's
/// school, seen by LA users and the child's social worker, refused (and audited) for everyone else; the
/// social worker and virtual school told, and the worklist entries raised once.
/// </summary>
public abstract class SuspensionTests(WaymarkTestHost host)
{
    private static int _next;

    private sealed record Setting(School School, WaymarkUser Head, WaymarkUser TransitionLead, WaymarkUser OtherHead, Child Child, WaymarkUser? SocialWorker, WaymarkUser? VirtualSchool);

    /// <summary>A school of the test's own, its staff, one pupil, and another school's head; optionally a social worker or looked-after status.</summary>
    private async Task<Setting> SetUpAsync(bool socialWorker = false, bool lookedAfter = false)
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 6000 + n, Name = $"Brookfield High {tag}", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
        var other = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 6500 + n, Name = $"Moorend Academy {tag}", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
        await using var db = host.CreateDbContext();
        db.Schools.AddRange(school, other);
        var head = TestWorld.NewUser($"head.{tag}@test.example", "Priya Shah", Role.Headteacher, school);
        var lead = TestWorld.NewUser($"tl.{tag}@test.example", "Tom Reid", Role.TransitionLead, school);
        var otherHead = TestWorld.NewUser($"otherhead.{tag}@test.example", "Gareth Lowe", Role.Headteacher, other);
        db.Users.AddRange(head, lead, otherHead);
        var child = TestWorld.NewChild("Kian", $"Walsh{tag}", new DateOnly(TestWorld.ThisYear.StartYear - 13, 2, 2), Sex.Male, school.EstablishmentNumber, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-2), Type = EnrolmentType.Single });
        WaymarkUser? sw = null, vs = null;
        if (socialWorker)
        {
            sw = TestWorld.NewUser($"sw.{tag}@test.example", "Dana Morris", Role.SocialWorker, null);
            db.Users.Add(sw);
            child.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, User = sw, StartDate = TestWorld.Today.AddMonths(-3) });
        }

        if (lookedAfter)
        {
            vs = TestWorld.NewUser($"vsh.{tag}@test.example", "Virtual School Head", Role.LaOfficer, null);
            db.Users.Add(vs);
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = TestWorld.Today.AddYears(-1) });
            child.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.VirtualSchool, User = vs, StartDate = TestWorld.Today.AddYears(-1) });
        }

        db.Children.Add(child);
        await db.SaveChangesAsync();
        return new Setting(school, head, lead, otherHead, child, sw, vs);
    }

    /// <summary>The next school day from today, so the tests run on any day of the week.</summary>
    private static DateOnly SchoolDay => SchoolDays.Add(TestWorld.Today, 0);

    private static Dictionary<string, string> Form(DateOnly start, string kind = "Suspension", string length = "3", string session = "AM",
        string r1 = "PD", string r2 = "", string r3 = "") => new()
    {
        ["Kind"] = kind, ["StartDate.Day"] = start.Day.ToString(CultureInfo.InvariantCulture), ["StartDate.Month"] = start.Month.ToString(CultureInfo.InvariantCulture),
        ["StartDate.Year"] = start.Year.ToString(CultureInfo.InvariantCulture), ["FirstSession"] = session, ["Length"] = length,
        ["Reason1"] = r1, ["Reason2"] = r2, ["Reason3"] = r3,
    };

    private static string New(Child child) => $"/children/{child.Id}/suspensions/new";

    [Fact]
    public async Task A_headteacher_records_a_suspension_of_their_pupil_and_it_is_listed_and_audited()
    {
        var s = await SetUpAsync();
        var head = await host.SignedInClientAsync(s.Head.Email!);

        var response = await head.PostFormAsync(New(s.Child), Form(SchoolDay, length: "2.5", r1: "VA", r2: "DM"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        var saved = await db.Suspensions.SingleAsync(x => x.ChildId == s.Child.Id);
        Assert.Equal((ExclusionKind.Suspension, 5, "VA", "DM", (string?)null, s.School.Id, s.Head.Id),
            (saved.Kind, saved.Sessions!.Value, saved.Reason1, saved.Reason2, saved.Reason3, saved.SchoolId, saved.RecordedByUserId));
        Assert.Equal($"/children/{s.Child.Id}/suspensions/{saved.Id}", response.Headers.Location!.OriginalString);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == s.Child.Id && a.Action == AuditActions.SuspensionRecorded && a.UserId == s.Head.Id));

        var view = await (await head.GetAsync(response.Headers.Location)).GetDocumentAsync();
        Assert.Contains("2.5 school days", view.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Verbal abuse or threatening behaviour against an adult (VA)", view.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        var list = await (await head.GetAsync($"/children/{s.Child.Id}/suspensions")).GetDocumentAsync();
        Assert.Single(list.QuerySelectorAll("#suspensions tbody tr"));
        Assert.Contains("2.5 school days", list.QuerySelector("#year-total")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("#limit-warnings"));
        var attendance = await (await head.GetAsync($"/children/{s.Child.Id}/attendance")).GetDocumentAsync();
        var row = Assert.Single(attendance.QuerySelectorAll("#suspensions tbody tr"));
        Assert.Contains("Suspension, 2.5 school days", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("VA, DM", row.TextContent, StringComparison.Ordinal);

        // No social worker, not looked after: nobody to tell, nothing on the vulnerable-children worklist.
        Assert.False(await db.Notifications.AnyAsync(x => x.ChildId == s.Child.Id));
        Assert.False(await db.AttendanceAlerts.AnyAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.SuspensionOfVulnerableChild));
    }

    [Fact]
    public async Task Another_schools_headteacher_gets_not_found_and_the_attempt_is_audited()
    {
        var s = await SetUpAsync();
        var other = await host.SignedInClientAsync(s.OtherHead.Email!);

        var list = await other.GetAsync($"/children/{s.Child.Id}/suspensions");
        var form = await other.GetAsync(New(s.Child));
        var post = await other.PostFormAsync(New(s.Child), Form(SchoolDay), formPage: "/notifications");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (list.StatusCode, form.StatusCode, post.StatusCode));
        await using var db = host.CreateDbContext();
        Assert.False(await db.Suspensions.AnyAsync(x => x.ChildId == s.Child.Id));
        Assert.Equal(3, await db.AuditEvents.CountAsync(a => a.ChildId == s.Child.Id && a.UserId == s.OtherHead.Id && a.Action == AuditActions.ChildRefused));
    }

    [Fact]
    public async Task A_transition_lead_at_the_school_sees_but_may_not_record()
    {
        var s = await SetUpAsync();
        var lead = await host.SignedInClientAsync(s.TransitionLead.Email!);

        var list = await (await lead.GetAsync($"/children/{s.Child.Id}/suspensions")).GetDocumentAsync();
        var form = await lead.GetAsync(New(s.Child));
        var post = await lead.PostFormAsync(New(s.Child), Form(SchoolDay), formPage: "/notifications");

        Assert.Null(list.QuerySelector("#record"));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (form.StatusCode, post.StatusCode));
        await using var db = host.CreateDbContext();
        Assert.False(await db.Suspensions.AnyAsync(x => x.ChildId == s.Child.Id));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == s.Child.Id && a.UserId == s.TransitionLead.Id && a.Action == AuditActions.ChildRefused));
    }

    [Theory]
    [InlineData(Role.LaOfficer, HttpStatusCode.Found, HttpStatusCode.Forbidden)]
    [InlineData(Role.LaAdmin, HttpStatusCode.Found, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Role.Headteacher, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Role.Analyst, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Who_else_may_see_and_record(Role role, HttpStatusCode list, HttpStatusCode record)
    {
        // The shared users: nobody's service knows this child yet, so LA roles are asked for a reason to open it;
        // the social worker and the primary's headteacher are told it does not exist.
        var s = await SetUpAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var listed = await client.GetAsync($"/children/{s.Child.Id}/suspensions");
        Assert.Equal(list, listed.StatusCode);
        if (list == HttpStatusCode.Found)
        {
            Assert.Equal($"/children/{s.Child.Id}/open-with-reason?returnUrl={Uri.EscapeDataString($"/children/{s.Child.Id}/suspensions")}", listed.Headers.Location!.OriginalString);
        }

        Assert.Equal(record, (await client.GetAsync(New(s.Child))).StatusCode);
    }

    [Fact]
    public async Task The_social_worker_is_notified_at_once_sees_the_suspension_and_it_is_on_the_worklist_once()
    {
        var s = await SetUpAsync(socialWorker: true);
        var head = await host.SignedInClientAsync(s.Head.Email!);

        var response = await head.PostFormAsync(New(s.Child), Form(SchoolDay, length: "1", r1: "PA"));
        var details = response.Headers.Location!.OriginalString;

        await using (var db = host.CreateDbContext())
        {
            var suspension = await db.Suspensions.SingleAsync(x => x.ChildId == s.Child.Id);
            var notification = await db.Notifications.SingleAsync(x => x.ChildId == s.Child.Id);
            Assert.Equal((s.SocialWorker!.Id, details), (notification.UserId, notification.Link));
            Assert.StartsWith($"Kian {s.Child.LegalSurname} has been suspended from {s.School.Name} for 1 school day from", notification.Text, StringComparison.Ordinal);
            var alert = await db.AttendanceAlerts.SingleAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.SuspensionOfVulnerableChild);
            Assert.Equal((suspension.Id.ToString(CultureInfo.InvariantCulture), AlertOwner.SocialWorker, true), (alert.Key, alert.Owner, alert.IsOpen));
        }

        var sw = await host.SignedInClientAsync(s.SocialWorker!.Email!);
        var home = await (await sw.GetAsync("/")).GetDocumentAsync();
        Assert.Contains("1", home.QuerySelector("#unread-notifications")!.TextContent, StringComparison.Ordinal);
        var notifications = await (await sw.GetAsync("/notifications")).GetDocumentAsync();
        Assert.NotNull(notifications.QuerySelector($"#notifications a[href='{details}']"));
        Assert.All(notifications.QuerySelectorAll("main form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        Assert.Equal(HttpStatusCode.OK, (await sw.GetAsync(details)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sw.GetAsync($"/children/{s.Child.Id}/suspensions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sw.GetAsync(New(s.Child))).StatusCode);

        // The school saves the follow-up twice and the worklist recomputes: still one entry, still open.
        var meeting = new Dictionary<string, string> { ["MeetingOn.Day"] = SchoolDay.Day.ToString(CultureInfo.InvariantCulture), ["MeetingOn.Month"] = SchoolDay.Month.ToString(CultureInfo.InvariantCulture), ["MeetingOn.Year"] = SchoolDay.Year.ToString(CultureInfo.InvariantCulture), ["MeetingNote"] = "Agreed a daily check-in" };
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(details + "?handler=reintegration", meeting, formPage: details)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(details + "?handler=reintegration", meeting, formPage: details)).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            await SuspensionAlerts.RaiseAsync(db, s.Child.Id, TestWorld.Today);
            await db.SaveChangesAsync();
        }

        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(1, await db.AttendanceAlerts.CountAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.SuspensionOfVulnerableChild));
            Assert.Equal(1, await db.Notifications.CountAsync(x => x.ChildId == s.Child.Id));
            Assert.Equal("Agreed a daily check-in", (await db.Suspensions.SingleAsync(x => x.ChildId == s.Child.Id)).ReintegrationNote);
        }

        // Marking read clears the count; another user cannot mark it.
        var id = (await host.CreateDbContext().Notifications.SingleAsync(x => x.ChildId == s.Child.Id)).Id;
        var stranger = await host.SignedInClientAsync(s.OtherHead.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync($"/notifications?handler=read&notificationId={id}", [], formPage: "/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sw.PostFormAsync($"/notifications?handler=read&notificationId={id}", [], formPage: "/notifications")).StatusCode);
        Assert.Null((await (await sw.GetAsync("/")).GetDocumentAsync()).QuerySelector("#unread-notifications"));
    }

    [Fact]
    public async Task A_looked_after_child_permanently_excluded_tells_the_virtual_school_and_the_LA_owes_provision()
    {
        var s = await SetUpAsync(lookedAfter: true);
        var head = await host.SignedInClientAsync(s.Head.Email!);

        var response = await head.PostFormAsync(New(s.Child), Form(SchoolDay, kind: "PermanentExclusion", length: "", r1: "OW", r2: "PA", r3: "VA"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = response.Headers.Location!.OriginalString;
        await using (var db = host.CreateDbContext())
        {
            var notification = await db.Notifications.SingleAsync(x => x.ChildId == s.Child.Id);
            Assert.Equal(s.VirtualSchool!.Id, notification.UserId);
            Assert.Contains("has been permanently excluded", notification.Text, StringComparison.Ordinal);
            var vulnerable = await db.AttendanceAlerts.SingleAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.SuspensionOfVulnerableChild);
            Assert.Equal(AlertOwner.VirtualSchool, vulnerable.Owner);
            var provision = await db.AttendanceAlerts.SingleAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.AlternativeProvisionDue);
            Assert.Equal((AlertOwner.LocalAuthority, true), (provision.Owner, provision.IsOpen));
        }

        // The LA officer (here the virtual school contact) records the provision; the entry clears. The school cannot hold a reintegration meeting.
        var officer = await host.SignedInClientAsync(s.VirtualSchool!.Email!);
        var page = await (await officer.GetAsync(details)).GetDocumentAsync();
        Assert.NotNull(page.QuerySelector("#provision-due"));
        Assert.Null(page.QuerySelector("#reintegration-form"));
        var sixth = SuspensionRules.SixthSchoolDay(SchoolDay);
        var provisionForm = new Dictionary<string, string> { ["ProvisionFrom.Day"] = sixth.Day.ToString(CultureInfo.InvariantCulture), ["ProvisionFrom.Month"] = sixth.Month.ToString(CultureInfo.InvariantCulture), ["ProvisionFrom.Year"] = sixth.Year.ToString(CultureInfo.InvariantCulture), ["ProvisionBy"] = "Eastmoor Pupil Referral Unit" };
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(details + "?handler=provision", provisionForm, formPage: details)).StatusCode);
        var meeting = new Dictionary<string, string> { ["MeetingOn.Day"] = "1", ["MeetingOn.Month"] = "1", ["MeetingOn.Year"] = "2030" };
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostFormAsync(details + "?handler=reintegration", meeting, formPage: details)).StatusCode);

        await using var after = host.CreateDbContext();
        Assert.Equal("Eastmoor Pupil Referral Unit", (await after.Suspensions.SingleAsync(x => x.ChildId == s.Child.Id)).AlternativeProvisionBy);
        var cleared = await after.AttendanceAlerts.SingleAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.AlternativeProvisionDue);
        Assert.False(cleared.IsOpen);
        Assert.True(await after.AuditEvents.AnyAsync(a => a.ChildId == s.Child.Id && a.Action == AuditActions.SuspensionChanged && a.UserId == s.VirtualSchool.Id));
    }

    [Fact]
    public async Task The_45_day_limit_is_warned_as_it_approaches_and_when_it_is_reached()
    {
        var s = await SetUpAsync();
        var year = TestWorld.ThisYear;
        var earlier = new Suspension
            {
                ChildId = s.Child.Id, SchoolId = s.School.Id, Kind = ExclusionKind.Suspension, StartDate = SchoolDays.Add(year.Start, 0),
                FirstSession = Session.AM, Sessions = 74, Reason1 = "PD", RecordedByUserId = s.Head.Id, RecordedAtUtc = DateTime.UtcNow,
            };
        await using (var db = host.CreateDbContext())
        {
            // 37 days earlier in the year (they may run on into the future early in September: still this year's).
            db.Suspensions.Add(earlier);
            await db.SaveChangesAsync();
        }

        var head = await host.SignedInClientAsync(s.Head.Email!);
        var before = await (await head.GetAsync($"/children/{s.Child.Id}/suspensions")).GetDocumentAsync();
        Assert.Null(before.QuerySelector("#limit-warnings"));

        await head.PostFormAsync(New(s.Child), Form(SchoolDay, length: "3"));
        var approaching = await (await head.GetAsync($"/children/{s.Child.Id}/suspensions")).GetDocumentAsync();
        Assert.Contains($"40 school days of suspension in {year}: approaching the legal limit of 45 school days", approaching.QuerySelector("#limit-warnings")!.TextContent, StringComparison.Ordinal);

        await head.PostFormAsync(New(s.Child), Form(SchoolDay, length: "5", session: "PM"));
        var reached = await (await head.GetAsync($"/children/{s.Child.Id}/suspensions")).GetDocumentAsync();
        Assert.Contains($"45 school days of suspension in {year}: the legal limit of 45 school days in a school year has been reached", reached.QuerySelector("#limit-warnings")!.TextContent, StringComparison.Ordinal);

        await using var after = host.CreateDbContext();
        var limits = await after.AttendanceAlerts.Where(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.SuspensionLimit).OrderBy(a => a.Id).ToListAsync();

        // The warning and the limit reached are two occurrences: handling the first would not hide the second.
        Assert.Equal(
            [($"{year}:{s.School.Id}:approaching", false), ($"{year}:{s.School.Id}:reached", true)],
            limits.Select(a => (a.Key, a.IsOpen)));
        Assert.Equal(AlertOwner.School, limits[1].Owner);
        Assert.StartsWith("45 school days", limits[1].Summary, StringComparison.Ordinal);

        // Only the long earlier suspension needed alternative provision; five days or fewer do not.
        Assert.Equal(earlier.Id.ToString(CultureInfo.InvariantCulture),
            (await after.AttendanceAlerts.SingleAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.AlternativeProvisionDue)).Key);
    }

    [Fact]
    public async Task The_45_day_limit_is_counted_at_each_school_not_added_up_across_schools()
    {
        var s = await SetUpAsync();
        var year = TestWorld.ThisYear;
        await using (var db = host.CreateDbContext())
        {
            // 30 days at the school the child has left this year, and 15 at this one: 45 in all, but neither school near its limit.
            var other = await db.Schools.SingleAsync(x => x.Id == s.OtherHead.SchoolId);
            db.Suspensions.AddRange(
                new Suspension
                {
                    ChildId = s.Child.Id, SchoolId = other.Id, Kind = ExclusionKind.Suspension, StartDate = SchoolDays.Add(year.Start, 0),
                    FirstSession = Session.AM, Sessions = 60, Reason1 = "PD", RecordedByUserId = s.OtherHead.Id, RecordedAtUtc = DateTime.UtcNow,
                },
                new Suspension
                {
                    ChildId = s.Child.Id, SchoolId = s.School.Id, Kind = ExclusionKind.Suspension, StartDate = SchoolDays.Add(year.Start, 30),
                    FirstSession = Session.AM, Sessions = 30, Reason1 = "PD", RecordedByUserId = s.Head.Id, RecordedAtUtc = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
            await new AttendanceAlertEngine(db, [new SuspensionAlertSource()]).RecomputeAsync(TestWorld.Today, [s.Child.Id]);
        }

        var head = await host.SignedInClientAsync(s.Head.Email!);
        var list = await (await head.GetAsync($"/children/{s.Child.Id}/suspensions")).GetDocumentAsync();

        Assert.Null(list.QuerySelector("#limit-warnings"));
        var totals = list.QuerySelector("#year-total")!.TextContent;
        Assert.Contains("30 school days of suspension at Moorend Academy", totals, StringComparison.Ordinal);
        Assert.Contains("15 school days of suspension at Brookfield High", totals, StringComparison.Ordinal);
        await using var check = host.CreateDbContext();
        Assert.False(await check.AttendanceAlerts.AnyAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.SuspensionLimit));
    }

    [Fact]
    public async Task A_suspension_over_five_days_needs_provision_from_the_sixth_day_until_it_is_recorded()
    {
        var s = await SetUpAsync();
        var head = await host.SignedInClientAsync(s.Head.Email!);

        var response = await head.PostFormAsync(New(s.Child), Form(SchoolDay, length: "5.5"));
        var details = response.Headers.Location!.OriginalString;

        var page = await (await head.GetAsync(details)).GetDocumentAsync();
        Assert.Equal(2, page.QuerySelectorAll("main form[method=post]").Length);
        Assert.All(page.QuerySelectorAll("main form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        Assert.Contains($"Alternative provision is due from {SuspensionRules.SixthSchoolDay(SchoolDay):d MMMM yyyy}, the sixth school day", page.QuerySelector("#provision-due")!.TextContent, StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            var alert = await db.AttendanceAlerts.SingleAsync(a => a.ChildId == s.Child.Id && a.Kind == AlertKind.AlternativeProvisionDue);
            Assert.Equal((AlertOwner.School, true), (alert.Owner, alert.IsOpen));
        }

        var bad = await head.PostFormAsync(details + "?handler=provision", new() { ["ProvisionFrom.Day"] = "1", ["ProvisionFrom.Month"] = "1", ["ProvisionFrom.Year"] = "2020", ["ProvisionBy"] = "" }, formPage: details);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Alternative provision must start on or after the first day", html, StringComparison.Ordinal);
        Assert.Contains("Enter who is providing the alternative provision", html, StringComparison.Ordinal);
        await using var after = host.CreateDbContext();
        Assert.Null((await after.Suspensions.SingleAsync(x => x.ChildId == s.Child.Id)).AlternativeProvisionFrom);
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_saved()
    {
        var s = await SetUpAsync();
        var head = await host.SignedInClientAsync(s.Head.Email!);
        var saturday = SchoolDay.AddDays(6 - (int)SchoolDay.DayOfWeek);

        var empty = await (await head.PostFormAsync(New(s.Child), new() { ["Kind"] = "", ["FirstSession"] = "" })).GetDocumentAsync();
        var wrong = await (await head.PostFormAsync(New(s.Child), Form(saturday, length: "2.25", r1: "PD", r2: "pd"))).GetDocumentAsync();
        var permanent = await (await head.PostFormAsync(New(s.Child), Form(SchoolDay, kind: "PermanentExclusion", length: "3", r1: "", r2: "OT"))).GetDocumentAsync();

        string Summary(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select whether this is a suspension or a permanent exclusion", Summary(empty), StringComparison.Ordinal);
        Assert.Contains("Enter the first day of the suspension or exclusion", Summary(empty), StringComparison.Ordinal);
        Assert.Contains("Select whether it starts in the morning or the afternoon", Summary(empty), StringComparison.Ordinal);
        Assert.Contains("Select at least one reason", Summary(empty), StringComparison.Ordinal);
        Assert.Contains($"The start date must be a school day: {saturday:d MMMM yyyy} is a Saturday", Summary(wrong), StringComparison.Ordinal);
        Assert.Contains("Length must be in whole or half school days, like 3 or 2.5", Summary(wrong), StringComparison.Ordinal);
        Assert.Contains("Select each reason only once", Summary(wrong), StringComparison.Ordinal);
        Assert.Contains("Leave the length blank for a permanent exclusion", Summary(permanent), StringComparison.Ordinal);
        Assert.Contains("“OT” is not a DfE reason code", Summary(permanent), StringComparison.Ordinal);
        Assert.NotNull(empty.QuerySelector("a[href='#Reason1']"));
        await using var db = host.CreateDbContext();
        Assert.False(await db.Suspensions.AnyAsync(x => x.ChildId == s.Child.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SuspensionTestsOnSqlite(SqliteHost fixture) : SuspensionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SuspensionTestsOnPostgres(PostgresHost fixture) : SuspensionTests(fixture.Host);
