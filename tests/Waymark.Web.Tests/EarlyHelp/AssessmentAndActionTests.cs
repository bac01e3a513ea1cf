using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.EarlyHelp;

public abstract class AssessmentAndActionTests(WaymarkTestHost host)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private WaymarkUser Lead => host.World.Users[Role.Senco];

    private static Dictionary<string, string> DateFields(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(), [$"{name}.Month"] = d.Month.ToString(), [$"{name}.Year"] = d.Year.ToString(),
    };

    /// <summary>A whole, valid self-assessment: Education 3, Pregnancy &amp; Early Years not applicable, the rest 7.</summary>
    private static Dictionary<string, string> ValidAssessment(Action<Dictionary<string, string>>? change = null)
    {
        var fields = DateFields("AssessedOn", TestWorld.Today);
        for (var i = 0; i < AspectsOfLife.All.Count; i++)
        {
            var aspect = AspectsOfLife.All[i];
            if (aspect == AspectOfLife.PregnancyAndEarlyYears)
            {
                fields[$"Answers[{i}].NotApplicable"] = "true";
                fields[$"Answers[{i}].NotApplicableReason"] = "No children under five";
            }
            else
            {
                fields[$"Answers[{i}].Score"] = aspect == AspectOfLife.Education ? "3" : "7";
            }

            fields[$"Answers[{i}].WorkingWell"] = $"Working well on {AspectsOfLife.DisplayName(aspect)}";
        }

        fields["PractitionerView"] = "agree";
        change?.Invoke(fields);
        return fields;
    }

    private static int Index(AspectOfLife aspect) => AspectsOfLife.All.ToList().IndexOf(aspect);

    private async Task<(EarlyHelpPlan Plan, FamilyMember Parent, FamilyMember Child)> NewPlanAsync(PlanStage stage = PlanStage.Assessment)
    {
        var plan = await EarlyHelpData.NewPlanAsync(host, Lead, stage: stage);
        return (plan, plan.Members.Single(m => m.Role == FamilyRole.ParentOrCarer), plan.Members.Single(m => m.Role == FamilyRole.Child));
    }

    private async Task<int> AssessmentCountAsync(Guid planId)
    {
        await using var db = host.CreateDbContext();
        return await db.SelfAssessments.CountAsync(s => s.PlanId == planId);
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string path, Dictionary<string, string> fields,
        (string Name, byte[] Content)? file)
    {
        var page = await client.GetAsync(path);
        var token = (await page.GetDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Worksheet", f.Name);
        }

        return await client.PostAsync(path, content);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    public async Task A_score_off_the_scale_is_refused_naming_the_aspect_and_nothing_is_saved(string score)
    {
        var (plan, parent, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);

        var response = await client.PostFormAsync($"/early-help/{plan.Id}/assessment/{parent.Id}",
            ValidAssessment(f => f[$"Answers[{Index(AspectOfLife.Safety)}].Score"] = score));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.GetDocumentAsync();
        Assert.Equal("The score for Safety must be from 0 (really worried) to 10 (all is well)", doc.QuerySelector("a[href='#safety-score']")?.TextContent);
        Assert.Equal(0, await AssessmentCountAsync(plan.Id));
    }

    [Fact]
    public async Task Every_problem_is_shown_at_once_against_its_own_field_and_nothing_is_saved()
    {
        var (plan, parent, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);

        var response = await client.PostFormAsync($"/early-help/{plan.Id}/assessment/{parent.Id}", ValidAssessment(f =>
        {
            f[$"Answers[{Index(AspectOfLife.Safety)}].NotApplicable"] = "true";
            f[$"Answers[{Index(AspectOfLife.Safety)}].Score"] = "";
            f[$"Answers[{Index(AspectOfLife.PregnancyAndEarlyYears)}].NotApplicableReason"] = " ";
            f[$"Answers[{Index(AspectOfLife.Education)}].Score"] = "";
            f["PractitionerView"] = "disagree";
        }));

        var doc = await response.GetDocumentAsync();
        var errors = doc.QuerySelectorAll(".govuk-error-summary__list a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.StartsWith("Safety cannot be marked not applicable", errors["#safety-score"], StringComparison.Ordinal);
        Assert.Equal("Say why Pregnancy & Early Years is not applicable to this person", errors["#pregnancy-and-early-years-na-reason"]);
        Assert.Equal("Give a score from 0 to 10 for Education", errors["#education-score"]);
        Assert.Equal("Give your reasons for disagreeing with the self-assessment", errors["#PractitionerReasons"]);
        Assert.NotNull(doc.QuerySelector("#safety-score"));
        Assert.NotNull(doc.QuerySelector("#pregnancy-and-early-years-na-reason"));
        Assert.Equal(0, await AssessmentCountAsync(plan.Id));
    }

    [Fact]
    public async Task A_valid_self_assessment_saves_and_re_saving_updates_the_same_one()
    {
        var (plan, parent, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);
        var path = $"/early-help/{plan.Id}/assessment/{parent.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(path, ValidAssessment())).StatusCode);
        var again = await client.PostFormAsync(path, ValidAssessment(f =>
        {
            f[$"Answers[{Index(AspectOfLife.Education)}].Score"] = "5";
            f["PractitionerView"] = "disagree";
            f["PractitionerReasons"] = "School reports more lateness than Mum describes";
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        await using var db = host.CreateDbContext();
        var saved = await db.SelfAssessments.Include(s => s.Scores).SingleAsync(s => s.PlanId == plan.Id);
        Assert.Equal(parent.Id, saved.MemberId);
        Assert.Null(saved.ReviewId);
        Assert.False(saved.PractitionerAgrees);
        Assert.Equal("School reports more lateness than Mum describes", saved.PractitionerReasons);
        Assert.Equal(10, saved.Scores.Count);
        Assert.Equal(5, saved.Scores.Single(s => s.Aspect == AspectOfLife.Education).Score);
        var early = saved.Scores.Single(s => s.Aspect == AspectOfLife.PregnancyAndEarlyYears);
        Assert.Null(early.Score);
        Assert.Equal("No children under five", early.NotApplicableReason);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.EarlyHelpChanged && e.Detail!.Contains($"{plan.Id}: self-assessment updated")));

        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        Assert.Equal("5", page.QuerySelector("#education-score option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Someone_not_assessed_or_of_another_plan_is_not_found()
    {
        var (plan, _, _) = await NewPlanAsync();
        var (other, otherParent, _) = await NewPlanAsync();
        int grandparent;
        await using (var db = host.CreateDbContext())
        {
            var member = new FamilyMember { PlanId = plan.Id, Name = "Gran", Role = FamilyRole.OtherSignificantPerson, Relationship = "Grandmother" };
            db.FamilyMembers.Add(member);
            await db.SaveChangesAsync();
            grandparent = member.Id;
        }

        var client = await host.SignedInClientAsync(Lead.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/early-help/{plan.Id}/assessment/{grandparent}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/early-help/{plan.Id}/assessment/{otherParent.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/early-help/{other.Id}/assessment/{otherParent.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_childs_worksheet_is_checked_by_its_bytes_and_size_and_downloads_only_within_the_plans_scope()
    {
        var (plan, _, child) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);
        var path = $"/early-help/{plan.Id}/assessment/{child.Id}";
        var fields = ValidAssessment(f => f["InTheirOwnWords"] = "I like drawing at school");

        var renamed = await PostMultipartAsync(client, path, fields, ("worksheet.png", "MZ this is really a program"u8.ToArray()));
        Assert.Equal("The worksheet must be a PDF, PNG or JPEG", (await renamed.GetDocumentAsync()).QuerySelector("a[href='#Worksheet']")?.TextContent);
        var mismatched = await PostMultipartAsync(client, path, fields, ("worksheet.pdf", Png));
        Assert.Contains("does not match", (await mismatched.GetDocumentAsync()).QuerySelector("a[href='#Worksheet']")?.TextContent, StringComparison.Ordinal);
        var tooBig = new byte[EarlyHelpLimits.AttachmentBytes + 1];
        Png.CopyTo(tooBig, 0);
        var large = await PostMultipartAsync(client, path, fields, ("big.png", tooBig));
        Assert.Equal("The worksheet must be smaller than 5MB", (await large.GetDocumentAsync()).QuerySelector("a[href='#Worksheet']")?.TextContent);
        Assert.Equal(0, await AssessmentCountAsync(plan.Id));

        var saved = await PostMultipartAsync(client, path, fields, ("my worksheet.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        int attachmentId;
        await using (var db = host.CreateDbContext())
        {
            var assessment = await db.SelfAssessments.Include(s => s.Attachments).SingleAsync(s => s.PlanId == plan.Id);
            Assert.Equal("I like drawing at school", assessment.InTheirOwnWords);
            var attachment = Assert.Single(assessment.Attachments);
            Assert.Equal("image/png", attachment.ContentType);
            attachmentId = attachment.Id;
        }

        var download = await client.GetAsync($"/early-help/{plan.Id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());

        var (other, _, _) = await NewPlanAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/early-help/{other.Id}/attachments/{attachmentId}")).StatusCode);
        var outsider = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/early-help/{plan.Id}/attachments/{attachmentId}")).StatusCode);

        await using var check = host.CreateDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.EarlyHelpPlanDownloaded && e.Detail!.Contains($"worksheet {attachmentId}")));
    }

    private static Dictionary<string, string> ValidAction(string readiness = "3", string? email = null)
    {
        var fields = DateFields("ByWhen", TestWorld.Today.AddDays(21));
        fields["Aspect"] = "education";
        fields["What"] = "Walk Sam to school with a neighbour";
        fields["Who"] = "Mum and the family support worker";
        fields["HopedDifference"] = "Sam arrives before the bell";
        fields["Readiness"] = readiness;
        if (email is not null)
        {
            fields["ResponsibleEmail"] = email;
        }

        return fields;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    public async Task Readiness_off_the_scale_is_refused(string readiness)
    {
        var (plan, _, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);

        var response = await client.PostFormAsync($"/early-help/{plan.Id}/actions/new", ValidAction(readiness));

        Assert.Equal("Readiness to change must be from 1 (not ready for changes yet) to 5 (keeping things going well)",
            (await response.GetDocumentAsync()).QuerySelector("a[href='#Readiness']")?.TextContent);
        await using var db = host.CreateDbContext();
        Assert.False(await db.EarlyHelpActions.AnyAsync(a => a.PlanId == plan.Id));
    }

    [Fact]
    public async Task A_new_action_cannot_be_due_in_the_past()
    {
        var (plan, _, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);
        var fields = ValidAction();
        foreach (var (k, v) in DateFields("ByWhen", TestWorld.Today.AddDays(-1)))
        {
            fields[k] = v;
        }

        var response = await client.PostFormAsync($"/early-help/{plan.Id}/actions/new", fields);
        Assert.Equal("The date it will be done by must be today or in the future", (await response.GetDocumentAsync()).QuerySelector("a[href='#ByWhen']")?.TextContent);
    }

    [Fact]
    public async Task Suggested_goals_come_from_the_lowest_scores_first()
    {
        var (plan, parent, child) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);
        await client.PostFormAsync($"/early-help/{plan.Id}/assessment/{parent.Id}", ValidAssessment(f =>
        {
            f[$"Answers[{Index(AspectOfLife.Safety)}].Score"] = "2";
            f[$"Answers[{Index(AspectOfLife.FamilyLife)}].Score"] = "10";
        }));
        await client.PostFormAsync($"/early-help/{plan.Id}/assessment/{child.Id}", ValidAssessment(f =>
        {
            f[$"Answers[{Index(AspectOfLife.FamilyLife)}].Score"] = "4";
            f[$"Answers[{Index(AspectOfLife.Education)}].Score"] = "6";
        }));

        var page = await (await client.GetAsync($"/early-help/{plan.Id}/actions/new")).GetDocumentAsync();
        var items = page.QuerySelectorAll("#suggested-goals li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal("Suggested: Safety (lowest score 2)", items[0]);
        Assert.Equal("Suggested: Education (lowest score 3)", items[1]);
        Assert.Equal("Suggested: Family Life (lowest score 4)", items[2]);
        Assert.Equal(9, items.Count); // every aspect scored below 10 by someone; Pregnancy & Early Years not applicable
        Assert.Equal($"/early-help/{plan.Id}/actions/new?aspect=safety", page.QuerySelector("#suggested-goals a")?.GetAttribute("href"));

        var preselected = await (await client.GetAsync($"/early-help/{plan.Id}/actions/new?aspect=safety")).GetDocumentAsync();
        Assert.Equal("safety", preselected.QuerySelector("#Aspect option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_action_plan_shows_every_aspect_and_a_named_user_becomes_a_contributor_who_can_view_but_not_change()
    {
        var (plan, parent, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);
        var contributor = host.World.Users[Role.LeadProfessional];

        var added = await client.PostFormAsync($"/early-help/{plan.Id}/actions/new", ValidAction(email: contributor.Email!.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var action = await db.EarlyHelpActions.SingleAsync(a => a.PlanId == plan.Id);
            Assert.Equal(contributor.Id, action.ResponsibleUserId);
            Assert.Equal(contributor.SchoolId, action.ResponsibleSchoolId);
            Assert.Equal(3, action.Readiness);
        }

        var overview = await (await client.GetAsync($"/early-help/{plan.Id}")).GetDocumentAsync();
        var actionPlan = overview.QuerySelector("#action-plan")!.TextContent;
        Assert.Contains("Walk Sam to school with a neighbour", actionPlan, StringComparison.Ordinal);
        Assert.Equal(9, overview.QuerySelectorAll("#action-plan p").Count(p => p.TextContent.Contains("No action needed at this stage", StringComparison.Ordinal)));

        var theirs = await host.SignedInClientAsync(contributor.Email!);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync($"/early-help/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync($"/early-help/{plan.Id}/print")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await theirs.GetAsync($"/early-help/{plan.Id}/actions/new")).StatusCode);
        // With their own anti-forgery token (the sign-out form's), so the refusal is the plan's, not the token's.
        Assert.Equal(HttpStatusCode.Forbidden, (await theirs.PostFormAsync($"/early-help/{plan.Id}/agree", DateFields("AgreedOn", TestWorld.Today), $"/early-help/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await theirs.PostFormAsync($"/early-help/{plan.Id}/assessment/{parent.Id}", ValidAssessment(), $"/early-help/{plan.Id}")).StatusCode);
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(PlanStage.Assessment, (await db.EarlyHelpPlans.SingleAsync(p => p.Id == plan.Id)).Stage);
            Assert.False(await db.SelfAssessments.AnyAsync(s => s.PlanId == plan.Id));
        }

        var outsider = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/early-help/{plan.Id}/actions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/early-help/{plan.Id}/pdf")).StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).GetDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task An_unknown_email_for_who_will_do_it_is_refused()
    {
        var (plan, _, _) = await NewPlanAsync();
        var client = await host.SignedInClientAsync(Lead.Email!);

        var response = await client.PostFormAsync($"/early-help/{plan.Id}/actions/new", ValidAction(email: "nobody@nowhere.example"));

        Assert.Contains("nobody@nowhere.example", (await response.GetDocumentAsync()).QuerySelector("a[href='#ResponsibleEmail']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_is_agreed_only_once_it_is_whole_and_a_review_falls_due_six_weeks_on()
    {
        var (plan, parent, child) = await NewPlanAsync();
        await using (var db = host.CreateDbContext())
        {
            await db.EarlyHelpPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Tier, (TierOfNeed?)null));
        }

        var client = await host.SignedInClientAsync(Lead.Email!);
        var path = $"/early-help/{plan.Id}/agree";
        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        var missing = page.QuerySelector("#cannot-agree")!.TextContent;
        Assert.Contains("Record Pat Parent's self-assessment.", missing, StringComparison.Ordinal);
        Assert.Contains($"Record {child.Name}'s self-assessment.", missing, StringComparison.Ordinal);
        Assert.Contains("Record the tier of need.", missing, StringComparison.Ordinal);
        Assert.Contains("Add at least one action", missing, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#AgreedOn"));

        await client.PostFormAsync($"/early-help/{plan.Id}/assessment/{parent.Id}", ValidAssessment());
        await client.PostFormAsync($"/early-help/{plan.Id}/assessment/{child.Id}", ValidAssessment());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/early-help/{plan.Id}/tier?handler=Tier", new() { ["Tier"] = "Tier2" }, $"/early-help/{plan.Id}/tier")).StatusCode);
        var stillMissing = (await (await client.GetAsync(path)).GetDocumentAsync()).QuerySelector("#cannot-agree")!.TextContent;
        Assert.DoesNotContain("self-assessment", stillMissing, StringComparison.Ordinal);
        Assert.DoesNotContain("tier", stillMissing, StringComparison.Ordinal);
        Assert.Contains("Add at least one action", stillMissing, StringComparison.Ordinal);

        await client.PostFormAsync($"/early-help/{plan.Id}/actions/new", ValidAction());
        var future = await client.PostFormAsync(path, DateFields("AgreedOn", TestWorld.Today.AddDays(1)));
        Assert.Equal("The date the plan was agreed must be today or in the past", (await future.GetDocumentAsync()).QuerySelector("a[href='#AgreedOn']")?.TextContent);
        var beforeConsent = await client.PostFormAsync(path, DateFields("AgreedOn", TestWorld.Today.AddDays(-100)));
        Assert.StartsWith("The date the plan was agreed must be on or after consent was given", (await beforeConsent.GetDocumentAsync()).QuerySelector("a[href='#AgreedOn']")?.TextContent, StringComparison.Ordinal);

        var agreedOn = TestWorld.Today.AddDays(-2);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(path, DateFields("AgreedOn", agreedOn))).StatusCode);
        await using var check = host.CreateDbContext();
        var saved = await check.EarlyHelpPlans.SingleAsync(p => p.Id == plan.Id);
        Assert.Equal(PlanStage.Active, saved.Stage);
        Assert.Equal(agreedOn, saved.AgreedOn);
        Assert.Equal(agreedOn.AddDays(42), saved.ReviewDueOn);
    }

    [Fact]
    public async Task Tier_3_waits_with_MASH_and_the_plan_continues_or_steps_up()
    {
        var client = await host.SignedInClientAsync(Lead.Email!);
        var (plan, _, _) = await NewPlanAsync();
        var tier = $"/early-help/{plan.Id}/tier";

        var noDate = await client.PostFormAsync($"{tier}?handler=Tier", new() { ["Tier"] = "Tier3" }, tier);
        Assert.Equal("Enter the date the contact form was sent to MASH", (await noDate.GetDocumentAsync()).QuerySelector("a[href='#ContactOn']")?.TextContent);

        var sent = TestWorld.Today.AddDays(-3);
        var toMash = await client.PostFormAsync($"{tier}?handler=Tier", new(DateFields("ContactOn", sent)) { ["Tier"] = "Tier3" }, tier);
        Assert.Equal(HttpStatusCode.Redirect, toMash.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var p = await db.EarlyHelpPlans.SingleAsync(x => x.Id == plan.Id);
            Assert.Equal((PlanStage.WithMash, TierOfNeed.Tier3, sent), (p.Stage, p.Tier!.Value, p.MashContactOn!.Value));
        }

        var agreeWhileWaiting = await (await client.GetAsync($"/early-help/{plan.Id}/agree")).GetDocumentAsync();
        Assert.Contains("while it is with MASH", agreeWhileWaiting.QuerySelector("#cannot-agree")!.TextContent, StringComparison.Ordinal);

        var continues = await client.PostFormAsync($"{tier}?handler=Outcome",
            new(DateFields("OutcomeOn", TestWorld.Today)) { ["Outcome"] = "PlanContinues", ["Note"] = "Tier 2 co-ordinator: carry on with early help" }, tier);
        Assert.Equal(HttpStatusCode.Redirect, continues.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var p = await db.EarlyHelpPlans.SingleAsync(x => x.Id == plan.Id);
            Assert.Equal((PlanStage.Assessment, MashOutcome.PlanContinues), (p.Stage, p.MashOutcome!.Value));
        }

        var (active, _, _) = await NewPlanAsync(PlanStage.Active);
        var activeTier = $"/early-help/{active.Id}/tier";
        await client.PostFormAsync($"{activeTier}?handler=Tier", new(DateFields("ContactOn", sent)) { ["Tier"] = "Tier3" }, activeTier);
        var beforeContact = await client.PostFormAsync($"{activeTier}?handler=Outcome",
            new(DateFields("OutcomeOn", sent.AddDays(-1))) { ["Outcome"] = "SteppedUp", ["Note"] = "Taken on" }, activeTier);
        Assert.StartsWith("The date of MASH's answer must be on or after", (await beforeContact.GetDocumentAsync()).QuerySelector("a[href='#OutcomeOn']")?.TextContent, StringComparison.Ordinal);
        var steppedUp = await client.PostFormAsync($"{activeTier}?handler=Outcome",
            new(DateFields("OutcomeOn", TestWorld.Today)) { ["Outcome"] = "SteppedUp", ["Note"] = "Referred to statutory services" }, activeTier);
        Assert.Equal(HttpStatusCode.Redirect, steppedUp.StatusCode);
        await using var check = host.CreateDbContext();
        var up = await check.EarlyHelpPlans.SingleAsync(x => x.Id == active.Id);
        Assert.Equal(PlanStage.SteppedUp, up.Stage);
        Assert.Equal(TestWorld.Today, up.ClosedOn);
        Assert.Equal(ClosureReason.SteppedUp, up.ClosureReason);
        Assert.Null(up.ReviewDueOn);
        Assert.Equal("Referred to statutory services", up.MashOutcomeNote);
    }

    [Fact]
    public async Task Copies_go_to_the_suggested_recipients_and_are_refused_once_consent_is_withdrawn()
    {
        var (plan, parent, _) = await NewPlanAsync(PlanStage.Active);
        var client = await host.SignedInClientAsync(Lead.Email!);
        var path = $"/early-help/{plan.Id}/copies";

        var page = await (await client.GetAsync(path)).GetDocumentAsync();
        var labels = page.QuerySelectorAll(".govuk-checkboxes__label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Pat Parent", "Sam Child", "Mum, with the school's attendance lead", "The LA Link Co-ordinator"], labels);

        var noName = await client.PostFieldsAsync(path, [new("Recipients", "link-coordinator"), new("What", "The plan"),
            .. DateFields("SentOn", TestWorld.Today)]);
        Assert.Equal("Enter the name of the LA Link Co-ordinator", (await noName.GetDocumentAsync()).QuerySelector("a[href='#LinkCoordinatorName']")?.TextContent);

        var recorded = await client.PostFieldsAsync(path, [new("Recipients", $"member-{parent.Id}"), new("Recipients", "who-1"), new("Recipients", "link-coordinator"),
            new("LinkCoordinatorName", "Lee Link"), new("What", "The plan"), .. DateFields("SentOn", TestWorld.Today)]);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var copies = await db.PlanCopies.Where(c => c.PlanId == plan.Id).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(["Pat Parent", "Mum, with the school's attendance lead", "Lee Link"], copies.Select(c => c.RecipientName));
            Assert.All(copies, c => Assert.Equal("The plan", c.What));
            await db.EarlyHelpConsents.Where(c => c.PlanId == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnOn, TestWorld.Today));
        }

        var token = await TokenAsync(client, $"/early-help/{plan.Id}/print");
        var refused = await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Recipients", $"member-{parent.Id}"),
            new("What", "The plan"), .. DateFields("SentOn", TestWorld.Today)]));
        Assert.Contains("no consent in force", (await refused.GetDocumentAsync()).QuerySelector("#cannot-record")?.TextContent, StringComparison.Ordinal);
        await using var check = host.CreateDbContext();
        Assert.Equal(3, await check.PlanCopies.CountAsync(c => c.PlanId == plan.Id));
    }

    [Fact]
    public async Task The_PDF_and_printable_plan_carry_the_family_scores_actions_and_aspects_without_action_and_are_audited()
    {
        var (plan, _, _) = await NewPlanAsync(PlanStage.Active);
        var client = await host.SignedInClientAsync(Lead.Email!);

        var response = await client.GetAsync($"/early-help/{plan.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var read = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        var text = PdfText.Flat(read.Text);
        Assert.Equal("Family Early Help Plan", read.Title);
        Assert.Contains(plan.FamilyName, text, StringComparison.Ordinal);
        Assert.Contains("Housing & Home Environment", text, StringComparison.Ordinal);
        Assert.Contains("Morning routine chart for Sam", text, StringComparison.Ordinal);
        Assert.Contains("No action needed at this stage", text, StringComparison.Ordinal);

        var print = await (await client.GetAsync($"/early-help/{plan.Id}/print")).GetDocumentAsync();
        Assert.NotNull(print.QuerySelector(".waymark-eh-print"));
        Assert.Equal("3", print.QuerySelectorAll("#print-scores tbody tr").First().QuerySelectorAll("td").First().TextContent);
        Assert.Contains("No action needed at this stage", print.QuerySelector("#print-actions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Morning routine chart for Sam", print.QuerySelector("#print-actions")!.TextContent, StringComparison.Ordinal);

        await using var db = host.CreateDbContext();
        var audits = await db.AuditEvents.Where(e => e.Action == AuditActions.EarlyHelpPlanDownloaded && e.Detail!.Contains(plan.Id.ToString())).ToListAsync();
        Assert.Contains(audits, a => a.Detail!.Contains("PDF", StringComparison.Ordinal));
        Assert.Contains(audits, a => a.Detail!.Contains("printable", StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssessmentAndActionTestsOnSqlite(SqliteHost fixture) : AssessmentAndActionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class AssessmentAndActionTestsOnPostgres(PostgresHost fixture) : AssessmentAndActionTests(fixture.Host);
