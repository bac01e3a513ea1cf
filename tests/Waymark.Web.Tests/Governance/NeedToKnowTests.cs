using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Governance;

/// <summary>
/// Need-to-know through the real pages: LA users reach the children their services know, and any other child only by
/// giving a reason ("break glass"), which is audited, carried on every entry about the child that day and reported to
/// the administrators and the Caldicott Guardian. Nobody else can break the glass.
/// </summary>
public abstract class NeedToKnowTests(WaymarkTestHost host)
{
    private const string GoodReason = "Police called about this child's safety; checking for a social worker";

    private static int _serial = 300;

    /// <summary>A child on the primary's roll with nothing else: no status, plan, key person or involvement.</summary>
    private async Task<Child> UnknownChildAsync(Action<Child>? add = null)
    {
        var child = TestWorld.NewChild("Nadia", $"Unknown{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(TestWorld.Today.Year - 9, 4, 4), Sex.Female, 5301,
            Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = host.World.Primary.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
        add?.Invoke(child);
        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    private string Email(Role role) => host.World.Users[role].Email!;

    [Fact]
    public async Task An_officer_opening_a_child_outside_their_need_to_know_is_asked_for_a_reason_and_the_refusal_is_audited()
    {
        var child = await UnknownChildAsync();
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        var response = await officer.GetAsync($"/children/{child.Id}/attendance");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/children/{child.Id}/open-with-reason?returnUrl={Uri.EscapeDataString($"/children/{child.Id}/attendance")}", response.Headers.Location!.OriginalString);
        var form = await (await officer.GetAsync(response.Headers.Location.OriginalString)).GetDocumentAsync();
        Assert.NotNull(form.QuerySelector("textarea[name=Reason]"));
        Assert.DoesNotContain(child.LegalSurname, form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == child.Id && a.UserId == host.World.Users[Role.LaOfficer].Id && a.Action == AuditActions.ChildRefused));
        Assert.False(await db.BreakGlassAccesses.AnyAsync(g => g.ChildId == child.Id));
    }

    [Theory]
    [InlineData("", "Enter why you need to open this child's record")]
    [InlineData("   ", "Enter why you need to open this child's record")]
    [InlineData("just looking", "at least 20 characters")]
    public async Task A_missing_or_thin_reason_is_refused_and_nothing_is_granted(string reason, string message)
    {
        var child = await UnknownChildAsync();
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        var response = await officer.PostFormAsync($"/children/{child.Id}/open-with-reason", new() { ["Reason"] = reason });
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, document.QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".govuk-error-summary a[href='#Reason']"));
        await using var db = host.CreateDbContext();
        Assert.False(await db.BreakGlassAccesses.AnyAsync(g => g.ChildId == child.Id));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.ChildId == child.Id && a.Action == AuditActions.BreakGlass));
        Assert.Equal(HttpStatusCode.Found, (await officer.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task With_a_reason_the_record_opens_until_midnight_every_entry_carries_the_reason_and_the_reviewers_are_told()
    {
        var child = await UnknownChildAsync();
        var officerUser = host.World.Users[Role.LaOfficer];
        var officer = await host.SignedInClientAsync(officerUser.Email!);
        var returnUrl = $"/children/{child.Id}/attendance";

        var granted = await officer.PostFormAsync($"/children/{child.Id}/open-with-reason?returnUrl={Uri.EscapeDataString(returnUrl)}", new() { ["Reason"] = GoodReason });

        Assert.Equal(HttpStatusCode.Found, granted.StatusCode);
        Assert.Equal(returnUrl, granted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(returnUrl)).StatusCode);
        var record = await officer.GetAsync($"/children/{child.Id}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains(GoodReason, (await record.GetDocumentAsync()).QuerySelector("#opened-with-reason")!.TextContent, StringComparison.Ordinal);

        await using var db = host.CreateDbContext();
        var grant = await db.BreakGlassAccesses.SingleAsync(g => g.ChildId == child.Id);
        Assert.Equal((officerUser.Id, GoodReason, TestWorld.Today), (grant.UserId, grant.Reason, grant.GrantedOn));
        var breakGlass = await db.AuditEvents.SingleAsync(a => a.ChildId == child.Id && a.Action == AuditActions.BreakGlass);
        Assert.Equal((officerUser.Id, GoodReason), (breakGlass.UserId, breakGlass.Reason));
        var views = await db.AuditEvents.Where(a => a.ChildId == child.Id && a.Action == AuditActions.ChildViewed).ToListAsync();
        Assert.NotEmpty(views);
        Assert.All(views, v => Assert.Equal(GoodReason, v.Reason));

        var told = await db.Notifications.Where(n => n.ChildId == child.Id).Select(n => n.UserId).ToListAsync();
        Assert.Contains(host.World.Users[Role.LaAdmin].Id, told);
        Assert.Contains(host.World.Users[Role.CaldicottGuardian].Id, told);
        Assert.DoesNotContain(officerUser.Id, told);
        Assert.DoesNotContain(host.World.Users[Role.Headteacher].Id, told);
    }

    [Fact]
    public async Task Yesterdays_reason_does_not_open_the_record_today()
    {
        var child = await UnknownChildAsync();
        await using (var db = host.CreateDbContext())
        {
            db.BreakGlassAccesses.Add(new BreakGlassAccess
            {
                UserId = host.World.Users[Role.LaOfficer].Id, ChildId = child.Id, Reason = GoodReason,
                GrantedAtUtc = DateTime.UtcNow.AddDays(-1), GrantedOn = TestWorld.Today.AddDays(-1),
            });
            await db.SaveChangesAsync();
        }

        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        Assert.Equal(HttpStatusCode.Found, (await officer.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task One_officers_reason_opens_the_record_for_that_officer_only()
    {
        var child = await UnknownChildAsync();
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));
        await officer.PostFormAsync($"/children/{child.Id}/open-with-reason", new() { ["Reason"] = GoodReason });

        var admin = await host.SignedInClientAsync(Email(Role.LaAdmin));

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/children/{child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await admin.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("/admin/users")]
    public async Task After_the_reason_only_the_childs_own_pages_are_a_destination(string returnUrl)
    {
        var child = await UnknownChildAsync();
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        var granted = await officer.PostFormAsync($"/children/{child.Id}/open-with-reason?returnUrl={Uri.EscapeDataString(returnUrl)}", new() { ["Reason"] = GoodReason });

        Assert.Equal($"/children/{child.Id}", granted.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Role.Headteacher)]
    [InlineData(Role.Senco)]
    [InlineData(Role.SocialWorker)]
    [InlineData(Role.CaldicottGuardian)]
    [InlineData(Role.Analyst)]
    public async Task Nobody_outside_the_la_roles_can_break_the_glass(Role role)
    {
        // The secondary child is on no list of theirs (the primary's staff, a social worker without him, oversight roles).
        var child = host.World.SecondaryChild;
        var client = await host.SignedInClientAsync(Email(role));

        var get = await client.GetAsync($"/children/{child.Id}/open-with-reason");
        var post = await client.PostFormAsync($"/children/{child.Id}/open-with-reason", new() { ["Reason"] = GoodReason }, formPage: "/");

        Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{role}: GET {(int)get.StatusCode}");
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{role}: POST {(int)post.StatusCode}");
        Assert.DoesNotContain(child.LegalSurname, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.BreakGlassAccesses.AnyAsync(g => g.ChildId == child.Id && g.UserId == host.World.Users[role].Id));
    }

    [Fact]
    public async Task A_child_that_does_not_exist_cannot_be_opened_with_a_reason()
    {
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/children/{Guid.NewGuid()}/open-with-reason")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.PostFormAsync($"/children/{Guid.NewGuid()}/open-with-reason", new() { ["Reason"] = GoodReason }, formPage: "/children")).StatusCode);
    }

    [Fact]
    public async Task A_child_already_known_opens_at_once_without_a_reason()
    {
        var officer = await host.SignedInClientAsync(Email(Role.LaOfficer));
        var child = host.World.CaseloadChild;

        var response = await officer.GetAsync($"/children/{child.Id}/open-with-reason");

        Assert.Equal($"/children/{child.Id}", response.Headers.Location!.OriginalString);
    }

    public static TheoryData<string> KnownBecause() => new("status", "recently ended status", "key person", "suspension", "reduced timetable", "transition");

    [Theory]
    [MemberData(nameof(KnownBecause))]
    public async Task The_la_knows_a_child_with_any_involvement_of_its_services(string because)
    {
        var officer = host.World.Users[Role.LaOfficer];
        var child = await UnknownChildAsync(c =>
        {
            switch (because)
            {
                case "status":
                    c.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = TestWorld.Today.AddMonths(-1) });
                    break;
                case "recently ended status":
                    c.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = TestWorld.Today.AddYears(-3), EndDate = TestWorld.Today.AddMonths(-11) });
                    break;
                case "key person":
                    c.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.LeadProfessional, ExternalName = "Jo Bell", StartDate = TestWorld.Today.AddMonths(-1) });
                    break;
                default:
                    break;
            }
        });
        await using (var db = host.CreateDbContext())
        {
            if (because == "suspension")
            {
                db.Suspensions.Add(NewSuspension(child.Id, TestWorld.Today.AddMonths(-20)));
            }
            else if (because == "reduced timetable")
            {
                db.ReducedTimetables.Add(NewReducedTimetable(child.Id));
            }
            else if (because == "transition")
            {
                db.Transitions.Add(TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, host.World.Primary, Domain.Transitions.CohortDecision.Proposed));
            }

            await db.SaveChangesAsync();
        }

        await using var check = host.CreateDbContext();
        var scope = new UserScope(officer.Id, Role.LaOfficer, null);
        Assert.True(await check.Children.Where(c => c.Id == child.Id).VisibleTo(check, scope, TestWorld.Today).AnyAsync());
        var client = await host.SignedInClientAsync(officer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_status_ended_over_a_year_ago_or_an_old_suspension_no_longer_makes_the_child_known()
    {
        var child = await UnknownChildAsync(c =>
            c.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = TestWorld.Today.AddYears(-4), EndDate = TestWorld.Today.AddMonths(-13) }));
        await using (var db = host.CreateDbContext())
        {
            db.Suspensions.Add(NewSuspension(child.Id, TestWorld.Today.AddMonths(-25)));
            await db.SaveChangesAsync();
        }

        var client = await host.SignedInClientAsync(Email(Role.LaOfficer));

        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_key_person_in_an_la_role_sees_their_child_even_with_no_other_involvement()
    {
        // An advisory teacher named on the child: the key person rule, not the service rule, opens it.
        var teacher = host.World.Users[Role.AdvisoryTeacher];
        var child = await UnknownChildAsync(c =>
            c.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.AdvisoryTeacher, UserId = teacher.Id, StartDate = TestWorld.Today.AddDays(-3) }));
        var client = await host.SignedInClientAsync(teacher.Email!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_receiving_school_sees_only_what_was_shared_and_loses_it_when_the_share_ends()
    {
        var world = host.World;
        var senco = await host.SignedInClientAsync(world.SecondarySenco.Email!);

        var record = await (await senco.GetAsync($"/children/{world.PrimaryChild.Id}")).GetDocumentAsync();
        Assert.NotNull(record.QuerySelector("#incoming"));
        Assert.Contains("open the transition", record.QuerySelector("#shared")!.TextContent, StringComparison.Ordinal);
        Assert.Null(record.QuerySelector("#statuses"));
        Assert.Null(record.QuerySelector("#key-people"));
        Assert.DoesNotContain("Child in need", record.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{world.PrimaryChild.Id}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{world.PrimaryChild.Id}/suspensions")).StatusCode);

        // A child of the primary's never shared with the secondary stays unknown to it.
        var unshared = await UnknownChildAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{unshared.Id}")).StatusCode);
    }

    private Suspension NewSuspension(Guid childId, DateOnly start) => new()
    {
        ChildId = childId, SchoolId = host.World.Primary.Id, Kind = Domain.Attendance.ExclusionKind.Suspension, StartDate = start, Sessions = 2,
        Reason1 = "PA", RecordedByUserId = host.World.Users[Role.Headteacher].Id, RecordedAtUtc = DateTime.UtcNow,
    };

    private ReducedTimetable NewReducedTimetable(Guid childId) => new()
    {
        ChildId = childId, SchoolId = host.World.Primary.Id, StartDate = TestWorld.Today.AddDays(-10), PlannedEndDate = TestWorld.Today.AddDays(20),
        HoursPerWeek = 12, Reason = Domain.Attendance.ReducedTimetableReason.MedicalNeeds, ParentAgreedBy = "Kerry Unknown",
        ParentAgreedOn = TestWorld.Today.AddDays(-11), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class NeedToKnowTestsOnSqlite(SqliteHost fixture) : NeedToKnowTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class NeedToKnowTestsOnPostgres(PostgresHost fixture) : NeedToKnowTests(fixture.Host);
