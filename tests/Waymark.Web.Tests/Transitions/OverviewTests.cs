using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>The transition overview for every kind of user: who gets in, what they see, and that refusals are recorded.</summary>
public abstract class OverviewTests(WaymarkTestHost host)
{
    public static TheoryData<Role> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task A_year_6_transition_opens_for_the_LA_and_the_sending_school_only(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}");

        var expected = role switch
        {
            Role.Analyst or Role.CaldicottGuardian => HttpStatusCode.Forbidden,
            // The SEN team reaches only its SEND cohort's transitions; this child is in need, with no SEN.
            Role.SocialWorker or Role.LeadProfessional or Role.PfaWorker or Role.SenCaseOfficer => HttpStatusCode.NotFound,
            _ => HttpStatusCode.OK,
        };
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_receiving_schools_transition_lead_sees_the_shared_parts_and_nothing_of_the_planning()
    {
        var client = await host.SignedInClientAsync(host.World.SecondaryTransitionLead.Email!);

        var response = await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}");
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("#sections"));
        Assert.Null(document.QuerySelector("#meetings"));
        Assert.Null(document.QuerySelector("#interventions"));
        Assert.Null(document.QuerySelector("a[href$='/profile/family-and-professionals']"));
        Assert.Null(document.QuerySelector($"a[href='/children/{host.World.PrimaryChild.Id}']"));
        Assert.Contains("Acknowledge receipt", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receiving_schools_headteacher_is_not_a_share_recipient()
    {
        var client = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);

        var response = await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_sending_school_sees_the_restricted_section_listed_but_cannot_open_it()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var document = await (await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}")).GetDocumentAsync();

        Assert.Contains("Family context and professionals involved", document.QuerySelector("#sections")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("a[href$='/profile/family-and-professionals']"));
        Assert.NotNull(document.QuerySelector("a[href$='/profile/about-me']"));
        Assert.NotNull(document.QuerySelector("#meetings"));
    }

    [Fact]
    public async Task The_LA_officer_sees_every_section_and_every_control()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var document = await (await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}")).GetDocumentAsync();

        Assert.NotNull(document.QuerySelector("a[href$='/profile/family-and-professionals']"));
        Assert.NotNull(document.QuerySelector("a[href$='/decision']"));
        Assert.NotNull(document.QuerySelector("a[href$='/destination']"));
        Assert.Equal("Shared with secondary", document.QuerySelector("#stage")!.TextContent.Trim());
    }

    [Fact]
    public async Task After_the_move_the_secondary_school_has_the_follow_up_and_the_primary_has_lost_access()
    {
        var secondary = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var id = host.World.Year7Transition.Id;

        var response = await secondary.GetAsync($"/transition/{id}");
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("#follow-up"));
        Assert.NotNull(document.QuerySelector("a[href$='/follow-up/six-weeks']"));
        Assert.Null(document.QuerySelector("#sections"));
        Assert.Equal(HttpStatusCode.NotFound, (await primary.GetAsync($"/transition/{id}")).StatusCode);
    }

    [Fact]
    public async Task Views_and_refusals_are_audited()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var social = await host.SignedInClientAsync(TestWorld.EmailFor(Role.SocialWorker));
        var since = DateTime.UtcNow.AddSeconds(-1);

        await officer.GetAsync($"/transition/{host.World.PrimaryTransition.Id}");
        await social.GetAsync($"/transition/{host.World.PrimaryTransition.Id}");

        await using var db = host.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.OccurredAtUtc >= since && e.ChildId == host.World.PrimaryChild.Id).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.TransitionViewed && e.UserId == host.World.Users[Role.LaOfficer].Id);
        Assert.Contains(events, e => e.Action == AuditActions.ChildRefused && e.UserId == host.World.Users[Role.SocialWorker].Id);
    }

    [Fact]
    public async Task An_unknown_transition_is_not_found()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/transition/{Guid.NewGuid()}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OverviewTestsOnSqlite(SqliteHost fixture) : OverviewTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class OverviewTestsOnPostgres(PostgresHost fixture) : OverviewTests(fixture.Host);
