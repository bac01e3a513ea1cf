using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using static Waymark.Web.Tests.Transitions.ProgrammeData;

namespace Waymark.Web.Tests.Transitions;

/// <summary>The LA's intervention catalogue and each child's enrolments on it.</summary>
public abstract class InterventionTests(WaymarkTestHost host)
{
    public static TheoryData<Role> AllRoles() => new(Roles.All);

    private static string D(DateOnly d, Func<DateOnly, int> part) => part(d).ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Enrolment(int interventionId, DateOnly start, string planned = "10", string attended = "3",
        string provider = "", DateOnly? end = null, string before = "", string after = "", string notes = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["InterventionId"] = Id(interventionId), ["Provider"] = provider,
            ["StartDate.Day"] = D(start, d => d.Day), ["StartDate.Month"] = D(start, d => d.Month), ["StartDate.Year"] = D(start, d => d.Year),
            ["EndDate.Day"] = end is DateOnly e ? D(e, d => d.Day) : "", ["EndDate.Month"] = end is DateOnly e2 ? D(e2, d => d.Month) : "",
            ["EndDate.Year"] = end is DateOnly e3 ? D(e3, d => d.Year) : "",
            ["SessionsPlanned"] = planned, ["SessionsAttended"] = attended, ["ScoreBefore"] = before, ["ScoreAfter"] = after, ["Notes"] = notes,
        };
        return fields;
    }

    // The catalogue

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_LA_wide_roles_open_the_catalogue(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync("/transition/interventions");

        var expected = TransitionAccess.CanSeeProgramme(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await host.CreateClient().GetAsync("/transition/interventions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_adds_an_intervention_and_it_is_listed_and_audited()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var name = Unique("Resilience programme");
        var since = DateTime.UtcNow.AddSeconds(-1);

        var response = await client.PostFormAsync("/transition/interventions/new", new()
        {
            ["Name"] = "  " + name + " ", ["Description"] = "Eight group sessions on coping with change", ["DefaultProvider"] = "Mind the Gap Trust",
            ["OutcomeMeasure"] = "Resilience scale (0 to 40)",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/transition/interventions", response.Headers.Location!.OriginalString);
        await using var db = host.CreateDbContext();
        var saved = await db.Interventions.SingleAsync(i => i.Name == name);
        Assert.Equal("Eight group sessions on coping with change", saved.Description);
        Assert.Equal("Mind the Gap Trust", saved.DefaultProvider);
        Assert.Equal("Resilience scale (0 to 40)", saved.OutcomeMeasure);
        Assert.True(saved.IsActive);
        var audit = await db.AuditEvents.Where(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ProgrammeChanged
            && e.UserId == host.World.Users[Role.LaOfficer].Id).ToListAsync();
        Assert.Contains(audit, e => e.Detail == $"Intervention added: {name}" && e.ChildId == null);

        var list = await (await client.GetAsync("/transition/interventions")).GetDocumentAsync();
        var row = list.QuerySelector($"#intervention-{saved.Id}")!;
        Assert.Contains(name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("In use", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", row.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Contains($"{name} added to the interventions", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_is_required()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var errors = await ErrorsAsync(await client.PostFormAsync("/transition/interventions/new", new() { ["Name"] = "   " }));

        Assert.Equal(["Enter the name of the intervention"], errors);
    }

    [Fact]
    public async Task Over_long_fields_are_refused()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var errors = await ErrorsAsync(await client.PostFormAsync("/transition/interventions/new", new()
        {
            ["Name"] = new string('a', 201), ["Description"] = new string('b', 2001), ["DefaultProvider"] = new string('c', 201),
            ["OutcomeMeasure"] = new string('d', 201),
        }));

        SameErrors(
            [
                "Name must be 200 characters or fewer", "Description must be 2,000 characters or fewer",
                "Usual provider must be 200 characters or fewer", "Outcome measure must be 200 characters or fewer",
            ],
            errors);
    }

    [Fact]
    public async Task A_name_already_used_in_any_case_is_refused()
    {
        var existing = await NewInterventionAsync(host, "Mentoring");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var errors = await ErrorsAsync(await client.PostFormAsync("/transition/interventions/new", new() { ["Name"] = existing.Name.ToUpperInvariant() }));

        Assert.Equal([$"There is already an intervention called ‘{existing.Name.ToUpperInvariant()}’: choose another name"], errors);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.Interventions.CountAsync(i => i.Name.ToUpper() == existing.Name.ToUpper()));
    }

    [Fact]
    public async Task Renaming_to_another_interventions_name_is_refused_but_keeping_its_own_is_not()
    {
        var first = await NewInterventionAsync(host, "Behaviour outreach");
        var second = await NewInterventionAsync(host, "Mentoring");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var clash = await ErrorsAsync(await client.PostFormAsync($"/transition/interventions/{second.Id}", new()
        {
            ["Name"] = first.Name.ToLowerInvariant(), ["Status"] = "active",
        }));
        var own = await client.PostFormAsync($"/transition/interventions/{second.Id}", new()
        {
            ["Name"] = second.Name, ["Status"] = "active", ["OutcomeMeasure"] = "Mentor rating (1 to 10)",
        });

        Assert.Equal([$"There is already an intervention called ‘{first.Name.ToLowerInvariant()}’: choose another name"], clash);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        await using var db = host.CreateDbContext();
        var saved = await db.Interventions.SingleAsync(i => i.Id == second.Id);
        Assert.Equal(second.Name, saved.Name);
        Assert.Equal("Mentor rating (1 to 10)", saved.OutcomeMeasure);
    }

    [Fact]
    public async Task A_withdrawn_intervention_keeps_its_enrolments_but_is_not_offered_again()
    {
        var intervention = await NewInterventionAsync(host, "One-to-one therapeutic support");
        var transition = await NewPrimaryTransitionAsync(host);
        await using (var seed = host.CreateDbContext())
        {
            seed.InterventionEnrolments.Add(new InterventionEnrolment
            {
                ChildId = transition.ChildId, InterventionId = intervention.Id, Provider = "CAMHS", StartDate = TestWorld.Today.AddDays(-20),
                SessionsPlanned = 6, SessionsAttended = 2, CreatedByUserId = host.World.Users[Role.LaOfficer].Id, CreatedAtUtc = DateTime.UtcNow,
            });
            await seed.SaveChangesAsync();
        }

        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var since = DateTime.UtcNow.AddSeconds(-1);

        var response = await officer.PostFormAsync($"/transition/interventions/{intervention.Id}", new()
        {
            ["Name"] = intervention.Name, ["DefaultProvider"] = "CAMHS", ["Status"] = "withdrawn",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        var saved = await db.Interventions.SingleAsync(i => i.Id == intervention.Id);
        Assert.False(saved.IsActive);
        Assert.Equal("CAMHS", saved.DefaultProvider);
        Assert.Null(saved.OutcomeMeasure);
        Assert.Equal(1, await db.InterventionEnrolments.CountAsync(e => e.InterventionId == intervention.Id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ProgrammeChanged
            && e.Detail == $"Intervention changed: {intervention.Name}; withdrawn"));

        var list = await (await officer.GetAsync("/transition/interventions")).GetDocumentAsync();
        var row = list.QuerySelector($"#intervention-{intervention.Id}")!;
        Assert.Contains("Withdrawn", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", row.QuerySelectorAll("td").Last().TextContent.Trim());

        var lead = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.TransitionLead));
        var form = await (await lead.GetAsync($"/transition/{transition.Id}/interventions/new")).GetDocumentAsync();
        Assert.Null(form.QuerySelector($"input[name=InterventionId][value='{intervention.Id}']"));
        var errors = await ErrorsAsync(await lead.PostFormAsync($"/transition/{transition.Id}/interventions/new",
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-1), attended: "0")));
        Assert.Equal([$"{intervention.Name} has been withdrawn: select another"], errors);
    }

    [Fact]
    public async Task The_number_enrolled_counts_children_not_enrolments()
    {
        var intervention = await NewInterventionAsync(host, "Extra transition visits");
        var first = await NewPrimaryTransitionAsync(host);
        var second = await NewPrimaryTransitionAsync(host);
        await using (var seed = host.CreateDbContext())
        {
            foreach (var childId in new[] { first.ChildId, first.ChildId, second.ChildId })
            {
                seed.InterventionEnrolments.Add(new InterventionEnrolment
                {
                    ChildId = childId, InterventionId = intervention.Id, Provider = "Hollins Academy", StartDate = TestWorld.Today.AddDays(-40),
                    SessionsPlanned = 2, CreatedByUserId = host.World.Users[Role.LaOfficer].Id, CreatedAtUtc = DateTime.UtcNow,
                });
            }

            await seed.SaveChangesAsync();
        }

        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));
        var list = await (await client.GetAsync("/transition/interventions")).GetDocumentAsync();

        Assert.Equal("2", list.QuerySelector($"#intervention-{intervention.Id}")!.QuerySelectorAll("td").Last().TextContent.Trim());
        var detail = await (await client.GetAsync($"/transition/interventions/{intervention.Id}")).GetDocumentAsync();
        Assert.Equal("2 children have been enrolled on this intervention.", detail.QuerySelector("#enrolled")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_advisory_teacher_reads_the_catalogue_but_cannot_change_it()
    {
        var intervention = await NewInterventionAsync(host, "Nurture group");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AdvisoryTeacher));

        var list = await (await client.GetAsync("/transition/interventions")).GetDocumentAsync();
        var detail = await client.GetAsync($"/transition/interventions/{intervention.Id}");
        var detailDocument = await detail.GetDocumentAsync();
        var newPage = await client.GetAsync("/transition/interventions/new");
        var add = await client.PostFormAsync("/transition/interventions/new", new() { ["Name"] = Unique("Advisory added") }, formPage: "/transition/interventions");
        var change = await client.PostFormAsync($"/transition/interventions/{intervention.Id}",
            new() { ["Name"] = intervention.Name, ["Status"] = "withdrawn" }, formPage: "/transition/interventions");

        Assert.Null(list.QuerySelector("a[href='/transition/interventions/new']"));
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Null(detailDocument.QuerySelector("form[method=post] input[name=Name]"));
        Assert.NotNull(detailDocument.QuerySelector("#details"));
        Assert.Equal(HttpStatusCode.Forbidden, newPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True((await db.Interventions.SingleAsync(i => i.Id == intervention.Id)).IsActive);
        Assert.False(await db.Interventions.AnyAsync(i => i.Name.StartsWith("Advisory added")));
    }

    [Theory]
    [InlineData(Role.TransitionLead)]
    [InlineData(Role.Headteacher)]
    [InlineData(Role.Senco)]
    [InlineData(Role.AttendanceLead)]
    [InlineData(Role.SocialWorker)]
    [InlineData(Role.Analyst)]
    public async Task Other_roles_cannot_open_or_post_to_the_catalogue_pages(Role role)
    {
        var intervention = await NewInterventionAsync(host, "Refused");
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/transition/interventions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/transition/interventions/{intervention.Id}")).StatusCode);
        var post = await client.PostFormAsync($"/transition/interventions/{intervention.Id}", new() { ["Name"] = "Taken over", ["Status"] = "withdrawn" },
            formPage: "/");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal(intervention.Name, (await db.Interventions.SingleAsync(i => i.Id == intervention.Id)).Name);
    }

    [Fact]
    public async Task An_unknown_intervention_is_not_found()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transition/interventions/999999")).StatusCode);
    }

    // Enrolling a child

    [Fact]
    public async Task The_sending_schools_transition_lead_enrols_a_child_with_the_usual_provider()
    {
        var intervention = await NewInterventionAsync(host, "Resilience programme");
        var transition = await NewPrimaryTransitionAsync(host);
        var client = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.TransitionLead));
        var since = DateTime.UtcNow.AddSeconds(-1);
        var start = TestWorld.Today.AddDays(-14);

        var form = await (await client.GetAsync($"/transition/{transition.Id}/interventions/new?intervention={intervention.Id}")).GetDocumentAsync();
        var response = await client.PostFormAsync($"/transition/{transition.Id}/interventions/new",
            Enrolment(intervention.Id, start, planned: "8", attended: "2", before: "18", notes: "Goes on Tuesdays"));

        Assert.Equal("Mind the Gap Trust", form.QuerySelector("#Provider")!.GetAttribute("value"));
        Assert.Contains("Resilience scale (0 to 40)", form.QuerySelector("label[for=ScoreBefore]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/transition/{transition.Id}#interventions", response.Headers.Location!.OriginalString);
        await using var db = host.CreateDbContext();
        var saved = await db.InterventionEnrolments.SingleAsync(e => e.ChildId == transition.ChildId);
        Assert.Equal(intervention.Id, saved.InterventionId);
        Assert.Equal("Mind the Gap Trust", saved.Provider);
        Assert.Equal(start, saved.StartDate);
        Assert.Null(saved.EndDate);
        Assert.Equal(8, saved.SessionsPlanned);
        Assert.Equal(2, saved.SessionsAttended);
        Assert.Equal(18, saved.ScoreBefore);
        Assert.Null(saved.ScoreAfter);
        Assert.Equal("Goes on Tuesdays", saved.Notes);
        Assert.Equal((await StaffedSchoolAsync(host)).Staff[Role.TransitionLead].Id, saved.CreatedByUserId);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.OccurredAtUtc >= since && e.Action == AuditActions.TransitionChanged
            && e.ChildId == transition.ChildId && e.Detail == $"Enrolled on intervention: {intervention.Name}"));

        var overview = await (await client.GetAsync($"/transition/{transition.Id}")).GetDocumentAsync();
        Assert.NotNull(overview.QuerySelector($"#interventions ~ table a[href='/transition/{transition.Id}/interventions/{saved.Id}']"));
    }

    [Fact]
    public async Task A_provider_typed_in_replaces_the_usual_one_and_one_is_needed_when_there_is_no_usual_one()
    {
        var withDefault = await NewInterventionAsync(host, "Mentoring");
        var without = await NewInterventionAsync(host, "Therapeutic support", provider: null);
        var transition = await NewPrimaryTransitionAsync(host);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var missing = await ErrorsAsync(await client.PostFormAsync($"/transition/{transition.Id}/interventions/new",
            Enrolment(without.Id, TestWorld.Today, attended: "0")));
        var typed = await client.PostFormAsync($"/transition/{transition.Id}/interventions/new",
            Enrolment(withDefault.Id, TestWorld.Today, attended: "0", provider: "Big Brothers Big Sisters"));

        Assert.Equal(["Enter the provider"], missing);
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal("Big Brothers Big Sisters", (await db.InterventionEnrolments.SingleAsync(e => e.ChildId == transition.ChildId)).Provider);
    }

    [Fact]
    public async Task Missing_answers_are_each_named()
    {
        var transition = await NewPrimaryTransitionAsync(host);
        var client = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.TransitionLead));

        var errors = await ErrorsAsync(await client.PostFormAsync($"/transition/{transition.Id}/interventions/new", new()
        {
            ["SessionsPlanned"] = "", ["SessionsAttended"] = "",
        }));

        SameErrors(
            [
                "Select an intervention", "Enter the provider", "Enter the start date", "Enter the number of sessions planned",
                "Enter the number of sessions attended, or 0 if none yet",
            ],
            errors);
    }

    [Theory]
    [InlineData("2.5", "3", "", "Sessions planned must be a whole number, like 10")]
    [InlineData("10", "ten", "", "Sessions attended must be a whole number, like 10")]
    [InlineData("10", "3", "12a", "The score before must be a whole number, like 10")]
    [InlineData("1e3", "3", "", "Sessions planned must be a whole number, like 10")]
    [InlineData("1234567", "3", "", "Sessions planned must be 999999 or less")]
    [InlineData("501", "3", "", "Sessions planned must be between 0 and 500")]
    [InlineData("6", "7", "", "Sessions attended cannot be more than the sessions planned")]
    [InlineData("6", "-1", "", "Sessions attended must be 0 or more")]
    public async Task Numbers_must_be_whole_and_sensible(string planned, string attended, string before, string message)
    {
        var intervention = await NewInterventionAsync(host, "Numbers");
        var transition = await NewPrimaryTransitionAsync(host);
        var client = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.TransitionLead));

        var errors = await ErrorsAsync(await client.PostFormAsync($"/transition/{transition.Id}/interventions/new",
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-7), planned, attended, before: before)));

        Assert.Equal([message], errors);
        await using var db = host.CreateDbContext();
        Assert.False(await db.InterventionEnrolments.AnyAsync(e => e.ChildId == transition.ChildId));
    }

    [Fact]
    public async Task The_programmes_rules_on_dates_and_scores_are_applied()
    {
        var intervention = await NewInterventionAsync(host, "Rules");
        var transition = await NewPrimaryTransitionAsync(host);
        var client = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.TransitionLead));
        var path = $"/transition/{transition.Id}/interventions/new";

        var endBeforeStart = await ErrorsAsync(await client.PostFormAsync(path,
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-7), end: TestWorld.Today.AddDays(-8))));
        var afterWithoutEnd = await ErrorsAsync(await client.PostFormAsync(path,
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-7), before: "10", after: "14")));
        var afterWithoutBefore = await ErrorsAsync(await client.PostFormAsync(path,
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-7), end: TestWorld.Today, after: "14")));
        var attendedBeforeStart = await ErrorsAsync(await client.PostFormAsync(path,
            Enrolment(intervention.Id, TestWorld.Today.AddDays(7), attended: "1")));
        var badDate = await ErrorsAsync(await client.PostFormAsync(path, new(Enrolment(intervention.Id, TestWorld.Today))
        {
            ["StartDate.Day"] = "31", ["StartDate.Month"] = "2",
        }));

        Assert.Equal(["The end date must be the same as or after the start date"], endBeforeStart);
        Assert.Equal(["Enter the end date before recording the score after the intervention"], afterWithoutEnd);
        Assert.Equal(["Enter the score before the intervention as well as the score after"], afterWithoutBefore);
        Assert.Equal(["Sessions cannot have been attended before the intervention starts"], attendedBeforeStart);
        Assert.Equal(["The start date must be a real date"], badDate);
        await using var db = host.CreateDbContext();
        Assert.False(await db.InterventionEnrolments.AnyAsync(e => e.ChildId == transition.ChildId));
    }

    [Fact]
    public async Task An_enrolment_is_updated_and_shows_the_change_in_score()
    {
        var intervention = await NewInterventionAsync(host, "Resilience");
        var transition = await NewPrimaryTransitionAsync(host);
        int enrolmentId;
        await using (var seed = host.CreateDbContext())
        {
            var enrolment = new InterventionEnrolment
            {
                ChildId = transition.ChildId, InterventionId = intervention.Id, Provider = "Mind the Gap Trust", StartDate = TestWorld.Today.AddDays(-60),
                SessionsPlanned = 8, SessionsAttended = 3, ScoreBefore = 14, CreatedByUserId = host.World.Users[Role.LaOfficer].Id, CreatedAtUtc = DateTime.UtcNow,
            };
            seed.InterventionEnrolments.Add(enrolment);
            await seed.SaveChangesAsync();
            enrolmentId = enrolment.Id;
        }

        var client = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.Headteacher));
        var since = DateTime.UtcNow.AddSeconds(-1);
        var path = $"/transition/{transition.Id}/interventions/{enrolmentId}";

        var before = await (await client.GetAsync(path)).GetDocumentAsync();
        var response = await client.PostFormAsync(path,
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-60), planned: "8", attended: "7", end: TestWorld.Today, before: "14", after: "20",
                provider: "Mind the Gap Trust"));
        var after = await (await client.GetAsync(path)).GetDocumentAsync();

        Assert.Null(before.QuerySelector("#score-change"));
        Assert.Equal("8", before.QuerySelector("#SessionsPlanned")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("+6", after.QuerySelector("#score-change")!.TextContent.Trim());
        Assert.Contains("Resilience scale (0 to 40)", after.QuerySelector("label[for=ScoreAfter]")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        var saved = await db.InterventionEnrolments.SingleAsync(e => e.Id == enrolmentId);
        var staffHeadteacherId = (await StaffedSchoolAsync(host)).Staff[Role.Headteacher].Id;
        Assert.Equal(7, saved.SessionsAttended);
        Assert.Equal(TestWorld.Today, saved.EndDate);
        Assert.Equal(20, saved.ScoreAfter);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.OccurredAtUtc >= since && e.Action == AuditActions.TransitionChanged
            && e.ChildId == transition.ChildId && e.Detail == $"Intervention enrolment changed: {intervention.Name}"
            && e.UserId == staffHeadteacherId));
    }

    [Fact]
    public async Task A_withdrawn_intervention_stays_chosen_on_its_enrolments()
    {
        var intervention = await NewInterventionAsync(host, "Withdrawn later", active: false);
        var transition = await NewPrimaryTransitionAsync(host);
        int enrolmentId;
        await using (var seed = host.CreateDbContext())
        {
            var enrolment = new InterventionEnrolment
            {
                ChildId = transition.ChildId, InterventionId = intervention.Id, Provider = "Trust", StartDate = TestWorld.Today.AddDays(-60),
                SessionsPlanned = 4, SessionsAttended = 1, CreatedByUserId = host.World.Users[Role.LaOfficer].Id, CreatedAtUtc = DateTime.UtcNow,
            };
            seed.InterventionEnrolments.Add(enrolment);
            await seed.SaveChangesAsync();
            enrolmentId = enrolment.Id;
        }

        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await client.PostFormAsync($"/transition/{transition.Id}/interventions/{enrolmentId}",
            Enrolment(intervention.Id, TestWorld.Today.AddDays(-60), planned: "4", attended: "4", provider: "Trust"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal(4, (await db.InterventionEnrolments.SingleAsync(e => e.Id == enrolmentId)).SessionsAttended);
    }

    [Fact]
    public async Task Another_childs_enrolment_is_not_found_through_this_transition()
    {
        var intervention = await NewInterventionAsync(host, "Elsewhere");
        var mine = await NewPrimaryTransitionAsync(host);
        var other = await NewPrimaryTransitionAsync(host);
        int othersEnrolment;
        await using (var seed = host.CreateDbContext())
        {
            var enrolment = new InterventionEnrolment
            {
                ChildId = other.ChildId, InterventionId = intervention.Id, Provider = "Trust", StartDate = TestWorld.Today.AddDays(-6),
                SessionsPlanned = 4, CreatedByUserId = host.World.Users[Role.LaOfficer].Id, CreatedAtUtc = DateTime.UtcNow,
            };
            seed.InterventionEnrolments.Add(enrolment);
            await seed.SaveChangesAsync();
            othersEnrolment = enrolment.Id;
        }

        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var path = $"/transition/{mine.Id}/interventions/{othersEnrolment}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        var post = await client.PostFormAsync(path, Enrolment(intervention.Id, TestWorld.Today, attended: "0", provider: "Hijack"),
            formPage: $"/transition/{mine.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/transition/{mine.Id}/interventions/999999")).StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal("Trust", (await db.InterventionEnrolments.SingleAsync(e => e.Id == othersEnrolment)).Provider);
    }

    [Fact]
    public async Task The_attendance_lead_reads_an_enrolment_but_cannot_enrol_or_change()
    {
        var intervention = await NewInterventionAsync(host, "Read only");
        var transition = await NewPrimaryTransitionAsync(host);
        int enrolmentId;
        await using (var seed = host.CreateDbContext())
        {
            var enrolment = new InterventionEnrolment
            {
                ChildId = transition.ChildId, InterventionId = intervention.Id, Provider = "Trust", StartDate = TestWorld.Today.AddDays(-30),
                EndDate = TestWorld.Today, SessionsPlanned = 4, SessionsAttended = 4, ScoreBefore = 30, ScoreAfter = 27,
                CreatedByUserId = host.World.Users[Role.LaOfficer].Id, CreatedAtUtc = DateTime.UtcNow,
            };
            seed.InterventionEnrolments.Add(enrolment);
            await seed.SaveChangesAsync();
            enrolmentId = enrolment.Id;
        }

        var client = await host.SignedInClientAsync((await StaffedSchoolAsync(host)).EmailFor(Role.AttendanceLead));
        var since = DateTime.UtcNow.AddSeconds(-1);
        var path = $"/transition/{transition.Id}/interventions/{enrolmentId}";

        var view = await client.GetAsync(path);
        var document = await view.GetDocumentAsync();
        var newPage = await client.GetAsync($"/transition/{transition.Id}/interventions/new");
        var post = await client.PostFormAsync(path, Enrolment(intervention.Id, TestWorld.Today, attended: "0", provider: "Changed"));

        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("-3", document.QuerySelector("#score-change")!.TextContent.Trim());
        Assert.Null(document.QuerySelector("input[name=Provider]"));
        Assert.Equal(HttpStatusCode.Forbidden, newPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Equal("Trust", (await db.InterventionEnrolments.SingleAsync(e => e.Id == enrolmentId)).Provider);
        var staffAttendanceLeadId = (await StaffedSchoolAsync(host)).Staff[Role.AttendanceLead].Id;
        Assert.True(await db.AuditEvents.AnyAsync(e => e.OccurredAtUtc >= since && e.Action == AuditActions.ChildRefused
            && e.ChildId == transition.ChildId && e.UserId == staffAttendanceLeadId));
    }

    [Fact]
    public async Task Staff_outside_the_childs_circle_are_refused_enrolment()
    {
        var intervention = await NewInterventionAsync(host, "Outside");
        var transition = await NewPrimaryTransitionAsync(host);
        var path = $"/transition/{transition.Id}/interventions/new";

        var social = await host.SignedInClientAsync(TestWorld.EmailFor(Role.SocialWorker));
        var secondary = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);
        var otherPrimary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var analyst = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));
        var signedOut = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondary.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPrimary.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await signedOut.GetAsync(path)).StatusCode);
        var post = await social.PostFormAsync(path, Enrolment(intervention.Id, TestWorld.Today, attended: "0"), formPage: "/");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.False(await db.InterventionEnrolments.AnyAsync(e => e.ChildId == transition.ChildId));
    }

    [Fact]
    public async Task The_receiving_school_cannot_enrol_a_child_shared_with_it()
    {
        var client = await host.SignedInClientAsync(host.World.SecondaryTransitionLead.Email!);

        var response = await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/interventions/new");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_child_removed_from_the_programme_is_not_enrolled()
    {
        var intervention = await NewInterventionAsync(host, "Removed child");
        var transition = await NewPrimaryTransitionAsync(host, CohortDecision.Removed);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var page = await (await client.GetAsync($"/transition/{transition.Id}/interventions/new")).GetDocumentAsync();
        var errors = await ErrorsAsync(await client.PostFormAsync($"/transition/{transition.Id}/interventions/new",
            Enrolment(intervention.Id, TestWorld.Today, attended: "0")));

        Assert.NotNull(page.QuerySelector("#why-not"));
        Assert.Equal(["The child was removed from the transition programme, so they cannot be enrolled on an intervention."], errors);
        await using var db = host.CreateDbContext();
        Assert.False(await db.InterventionEnrolments.AnyAsync(e => e.ChildId == transition.ChildId));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InterventionTestsOnSqlite(SqliteHost fixture) : InterventionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class InterventionTestsOnPostgres(PostgresHost fixture) : InterventionTests(fixture.Host);
