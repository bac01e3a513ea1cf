using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using static Waymark.Web.Tests.Transitions.ProgrammeData;

namespace Waymark.Web.Tests.Transitions;

/// <summary>Schools name their Transition Leads; the LA sees every school's and which schools in the cohort have none.</summary>
public abstract class LeadTests(WaymarkTestHost host)
{
    private static readonly Role[] SchoolRoles = [Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher];

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    private static Dictionary<string, string> Lead(string name, string email = "", string phone = "", string userId = "") => new()
    {
        ["Name"] = name, ["Email"] = email, ["Phone"] = phone, ["UserId"] = userId,
    };

    private async Task<SchoolTransitionLead> NewLeadAsync(School school, string name, DateOnly? endedOn = null)
    {
        var lead = new SchoolTransitionLead { SchoolId = school.Id, Name = name, NamedOn = TestWorld.Today.AddYears(-1), EndedOn = endedOn };
        await using var db = host.CreateDbContext();
        db.SchoolTransitionLeads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task The_list_is_for_LA_wide_roles_and_school_staff_go_to_their_own_school(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync("/transition/leads");

        if (SchoolRoles.Contains(role))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/transition/leads/{host.World.Primary.Urn}", response.Headers.Location!.OriginalString);
        }
        else
        {
            // The SEN team does not run the programme, so it has no need of every school's leads.
            var expected = role is Role.LaAdmin or Role.LaOfficer or Role.AdvisoryTeacher ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_reads_the_primarys_page_as_its_rights_allow(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync($"/transition/leads/{host.World.Primary.Urn}");
        var document = await response.GetDocumentAsync();

        var expected = role is Role.SocialWorker or Role.LeadProfessional or Role.PfaWorker or Role.SenCaseOfficer or Role.Analyst or Role.CaldicottGuardian
            ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var mayChange = role is Role.LaAdmin or Role.LaOfficer or Role.Headteacher or Role.TransitionLead;
            Assert.Equal(mayChange, document.QuerySelector("#name-lead") is not null);
        }
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await host.CreateClient().GetAsync("/transition/leads");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_LA_sees_cohort_schools_without_a_lead_until_one_is_named()
    {
        var thisYear = TestWorld.ThisYear.StartYear;
        var without = await NewSchoolAsync(host, "Leadless Primary");
        var withLead = await NewSchoolAsync(host, "Led Primary");
        var removed = await NewSchoolAsync(host, "Removed Primary");
        var formerOnly = await NewSchoolAsync(host, "Former Lead Primary");
        await NewCohortAsync(host, without, 2, thisYear);
        await NewCohortAsync(host, withLead, 1, thisYear + 1);
        await NewCohortAsync(host, removed, 1, thisYear, Waymark.Domain.Transitions.CohortDecision.Removed);
        await NewCohortAsync(host, formerOnly, 1, thisYear);
        var current = await NewLeadAsync(withLead, "Rosa Diaz");
        await NewLeadAsync(formerOnly, "Gone Away", TestWorld.Today.AddDays(-1));
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var page = await (await officer.GetAsync("/transition/leads")).GetDocumentAsync();
        var missing = page.QuerySelector("#without-lead")!.TextContent;
        var filtered = await (await officer.GetAsync("/transition/leads?without=true")).GetDocumentAsync();

        Assert.Contains(without.Name, missing, StringComparison.Ordinal);
        Assert.Contains("2 children in the cohort", missing, StringComparison.Ordinal);
        Assert.Contains(formerOnly.Name, missing, StringComparison.Ordinal);
        Assert.DoesNotContain(withLead.Name, missing, StringComparison.Ordinal);
        Assert.DoesNotContain(removed.Name, missing, StringComparison.Ordinal);
        Assert.Contains("Rosa Diaz", page.QuerySelector($"#school-{withLead.Urn} [data-leads]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("None named", page.QuerySelector($"#school-{without.Urn} [data-leads]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(filtered.QuerySelector($"#school-{without.Urn}"));
        Assert.Null(filtered.QuerySelector($"#school-{withLead.Urn}"));
        Assert.Null(filtered.QuerySelector($"#school-{removed.Urn}"));

        var named = await officer.PostFormAsync($"/transition/leads/{without.Urn}", Lead("Nia Evans", "nia.evans@leadless.example", "01632 960 001"));
        var after = await (await officer.GetAsync("/transition/leads")).GetDocumentAsync();

        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal($"/transition/leads/{without.Urn}", named.Headers.Location!.OriginalString);
        Assert.DoesNotContain(without.Name, after.QuerySelector("#without-lead")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("nia.evans@leadless.example", after.QuerySelector($"#school-{without.Urn} [data-leads]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(0, current.Id);
    }

    [Fact]
    public async Task An_officer_names_a_lead_at_any_school_with_audit()
    {
        var school = await NewSchoolAsync(host, "Named Primary");
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var since = DateTime.UtcNow.AddSeconds(-1);

        var response = await officer.PostFormAsync($"/transition/leads/{school.Urn}", Lead("  Nia Evans ", "nia@named.example", "+44 1632 960001"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        var lead = await db.SchoolTransitionLeads.SingleAsync(l => l.SchoolId == school.Id);
        Assert.Equal(("Nia Evans", "nia@named.example", "+44 1632 960001", (string?)null, TestWorld.Today, (DateOnly?)null),
            (lead.Name, lead.Email, lead.Phone, lead.UserId, lead.NamedOn, lead.EndedOn));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ProgrammeChanged && e.ChildId == null
            && e.UserId == host.World.Users[Role.LaOfficer].Id && e.Detail == $"Transition Lead named at {school.Name} ({school.Urn}): Nia Evans"));
        var page = await (await officer.GetAsync($"/transition/leads/{school.Urn}")).GetDocumentAsync();
        Assert.Contains("Nia Evans", page.QuerySelector("#current")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_headteacher_names_the_schools_own_lead_by_account_and_ends_them()
    {
        var head = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));
        var account = host.World.Users[Role.TransitionLead];
        var path = $"/transition/leads/{host.World.Primary.Urn}";
        var since = DateTime.UtcNow.AddSeconds(-1);

        var form = await (await head.GetAsync(path)).GetDocumentAsync();
        var named = await head.PostFormAsync(path, Lead("", userId: account.Id));
        var again = await ErrorsAsync(await head.PostFormAsync(path, Lead("Someone Else", userId: account.Id)));

        Assert.NotNull(form.QuerySelector($"#UserId option[value='{account.Id}']"));
        Assert.Null(form.QuerySelector($"#UserId option[value='{host.World.Users[Role.Senco].Id}']"));
        Assert.Null(form.QuerySelector($"#UserId option[value='{host.World.SecondaryTransitionLead.Id}']"));
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(["That account is already linked to a current Transition Lead of this school"], again);
        int leadId;
        await using (var db = host.CreateDbContext())
        {
            var lead = await db.SchoolTransitionLeads.SingleAsync(l => l.UserId == account.Id && l.EndedOn == null);
            Assert.Equal((account.DisplayName, account.Email, host.World.Primary.Id), (lead.Name, lead.Email, lead.SchoolId));
            leadId = lead.Id;
        }

        var page = await (await head.GetAsync(path)).GetDocumentAsync();
        Assert.Contains($"Waymark account: {account.DisplayName}", page.QuerySelector($"#lead-{leadId}")!.TextContent, StringComparison.Ordinal);
        var ended = await head.PostFormAsync(path + "?handler=end", new() { ["leadId"] = Id(leadId) });
        var endedAgain = await head.PostFormAsync(path + "?handler=end", new() { ["leadId"] = Id(leadId) });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, endedAgain.StatusCode);
        await using var after = host.CreateDbContext();
        Assert.Equal(TestWorld.Today, (await after.SchoolTransitionLeads.SingleAsync(l => l.Id == leadId)).EndedOn);
        var audit = await after.AuditEvents.Where(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ProgrammeChanged
            && e.UserId == host.World.Users[Role.Headteacher].Id).Select(e => e.Detail).ToListAsync();
        Assert.Contains($"Transition Lead named at {host.World.Primary.Name} ({host.World.Primary.Urn}): {account.DisplayName}", audit);
        Assert.Contains($"Transition Lead ended at {host.World.Primary.Name} ({host.World.Primary.Urn}): {account.DisplayName}", audit);
        var afterEnd = await (await head.GetAsync(path)).GetDocumentAsync();
        Assert.Contains(account.DisplayName, afterEnd.QuerySelector("#former")!.TextContent, StringComparison.Ordinal);
        Assert.Null(afterEnd.QuerySelector($"#current #lead-{leadId}"));
    }

    [Fact]
    public async Task A_transition_lead_names_a_colleague_at_their_own_school()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var name = Unique("Colleague");

        var response = await client.PostFormAsync($"/transition/leads/{host.World.Primary.Urn}", Lead(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True(await db.SchoolTransitionLeads.AnyAsync(l => l.Name == name && l.SchoolId == host.World.Primary.Id && l.EndedOn == null));
    }

    [Fact]
    public async Task Bad_answers_are_refused_with_clear_messages()
    {
        var school = await NewSchoolAsync(host, "Validation Primary");
        await NewLeadAsync(school, "Rosa Diaz");
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/transition/leads/{school.Urn}";

        var blank = await ErrorsAsync(await officer.PostFormAsync(path, Lead(" ")));
        var contact = await ErrorsAsync(await officer.PostFormAsync(path, Lead("Nia Evans", "nia.evans", "call me")));
        var duplicate = await ErrorsAsync(await officer.PostFormAsync(path, Lead(" rosa  DIAZ")));
        var foreignAccount = await ErrorsAsync(await officer.PostFormAsync(path, Lead("Nia Evans", userId: host.World.Users[Role.TransitionLead].Id)));
        var tooLong = await ErrorsAsync(await officer.PostFormAsync(path, Lead(new string('n', 201))));

        Assert.Equal(["Enter the Transition Lead’s name"], blank);
        SameErrors(
            ["Enter an email address in the correct format, like name@example.com", "Enter a telephone number, like 01632 960 001 or 07700 900 982"],
            contact);
        Assert.Equal(["rosa  DIAZ is already a Transition Lead of this school"], duplicate);
        Assert.Equal(["Select a Transition Lead’s account at this school, or none"], foreignAccount);
        Assert.Equal(["Name must be 200 characters or fewer"], tooLong);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.SchoolTransitionLeads.CountAsync(l => l.SchoolId == school.Id));
    }

    [Fact]
    public async Task A_former_lead_may_be_named_again()
    {
        var school = await NewSchoolAsync(host, "Returning Primary");
        await NewLeadAsync(school, "Rosa Diaz", TestWorld.Today.AddMonths(-2));
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await officer.PostFormAsync($"/transition/leads/{school.Urn}", Lead("Rosa Diaz"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.SchoolTransitionLeads.CountAsync(l => l.SchoolId == school.Id && l.EndedOn == null));
    }

    [Fact]
    public async Task School_staff_cannot_see_or_change_another_schools_leads()
    {
        var lead = await NewLeadAsync(host.World.Secondary, Unique("Secondary lead"));
        var primaryHead = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));
        var secondaryHead = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);
        var secondaryPath = $"/transition/leads/{host.World.Secondary.Urn}";

        Assert.Equal(HttpStatusCode.NotFound, (await primaryHead.GetAsync(secondaryPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondaryHead.GetAsync($"/transition/leads/{host.World.Primary.Urn}")).StatusCode);
        var named = await primaryHead.PostFormAsync(secondaryPath, Lead("Taken Over"), formPage: "/");
        var ended = await primaryHead.PostFormAsync(secondaryPath + "?handler=end", new() { ["leadId"] = Id(lead.Id) }, formPage: "/");

        Assert.Equal(HttpStatusCode.NotFound, named.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ended.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.SchoolTransitionLeads.SingleAsync(l => l.Id == lead.Id)).EndedOn);
        Assert.False(await db.SchoolTransitionLeads.AnyAsync(l => l.Name == "Taken Over"));
    }

    [Fact]
    public async Task A_lead_of_another_school_cannot_be_ended_through_this_schools_page()
    {
        var other = await NewSchoolAsync(host, "Other Primary");
        var lead = await NewLeadAsync(other, "Rosa Diaz");
        var head = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));

        var response = await head.PostFormAsync($"/transition/leads/{host.World.Primary.Urn}?handler=end", new() { ["leadId"] = Id(lead.Id) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.SchoolTransitionLeads.SingleAsync(l => l.Id == lead.Id)).EndedOn);
    }

    [Theory]
    [InlineData(Role.Senco)]
    [InlineData(Role.AttendanceLead)]
    [InlineData(Role.AdvisoryTeacher)]
    public async Task Readers_cannot_name_or_end_leads(Role role)
    {
        var lead = await NewLeadAsync(host.World.Primary, Unique("Kept lead"));
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        var path = $"/transition/leads/{host.World.Primary.Urn}";

        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        var named = await client.PostFormAsync(path, Lead(Unique("Not allowed")));
        var ended = await client.PostFormAsync(path + "?handler=end", new() { ["leadId"] = Id(lead.Id) });

        Assert.Contains(lead.Name, page.QuerySelector("#current")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=end']"));
        Assert.Equal(HttpStatusCode.Forbidden, named.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ended.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.SchoolTransitionLeads.SingleAsync(l => l.Id == lead.Id)).EndedOn);
        Assert.False(await db.SchoolTransitionLeads.AnyAsync(l => l.Name.StartsWith("Not allowed")));
    }

    [Theory]
    [InlineData(Role.SocialWorker)]
    [InlineData(Role.Analyst)]
    public async Task Social_workers_and_analysts_are_refused(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var post = await client.PostFormAsync($"/transition/leads/{host.World.Primary.Urn}", Lead(Unique("Not allowed")), formPage: "/");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task An_unknown_school_is_not_found()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transition/leads/123")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LeadTestsOnSqlite(SqliteHost fixture) : LeadTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class LeadTestsOnPostgres(PostgresHost fixture) : LeadTests(fixture.Host);
