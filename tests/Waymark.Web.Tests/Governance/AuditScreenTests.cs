using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Auditing;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Features.Audit;

namespace Waymark.Web.Tests.Governance;

/// <summary>
/// The audit screens through the real pages: who has seen a child's record and what was shared, a user's activity,
/// and the Caldicott Guardian's report of unusual access, with the data made through the app where it can be (an
/// officer opening a record with a reason, a reviewer marking it reviewed, a user reading many records) and entries at
/// chosen times written through the DbContext (the log is append-only: added, never changed). Everyone else is refused,
/// and every look at these screens is itself audited.
/// </summary>
public abstract class AuditScreenTests(WaymarkTestHost host)
{
    private const string GoodReason = "Headteacher rang about a possible missing child; checking contacts";

    private static int _serial = 600;

    private static readonly Role[] AuditRoles = [Role.LaAdmin, Role.CaldicottGuardian];

    public static TheoryData<Role> OtherRoles() => new(Roles.All.Where(r => !Roles.CanSeeAuditReports(r)));

    private string Email(Role role) => host.World.Users[role].Email!;

    /// <summary>A child on the primary's roll, unknown to the LA's services unless <paramref name="known"/>.</summary>
    private async Task<Child> NewChildAsync(bool known = false, int estab = 5302)
    {
        var child = TestWorld.NewChild("Esme", $"Audit{Guid.NewGuid().ToString("N")[..8]}", new DateOnly(TestWorld.Today.Year - 9, 6, 6), Sex.Female, estab,
            Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = host.World.Primary.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
        if (known)
        {
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = TestWorld.Today.AddMonths(-2) });
        }

        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    /// <summary>A user of its own, so the shared users' activity stays as other tests expect.</summary>
    private async Task<WaymarkUser> NewUserAsync(Role role)
    {
        var user = TestWorld.NewUser($"audit.{Guid.NewGuid():N}@test.example", $"Auditee {Guid.NewGuid().ToString("N")[..6]}", role, null);
        await using var db = host.CreateDbContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        if (role == Role.LaAdmin)
        {
            // Administrators must use two-factor: give this one an authenticator, as the world's administrator has.
            await TestWorld.GiveAuthenticatorAsync(db, user, TestTotp.NewKey());
        }

        return user;
    }

