using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.QualityMark;
using Waymark.Testing;

namespace Waymark.Web.Tests.QualityMark;

/// <summary>
/// The inclusion quality mark through the pages: the LA changes a standard and sets a milestone; a headteacher
/// self-assesses and submits; the peer school's SENCo moderates; other schools' staff are refused; the LA sees and
/// downloads every school's. Each test makes its own schools; tests that change the LA's standards or milestones put
/// them back.
/// </summary>
public abstract class QualityMarkTests(WaymarkTestHost host)
{
    private sealed record Staff(School School, WaymarkUser Headteacher, WaymarkUser Senco, WaymarkUser AttendanceLead);

    private async Task<Staff> NewSchoolAsync(string name)
    {
        var school = await Transitions.ProgrammeData.NewSchoolAsync(host, name);
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<WaymarkUser>();
        await using var db = host.CreateDbContext();
        WaymarkUser User(Role role)
        {
            var user = TestWorld.NewUser($"qm.{Roles.CommandName(role)}.{Guid.NewGuid():N}@test.example", $"{name} {Roles.DisplayName(role)}", role, null, hasher);
            user.SchoolId = school.Id;
            db.Users.Add(user);
            return user;
        }

        var staff = new Staff(school, User(Role.Headteacher), User(Role.Senco), User(Role.AttendanceLead));
        await db.SaveChangesAsync();
        return staff;
    }

