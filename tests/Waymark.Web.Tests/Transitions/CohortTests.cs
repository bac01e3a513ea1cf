using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>Proposing the cohort, the LA's criteria, confirming or removing a child, and the destination school.</summary>
public abstract class CohortTests(WaymarkTestHost host)
{
    private async Task<Child> AddPupilAsync(string forename, string surname, ChildStatusType status, int year = 6)
    {
        var child = host.World.NewPrimaryPupil(forename, surname);
        child.DateOfBirth = new DateOnly(TestWorld.ThisYear.StartYear - 4 - year, 1, 15);
        child.Statuses[0].Type = status;
        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<Transition> AddTransitionAsync(Child child, CohortDecision decision = CohortDecision.Confirmed)
    {
        await using var db = host.CreateDbContext();
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, host.World.Primary, decision);
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition;
    }

    [Fact]
    public async Task Proposing_adds_year_5_and_6_children_who_meet_the_criteria_once()
    {
        var year6 = await AddPupilAsync("Ivy", "Protected", ChildStatusType.ChildProtectionPlan, year: 6);
        var year5 = await AddPupilAsync("Noah", "Needful", ChildStatusType.ChildInNeed, year: 5);
        var year4 = await AddPupilAsync("Ada", "Younger", ChildStatusType.ChildInNeed, year: 4);
        var ehcp = await AddPupilAsync("Theo", "Planned", ChildStatusType.EhcPlan, year: 6);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await officer.PostFieldsAsync("/transition/cohort?handler=Propose", [], formPage: "/transition/cohort");
        var again = await officer.PostFieldsAsync("/transition/cohort?handler=Propose", [], formPage: "/transition/cohort");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = host.CreateDbContext();
        var proposed = await db.Transitions.Where(t => new[] { year6.Id, year5.Id, year4.Id, ehcp.Id }.Contains(t.ChildId)).ToListAsync();
        Assert.Equal(2, proposed.Count);
        var six = Assert.Single(proposed, t => t.ChildId == year6.Id);
        Assert.Equal((TestWorld.ThisYear.StartYear, CohortDecision.Proposed, "Child protection plan", host.World.Primary.Id),
            (six.CohortYear, six.Decision, six.ProposedBecause, six.SendingSchoolId!.Value));
        Assert.Equal(TestWorld.ThisYear.StartYear + 1, Assert.Single(proposed, t => t.ChildId == year5.Id).CohortYear);
        Assert.Contains(await db.AuditEvents.Where(e => e.Action == AuditActions.CohortProposed).Select(e => e.Detail).ToListAsync(),
            d => d!.Contains("criteria: Child in need, Child protection plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Widening_the_criteria_brings_more_children_in_on_the_next_proposal()
    {
        var ehcp = await AddPupilAsync("Mia", "Widened", ChildStatusType.EhcPlan);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        try
        {
            var saved = await officer.PostFieldsAsync("/transition/cohort/criteria", [new("Include", "cin"), new("Include", "cp"), new("Include", "ehcp")]);
            await officer.PostFieldsAsync("/transition/cohort?handler=Propose", [], formPage: "/transition/cohort");

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            await using var db = host.CreateDbContext();
            Assert.Equal("Education, health and care plan", (await db.Transitions.SingleAsync(t => t.ChildId == ehcp.Id)).ProposedBecause);
            Assert.True((await db.TransitionCohortSettings.SingleAsync()).EhcPlan);
        }
        finally
        {
            await officer.PostFieldsAsync("/transition/cohort/criteria", [new("Include", "cin"), new("Include", "cp")]);
        }
    }

    [Fact]
    public async Task Criteria_cannot_be_empty()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await officer.PostFieldsAsync("/transition/cohort/criteria", []);

        Assert.Contains("Select at least one group of children", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.AdvisoryTeacher, HttpStatusCode.OK)]
    [InlineData(Role.TransitionLead, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.Forbidden)]
    [InlineData(Role.Headteacher, HttpStatusCode.Forbidden)]
    public async Task Only_officers_and_administrators_propose_or_change_criteria(Role role, HttpStatusCode canRead)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var before = await CountTransitionsAsync();

        var propose = await client.PostFieldsAsync("/transition/cohort?handler=Propose", [], formPage: "/transition");
        var criteria = await client.PostFieldsAsync("/transition/cohort/criteria", [new("Include", "cla")], formPage: "/transition");

        Assert.Equal(canRead, (await client.GetAsync("/transition/cohort")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, propose.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, criteria.StatusCode);
        Assert.Equal(before, await CountTransitionsAsync());
        await using var db = host.CreateDbContext();
        Assert.False(await db.TransitionCohortSettings.AnyAsync(s => s.LookedAfter));
    }

    private async Task<int> CountTransitionsAsync()
    {
        await using var db = host.CreateDbContext();
        return await db.Transitions.CountAsync();
    }

    [Fact]
    public async Task The_cohort_list_shows_the_children_and_is_audited()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));

        var document = await (await officer.GetAsync("/transition/cohort")).GetDocumentAsync();