    private static DateTime UkToUtc(DateOnly day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), UnusualAccess.UkTimeZone);

    private static string Range(DateOnly from, DateOnly to) =>
        $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";

    private async Task<bool> AuditedAsync(string userId, string action, Guid? childId = null)
    {
        await using var db = host.CreateDbContext();
        return await db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Action == action && (childId == null || a.ChildId == childId));
    }

    [Fact]
    public async Task An_opening_with_a_reason_is_in_the_report_and_the_childs_history_and_a_reviewer_marks_it_reviewed()
    {
        var child = await NewChildAsync();
        var officerUser = host.World.Users[Role.LaOfficer];
        var officer = await host.SignedInClientAsync(officerUser.Email!);
        Assert.Equal(HttpStatusCode.Found, (await officer.PostFormAsync($"/children/{child.Id}/open-with-reason", new() { ["Reason"] = GoodReason })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/children/{child.Id}")).StatusCode);
        long grantId;
        await using (var db = host.CreateDbContext())
        {
            grantId = await db.BreakGlassAccesses.Where(g => g.ChildId == child.Id).Select(g => g.Id).SingleAsync();
        }

        // The report: who, which child, the reason, not yet reviewed.
        var guardianUser = host.World.Users[Role.CaldicottGuardian];
        var guardian = await host.SignedInClientAsync(guardianUser.Email!);
        var report = await (await guardian.GetAsync("/audit/unusual-access")).GetDocumentAsync();
        var card = report.QuerySelector($"#opening-{grantId}")!;
        Assert.Contains(officerUser.DisplayName, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(child.KnownAsName, card.TextContent, StringComparison.Ordinal);
        Assert.Equal(GoodReason, card.QuerySelector("[data-field=reason]")!.TextContent);
        Assert.Contains("Not reviewed", card.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);

        // The child's history on the audit screens: the opening and the view, each with the reason.
        var history = await (await guardian.GetAsync($"/audit/children/{child.Id}")).GetDocumentAsync();
        Assert.Equal(child.KnownAsName, history.QuerySelector("#child-name")!.TextContent);
        Assert.Contains(child.Upn!, history.QuerySelector("#child")!.TextContent, StringComparison.Ordinal);
        foreach (var action in new[] { AuditActions.BreakGlass, AuditActions.ChildViewed })
        {
            var row = history.QuerySelector($"#entries tr[data-action={action}]")!;
            Assert.Contains(officerUser.DisplayName, row.TextContent, StringComparison.Ordinal);
            Assert.Contains("LA officer", row.TextContent, StringComparison.Ordinal);
            Assert.Contains(GoodReason, row.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("Opened the record outside their need-to-know", history.QuerySelector($"#entries tr[data-action={AuditActions.BreakGlass}]")!.TextContent, StringComparison.Ordinal);

        // And on the record's own page, for the officer who opened it.
        var own = await (await officer.GetAsync($"/children/{child.Id}/access")).GetDocumentAsync();
        Assert.Contains(GoodReason, own.QuerySelector($"#entries tr[data-action={AuditActions.BreakGlass}]")!.TextContent, StringComparison.Ordinal);

        // The Guardian reviews it.
        var reviewed = await guardian.PostFormAsync($"/audit/unusual-access?handler=Review", new() { ["grantId"] = grantId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Note"] = "  Spoke to the officer: a good reason  " },
            formPage: "/audit/unusual-access");
        Assert.Equal(HttpStatusCode.Found, reviewed.StatusCode);
        var after = await (await guardian.GetAsync(reviewed.Headers.Location!.OriginalString)).GetDocumentAsync();
        var reviewedCard = after.QuerySelector($"#opening-{grantId}")!;
        Assert.Contains("Reviewed", reviewedCard.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(guardianUser.DisplayName, reviewedCard.QuerySelector("[data-field=review]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Spoke to the officer: a good reason", reviewedCard.QuerySelector("[data-field=review]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(reviewedCard.QuerySelector("form"));

        await using var check = host.CreateDbContext();
        var grant = await check.BreakGlassAccesses.SingleAsync(g => g.Id == grantId);
        Assert.Equal((guardianUser.Id, "Spoke to the officer: a good reason"), (grant.ReviewedByUserId, grant.ReviewNote));
        Assert.NotNull(grant.ReviewedAtUtc);
        Assert.True(await AuditedAsync(guardianUser.Id, AuditActions.BreakGlassReviewed, child.Id));
        Assert.True(await AuditedAsync(guardianUser.Id, AuditActions.UnusualAccessViewed));
        Assert.True(await AuditedAsync(guardianUser.Id, AuditActions.AuditChildHistoryViewed, child.Id));
        Assert.True(await AuditedAsync(officerUser.Id, AuditActions.ChildAccessViewed, child.Id));

        // A second review changes nothing.
        var again = await host.SignedInClientAsync(Email(Role.LaAdmin));
        await again.PostFormAsync("/audit/unusual-access?handler=Review", new() { ["grantId"] = grantId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Note"] = "Me too" },
            formPage: "/audit/unusual-access");
        await using var final = host.CreateDbContext();
        Assert.Equal(guardianUser.Id, (await final.BreakGlassAccesses.SingleAsync(g => g.Id == grantId)).ReviewedByUserId);
    }

    [Fact]
    public async Task Nobody_reviews_their_own_opening()
    {
        var child = await NewChildAsync();
        var adminUser = await NewUserAsync(Role.LaAdmin);
        var admin = await host.SignedInClientAsync(adminUser.Email!);
        await admin.PostFormAsync($"/children/{child.Id}/open-with-reason", new() { ["Reason"] = GoodReason });
        await using var db = host.CreateDbContext();
        var grantId = await db.BreakGlassAccesses.Where(g => g.ChildId == child.Id).Select(g => g.Id).SingleAsync();

        var page = await (await admin.GetAsync("/audit/unusual-access")).GetDocumentAsync();
        Assert.Null(page.QuerySelector($"#opening-{grantId} form"));
        var response = await admin.PostFormAsync("/audit/unusual-access?handler=Review", new() { ["grantId"] = grantId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            formPage: "/audit/unusual-access");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        Assert.Contains("You cannot review your own opening", document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($".govuk-error-summary a[href='#Note-{grantId}']"));
        await using var check = host.CreateDbContext();
        Assert.Null((await check.BreakGlassAccesses.SingleAsync(g => g.Id == grantId)).ReviewedAtUtc);
    }

    [Fact]
    public async Task Reviewing_an_opening_that_does_not_exist_is_not_found()
    {
        var guardian = await host.SignedInClientAsync(Email(Role.CaldicottGuardian));

        var response = await guardian.PostFormAsync("/audit/unusual-access?handler=Review", new() { ["grantId"] = "987654321" }, formPage: "/audit/unusual-access");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Entries_about_children_out_of_hours_are_reported_in_uk_time_and_entries_in_hours_are_not()
    {
        // A week in the past that no other test writes to: Wednesday to Saturday.
        var wednesday = TestWorld.Today.AddDays(-200);
        while (wednesday.DayOfWeek != DayOfWeek.Wednesday)
        {
            wednesday = wednesday.AddDays(-1);
        }

        var child = await NewChildAsync(known: true);
        var user = await NewUserAsync(Role.AdvisoryTeacher);
        var times = new (DateTime At, bool OutOfHours)[]
        {
            (UkToUtc(wednesday, 12, 0), false),
            (UkToUtc(wednesday, 18, 59), false),
            (UkToUtc(wednesday, 19, 0), true),
            (UkToUtc(wednesday, 22, 30), true),
            (UkToUtc(wednesday.AddDays(1), 6, 45), true),
            (UkToUtc(wednesday.AddDays(1), 7, 0), false),
            (UkToUtc(wednesday.AddDays(3), 11, 0), true), // Saturday
        };
        await using (var db = host.CreateDbContext())
        {
            foreach (var (at, _) in times)
            {
                db.AuditEvents.Add(new AuditEvent { OccurredAtUtc = at, UserId = user.Id, Action = AuditActions.ChildViewed, ChildId = child.Id });
            }

            // Out of hours but about no child (a sign-in): not a child's record.
            db.AuditEvents.Add(new AuditEvent { OccurredAtUtc = UkToUtc(wednesday, 23, 0), UserId = user.Id, Action = AuditActions.SignIn });
            await db.SaveChangesAsync();
        }

        var guardian = await host.SignedInClientAsync(Email(Role.CaldicottGuardian));
        var report = await (await guardian.GetAsync($"/audit/unusual-access?{Range(wednesday, wednesday.AddDays(3))}")).GetDocumentAsync();

        var rows = report.QuerySelectorAll("#out-of-hours tbody tr").Where(r => r.TextContent.Contains(user.DisplayName, StringComparison.Ordinal)).ToList();
        var expected = times.Where(t => t.OutOfHours).OrderByDescending(t => t.At).Select(t => Features.Audit.AuditViews.When(t.At)).ToList();
        Assert.Equal(expected, rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList());
        Assert.All(rows, r => Assert.Contains(child.KnownAsName, r.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-action") == AuditActions.SignIn);

        // The same entries carry the out-of-hours tag in the user's activity.
        var activity = await (await guardian.GetAsync($"/audit/users/{user.Id}?{Range(wednesday, wednesday.AddDays(3))}")).GetDocumentAsync();
        Assert.Equal(8, activity.QuerySelectorAll("#entries tbody tr").Length);
        Assert.Equal(5, activity.QuerySelectorAll("#entries tbody tr .govuk-tag").Length);
    }

    [Fact]
    public async Task A_user_reading_many_childrens_records_in_a_few_minutes_is_reported()
    {
        var children = new List<Child>();
        for (var i = 0; i < UnusualAccess.ManyChildren + 1; i++)
        {
            children.Add(await NewChildAsync(known: true, estab: 5303));
        }

        var reader = await NewUserAsync(Role.LaOfficer);
        var steady = await NewUserAsync(Role.LaOfficer);
        var client = await host.SignedInClientAsync(reader.Email!);
        foreach (var child in children)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child.Id}")).StatusCode);
        }

        // Another officer opens thirty of them, each twice: not more than thirty children.
        var other = await host.SignedInClientAsync(steady.Email!);
        foreach (var child in children.Take(UnusualAccess.ManyChildren))
        {
            await other.GetAsync($"/children/{child.Id}");
            await other.GetAsync($"/children/{child.Id}/attendance");
        }

        var admin = await host.SignedInClientAsync(Email(Role.LaAdmin));
        var report = await (await admin.GetAsync("/audit/unusual-access")).GetDocumentAsync();

        var row = Assert.Single(report.QuerySelectorAll("#bursts tbody tr"), r => r.TextContent.Contains(reader.DisplayName, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal((UnusualAccess.ManyChildren + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[3]);
        Assert.DoesNotContain(report.QuerySelectorAll("#bursts tbody tr"), r => r.TextContent.Contains(steady.DisplayName, StringComparison.Ordinal));
        Assert.Equal($"/audit/users/{reader.Id}", row.QuerySelector("a")!.GetAttribute("href")!.Split('?')[0]);
    }

    [Fact]
    public async Task The_records_own_page_shows_who_has_seen_it_and_what_was_shared()
    {
        var world = host.World;
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        var record = await (await officer.GetAsync($"/children/{world.PrimaryChild.Id}")).GetDocumentAsync();
        Assert.Equal($"/children/{world.PrimaryChild.Id}/access", record.QuerySelector("#access-link")!.GetAttribute("href"));
        var page = await (await officer.GetAsync($"/children/{world.PrimaryChild.Id}/access")).GetDocumentAsync();

        var share = page.QuerySelectorAll("#shares tbody tr").Select(r => r.TextContent)
            .First(t => t.Contains(Domain.Transitions.Sharing.TransitionWhat, StringComparison.Ordinal) && t.Contains(world.Secondary.Name, StringComparison.Ordinal));
        Assert.Contains("Consent", share, StringComparison.Ordinal);
        Assert.Contains(world.Users[Role.TransitionLead].DisplayName, share, StringComparison.Ordinal);
        Assert.Contains("Kerry Clarke (Parent)", page.QuerySelector("#consents")!.TextContent, StringComparison.Ordinal);
        var view = page.QuerySelector($"#entries tr[data-action={AuditActions.ChildViewed}]")!.TextContent;
        Assert.Contains(world.Users[Role.LaOfficer].DisplayName, view, StringComparison.Ordinal);
        Assert.Contains("Opened the child's record", view, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(world.Users[Role.LaOfficer].Id, AuditActions.ChildAccessViewed, world.PrimaryChild.Id));
    }

    [Fact]
    public async Task The_history_is_paged_fifty_at_a_time_newest_first()
    {
        var child = await NewChildAsync(known: true);
        var user = await NewUserAsync(Role.AdvisoryTeacher);
        var start = DateTime.UtcNow.AddDays(-5);
        await using (var db = host.CreateDbContext())
        {
            for (var i = 0; i < 60; i++)
            {
                db.AuditEvents.Add(new AuditEvent { OccurredAtUtc = start.AddMinutes(i), UserId = user.Id, Action = AuditActions.AttendanceViewed, ChildId = child.Id });
            }

            await db.SaveChangesAsync();
        }

        var admin = await host.SignedInClientAsync(Email(Role.LaAdmin));
        await admin.GetAsync($"/children/{child.Id}/access");
        var first = await (await admin.GetAsync($"/children/{child.Id}/access")).GetDocumentAsync();
        Assert.Equal(AuditViews.PageSize, first.QuerySelectorAll("#entries tbody tr").Length);

        // The admin's earlier view of this page is the newest entry.
        Assert.Equal(AuditActions.ChildAccessViewed, first.QuerySelector("#entries tbody tr")!.GetAttribute("data-action"));
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await (await admin.GetAsync(next)).GetDocumentAsync();
        var last = second.QuerySelectorAll("#entries tbody tr").Last();
        Assert.Contains(AuditViews.When(start), last.TextContent, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second.QuerySelector(".govuk-pagination")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Headteacher)]
    [InlineData(Role.Senco)]
    [InlineData(Role.SocialWorker)]
    public async Task School_staff_and_social_workers_do_not_see_the_history_even_of_their_own_children(Role role)
    {
        // The headteacher and SENCo have the primary child on their roll; the social worker has the caseload child.
        var child = role == Role.SocialWorker ? host.World.CaseloadChild : host.World.PrimaryChild;
        var client = await host.SignedInClientAsync(Email(role));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child.Id}")).StatusCode);

        var record = await (await client.GetAsync($"/children/{child.Id}")).GetDocumentAsync();
        var response = await client.GetAsync($"/children/{child.Id}/access");

        Assert.Null(record.QuerySelector("#access-link"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.UserId == host.World.Users[role].Id && a.ChildId == child.Id && a.Action == AuditActions.ChildRefused
            && a.Detail!.StartsWith("access history")));
    }

    [Fact]
    public async Task The_records_page_refuses_as_the_record_does()
    {
        var unknown = await NewChildAsync();
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        // Outside need-to-know: asked for a reason first, as for any page about the child.
        var response = await officer.GetAsync($"/children/{unknown.Id}/access");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith($"/children/{unknown.Id}/open-with-reason", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/children/{Guid.NewGuid()}/access")).StatusCode);

        // A school that does not have the child: not found. The audit roles and the analyst: no child records at all.
        var secondary = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await secondary.GetAsync($"/children/{unknown.Id}/access")).StatusCode);
        foreach (var role in new[] { Role.CaldicottGuardian, Role.Analyst })
        {
            var client = await host.SignedInClientAsync(Email(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/children/{host.World.PrimaryChild.Id}/access")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Only_administrators_and_the_caldicott_guardian_see_the_audit_screens(Role role)
    {
        var client = await host.SignedInClientAsync(Email(role));
        var paths = new[]
        {
            "/audit", "/audit/unusual-access", $"/audit/children/{host.World.PrimaryChild.Id}", $"/audit/users/{host.World.Users[Role.LaOfficer].Id}",
            $"/audit/children/{Guid.NewGuid()}", "/audit/users/nobody",
        };

        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{Roles.CommandName(role)} on {path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(host.World.PrimaryChild.LegalSurname, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var post = await client.PostFormAsync("/audit/unusual-access?handler=Review", new() { ["grantId"] = "1" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var search = await client.PostFormAsync("/audit", new() { ["Upn"] = host.World.PrimaryChild.Upn! }, formPage: "/");
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        var home = await (await client.GetAsync("/")).GetDocumentAsync();
        Assert.Null(home.QuerySelector("a.govuk-service-navigation__link[href='/audit']"));
    }

    [Theory]
    [InlineData(Role.LaAdmin)]
    [InlineData(Role.CaldicottGuardian)]
    public async Task Children_and_users_that_do_not_exist_are_not_found(Role role)
    {
        var client = await host.SignedInClientAsync(Email(role));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/audit/children/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/audit/users/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_guardian_finds_a_child_by_upn_and_sees_the_history_not_the_record()
    {
        var world = host.World;
        var guardianUser = world.Users[Role.CaldicottGuardian];
        var guardian = await host.SignedInClientAsync(guardianUser.Email!);

        var home = await (await guardian.GetAsync("/")).GetDocumentAsync();
        Assert.NotNull(home.QuerySelector("a.govuk-service-navigation__link[href='/audit']"));
        var found = await guardian.PostFormAsync("/audit", new() { ["Upn"] = " " + world.PrimaryChild.Upn!.ToLowerInvariant() + " " });
        Assert.Equal(HttpStatusCode.Found, found.StatusCode);
        Assert.Equal($"/audit/children/{world.PrimaryChild.Id}", found.Headers.Location!.OriginalString);

        var page = await (await guardian.GetAsync(found.Headers.Location.OriginalString)).GetDocumentAsync();
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Equal(world.PrimaryChild.KnownAsName, page.QuerySelector("#child-name")!.TextContent);
        Assert.Contains(world.PrimaryChild.Upn, main, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#shares"));
        Assert.Null(page.QuerySelector("#statuses"));
        Assert.DoesNotContain("Child in need", main, StringComparison.Ordinal);
        Assert.DoesNotContain(world.PrimaryChild.DateOfBirth.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), main, StringComparison.Ordinal);
        Assert.DoesNotContain(world.PrimaryChild.Postcode!, main, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(guardianUser.Id, AuditActions.AuditChildSearch, world.PrimaryChild.Id));
        Assert.True(await AuditedAsync(guardianUser.Id, AuditActions.AuditChildHistoryViewed, world.PrimaryChild.Id));
    }

    [Theory]
    [InlineData("", "Enter the child's UPN")]
    [InlineData("A12", "A UPN is 13 characters")]
    [InlineData("Z999999999999", "No child has this UPN")]
    public async Task A_missing_malformed_or_unknown_upn_is_an_error(string upn, string message)
    {
        var guardian = await host.SignedInClientAsync(Email(Role.CaldicottGuardian));

        var response = await guardian.PostFormAsync("/audit", new() { ["Upn"] = upn });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        Assert.Contains(message, document.QuerySelector("#Upn-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".govuk-error-summary a[href='#Upn']"));
    }

    [Fact]
    public async Task A_users_activity_lists_everything_they_did_between_the_dates_newest_first()
    {
        var child = await NewChildAsync(known: true);
        var officerUser = await NewUserAsync(Role.LaOfficer);
        var officer = await host.SignedInClientAsync(officerUser.Email!);
        await officer.GetAsync($"/children/{child.Id}");
        await officer.GetAsync($"/children/{child.Id}/attendance");
        var admin = await host.SignedInClientAsync(Email(Role.LaAdmin));

        var users = await (await admin.GetAsync($"/audit?UserQuery={Uri.EscapeDataString(officerUser.DisplayName.ToUpperInvariant())}")).GetDocumentAsync();
        var link = Assert.Single(users.QuerySelectorAll("#users tbody a"));
        Assert.Equal($"/audit/users/{officerUser.Id}", link.GetAttribute("href"));
        var edit = await (await admin.GetAsync($"/admin/users/{officerUser.Id}")).GetDocumentAsync();
        Assert.Equal($"/audit/users/{officerUser.Id}", edit.QuerySelector("#activity-link")!.GetAttribute("href"));

        var today = TestWorld.Today;
        var activity = await (await admin.GetAsync($"/audit/users/{officerUser.Id}?{Range(today.AddDays(-1), today.AddDays(1))}")).GetDocumentAsync();
        Assert.Equal(officerUser.DisplayName, activity.QuerySelector("#user-name")!.TextContent);
        var actions = activity.QuerySelectorAll("#entries tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Equal([AuditActions.AttendanceViewed, AuditActions.ChildViewed, AuditActions.SignIn], actions);
        Assert.Contains(child.KnownAsName, activity.QuerySelector($"#entries tr[data-action={AuditActions.ChildViewed}]")!.TextContent, StringComparison.Ordinal);

        // Dates before any of it: nothing.
        var before = await (await admin.GetAsync($"/audit/users/{officerUser.Id}?{Range(today.AddDays(-30), today.AddDays(-10))}")).GetDocumentAsync();
        Assert.NotNull(before.QuerySelector("#no-entries"));
        Assert.True(await AuditedAsync(host.World.Users[Role.LaAdmin].Id, AuditActions.AuditUserActivityViewed));
        Assert.True(await AuditedAsync(host.World.Users[Role.LaAdmin].Id, AuditActions.AuditIndexViewed));
    }

    [Theory]
    [InlineData("/audit/users/{user}?From.Day=31&From.Month=2&From.Year=2027", "From", "must be a real date")]
    [InlineData("/audit/users/{user}?From.Day=2&From.Month=3&From.Year=2027&To.Day=1&To.Month=3&To.Year=2027", "To", "must be the same as or after")]
    [InlineData("/audit/unusual-access?From.Day=1&From.Month=3&From.Year=27", "From", "Year must include 4 numbers")]
    [InlineData("/audit/unusual-access?From.Day=1&From.Month=1&From.Year=2027&To.Day=1&To.Month=6&To.Year=2027", "To", "no more than 93 days apart")]
    public async Task Bad_dates_are_shown_in_an_error_summary(string path, string field, string message)
    {
        var guardian = await host.SignedInClientAsync(Email(Role.CaldicottGuardian));

        var response = await guardian.GetAsync(path.Replace("{user}", host.World.Users[Role.LaOfficer].Id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        Assert.Contains(message, document.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($".govuk-error-summary a[href='#{field}']"));
        Assert.Null(document.QuerySelector("#entries"));
        Assert.Null(document.QuerySelector("#out-of-hours"));
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_covers_the_last_thirty_days_by_default()
    {
        var admin = await host.SignedInClientAsync(Email(Role.LaAdmin));

        var report = await (await admin.GetAsync("/audit/unusual-access")).GetDocumentAsync();

        Assert.Equal($"{DateRangeFilter.Day(TestWorld.Today.AddDays(-29))} to {DateRangeFilter.Day(TestWorld.Today)}", report.QuerySelector("#range")!.TextContent);
        Assert.Equal(TestWorld.Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), report.QuerySelector("#To")!.GetAttribute("value"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditScreenTestsOnSqlite(SqliteHost fixture) : AuditScreenTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class AuditScreenTestsOnPostgres(PostgresHost fixture) : AuditScreenTests(fixture.Host);

public sealed class AuditActionLabelTests
{
    [Fact]
    public void Every_kind_of_entry_has_a_label_for_people()
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.True(AuditActionLabels.HasLabel(a), $"{a} has no label"));
    }
}
