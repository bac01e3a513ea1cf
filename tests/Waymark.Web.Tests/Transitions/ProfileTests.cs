using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>The Transition Planning Profile: writing sections, sharing levels, two editors at once, history and the support plan.</summary>
public abstract class ProfileTests(WaymarkTestHost host)
{
    private async Task<Transition> NewTransitionAsync(string surname)
    {
        await using var db = host.CreateDbContext();
        var child = host.World.NewPrimaryPupil("Sam", surname);
        db.Children.Add(child);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, host.World.Primary, CohortDecision.Confirmed);
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition;
    }

    private static Dictionary<string, string> AboutMe(string like, string important, string support, string status, int version = 0) => new()
    {
        ["answer-like-about-me"] = like, ["answer-important-to-me"] = important, ["answer-support-me"] = support,
        ["Status"] = status, ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_transition_lead_writes_a_section_and_its_history_is_kept()
    {
        var t = await NewTransitionAsync("Writer");
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var first = await tl.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("I am funny", "My cat", "", "InProgress"));
        var second = await tl.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("I am funny", "My cat", "Give me time", "Complete", version: 1));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = host.CreateDbContext();
        var section = await db.ProfileSections.SingleAsync(s => s.TransitionId == t.Id);
        Assert.Equal((SectionStatus.Complete, SharingLevel.Shareable, 2, "Give me time"), (section.Status, section.Sharing, section.Version, section.Answer("support-me")));
        var changes = await db.ProfileSectionChanges.Where(c => c.TransitionId == t.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["What people like and admire about me", "What is important to me", "Sharing", "Status", "How best to support me", "Status"],
            changes.Select(c => c.What));
        Assert.Equal(("In progress", "Completed"), (changes[^1].OldValue, changes[^1].NewValue));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == t.ChildId && e.Action == AuditActions.TransitionChanged && e.Detail!.StartsWith("Profile section About me")));
        var history = await (await tl.GetAsync($"/transition/{t.Id}/profile/history")).GetDocumentAsync();
        Assert.Contains("Give me time", history.QuerySelector("#changes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_marked_complete_needs_every_answer()
    {
        var t = await NewTransitionAsync("Incomplete");
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var response = await tl.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("I am funny", "", "", "Complete"));
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Answer ‘What is important to me’, or mark the section as in progress", document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".govuk-error-summary a[href='#answer-important-to-me']"));
        Assert.Equal("I am funny", document.QuerySelector("#answer-like-about-me")!.TextContent);
        await using var db = host.CreateDbContext();
        Assert.False(await db.ProfileSections.AnyAsync(s => s.TransitionId == t.Id));
    }

    [Fact]
    public async Task The_second_of_two_editors_is_told_and_nothing_is_overwritten()
    {
        var t = await NewTransitionAsync("Conflict");
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var senco = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Senco));

        // Both opened the empty section (version 0); the Transition Lead saves first.
        await tl.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("Kind", "Football", "Quiet space", "InProgress", version: 0));
        var late = await senco.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("Clever", "Drawing", "Visual timetable", "InProgress", version: 0));
        var document = await late.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains($"Test {Roles.DisplayName(Role.TransitionLead)} saved this section on", document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Football", document.QuerySelector("#their-version")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Drawing", document.QuerySelector("#answer-important-to-me")!.TextContent);
        Assert.Equal("1", document.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal("Football", (await db.ProfileSections.SingleAsync(s => s.TransitionId == t.Id)).Answer("important-to-me"));
        }

        // Having seen the other version, the SENCo saves again on purpose.
        var again = await senco.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("Clever", "Drawing", "Visual timetable", "InProgress", version: 1));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var after = host.CreateDbContext();
        Assert.Equal("Drawing", (await after.ProfileSections.SingleAsync(s => s.TransitionId == t.Id)).Answer("important-to-me"));
    }

    [Fact]
    public async Task School_staff_cannot_read_or_write_a_restricted_section_and_cannot_restrict_one()
    {
        var t = host.World.PrimaryTransition;
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var read = await tl.GetAsync($"/transition/{t.Id}/profile/family-and-professionals");
        var write = await tl.PostFormAsync($"/transition/{t.Id}/profile/family-and-professionals",
            new() { ["answer-family"] = "overwritten", ["Status"] = "InProgress", ["Version"] = "1" }, formPage: $"/transition/{t.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain(TestWorld.RestrictedText, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        var fresh = await NewTransitionAsync("Unrestrictable");
        var form = AboutMe("a", "b", "c", "InProgress");
        form["Sharing"] = "Restricted";
        await tl.PostFormAsync($"/transition/{fresh.Id}/profile/about-me", form);
        await using var db = host.CreateDbContext();
        Assert.Equal(SharingLevel.Shareable, (await db.ProfileSections.SingleAsync(s => s.TransitionId == fresh.Id)).Sharing);
        Assert.Contains(await db.AuditEvents.Where(e => e.ChildId == t.ChildId && e.Action == AuditActions.ChildRefused).Select(e => e.Detail).ToListAsync(),
            d => d!.Contains("profile family-and-professionals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_LA_reads_the_restricted_section_and_the_schools_history_leaves_it_out()
    {
        var t = await NewTransitionAsync("Restricted");
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        await officer.PostFormAsync($"/transition/{t.Id}/profile/family-and-professionals",
            new() { ["answer-family"] = "Kinship care with grandparents", ["answer-safeguarding"] = "Secret detail", ["Status"] = "InProgress", ["Version"] = "0", ["Sharing"] = "Restricted" });
        await officer.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("Brave", "", "", "InProgress"));

        var officerView = await (await officer.GetAsync($"/transition/{t.Id}/profile/family-and-professionals")).Content.ReadAsStringAsync();
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var schoolHistory = await (await tl.GetAsync($"/transition/{t.Id}/profile/history")).Content.ReadAsStringAsync();
        var officerHistory = await (await officer.GetAsync($"/transition/{t.Id}/profile/history")).Content.ReadAsStringAsync();

        Assert.Contains("Secret detail", officerView, StringComparison.Ordinal);
        Assert.Contains("Secret detail", officerHistory, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret detail", schoolHistory, StringComparison.Ordinal);
        Assert.DoesNotContain("Kinship", schoolHistory, StringComparison.Ordinal);
        Assert.Contains("Brave", schoolHistory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receiving_school_reads_shareable_sections_but_writes_nothing_and_sees_no_history()
    {
        var t = host.World.PrimaryTransition;
        var receiving = await host.SignedInClientAsync(host.World.SecondarySenco.Email!);

        var aboutMe = await receiving.GetAsync($"/transition/{t.Id}/profile/about-me");
        var document = await aboutMe.GetDocumentAsync();
        var write = await receiving.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("x", "y", "z", "Complete", 1));

        Assert.Equal(HttpStatusCode.OK, aboutMe.StatusCode);
        Assert.Null(document.QuerySelector("form textarea"));
        Assert.Equal(TestWorld.ChildsWords, document.QuerySelector("#answers q")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await receiving.GetAsync($"/transition/{t.Id}/profile/family-and-professionals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await receiving.GetAsync($"/transition/{t.Id}/profile/history")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_section_is_not_found()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/profile/diary")).StatusCode);
    }

    [Fact]
    public async Task Support_plan_actions_are_added_with_a_future_date_and_marked_done()
    {
        var t = await NewTransitionAsync("Planner");
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var path = $"/transition/{t.Id}/profile/support-plan";
        var yesterday = TestWorld.Today.AddDays(-1);
        var nextMonth = TestWorld.Today.AddMonths(1);

        var past = await tl.PostFormAsync($"{path}?handler=AddAction", new()
        {
            ["NewAction"] = "Extra visit", ["NewActionOwner"] = "Year 7 lead",
            ["NewActionBy.Day"] = $"{yesterday.Day}", ["NewActionBy.Month"] = $"{yesterday.Month}", ["NewActionBy.Year"] = $"{yesterday.Year}",
        }, formPage: path);
        var ok = await tl.PostFormAsync($"{path}?handler=AddAction", new()
        {
            ["NewAction"] = "Extra visit", ["NewActionOwner"] = "Year 7 lead",
            ["NewActionBy.Day"] = $"{nextMonth.Day}", ["NewActionBy.Month"] = $"{nextMonth.Month}", ["NewActionBy.Year"] = $"{nextMonth.Year}",
        }, formPage: path);

        Assert.Contains("The date it will be done by must be today or in the future", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using var db = host.CreateDbContext();
        var action = await db.SupportPlanActions.SingleAsync(a => a.TransitionId == t.Id);
        Assert.Equal(nextMonth, action.ByWhen);

        var done = await tl.PostFormAsync($"{path}?handler=ActionDone&actionId={action.Id}", [], formPage: path);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var after = host.CreateDbContext();
        Assert.Equal(TestWorld.Today, (await after.SupportPlanActions.SingleAsync(a => a.Id == action.Id)).DoneOn);
    }

    [Theory]
    [InlineData(Role.AttendanceLead, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound)]
    [InlineData(Role.Analyst, HttpStatusCode.Forbidden)]
    public async Task Others_cannot_write_the_profile(Role role, HttpStatusCode expected)
    {
        var t = await NewTransitionAsync("Refused" + role);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.PostFormAsync($"/transition/{t.Id}/profile/about-me", AboutMe("a", "b", "c", "InProgress"), formPage: "/");

        Assert.Equal(expected, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.False(await db.ProfileSections.AnyAsync(s => s.TransitionId == t.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProfileTestsOnSqlite(SqliteHost fixture) : ProfileTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ProfileTestsOnPostgres(PostgresHost fixture) : ProfileTests(fixture.Host);
