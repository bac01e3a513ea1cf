using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.EarlyHelp;

/// <summary>
/// Starting a plan (consent first), recording and withdrawing consent, the family, its contact details, other services and
/// the Lead Professional; with every refusal. Each test makes its own children and plans.
/// </summary>
public abstract class StartAndFamilyTests(WaymarkTestHost host) : IAsyncLifetime
{
    private EarlyHelpWorld World { get; set; } = null!;

    public async Task InitializeAsync() => World = await EarlyHelpData.WorldAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    private Task<HttpClient> SignInAsync(Role role) => host.SignedInClientAsync(World.EmailFor(role));

    private static IEnumerable<KeyValuePair<string, string>> Date(string name, DateOnly date) =>
    [
        new($"{name}.Day", date.Day.ToString(CultureInfo.InvariantCulture)),
        new($"{name}.Month", date.Month.ToString(CultureInfo.InvariantCulture)),
        new($"{name}.Year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    private static List<KeyValuePair<string, string>> StartForm(Guid childId, string share = "agree", DateOnly? consentOn = null, string giver = "Ann Starter",
        string? supportingFamilies = "agree")
    {
        List<KeyValuePair<string, string>> form =
        [
            new("ChildId", childId.ToString()), new("FamilyName", "The Starter family"), new("GiverName", giver), new("GiverRelationship", "Mum"),
            new("ChildRelationship", "Daughter"), new("Share", share), new("Covers", "giver"), new("Covers", "child"),
            new("LeadName", "Lee Lead"), new("LeadAgency", "Larkfield Primary School"), new("LeadPhone", "01234 000111"), new("LeadEmail", "lee@example.org"),
            .. Date("ConsentDate", consentOn ?? Today),
        ];
        if (supportingFamilies is not null)
        {
            form.Add(new("SupportingFamilies", supportingFamilies));
        }

        return form;
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response) =>
        [.. (await response.GetDocumentAsync()).QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];

    private async Task<List<EarlyHelpPlan>> PlansOfAsync(Guid childId)
    {
        await using var db = host.CreateDbContext();
        return await db.EarlyHelpPlans.AsNoTracking().Include(p => p.Members).Include(p => p.Consents).Include(p => p.LeadProfessionals)
            .Where(p => p.Members.Any(m => m.ChildId == childId)).AsSplitQuery().ToListAsync();
    }

    private async Task<EarlyHelpPlan> PlanAsync(Guid id)
    {
        await using var db = host.CreateDbContext();
        return await db.EarlyHelpPlans.AsNoTracking().Include(p => p.Members).Include(p => p.Consents).Include(p => p.LeadProfessionals)
            .AsSplitQuery().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task A_school_user_starts_a_plan_with_consent_first_and_it_is_saved_whole_and_audited()
    {
        var child = await EarlyHelpData.NewPupilAsync(host, World.Primary, "Esme", "Starter");
        var senco = World.Users[Role.Senco];
        var client = await SignInAsync(Role.Senco);

        var record = await (await client.GetAsync($"/children/{child.Id}")).GetDocumentAsync();
        Assert.Equal($"/early-help/new?childId={child.Id}", record.QuerySelector("#start-early-help")?.GetAttribute("href"));

        var form = await (await client.GetAsync($"/early-help/new?childId={child.Id}")).GetDocumentAsync();
        Assert.Equal("The Starter family", form.QuerySelector("#FamilyName")?.GetAttribute("value"));
        Assert.Equal(senco.DisplayName, form.QuerySelector("#LeadName")?.GetAttribute("value"));
        Assert.Equal(World.Primary.Name, form.QuerySelector("#LeadAgency")?.GetAttribute("value"));

        var response = await client.PostFieldsAsync("/early-help/new", StartForm(child.Id), formPage: $"/early-help/new?childId={child.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var plan = Assert.Single(await PlansOfAsync(child.Id));
        Assert.Equal($"/early-help/{plan.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(PlanStage.Assessment, plan.Stage);
        Assert.Equal(World.Primary.Id, plan.LeadSchoolId);
        Assert.Equal(2, plan.Members.Count);
        var mum = plan.Members.Single(m => m.Role == FamilyRole.ParentOrCarer);
        var esme = plan.Members.Single(m => m.ChildId == child.Id);
        Assert.Equal(child.DateOfBirth, esme.DateOfBirth);
        var share = plan.Consents.Single(c => c.Kind == EarlyHelpConsentKind.ShareWithSupporters);
        Assert.True(share.InForce);
        Assert.Equal(mum.Id, share.GivenByMemberId);
        Assert.Equal([mum.Id, esme.Id], share.Covers.Order());
        Assert.True(plan.Consents.Single(c => c.Kind == EarlyHelpConsentKind.SupportingFamilies).Agreed);
        var lead = Assert.Single(plan.LeadProfessionals);
        Assert.Equal((senco.Id, World.Primary.Id, "Completed the plan", "Lee Lead"), (lead.UserId, lead.SchoolId, lead.Reason, lead.Name));

        await using (var db = host.CreateDbContext())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.EarlyHelpChanged && e.ChildId == child.Id && e.Detail!.Contains(plan.Id.ToString())));
        }

        var overview = await (await client.GetAsync($"/early-help/{plan.Id}")).GetDocumentAsync();
        Assert.Contains("The Starter family", overview.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"#member-{esme.Id} a[href='/children/{child.Id}']"));
        var after = await (await client.GetAsync($"/children/{child.Id}")).GetDocumentAsync();
        Assert.NotNull(after.QuerySelector($"#early-help-plans a[href='/early-help/{plan.Id}']"));
        var again = await (await client.GetAsync($"/early-help/new?childId={child.Id}")).GetDocumentAsync();
        Assert.NotNull(again.QuerySelector($"#open-plans a[href='/early-help/{plan.Id}']"));
    }

