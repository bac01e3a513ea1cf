using System.Net;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>Each role's transition worklist and the LA's board.</summary>
public abstract class WorklistTests(WaymarkTestHost host)
{
    [Fact]
    public async Task The_sending_schools_transition_lead_sees_their_cohort_with_what_is_missing()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var document = await (await client.GetAsync("/transition")).GetDocumentAsync();

        var cohort = document.QuerySelector("#cohort")!;
        Assert.NotNull(cohort.QuerySelector($"a[href='/transition/{host.World.PrimaryTransition.Id}']"));
        Assert.Contains("10 profile sections to complete", cohort.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector($"#year-7 a[href='/transition/{host.World.Year7Transition.Id}']"));
    }

    [Fact]
    public async Task The_receiving_school_sees_incoming_and_year_7_children_but_not_another_schools_cohort()
    {
        var client = await host.SignedInClientAsync(host.World.SecondaryTransitionLead.Email!);

        var document = await (await client.GetAsync("/transition")).GetDocumentAsync();

        Assert.NotNull(document.QuerySelector($"#incoming a[href='/transition/{host.World.PrimaryTransition.Id}']"));
        Assert.NotNull(document.QuerySelector($"#year-7 a[href='/transition/{host.World.Year7Transition.Id}']"));
        Assert.Null(document.QuerySelector($"#cohort a[href='/transition/{host.World.PrimaryTransition.Id}']"));
    }

    [Fact]
    public async Task A_headteacher_of_the_receiving_school_is_not_shown_incoming_pupils()
    {
        var client = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);

        var document = await (await client.GetAsync("/transition")).GetDocumentAsync();

        Assert.Null(document.QuerySelector("#incoming"));
        Assert.NotNull(document.QuerySelector($"#year-7 a[href='/transition/{host.World.Year7Transition.Id}']"));
    }

    [Fact]
    public async Task The_advisory_teacher_sees_the_children_they_are_named_for()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));

        var document = await (await client.GetAsync("/transition")).GetDocumentAsync();

        Assert.NotNull(document.QuerySelector($"#caseload a[href='/transition/{host.World.PrimaryTransition.Id}']"));
        Assert.Null(document.QuerySelector($"#caseload a[href='/transition/{host.World.Year7Transition.Id}']"));
    }

    [Fact]
    public async Task A_social_worker_sees_only_their_caseload()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.SocialWorker));

        var document = await (await client.GetAsync("/transition")).GetDocumentAsync();

        Assert.Null(document.QuerySelector($"a[href='/transition/{host.World.PrimaryTransition.Id}']"));
        Assert.Equal("None of your children are in the transition programme.", document.QuerySelector("#caseload")!.TextContent);
    }

    [Theory]
    [InlineData(Role.LaOfficer)]
    [InlineData(Role.LaAdmin)]
    public async Task LA_officers_go_to_the_board(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync("/transition");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/transition/board", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_board_shows_stages_schools_without_a_lead_and_sharing()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var document = await (await client.GetAsync("/transition/board")).GetDocumentAsync();

        var primaryRow = document.QuerySelectorAll("#schools tbody tr").Single(r => r.TextContent.Contains(host.World.Primary.Name, StringComparison.Ordinal));
        Assert.Contains("None", primaryRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not yet", primaryRow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"#awaiting a[href='/transition/{host.World.PrimaryTransition.Id}']"));
        Assert.NotNull(document.QuerySelector("#attendance-by-role"));
    }

    public static TheoryData<Role> NonLaRoles() => new(Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher, Role.SocialWorker, Role.Analyst);

    [Theory]
    [MemberData(nameof(NonLaRoles))]
    public async Task The_board_and_cohort_are_for_LA_roles_only(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/transition/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/transition/cohort")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/transition/cohort/criteria")).StatusCode);
        Assert.Equal(role == Role.Analyst ? HttpStatusCode.Forbidden : HttpStatusCode.OK, (await client.GetAsync("/transition")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorklistTestsOnSqlite(SqliteHost fixture) : WorklistTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class WorklistTestsOnPostgres(PostgresHost fixture) : WorklistTests(fixture.Host);
