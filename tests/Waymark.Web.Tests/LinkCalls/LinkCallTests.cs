using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.LinkCalls;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.LinkCalls;

/// <summary>
/// The Link Co-ordinator's calls through the pages: an officer links a school, prepares the call from the school's
/// children on the LA's lists, records it with agreed actions, and marks an action done; the school's own staff read
/// their school's page and nothing else; other roles are refused. Each test makes its own schools and children.
/// </summary>
public abstract class LinkCallTests(WaymarkTestHost host)
{
    private static readonly DateOnly Today = TestWorld.Today;

    private static int _serial = 400;

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static IEnumerable<KeyValuePair<string, string>> Fields(Dictionary<string, string> form, params (string Key, string Value)[] more) =>
        form.Concat(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)));

    private async Task<Child> PupilAsync(School school, string name, Action<Child> shape)
    {
        var child = TestWorld.NewChild(name, "Linked", new DateOnly(Today.Year - 9, 3, 1), Sex.Female, school.EstablishmentNumber, Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = Today.AddYears(-2), Type = EnrolmentType.Single });
        shape(child);
        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<WaymarkUser> HeadteacherAsync(School school)
    {
        var user = TestWorld.NewUser($"head.{Guid.NewGuid():N}@test.example", "Head Linked", Role.Headteacher, null);
        user.SchoolId = school.Id;
        await using var db = host.CreateDbContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    [Fact]
    public async Task An_officer_links_a_school_prepares_and_records_calls_and_marks_an_action_done()
    {
        var school = await ProgrammeData.NewSchoolAsync(host, "Linked Primary");
        var officer = host.World.Users[Role.LaOfficer];
        var ava = await PupilAsync(school, "Ava", c => c.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = Today.AddDays(-10) }));
        var bea = await PupilAsync(school, "Bea", c => c.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = Today.AddDays(-100) }));
        var cal = await PupilAsync(school, "Cal", c => c.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = Today.AddDays(-100) }));
        await using (var db = host.CreateDbContext())
        {
            db.ReducedTimetables.Add(new ReducedTimetable
            {
                ChildId = bea.Id, SchoolId = school.Id, StartDate = Today.AddDays(-5), PlannedEndDate = Today.AddDays(30), HoursPerWeek = 15m,
                Reason = ReducedTimetableReason.MedicalNeeds, ParentAgreedBy = "Pat Linked", ParentAgreedOn = Today.AddDays(-6), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            db.Suspensions.Add(new Suspension
            {
                ChildId = ava.Id, SchoolId = school.Id, Kind = ExclusionKind.Suspension, StartDate = Today, FirstSession = Session.AM, Sessions = 2, Reason1 = "PD",
                RecordedByUserId = officer.Id, RecordedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var client = await host.SignedInClientAsync(officer.Email!);
        var path = $"/link-calls/schools/{school.Urn}";
        var response = await client.PostFormAsync($"{path}/link", Date("LinkedOn", Today.AddDays(-30))
            .Concat(new Dictionary<string, string> { ["OfficerId"] = officer.Id, ["RiskGroup"] = "HighExcluder" }).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The school's picture: one suspension among its three pupils on roll is 33.33 per 100; no Transition Lead; no quality mark standard done.
        var picture = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Contains("33.33 per 100 pupils", picture.QuerySelector("#school-figures tr[data-indicator='suspension-rate']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("None named", picture.QuerySelector("#school-engagement")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"0 of \d+ standards completed", picture.QuerySelector("#school-engagement")!.TextContent);

        // The first call, two weeks ago: Bea discussed, one action due yesterday.
        var call = $"{path}/contacts/new?kind=FortnightlyCall";
        response = await client.PostFieldsAsync(call, Fields(Date("HeldOn", Today.AddDays(-14)).Concat(Date("Actions[0].DueOn", Today.AddDays(-1))).ToDictionary(),
            ("Kind", "FortnightlyCall"), ("FromSchool", "Mrs Patel (SENCo)"), ("ChildIds", bea.Id.ToString()),
            ("Actions[0].Description", "Send the plan back to full time"), ("Actions[0].Owner", "Mrs Patel")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Preparing the next: Ava's social care case and Bea's reduced timetable are new since that call; Bea's plan is not; Cal is on no list.
        var prep = await (await client.GetAsync($"{path}/prepare")).GetDocumentAsync();
        var rows = prep.QuerySelectorAll("#call-children tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        var avaRow = Assert.Single(rows, r => r.Contains("Ava Linked", StringComparison.Ordinal));
        Assert.Contains("New", avaRow, StringComparison.Ordinal);
        Assert.Contains("Child in need", avaRow, StringComparison.Ordinal);
        var beaRow = Assert.Single(rows, r => r.Contains("Bea Linked", StringComparison.Ordinal));
        Assert.Contains("Reduced timetable, 15 hours a week", beaRow, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains(cal.LegalForename + " Linked", StringComparison.Ordinal));
        Assert.Contains("Overdue", prep.QuerySelector("#prep-actions")!.TextContent, StringComparison.Ordinal);

        // The worklist: the next call is due today; the action is overdue.
        var worklist = await (await client.GetAsync("/link-calls?officer=me")).GetDocumentAsync();
        var schoolRow = Assert.Single(worklist.QuerySelectorAll("#link-schools tbody tr"), r => r.TextContent.Contains(school.Name, StringComparison.Ordinal));
        Assert.Contains("Due today", schoolRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("High excluder", schoolRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(worklist.QuerySelectorAll("#open-actions tbody tr"), r => r.TextContent.Contains("Send the plan back to full time", StringComparison.Ordinal) && r.TextContent.Contains("Overdue", StringComparison.Ordinal));

        // A call in the future, and a half-filled action, are refused naming the row and field; nothing is saved.
        var errors = await ProgrammeData.ErrorsAsync(await client.PostFieldsAsync(call, Fields(Date("HeldOn", Today.AddDays(1)),
            ("Kind", "FortnightlyCall"), ("FromSchool", ""), ("Actions[0].Description", ""), ("Actions[0].Owner", ""),
            ("Actions[1].Description", "Book the review"), ("Actions[1].Owner", ""))));
        Assert.Contains("The date of the call must be today or in the past", errors);
        Assert.Contains("Enter who from the school took part", errors);
        Assert.Contains("Action 2: enter who will do it", errors);
        Assert.Contains("Enter the date action 2 is due", errors);
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(1, await db.LinkContacts.CountAsync(c => c.SchoolId == school.Id));
        }

        // Today's call with both children: the next is due in two weeks.
        response = await client.PostFieldsAsync(call, Fields(Date("HeldOn", Today), ("Kind", "FortnightlyCall"), ("FromSchool", "Mr Hill (head)"),
            ("ChildIds", ava.Id.ToString()), ("ChildIds", bea.Id.ToString()), ("Notes", "Both have plans in place")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Contains(Today.AddDays(14).ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture), page.QuerySelector("#next-call")!.TextContent, StringComparison.Ordinal);

        // Marking the action done takes it off the open list.
        await using (var db = host.CreateDbContext())
        {
            var action = await db.LinkActions.AsNoTracking().SingleAsync(a => a.Contact!.SchoolId == school.Id);
            response = await client.PostFormAsync($"{path}?handler=Done&actionId={action.Id}", [], formPage: path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await using (var check = host.CreateDbContext())
        {
            Assert.Equal(Today, (await check.LinkActions.AsNoTracking().SingleAsync(a => a.Contact!.SchoolId == school.Id)).DoneOn);
            Assert.Equal(3, await check.LinkContactChildren.CountAsync(c => c.Contact!.SchoolId == school.Id));
            Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.ChildId == bea.Id && e.Action == AuditActions.LinkContactRecorded));
            Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.LinkSchoolViewed && e.Detail!.Contains($"call preparation for school {school.Urn}")));
            var link = await check.LinkedSchools.AsNoTracking().SingleAsync(l => l.SchoolId == school.Id);
            Assert.Equal(RiskGroup.HighExcluder, link.RiskGroup);
        }

        Assert.Empty((await (await client.GetAsync(path)).GetDocumentAsync()).QuerySelectorAll("#open-actions tbody tr"));
    }

    [Fact]
    public async Task A_schools_staff_read_their_own_schools_page_and_are_refused_everything_else()
    {
        var own = await ProgrammeData.NewSchoolAsync(host, "Own Linked");
        var other = await ProgrammeData.NewSchoolAsync(host, "Other Linked");
        var pupil = await PupilAsync(own, "Dee", c => c.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = Today.AddDays(-50) }));
        var officer = host.World.Users[Role.LaOfficer];
        await using (var db = host.CreateDbContext())
        {
            foreach (var s in new[] { own, other })
            {
                db.LinkedSchools.Add(new LinkedSchool { SchoolId = s.Id, OfficerUserId = officer.Id, LinkedOn = Today.AddDays(-40), RiskGroup = RiskGroup.MediumExcluder });
                db.LinkContacts.Add(new LinkContact
                {
                    SchoolId = s.Id, Kind = LinkContactKind.ResourceAllocationMeeting, HeldOn = Today.AddDays(-20), OfficerUserId = officer.Id, FromSchool = "Head",
                    Notes = $"Notes for {s.Name}", CreatedAtUtc = DateTime.UtcNow, Children = s == own ? [new LinkContactChild { ChildId = pupil.Id }] : [],
                });
            }

            await db.SaveChangesAsync();
        }

        var head = await HeadteacherAsync(own);
        var client = await host.SignedInClientAsync(head.Email!);
        var response = await client.GetAsync("/link-calls");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/link-calls/schools/{own.Urn}", response.Headers.Location?.OriginalString);

        var page = await (await client.GetAsync($"/link-calls/schools/{own.Urn}")).GetDocumentAsync();
        Assert.Contains($"Notes for {own.Name}", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dee Linked", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#prepare"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/link-calls/schools/{other.Urn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/link-calls/schools/{own.Urn}/prepare")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/link-calls/schools/{own.Urn}/contacts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/link-calls/schools/{own.Urn}/link")).StatusCode);

        foreach (var role in new[] { Role.SocialWorker, Role.SenCaseOfficer, Role.Analyst, Role.CaldicottGuardian })
        {
            if (!host.World.Users.TryGetValue(role, out var user))
            {
                continue;
            }

            var refused = await host.SignedInClientAsync(user.Email!);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync("/link-calls")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync($"/link-calls/schools/{own.Urn}")).StatusCode);
        }

        await using var check = host.CreateDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.UserId == head.Id && e.Action == AuditActions.LinkSchoolViewed && e.Detail!.Contains("refused")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/link-calls/schools/1")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LinkCallTestsOnSqlite(SqliteHost fixture) : LinkCallTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class LinkCallTestsOnPostgres(PostgresHost fixture) : LinkCallTests(fixture.Host);