    [Fact]
    public async Task A_lead_professional_starts_a_plan_for_a_child_on_their_caseload_with_no_school_leading_it()
    {
        var child = await EarlyHelpData.NewPupilAsync(host, World.Secondary, "Kai", "Caseload", age: 13);
        var lp = World.Users[Role.LeadProfessional];
        await using (var db = host.CreateDbContext())
        {
            db.Set<KeyPerson>().Add(new KeyPerson { ChildId = child.Id, Role = KeyPersonRole.LeadProfessional, UserId = lp.Id, StartDate = Today.AddDays(-5) });
            await db.SaveChangesAsync();
        }

        var client = await SignInAsync(Role.LeadProfessional);
        var response = await client.PostFieldsAsync("/early-help/new", StartForm(child.Id, supportingFamilies: "not-agree"), formPage: $"/early-help/new?childId={child.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var plan = Assert.Single(await PlansOfAsync(child.Id));
        Assert.Null(plan.LeadSchoolId);
        Assert.Equal(lp.Id, plan.LeadProfessionals.Single().UserId);
        Assert.False(plan.Consents.Single(c => c.Kind == EarlyHelpConsentKind.SupportingFamilies).Agreed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/early-help/{plan.Id}")).StatusCode);

        // Another school's staff see neither the child nor the plan.
        var other = await host.SignedInClientAsync("secondary.headteacher@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(Role.Headteacher)).GetAsync($"/early-help/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/early-help/{plan.Id}")).StatusCode);
    }

    [Fact]
    public async Task Without_consent_to_share_nothing_is_saved_and_the_page_says_what_to_do_instead()
    {
        var child = await EarlyHelpData.NewPupilAsync(host, World.Primary, "Nora", "Refused");
        var client = await SignInAsync(Role.Senco);
        var response = await client.PostFieldsAsync("/early-help/new", StartForm(child.Id, share: "not-agree"), formPage: $"/early-help/new?childId={child.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.GetDocumentAsync();
        Assert.NotNull(page.QuerySelector("#consent-refused"));
        Assert.Contains("contact MASH", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await PlansOfAsync(child.Id));
        await using var db = host.CreateDbContext();
        Assert.False(await db.FamilyMembers.AnyAsync(m => m.ChildId == child.Id));
    }

    [Fact]
    public async Task A_child_outside_the_users_scope_is_not_found_and_an_analyst_may_not_start_a_plan()
    {
        var child = await EarlyHelpData.NewPupilAsync(host, World.Primary, "Olly", "Outside");
        var other = await host.SignedInClientAsync("secondary.headteacher@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/early-help/new?childId={child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFieldsAsync("/early-help/new", StartForm(child.Id), formPage: "/")).StatusCode);

        var analyst = await SignInAsync(Role.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/early-help/new?childId={child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostFieldsAsync("/early-help/new", StartForm(child.Id), formPage: "/")).StatusCode);
        Assert.Empty(await PlansOfAsync(child.Id));
    }

    [Fact]
    public async Task The_start_form_names_each_problem_and_saves_nothing()
    {
        var child = await EarlyHelpData.NewPupilAsync(host, World.Primary, "Vera", "Valid");
        var client = await SignInAsync(Role.Senco);
        var response = await client.PostFieldsAsync("/early-help/new", StartForm(child.Id, consentOn: Today.AddDays(3), giver: " "),
            formPage: $"/early-help/new?childId={child.Id}");

        var errors = await ErrorsAsync(response);
        Assert.Contains("Enter the name of the parent or carer giving consent", errors);
        Assert.Contains("The date consent was given must be today or in the past", errors);
        Assert.Empty(await PlansOfAsync(child.Id));
    }

    [Fact]
    public async Task Consent_from_a_young_person_needs_them_to_be_12_and_under_16_judged_competent()
    {
        var lead = World.Users[Role.Senco];
        var plan = await EarlyHelpData.NewPlanAsync(host, lead);
        int teen;
        await using (var db = host.CreateDbContext())
        {
            var member = new FamilyMember { PlanId = plan.Id, Name = "Tia Teen", Role = FamilyRole.Child, Relationship = "Daughter", DateOfBirth = Today.AddYears(-14).AddDays(-3), LivesAtHome = true };
            db.FamilyMembers.Add(member);
            await db.SaveChangesAsync();
            teen = member.Id;
        }

        var young = plan.Members.Single(m => m.Role == FamilyRole.Child);
        var client = await SignInAsync(Role.Senco);
        var path = $"/early-help/{plan.Id}/consent";
        List<KeyValuePair<string, string>> Form(int giver, bool competent) =>
        [
            new("Kind", nameof(EarlyHelpConsentKind.SupportingFamilies)), new("Agreed", "agree"), new("GivenBy", giver.ToString(CultureInfo.InvariantCulture)),
            new("Covers", giver.ToString(CultureInfo.InvariantCulture)), .. Date("GivenOn", Today), .. competent ? [new KeyValuePair<string, string>("CompetenceConfirmed", "true")] : Array.Empty<KeyValuePair<string, string>>(),
        ];

        var nine = await ErrorsAsync(await client.PostFieldsAsync(path, Form(young.Id, competent: true)));
        Assert.Contains("Sam Child is 9: a young person can sign their own consent from 12, so a parent or carer must give it", nine);
        var fourteen = await ErrorsAsync(await client.PostFieldsAsync(path, Form(teen, competent: false)));
        Assert.Contains("Tia Teen is 14: confirm that they understand what they are agreeing to (competence), or ask a parent or carer", fourteen);
        var missing = await ErrorsAsync(await client.PostFieldsAsync(path, [new("Kind", "ShareWithSupporters"), new("Agreed", "agree"), .. Date("GivenOn", Today.AddDays(1))]));
        Assert.Contains("Select who gave consent", missing);
        Assert.Contains("The date consent was given must be today or in the past", missing);
        Assert.Single((await PlanAsync(plan.Id)).Consents);

        var ok = await client.PostFieldsAsync(path, Form(teen, competent: true));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var consent = (await PlanAsync(plan.Id)).Consents.Single(c => c.Kind == EarlyHelpConsentKind.SupportingFamilies);
        Assert.Equal((teen, true, true), (consent.GivenByMemberId, consent.CompetenceConfirmed, consent.InForce));

        // A contributor or another school may not record consent.
        var other = await host.SignedInClientAsync("secondary.headteacher@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Withdrawing_the_only_consent_to_share_closes_the_plan_and_blocks_further_changes()
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, World.Users[Role.Senco], stage: PlanStage.Active);
        var consent = plan.Consents.Count > 0 ? plan.Consents[0] : (await PlanAsync(plan.Id)).Consents.Single();
        var client = await SignInAsync(Role.Senco);
        var path = $"/early-help/{plan.Id}/consent/{consent.Id}/withdraw";

        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.NotNull(page.QuerySelector("#closes-plan"));
        Assert.Contains("no further information will be shared", page.QuerySelector("#closes-plan")!.TextContent, StringComparison.Ordinal);

        var future = await ErrorsAsync(await client.PostFieldsAsync(path, [.. Date("WithdrawnOn", Today.AddDays(2))]));
        Assert.Contains("The date consent was withdrawn must be today or in the past", future);

        var response = await client.PostFieldsAsync(path, [.. Date("WithdrawnOn", Today), new("Note", "Mum phoned"), new("ConcernsRisen", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var closed = await PlanAsync(plan.Id);
        Assert.Equal((PlanStage.Closed, ClosureReason.ConsentWithdrawn, (DateOnly?)null), (closed.Stage, closed.ClosureReason, closed.ReviewDueOn));
        Assert.NotNull(closed.ClosedOn);
        var withdrawn = closed.Consents.Single();
        Assert.Equal(Today, withdrawn.WithdrawnOn);
        Assert.Equal("Concerns have risen: I will contact MASH. Mum phoned", withdrawn.WithdrawnNote);

        var contact = await client.GetAsync($"/early-help/{plan.Id}/contact");
        Assert.Equal(HttpStatusCode.Forbidden, contact.StatusCode);
        Assert.NotNull((await contact.GetDocumentAsync()).QuerySelector("#cannot-edit"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFieldsAsync($"/early-help/{plan.Id}/contact", [new("Address", "2 Changed Road")], formPage: "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFieldsAsync($"/early-help/{plan.Id}/family/new", [new("Name", "Late Member")], formPage: "/")).StatusCode);
        var after = await PlanAsync(plan.Id);
        Assert.Equal("1 Test Street", after.Address);
        Assert.Equal(2, after.Members.Count);
    }

    [Fact]
    public async Task A_contributing_school_reads_the_plan_but_may_not_change_its_family_and_an_analyst_cannot_see_it()
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, World.Users[Role.LeadProfessional], stage: PlanStage.Active);
        await using (var db = host.CreateDbContext())
        {
            var action = await db.EarlyHelpActions.FirstAsync(a => a.PlanId == plan.Id);
            action.ResponsibleSchoolId = World.Primary.Id;
            await db.SaveChangesAsync();
        }

        var senco = await SignInAsync(Role.Senco);
        var overview = await senco.GetAsync($"/early-help/{plan.Id}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var page = await overview.GetDocumentAsync();
        Assert.Null(page.QuerySelector("#add-member"));
        Assert.Null(page.QuerySelector("#record-consent"));
        foreach (var path in new[] { "contact", "family/new", "consent", "services/new", "lead-professional" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await senco.GetAsync($"/early-help/{plan.Id}/{path}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await senco.PostFieldsAsync($"/early-help/{plan.Id}/contact", [new("Address", "Not ours")], formPage: "/")).StatusCode);
        var analyst = await SignInAsync(Role.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/early-help/{plan.Id}/contact")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostFieldsAsync($"/early-help/{plan.Id}/contact", [new("Address", "Not ours")], formPage: "/")).StatusCode);
        Assert.Equal("1 Test Street", (await PlanAsync(plan.Id)).Address);
    }

    [Fact]
    public async Task Withdrawing_supporting_families_consent_leaves_the_plan_open()
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, World.Users[Role.Senco]);
        int id;
        await using (var db = host.CreateDbContext())
        {
            var parent = await db.FamilyMembers.FirstAsync(m => m.PlanId == plan.Id && m.Role == FamilyRole.ParentOrCarer);
            var sf = new EarlyHelpConsent
            {
                PlanId = plan.Id, Kind = EarlyHelpConsentKind.SupportingFamilies, Agreed = true, GivenByMemberId = parent.Id, GivenOn = Today.AddDays(-3),
                CoversMemberIds = parent.Id.ToString(CultureInfo.InvariantCulture), RecordedByUserId = World.Users[Role.Senco].Id, RecordedAtUtc = DateTime.UtcNow,
            };
            db.EarlyHelpConsents.Add(sf);
            await db.SaveChangesAsync();
            id = sf.Id;
        }

        var client = await SignInAsync(Role.Senco);
        var path = $"/early-help/{plan.Id}/consent/{id}/withdraw";
        Assert.Null((await (await client.GetAsync(path)).GetDocumentAsync()).QuerySelector("#closes-plan"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync(path, [.. Date("WithdrawnOn", Today)])).StatusCode);

        var after = await PlanAsync(plan.Id);
        Assert.Equal(PlanStage.Assessment, after.Stage);
        Assert.Null(after.ClosedOn);
        Assert.False(after.Consents.Single(c => c.Id == id).InForce);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/early-help/{plan.Id}/contact")).StatusCode);
    }

    [Fact]
    public async Task Family_members_are_added_and_changed_with_an_unborn_baby_and_a_link_by_upn_to_a_visible_record_only()
    {
        var firstChild = await EarlyHelpData.NewPupilAsync(host, World.Primary, "First", "Family");
        var plan = await EarlyHelpData.NewPlanAsync(host, World.Users[Role.Senco], firstChild);
        var sibling = await EarlyHelpData.NewPupilAsync(host, World.Primary, "Sib", "Family", age: 6);
        var hidden = await EarlyHelpData.NewPupilAsync(host, World.Secondary, "Hidden", "Family", age: 12);
        var client = await SignInAsync(Role.Senco);
        var newPath = $"/early-help/{plan.Id}/family/new";

        var due = Today.AddDays(60);
        var unborn = await client.PostFieldsAsync(newPath,
        [
            new("Name", "Unborn baby of Pat Parent"), new("Role", "Child"), new("Relationship", "Son"), new("Unborn", "true"), new("LivesAtHome", "yes"), .. Date("ExpectedOn", due),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, unborn.StatusCode);
        var baby = (await PlanAsync(plan.Id)).Members.Single(m => m.Unborn);
        Assert.Equal((due, FamilyRole.Child, false), (baby.DateOfBirth!.Value, baby.Role, baby.IsAssessed));

        List<KeyValuePair<string, string>> Sibling(string upn) =>
            [new("Name", "Sib Family"), new("Role", "Child"), new("Relationship", "Son"), new("LivesAtHome", "yes"), new("Upn", upn), .. Date("DateOfBirth", sibling.DateOfBirth)];

        // Not visible and not existing read the same, so the form says nothing about records the user may not see.
        var notVisible = await ErrorsAsync(await client.PostFieldsAsync(newPath, Sibling(hidden.Upn!)));
        Assert.Contains($"There is no child record you can see with UPN {hidden.Upn}. Check the UPN, or leave it blank", notVisible);
        var unknownUpn = Upn.Create(823, 2001, Today.Year - 7, 999);
        var unknown = await ErrorsAsync(await client.PostFieldsAsync(newPath, Sibling(unknownUpn)));
        Assert.Contains($"There is no child record you can see with UPN {unknownUpn}. Check the UPN, or leave it blank", unknown);
        var bad = await ErrorsAsync(await client.PostFieldsAsync(newPath, Sibling("A12345678901")));
        Assert.Contains("UPN must be 13 characters (this one has 12)", bad);
        Assert.Equal(3, (await PlanAsync(plan.Id)).Members.Count);

        var added = await client.PostFieldsAsync(newPath, Sibling(sibling.Upn!.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var member = (await PlanAsync(plan.Id)).Members.Single(m => m.ChildId == sibling.Id);

        // Change: the form shows the linked UPN; unlinking by clearing it.
        var edit = await (await client.GetAsync($"/early-help/{plan.Id}/family/{member.Id}")).GetDocumentAsync();
        Assert.Equal(sibling.Upn, edit.QuerySelector("#Upn")?.GetAttribute("value"));
        var changed = await client.PostFieldsAsync($"/early-help/{plan.Id}/family/{member.Id}",
            [new("Name", "Sibling Family"), new("Role", "Child"), new("Relationship", "Brother"), new("LivesAtHome", "no"), new("Gender", "Male"), new("Upn", sibling.Upn!)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = (await PlanAsync(plan.Id)).Members.Single(m => m.Id == member.Id);
        Assert.Equal(("Sibling Family", "Brother", false, "Male", sibling.Id), (after.Name, after.Relationship, after.LivesAtHome, after.Gender, after.ChildId!.Value));

        // Every change is audited against each child of the family with a record.
        await using var db = host.CreateDbContext();
        var audited = await db.AuditEvents.Where(e => e.Action == AuditActions.EarlyHelpChanged && e.Detail!.Contains(plan.Id.ToString()) && e.Detail.Contains("Sibling Family"))
            .Select(e => e.ChildId).ToListAsync();
        Assert.Contains(firstChild.Id, audited);
        Assert.Contains(sibling.Id, audited);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/early-help/{plan.Id}/family/999999")).StatusCode);
    }

    [Fact]
    public async Task Contact_details_and_other_services_are_recorded_and_shown_on_the_plan()
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, World.Users[Role.Senco]);
        var client = await SignInAsync(Role.Senco);
        var badEmail = await ErrorsAsync(await client.PostFieldsAsync($"/early-help/{plan.Id}/contact",
            [new("Address", "3 New Road"), new("Email", "not-an-email")]));
        Assert.Contains("Enter the family's email address in the correct format, like name@example.org", badEmail);
        Assert.Equal("1 Test Street", (await PlanAsync(plan.Id)).Address);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync($"/early-help/{plan.Id}/contact",
            [new("Address", "3 New Road"), new("Phone", "07700 900000"), new("UsefulInformation", "Needs a Polish interpreter")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync($"/early-help/{plan.Id}/services/new",
            [new("Service", "Health visiting"), new("Contact", "Jo Brown, 01234 567890"), new("WhoAndHow", "Mum and baby, weekly visits")])).StatusCode);
        var missing = await ErrorsAsync(await client.PostFieldsAsync($"/early-help/{plan.Id}/services/new", [new("Service", "CAMHS")]));
        Assert.Contains("Enter who in the family the service supports, and how", missing);

        var overview = await (await client.GetAsync($"/early-help/{plan.Id}")).GetDocumentAsync();
        Assert.Equal("3 New Road", overview.QuerySelector("#family-address")?.TextContent.Trim());
        Assert.Equal("Needs a Polish interpreter", overview.QuerySelector("#useful-information")?.TextContent.Trim());
        Assert.Contains("Health visiting", overview.QuerySelector("#other-services")!.TextContent, StringComparison.Ordinal);

        await using (var db = host.CreateDbContext())
        {
            var service = await db.Set<OtherService>().SingleAsync(x => x.PlanId == plan.Id);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFieldsAsync($"/early-help/{plan.Id}/services/new?handler=remove",
                [new("serviceId", service.Id.ToString(CultureInfo.InvariantCulture))], formPage: $"/early-help/{plan.Id}")).StatusCode);
        }

        await using var again = host.CreateDbContext();
        Assert.False(await again.Set<OtherService>().AnyAsync(x => x.PlanId == plan.Id));
    }

    [Fact]
    public async Task Changing_the_lead_professional_keeps_the_history_and_moves_who_sees_the_plan()
    {
        var child = await EarlyHelpData.NewPupilAsync(host, World.Primary, "Lulu", "Moved");
        var lp = World.Users[Role.LeadProfessional];
        var plan = await EarlyHelpData.NewPlanAsync(host, lp, child);
        var oldLead = await SignInAsync(Role.LeadProfessional);
        var senco = await SignInAsync(Role.Senco);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/early-help/{plan.Id}")).StatusCode);
        var path = $"/early-help/{plan.Id}/lead-professional";

        var unknown = await ErrorsAsync(await oldLead.PostFieldsAsync(path,
            [new("Who", "user"), new("UserEmail", TestWorld.EmailFor(Role.Analyst)), new("Reason", "Chosen with the family"), .. Date("StartedOn", Today)]));
        Assert.Contains($"There is no active Waymark user who can lead plans with the email address {TestWorld.EmailFor(Role.Analyst)}. Check it, or record someone without an account", unknown);
        Assert.Single((await PlanAsync(plan.Id)).LeadProfessionals);

        var response = await oldLead.PostFieldsAsync(path,
            [new("Who", "user"), new("UserEmail", World.EmailFor(Role.Senco).ToUpperInvariant()), new("Reason", "Chosen with the family at the review"), .. Date("StartedOn", Today)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/early-help", response.Headers.Location?.OriginalString);

        var after = await PlanAsync(plan.Id);
        Assert.Equal(World.Primary.Id, after.LeadSchoolId);
        var spells = after.LeadProfessionals.OrderBy(l => l.Id).ToList();
        Assert.Equal(2, spells.Count);
        Assert.Equal(Today.AddDays(-1), spells[0].EndedOn);
        Assert.Equal((World.Users[Role.Senco].Id, Today, (DateOnly?)null, "Chosen with the family at the review"), (spells[1].UserId, spells[1].StartedOn, spells[1].EndedOn, spells[1].Reason));

        Assert.Equal(HttpStatusCode.NotFound, (await oldLead.GetAsync($"/early-help/{plan.Id}")).StatusCode);
        var overview = await senco.GetAsync($"/early-help/{plan.Id}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains(lp.DisplayName, (await overview.GetDocumentAsync()).QuerySelector("#lead-history")!.TextContent, StringComparison.Ordinal);

        // Someone without an account: recorded by name, and no school leads the plan any more.
        var byName = await senco.PostFieldsAsync(path,
            [new("Who", "other"), new("Name", "Kim External"), new("Agency", "Family Hub"), new("Email", "kim@example.org"), new("Reason", "Family moved to the hub"), .. Date("StartedOn", Today)]);
        Assert.Equal(HttpStatusCode.Redirect, byName.StatusCode);
        var last = await PlanAsync(plan.Id);
        Assert.Null(last.LeadSchoolId);
        Assert.Equal(("Kim External", (string?)null), (last.CurrentLeadProfessional!.Name, last.CurrentLeadProfessional.UserId));
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/early-help/{plan.Id}")).StatusCode);

        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.EarlyHelpChanged && e.ChildId == child.Id && e.Detail!.Contains("Lead Professional changed")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StartAndFamilyTestsOnSqlite(SqliteHost fixture) : StartAndFamilyTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class StartAndFamilyTestsOnPostgres(PostgresHost fixture) : StartAndFamilyTests(fixture.Host);