    private async Task AssignAsync(School school, School moderator)
    {
        await using var db = host.CreateDbContext();
        db.QualityMarkModerators.Add(new QualityMarkModerator
        {
            SchoolId = school.Id, ModeratorSchoolId = moderator.Id, AssignedByUserId = host.World.Users[Role.LaOfficer].Id, AssignedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.GetDocumentAsync()).QuerySelector(".govuk-error-summary")?.TextContent ?? "";
    }

    private async Task<int> AuditCountAsync(string action, string userId)
    {
        await using var db = host.CreateDbContext();
        return await db.AuditEvents.CountAsync(e => e.Action == action && e.UserId == userId);
    }

    [Fact]
    public async Task An_la_officer_changes_reorders_retires_and_restores_a_standard_and_sets_and_removes_a_milestone_all_audited()
    {
        var officer = host.World.Users[Role.LaOfficer];
        var client = await host.SignedInClientAsync(officer.Email!);
        const string path = "/quality-mark/standards/10";
        var audited = await AuditCountAsync(AuditActions.QualityMarkStandardChanged, officer.Id);

        var errors = await ErrorsAsync(await client.PostFormAsync(path, new() { ["Name"] = " ", ["Description"] = "", ["Position"] = "99" }));
        Assert.Contains("Enter the standard's name", errors, StringComparison.Ordinal);
        Assert.Contains("Enter what good looks like for this standard", errors, StringComparison.Ordinal);
        Assert.Contains("Select where the standard comes in the list", errors, StringComparison.Ordinal);

        // Renamed and moved to the top: the others move down one.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(path,
            new() { ["Name"] = "Moving on", ["Description"] = "Moves are planned with families.", ["Position"] = "1" })).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var standards = await db.QualityMarkStandards.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
            Assert.Equal((1, "Moving on"), (standards[9].Position, standards[9].Name));
            Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10], standards.Take(9).Select(s => s.Position));
        }

        // Retired: no longer numbered or offered for milestones, still listed.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(path,
            new() { ["Name"] = "Moving on", ["Description"] = "Moves are planned with families.", ["Retired"] = "true" })).StatusCode);
        var list = await (await client.GetAsync("/quality-mark/standards")).GetDocumentAsync();
        Assert.Contains("Retired", list.QuerySelector("[data-standard='10']")!.TextContent, StringComparison.Ordinal);
        var milestonesPage = await (await client.GetAsync("/quality-mark/milestones")).GetDocumentAsync();
        Assert.Null(milestonesPage.QuerySelector("input[name='StandardIds'][value='10']"));
        await using (var db = host.CreateDbContext())
        {
            Assert.NotNull((await db.QualityMarkStandards.AsNoTracking().SingleAsync(s => s.Id == 10)).RetiredAtUtc);
            Assert.Equal(Enumerable.Range(1, 9), await db.QualityMarkStandards.Where(s => s.RetiredAtUtc == null).OrderBy(s => s.Position).Select(s => s.Position).ToListAsync());
        }

        // Brought back where it was, as it was.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(path,
            new() { ["Name"] = InitialStandards.All[9].Name, ["Description"] = InitialStandards.All[9].Description, ["Position"] = "10" })).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var standards = await db.QualityMarkStandards.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 10), standards.Select(s => s.Position));
            Assert.All(standards, s => Assert.Null(s.RetiredAtUtc));
            Assert.Equal("Transition", standards[9].Name);
            var entries = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.QualityMarkStandardChanged && e.UserId == officer.Id)
                .OrderByDescending(e => e.Id).Take(3).ToListAsync();
            Assert.Equal(audited + 3, await AuditCountAsync(AuditActions.QualityMarkStandardChanged, officer.Id));
            Assert.Contains("from \"Transition\", number 10", entries[2].Detail, StringComparison.Ordinal);
            Assert.Contains("to \"Moving on\", number 1", entries[2].Detail, StringComparison.Ordinal);
        }

        // A milestone already past: a school that has completed nothing is behind.
        var fresh = await NewSchoolAsync("Milestone Primary");
        errors = await ErrorsAsync(await client.PostFormAsync("/quality-mark/milestones", new()));
        Assert.Contains("Enter the date the standards are due", errors, StringComparison.Ordinal);
        Assert.Contains("Select the standards schools should have completed by then", errors, StringComparison.Ordinal);
        var due = DateTime.UtcNow.Date.AddDays(-3);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync("/quality-mark/milestones",
            [new("DueOn.Day", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("DueOn.Month", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("DueOn.Year", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("StandardIds", "1"), new("StandardIds", "2")])).StatusCode);
        int milestoneId;
        await using (var db = host.CreateDbContext())
        {
            var milestone = await db.QualityMarkMilestones.AsNoTracking().Include(m => m.Standards).SingleAsync();
            milestoneId = milestone.Id;
            Assert.Equal([1, 2], milestone.Standards.Select(s => s.Id).Order());
            var entry = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.QualityMarkMilestoneChanged).OrderBy(e => e.Id).LastAsync();
            Assert.Equal($"added: Standards 1 and 2 by {DateOnly.FromDateTime(due):d MMMM yyyy}", entry.Detail);
        }

        var table = await (await client.GetAsync("/quality-mark")).GetDocumentAsync();
        Assert.Equal("Behind", table.QuerySelector($"#schools tr[data-urn='{fresh.School.Urn}'] [data-figure='status']")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/quality-mark/milestones?handler=Remove&id={milestoneId}", new(), "/quality-mark/milestones")).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.QualityMarkMilestones.AnyAsync());
            Assert.StartsWith("removed: Standards 1 and 2", (await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.QualityMarkMilestoneChanged).OrderBy(e => e.Id).LastAsync()).Detail, StringComparison.Ordinal);
        }

        table = await (await client.GetAsync("/quality-mark")).GetDocumentAsync();
        Assert.Equal("On track", table.QuerySelector($"#schools tr[data-urn='{fresh.School.Urn}'] [data-figure='status']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Only_la_administrators_and_officers_change_standards_milestones_and_moderators()
    {
        var school = await NewSchoolAsync("Managers Primary");
        foreach (var role in new[] { Role.AdvisoryTeacher, Role.SenCaseOfficer, Role.Headteacher, Role.SocialWorker, Role.Analyst })
        {
            var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/quality-mark/standards/1")).StatusCode);
            var milestones = await client.GetAsync("/quality-mark/milestones");
            if (milestones.StatusCode == HttpStatusCode.OK)
            {
                // LA-wide roles may look, without the form.
                Assert.Null((await milestones.GetDocumentAsync()).QuerySelector("input[name='StandardIds']"));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, milestones.StatusCode);
            }
        }

        var advisory = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));
        var page = await (await advisory.GetAsync($"/schools/{school.School.Urn}/quality-mark")).GetDocumentAsync();
        Assert.Null(page.QuerySelector("select[name='moderator']"));
    }

    [Fact]
    public async Task A_headteacher_self_assesses_and_submits_and_the_peer_schools_senco_moderates_with_every_change_kept()
    {
        var a = await NewSchoolAsync("Assessed Primary");
        var b = await NewSchoolAsync("Moderating Primary");
        var officer = await host.SignedInClientAsync(host.World.Users[Role.LaOfficer].Email!);
        var schoolPath = $"/schools/{a.School.Urn}/quality-mark";
        var path = $"{schoolPath}/1";

        // Before the LA assigns a moderator, the school can save but not submit.
        var head = await host.SignedInClientAsync(a.Headteacher.Email!);
        var errors = await ErrorsAsync(await head.PostFormAsync(path, new() { ["Evidence"] = "Our policy", ["Judgement"] = "Secure", ["submit"] = "true" }));
        Assert.Contains("has not yet assigned a school to moderate yours", errors, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{schoolPath}?handler=Moderator", new() { ["moderator"] = b.School.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture) }, schoolPath)).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(b.School.Id, (await db.QualityMarkModerators.AsNoTracking().SingleAsync(m => m.SchoolId == a.School.Id)).ModeratorSchoolId);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.QualityMarkModeratorAssigned && e.Detail!.Contains(a.School.Name)));
        }

        errors = await ErrorsAsync(await head.PostFormAsync(path, new() { ["Evidence"] = " ", ["Judgement"] = "Secure", ["submit"] = "true" }));
        Assert.Contains("Enter the evidence before submitting it for moderation", errors, StringComparison.Ordinal);
        errors = await ErrorsAsync(await head.PostFormAsync(path, new() { ["Evidence"] = "Draft", ["submit"] = "false" }));
        Assert.Contains("Select the school's judgement of this standard", errors, StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.QualityMarkAssessments.AnyAsync(x => x.SchoolId == a.School.Id));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(path, new() { ["Evidence"] = "Ramps and a quiet room", ["Judgement"] = "Developing", ["submit"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(path, new() { ["Evidence"] = "Ramps, a quiet room and a parent survey", ["Judgement"] = "Secure", ["submit"] = "true" })).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var saved = await db.QualityMarkAssessments.AsNoTracking().Include(x => x.Changes).SingleAsync(x => x.SchoolId == a.School.Id);
            Assert.Equal((AssessmentStage.Submitted, Judgement.Secure, a.Headteacher.Id), (saved.Stage, saved.Judgement, saved.SubmittedByUserId));
            var evidence = saved.Changes.Where(c => c.Field == "Evidence").OrderBy(c => c.Id).ToList();
            Assert.Equal([(null, "Ramps and a quiet room"), ("Ramps and a quiet room", "Ramps, a quiet room and a parent survey")], evidence.Select(c => (c.OldValue, c.NewValue)));
            Assert.Contains(saved.Changes, c => c.Field == "Judgement" && c.OldValue == "Developing" && c.NewValue == "Secure");
            Assert.All(saved.Changes, c => Assert.Equal(a.Headteacher.Id, c.ChangedByUserId));
        }

        Assert.Equal(2, await AuditCountAsync(AuditActions.QualityMarkAssessed, a.Headteacher.Id));

        // Submitted: the school can no longer change it, and cannot moderate its own.
        Assert.Null((await (await head.GetAsync(path)).GetDocumentAsync()).QuerySelector("textarea[name='Evidence']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostFormAsync(path, new() { ["Evidence"] = "Changed", ["Judgement"] = "Exceeding", ["submit"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostFormAsync($"{path}?handler=Moderate", new() { ["Agreed"] = "true" }, path)).StatusCode);

        // The peer school's attendance lead may read it but not moderate; its SENCo moderates.
        var attendance = await host.SignedInClientAsync(b.AttendanceLead.Email!);
        var read = await (await attendance.GetAsync(path)).GetDocumentAsync();
        Assert.Contains("parent survey", read.QuerySelector("#evidence")!.TextContent, StringComparison.Ordinal);
        Assert.Null(read.QuerySelector("input[name='Agreed']"));

        var senco = await host.SignedInClientAsync(b.Senco.Email!);
        var moderate = $"{path}?handler=Moderate";
        errors = await ErrorsAsync(await senco.PostFormAsync(moderate, new(), path));
        Assert.Contains("Select whether your school agrees with this self-assessment", errors, StringComparison.Ordinal);
        errors = await ErrorsAsync(await senco.PostFormAsync(moderate, new() { ["Agreed"] = "false" }, path));
        Assert.Contains("Enter a note saying why you do not agree", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await senco.PostFormAsync(moderate, new() { ["Agreed"] = "false", ["Note"] = "Say how you know the survey was acted on" }, path)).StatusCode);

        // Not agreed: back with the school, which changes it and submits again; then the moderator agrees.
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(path, new() { ["Evidence"] = "Ramps, a quiet room, a parent survey and what we changed after it", ["Judgement"] = "Secure", ["submit"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await senco.PostFormAsync(moderate, new() { ["Agreed"] = "true", ["Note"] = "Agreed" }, path)).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var done = await db.QualityMarkAssessments.AsNoTracking().Include(x => x.Changes).SingleAsync(x => x.SchoolId == a.School.Id);
            Assert.Equal((AssessmentStage.Agreed, b.School.Id, b.Senco.Id), (done.Stage, done.ModeratedBySchoolId, done.ModeratedByUserId));
            Assert.NotNull(done.CompletedOn);
            Assert.Equal(["Awaiting moderation", "Not agreed: returned", "Awaiting moderation", "Completed"],
                done.Changes.Where(c => c.Field == "Status").OrderBy(c => c.Id).Skip(1).Select(c => c.NewValue));
        }

        Assert.Equal(2, await AuditCountAsync(AuditActions.QualityMarkModerated, b.Senco.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.PostFormAsync(moderate, new() { ["Agreed"] = "false", ["Note"] = "Changed my mind" }, path)).StatusCode);

        var page = await (await head.GetAsync(schoolPath)).GetDocumentAsync();
        Assert.Contains("Completed", page.QuerySelector("#standards tr[data-standard='1'] [data-figure='stage']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 of 10", page.QuerySelector("#completed")!.TextContent.Trim());
        var history = await (await head.GetAsync(path)).GetDocumentAsync();
        Assert.Contains(b.Senco.DisplayName, history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);

        // The moderating school's page lists the school it moderates; its own page links there from the school page.
        var bPage = await (await senco.GetAsync($"/schools/{b.School.Urn}/quality-mark")).GetDocumentAsync();
        Assert.NotNull(bPage.QuerySelector($"#moderates a[href='{schoolPath}']"));
        Assert.NotNull((await (await senco.GetAsync($"/schools/{a.School.Urn}")).GetDocumentAsync()).QuerySelector("#quality-mark-link"));
        Assert.Equal($"/schools/{b.School.Urn}/quality-mark", (await senco.GetAsync("/quality-mark/our-school")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task School_staff_are_refused_another_schools_quality_mark_and_the_la_table_and_each_refusal_is_audited()
    {
        var a = await NewSchoolAsync("Private Primary");
        var b = await NewSchoolAsync("Peer Primary");
        var c = await NewSchoolAsync("Other Primary");
        await AssignAsync(a.School, b.School);

        var other = await host.SignedInClientAsync(c.Headteacher.Email!);
        var path = $"/schools/{a.School.Urn}/quality-mark";
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{path}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/quality-mark")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/quality-mark?format=csv")).StatusCode);
        Assert.Null((await (await other.GetAsync($"/schools/{a.School.Urn}")).GetDocumentAsync()).QuerySelector("#quality-mark-link"));
        Assert.Equal(4, await AuditCountAsync(AuditActions.QualityMarkRefused, c.Headteacher.Id));

        // A post to another school's self-assessment is refused before anything is read or saved.
        var ownPage = $"/schools/{c.School.Urn}/quality-mark/1";
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"{path}/1", new() { ["Evidence"] = "x", ["Judgement"] = "Secure", ["submit"] = "false" }, ownPage)).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.QualityMarkAssessments.AnyAsync(x => x.SchoolId == a.School.Id));
        }

        // The school being moderated does not see its moderator's own quality mark.
        var assessed = await host.SignedInClientAsync(a.Senco.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await assessed.GetAsync($"/schools/{b.School.Urn}/quality-mark")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assessed.GetAsync(path)).StatusCode);

        // Roles with no school and no LA-wide view are refused outright.
        var socialWorker = host.World.Users[Role.SocialWorker];
        var caseload = await host.SignedInClientAsync(socialWorker.Email!);
        var before = await AuditCountAsync(AuditActions.QualityMarkRefused, socialWorker.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseload.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseload.GetAsync("/quality-mark")).StatusCode);
        Assert.Equal(before + 2, await AuditCountAsync(AuditActions.QualityMarkRefused, socialWorker.Id));
    }

    [Fact]
    public async Task An_la_officer_sees_every_school_against_each_standard_and_the_download_is_audited()
    {
        var a = await NewSchoolAsync("Table Primary");
        var b = await NewSchoolAsync("Table Peer Primary");
        await AssignAsync(a.School, b.School);
        await using (var db = host.CreateDbContext())
        {
            db.QualityMarkAssessments.Add(new QualityMarkAssessment
            {
                SchoolId = a.School.Id, StandardId = 2, Stage = AssessmentStage.Agreed, Judgement = Judgement.Secure, Evidence = "Seen",
                ModeratedBySchoolId = b.School.Id, CompletedOn = TestWorld.Today, UpdatedByUserId = a.Headteacher.Id, UpdatedAtUtc = DateTime.UtcNow,
            });
            db.QualityMarkAssessments.Add(new QualityMarkAssessment
            {
                SchoolId = a.School.Id, StandardId = 3, Stage = AssessmentStage.Submitted, Judgement = Judgement.Developing, Evidence = "Sent",
                UpdatedByUserId = a.Headteacher.Id, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var officer = host.World.Users[Role.LaOfficer];
        var client = await host.SignedInClientAsync(officer.Email!);
        var page = await (await client.GetAsync("/quality-mark")).GetDocumentAsync();
        var row = page.QuerySelector($"#schools tr[data-urn='{a.School.Urn}']")!;
        Assert.Equal("Completed", row.QuerySelector("[data-standard='2']")!.TextContent.Trim());
        Assert.Equal("Awaiting moderation", row.QuerySelector("[data-standard='3']")!.TextContent.Trim());
        Assert.Equal("Not started", row.QuerySelector("[data-standard='1']")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-figure='completed']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#schools tr[data-urn='{b.School.Urn}']"));
        Assert.True(int.Parse(page.QuerySelector("#standard-counts tr[data-standard='2'] td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var csv = await client.GetAsync("/quality-mark?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("School,URN,1. Welcoming school and ethos,2. Leadership and management", text, StringComparison.Ordinal);
        Assert.Contains($"{a.School.Name},{a.School.Urn},Not started,Completed,Awaiting moderation", text, StringComparison.Ordinal);
        var xlsx = await client.GetAsync("/quality-mark?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/quality-mark?format=pdf")).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var downloads = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.TableDownloaded && e.UserId == officer.Id && e.Detail!.StartsWith("Quality mark"))
                .OrderByDescending(e => e.Id).Take(2).Select(e => e.Detail).ToListAsync();
            Assert.Equal(2, downloads.Count);
            Assert.StartsWith("Quality mark (XLSX)", downloads[0], StringComparison.Ordinal);
            Assert.StartsWith("Quality mark (CSV)", downloads[1], StringComparison.Ordinal);
        }

        // Other LA-wide roles see the table too, without the means to change anything.
        var advisory = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));
        var seen = await (await advisory.GetAsync("/quality-mark")).GetDocumentAsync();
        Assert.NotNull(seen.QuerySelector($"#schools tr[data-urn='{a.School.Urn}']"));
        Assert.Null((await (await advisory.GetAsync("/quality-mark/standards")).GetDocumentAsync()).QuerySelector("a[href='/quality-mark/standards/1']"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class QualityMarkTestsOnSqlite(SqliteHost fixture) : QualityMarkTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class QualityMarkTestsOnPostgres(PostgresHost fixture) : QualityMarkTests(fixture.Host);