        Assert.NotNull(document.QuerySelector($"#cohort a[href='/transition/{host.World.PrimaryTransition.Id}']"));
        Assert.Null(document.QuerySelector("form[action*='handler=Propose']"));
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.TransitionViewed && e.Detail!.StartsWith("cohort list")
            && e.UserId == host.World.Users[Role.AdvisoryTeacher].Id));
    }

    [Fact]
    public async Task An_officer_confirms_or_removes_with_a_reason_and_removal_ends_sharing()
    {
        var child = await AddPupilAsync("Leo", "Decided", ChildStatusType.ChildInNeed);
        var transition = await AddTransitionAsync(child, CohortDecision.Proposed);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var missing = await officer.PostFormAsync($"/transition/{transition.Id}/decision", new() { ["Decision"] = "remove" });
        var confirmed = await officer.PostFormAsync($"/transition/{transition.Id}/decision", new() { ["Decision"] = "confirm", ["Reason"] = "Agreed at the panel" });

        Assert.Contains("Enter why the child is being removed", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await GiveConsentAndAcceptAsync(transition, host.World.Secondary.Id);
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        Assert.Equal(HttpStatusCode.Redirect, (await tl.PostFormAsync($"/transition/{transition.Id}/destination",
            new() { ["School"] = "900002", ["Status"] = "Accepted" })).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            Assert.True(await db.InformationShares.AnyAsync(s => s.TransitionId == transition.Id && s.EndedAtUtc == null));
        }

        var removed = await officer.PostFormAsync($"/transition/{transition.Id}/decision", new() { ["Decision"] = "remove", ["Reason"] = "Family moved out of the area" });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using var after = host.CreateDbContext();
        var saved = await after.Transitions.SingleAsync(t => t.Id == transition.Id);
        Assert.Equal((CohortDecision.Removed, "Family moved out of the area", host.World.Users[Role.LaOfficer].Id), (saved.Decision, saved.DecisionReason, saved.DecidedByUserId));
        var share = await after.InformationShares.SingleAsync(s => s.TransitionId == transition.Id);
        Assert.Equal("The child was removed from the programme", share.EndReason);
        var secondaryLead = await host.SignedInClientAsync(host.World.SecondaryTransitionLead.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await secondaryLead.GetAsync($"/transition/{transition.Id}")).StatusCode);
    }

    [Theory]
    [InlineData(Role.AdvisoryTeacher, HttpStatusCode.Forbidden)]
    [InlineData(Role.TransitionLead, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound)]
    public async Task Only_the_LA_officer_decides(Role role, HttpStatusCode expected)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(expected, (await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/decision")).StatusCode);
    }

    private async Task GiveConsentAndAcceptAsync(Transition transition, int schoolId)
    {
        await using var db = host.CreateDbContext();
        db.Consents.Add(new Consent
        {
            ChildId = transition.ChildId, Purpose = Sharing.TransitionPurpose, GivenByName = "A Parent", GivenBy = ConsentGiver.Parent,
            GivenOn = TestWorld.Today, RecordedByUserId = host.World.Users[Role.LaOfficer].Id, RecordedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_sending_school_records_the_destination_and_a_change_of_school_moves_the_share()
    {
        var child = await AddPupilAsync("Zara", "Moving", ChildStatusType.ChildInNeed);
        var transition = await AddTransitionAsync(child);
        await GiveConsentAndAcceptAsync(transition, host.World.Secondary.Id);
        var other = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 4100, Name = "Moorside High School", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
        await using (var db = host.CreateDbContext())
        {
            db.Schools.Add(other);
            await db.SaveChangesAsync();
        }

        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var preference = await tl.PostFormAsync($"/transition/{transition.Id}/destination", new() { ["School"] = "900002", ["Status"] = "Preference" });
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.InformationShares.AnyAsync(s => s.TransitionId == transition.Id));
        }

        await tl.PostFormAsync($"/transition/{transition.Id}/destination", new() { ["School"] = "900002", ["Status"] = "Accepted" });
        var moved = await tl.PostFormAsync($"/transition/{transition.Id}/destination",
            new() { ["School"] = other.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Status"] = "Accepted", ["Note"] = "Won the appeal" });

        Assert.Equal(HttpStatusCode.Redirect, preference.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using var after = host.CreateDbContext();
        var shares = await after.InformationShares.Where(s => s.TransitionId == transition.Id).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, shares.Count);
        Assert.Equal((host.World.Secondary.Id, "The destination school changed"), (shares[0].RecipientSchoolId, shares[0].EndReason));
        Assert.Equal(other.Id, shares[1].RecipientSchoolId);
        Assert.Null(shares[1].EndedAtUtc);
        Assert.Equal(3, await after.DestinationChanges.CountAsync(c => c.TransitionId == transition.Id));
        Assert.Contains(await after.AuditEvents.Where(e => e.ChildId == child.Id).Select(e => e.Action).ToListAsync(), a => a == AuditActions.ShareEnded);
    }

    [Fact]
    public async Task The_destination_must_be_a_secondary_school_with_a_status()
    {
        var tl = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var response = await tl.PostFormAsync($"/transition/{host.World.PrimaryTransition.Id}/destination", new() { ["School"] = "900001" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Select the secondary school", html, StringComparison.Ordinal);
        Assert.Contains("Select whether this is a preference, an offer or an accepted place", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.AttendanceLead, HttpStatusCode.Forbidden)]
    [InlineData(Role.AdvisoryTeacher, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound)]
    public async Task Others_cannot_set_the_destination(Role role, HttpStatusCode expected)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(expected, (await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/destination")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CohortTestsOnSqlite(SqliteHost fixture) : CohortTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class CohortTestsOnPostgres(PostgresHost fixture) : CohortTests(fixture.Host);
