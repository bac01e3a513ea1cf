using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>
/// A SENCo takes one family's Family Early Help Plan from consent to closure through two reviews, through the pages as a
/// person would, with every page (and the pages refusing bad answers) passing axe.
/// </summary>
public abstract partial class EarlyHelpJourneyTests(BrowserHost browser)
{
    private static int _next;

    private const string Mum = "Dawn Fenwick";

    private const string Gran = "Iris Fenwick";

    private const string Child = "Noah Fenwick";

    /// <summary>A school of this test's own with a SENCo and one pupil, so shared rolls stay as they are.</summary>
    private async Task<(Guid ChildId, string SencoEmail)> NewPupilAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = browser.Host.CreateDbContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 2800 + n, Name = $"Brackenhill Primary {tag}", Phase = SchoolPhase.Primary, Type = "Community school" };
        db.Schools.Add(school);
        var senco = TestWorld.NewUser($"senco.{tag}@eh-browser.test.example", "Brackenhill SENCo", Role.Senco, school);
        db.Users.Add(senco);
        var child = TestWorld.NewChild("Noah", "Fenwick", TestWorld.Today.AddYears(-9).AddDays(-50), Sex.Male, school.EstablishmentNumber, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = TestWorld.Today.AddYears(-4), Type = EnrolmentType.Single });
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return (child.Id, senco.Email!);
    }

    [Fact]
    public async Task A_SENCo_takes_a_family_from_consent_to_closure_through_two_reviews()
    {
        var (childId, email) = await NewPupilAsync();
        var today = TestWorld.Today;
        var consentOn = today.AddDays(-70);
        var assessedOn = today.AddDays(-65);
        var agreedOn = today.AddDays(-60);
        var firstReviewOn = today.AddDays(-20);
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, email);

        // 1. From the child's record, consent first: without the family's answer nothing starts.
        await page.GotoAsync($"/children/{childId}");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a Family Early Help Plan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Start a Family Early Help Plan");
        await Expect(page.GetByLabel("Family name")).ToHaveValueAsync("The Fenwick family");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Full name").FillAsync(Mum);
        await page.GetByLabel("Relationship to Noah Fenwick").FillAsync("Mum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the family agrees to share their information with those supporting the plan");
        await Expect(page.Locator("#Share-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#ConsentDate-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await Group(page, "Does the family agree to share their information with those supporting the plan?").GetByLabel("Yes, they agree").CheckAsync();
        await BrowserSteps.FillDateAsync(page, "ConsentDate", consentOn);
        await Group(page, "Does the family agree to share with the Supporting Families programme? (optional)").GetByLabel("No, they do not agree").CheckAsync();
        await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(Mum);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Family Early Help Plan started for The Fenwick family");
        await Expect(page.Locator("h1")).ToHaveTextAsync("The Fenwick family");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Assessment");
        var planPath = new Uri(page.Url).AbsolutePath;
        Assert.Matches(PlanPathPattern(), planPath);
        await Accessibility.AssertNoViolationsAsync(page);

        // 2. The family: Noah's gran, who helps with the school run, and how to reach them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a family member" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add a family member");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Full name").FillAsync(Gran);
        await Group(page, "Role in the family").GetByLabel("Other significant person").CheckAsync();
        await page.GetByLabel("Relationship", new() { Exact = true }).FillAsync("Grandmother");
        await Group(page, "Do they live at home?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add family member" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"{Gran} added to the family");
        await Expect(page.Locator("#family-members")).ToContainTextAsync("Grandmother");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change contact details" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Family contact details");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("12 Brackenhill Road\nTownsend\nTS4 2AB");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("07700 900123");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("dawn.fenwick@example.org");
        await page.GetByLabel("Useful information").FillAsync("Gran does the school run on Tuesdays and Thursdays; Mum prefers texts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Contact details saved");
        await Expect(page.Locator("#family-address")).ToContainTextAsync("12 Brackenhill Road");
        await Expect(page.Locator("#useful-information")).ToContainTextAsync("Gran does the school run");
        await Accessibility.AssertNoViolationsAsync(page);

        // 3. Self-assessments. Mum's first try leaves Safety unscored and gives no reason for "not applicable": refused, field by field.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Assess self-assessment for {Mum}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Self-assessment: {Mum}");
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.FillDateAsync(page, "AssessedOn", assessedOn);
        await ScoreAsync(page, MumAtStart with { Safety = null });
        await page.GetByLabel($"Not applicable to {Mum}").CheckAsync();
        await Group(page, "Do you agree with this self-assessment?").GetByLabel("I agree").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save self-assessment" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give a score from 0 to 10 for Safety");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why Pregnancy & Early Years is not applicable to this person");
        await Expect(page.Locator("#safety-score-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#pregnancy-and-early-years-na-reason-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Score for Education", new() { Exact = true })).ToHaveValueAsync("6");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Score for Safety", new() { Exact = true }).SelectOptionAsync("8");
        await page.GetByLabel("If not applicable, why").FillAsync("No baby or young child in the family");
        await page.Locator("#family-life").GetByLabel("What could be better and why?").FillAsync("Mornings are a battle and Noah won't talk about school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save self-assessment" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Self-assessment saved for {Mum}");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Assess self-assessment for {Child}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Self-assessment: {Child}");
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.FillDateAsync(page, "AssessedOn", assessedOn);
        await ScoreAsync(page, ChildAtStart);
        await page.GetByLabel($"Not applicable to {Child}").CheckAsync();
        await page.GetByLabel("If not applicable, why").FillAsync("No baby or young child in the family");
        await Group(page, "Do you agree with this self-assessment?").GetByLabel("I agree").CheckAsync();
        await page.GetByLabel($"What {Child} said, in their own words").FillAsync("I don't like reading out loud in class");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save self-assessment" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Self-assessment saved for {Child}");
        await Expect(page.Locator("#assessment-status")).ToContainTextAsync("In their own words: “I don't like reading out loud in class”");
        await Accessibility.AssertNoViolationsAsync(page);

        // 4. Tier 2, two actions from the suggested goals, agreed in the past, copies sent, and the printable plan and its PDF.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change tier of need" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tier of need");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Tier 2 – continue with this plan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tier of need" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Tier 2 recorded");
        await Expect(page.Locator("#tier-of-need")).ToHaveTextAsync("Tier 2");
        await Accessibility.AssertNoViolationsAsync(page);

        await AddSuggestedActionAsync(page, "Education", "Reading buddy at school three mornings a week for Noah", "Brackenhill SENCo", "Noah feels able to read aloud in class", 3);
        await AddSuggestedActionAsync(page, "Family Life", "Calmer mornings: a picture routine on the fridge for Noah and Mum", "Dawn Fenwick (Mum)", "Noah gets to school on time without arguments", 2);
        await Expect(page.Locator("#actions-education")).ToBeVisibleAsync();
        await Expect(page.Locator("#action-plan")).ToContainTextAsync("Reading buddy at school three mornings a week for Noah");
        await Expect(page.Locator("#action-plan")).ToContainTextAsync("Calmer mornings");

        await page.GetByRole(AriaRole.Link, new() { Name = "Agree the plan with the family" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Agree the plan with the family");
        await Expect(page.Locator("#cannot-agree")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.FillDateAsync(page, "AgreedOn", agreedOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Plan agreed. The first review is due by {Long(agreedOn.AddDays(42))}");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Active");
        await Expect(page.Locator("#agreed-on")).ToHaveTextAsync(Long(agreedOn));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record copies sent" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Copies of the plan");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel(Mum, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(Gran, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What was sent").SelectOptionAsync(new SelectOptionValue { Label = "The plan" });
        await BrowserSteps.FillDateAsync(page, "SentOn", agreedOn.AddDays(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record copies sent" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("2 copies recorded");
        await Expect(page.Locator("#copies-table")).ToContainTextAsync(Gran);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable plan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("The Fenwick family");
        await Expect(page.Locator("#print-family")).ToContainTextAsync(Gran);
        await Expect(page.Locator("main")).ToContainTextAsync("Reading buddy at school three mornings a week for Noah");
        await Accessibility.AssertNoViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Active");

        // 5. Review 1, six weeks on: the reading buddy worked, mornings are still hard; continue, with a new action.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a review" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record a Team Around the Family review");
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.FillDateAsync(page, "HeldOn", firstReviewOn);
        await FillReviewAsync(page, MumAtFirstReview, ChildAtFirstReview,
            "Noah reads with his buddy and likes it; mornings are better on Gran's days",
            "Reading is OK now",
            "School sees Noah joining in more in class; mornings still late twice a week",
            ("Reading buddy at school three mornings a week for Noah", "Done"),
            ("Calmer mornings: a picture routine on the fridge for Noah and Mum", "Still open"));
        await Group(page, "What happens next?").GetByLabel("Continue with a new action plan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(
            $"Review of {Long(firstReviewOn)} recorded. The next review is due by {Long(firstReviewOn.AddDays(42))}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Team Around the Family review of {Long(firstReviewOn)}");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action to the new plan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add an action");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Aspect of life").SelectOptionAsync(new SelectOptionValue { Label = "Health & Wellbeing" });
        await FillActionAsync(page, "School nurse drop-in for Noah about sleep", "School nurse", "Noah gets to sleep by nine", 3);
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Action added");
        await Expect(page.Locator("#action-plan")).ToContainTextAsync("School nurse drop-in for Noah about sleep");
        await Expect(page.Locator("#reviews-table")).ToContainTextAsync(Long(firstReviewOn));
        await Accessibility.AssertNoViolationsAsync(page);

        // Review 2, today: needs met by universal services, which closes the plan and asks for the maintenance plan.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a review" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record a Team Around the Family review");
        await Expect(page.Locator("main")).ToContainTextAsync($"last reviewed on {Long(firstReviewOn)}");
        await BrowserSteps.FillDateAsync(page, "HeldOn", today);
        await FillReviewAsync(page, MumAtSecondReview, ChildAtSecondReview,
            "Mornings are calm most days and Noah goes in happily",
            "I like school now",
            "Noah is on time, reading at the expected level and sleeping better",
            ("Calmer mornings: a picture routine on the fridge for Noah and Mum", "Done"),
            ("School nurse drop-in for Noah about sleep", "Done"));
        await Group(page, "What happens next?").GetByLabel("Close the plan").CheckAsync();
        await Group(page, "If closing the plan, why").GetByLabel("Needs met by universal services").CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Maintaining Our Family Plan");
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("recorded and the plan closed. Now write the family's maintenance plan.");
        Assert.EndsWith($"{planPath}/close", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("What we learnt", new() { Exact = true }).FillAsync("A routine we all agree on makes mornings easier");
        await page.GetByLabel("What was most useful", new() { Exact = true }).FillAsync("The reading buddy and Gran's school runs");
        await page.GetByLabel("What actions we need to continue to maintain progress", new() { Exact = true }).FillAsync("Keep the picture routine; read together at bedtime");
        await page.GetByLabel("Situations we may find difficult in the future", new() { Exact = true }).FillAsync("Starting secondary school; Gran moving away");
        await page.GetByLabel("What we can do if things are starting to become challenging", new() { Exact = true }).FillAsync("Talk to Noah's class teacher early");
        await page.GetByLabel("Who we can contact if we need support", new() { Exact = true }).FillAsync("The school's SENCo, the school nurse, Family Hub");
        await page.GetByLabel("Key contact numbers and names of support", new() { Exact = true }).FillAsync("Brackenhill Primary office 01234 567890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the maintenance plan" }).ClickAsync();

        // 6. Closed, with the maintenance plan on the overview and three sittings of scores on the progress page.
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The family's maintenance plan is saved");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Closed");
        await Expect(page.Locator("#closed")).ToContainTextAsync($"{Long(today)}: Needs met by universal services");
        await Expect(page.Locator("#closure-summary")).ToContainTextAsync("needs met by universal services");
        await Expect(page.Locator("#maintenance-plan")).ToContainTextAsync("A routine we all agree on makes mornings easier");
        await Expect(page.Locator("#maintenance-plan")).ToContainTextAsync("Brackenhill Primary office 01234 567890");
        await Expect(page.Locator("#reviews-table tbody tr")).ToHaveCountAsync(2);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Progress over time", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Progress over time");
        var mumTable = page.GetByRole(AriaRole.Table, new() { Name = $"{Mum}’s scores" });
        await Expect(mumTable.Locator("thead th")).ToHaveTextAsync(
            new[] { "Aspect of life", $"Assessment, {Short(assessedOn)}", $"Review, {Short(firstReviewOn)}", $"Review, {Short(today)}" });
        await Expect(mumTable.Locator("tr[data-aspect='family-life'] td")).ToHaveTextAsync(new[] { "4", "6", "8" });
        var childTable = page.GetByRole(AriaRole.Table, new() { Name = $"{Child}’s scores" });
        await Expect(childTable.Locator("thead th")).ToHaveCountAsync(4);
        await Expect(childTable.Locator("tr[data-aspect='health-and-wellbeing'] td")).ToHaveTextAsync(new[] { "6", "6", "8" });

        // Mum scored Education 6 and Noah 3 at the start: three apart, flagged for talking through.
        await Expect(childTable.Locator("tr[data-aspect='education'] td").First).ToContainTextAsync("3 (family members’ scores differ)");
        await Expect(page.Locator("#disagreements")).ToContainTextAsync($"Assessment, {Short(assessedOn)}: Education");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Scores in the form's order; Pregnancy &amp; Early Years is left to the caller (not applicable for this family).</summary>
    private sealed record Scores(int Education, int Health, int FamilyLife, int Housing, int BasicCare, int Money, int? Safety, int Drugs, int Offending)
    {
        public IEnumerable<(string Aspect, int? Score)> ByAspect() =>
        [
            ("Education", Education), ("Health & Wellbeing", Health), ("Family Life", FamilyLife), ("Housing & Home Environment", Housing),
            ("Basic Care", BasicCare), ("Money & Employment", Money), ("Safety", Safety), ("Drugs & Alcohol", Drugs), ("Offending Behaviour", Offending),
        ];
    }

    private static readonly Scores MumAtStart = new(6, 7, 4, 8, 9, 5, 8, 10, 10);
    private static readonly Scores ChildAtStart = new(3, 6, 5, 8, 9, 9, 7, 10, 10);
    private static readonly Scores MumAtFirstReview = new(7, 7, 6, 8, 9, 6, 8, 10, 10);
    private static readonly Scores ChildAtFirstReview = new(6, 6, 6, 8, 9, 9, 8, 10, 10);
    private static readonly Scores MumAtSecondReview = new(8, 8, 8, 8, 9, 6, 9, 10, 10);
    private static readonly Scores ChildAtSecondReview = new(8, 8, 8, 9, 9, 9, 9, 10, 10);

    private static ILocator Group(IPage page, string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static string Short(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static string Text(int score) => score.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The self-assessment page's selects, "Score for Education" and so on; a null score is left unselected.</summary>
    private static async Task ScoreAsync(IPage page, Scores scores)
    {
        foreach (var (aspect, score) in scores.ByAspect())
        {
            if (score is int s)
            {
                await page.GetByLabel($"Score for {aspect}", new() { Exact = true }).SelectOptionAsync(Text(s));
            }
        }
    }

    private static async Task AddSuggestedActionAsync(IPage page, string aspect, string what, string who, string difference, int readiness)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add an action");
        await Expect(page.Locator("#suggested-goals li").First).ToContainTextAsync("Suggested: Education (lowest score 3)");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#suggested-goals").GetByRole(AriaRole.Link, new() { Name = aspect, Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Aspect of life")).ToHaveValueAsync(aspect.ToLowerInvariant().Replace(' ', '-'));
        await FillActionAsync(page, what, who, difference, readiness);
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Action added");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static async Task FillActionAsync(IPage page, string what, string who, string difference, int readiness)
    {
        await page.GetByLabel("What action has been agreed, and for whom?").FillAsync(what);
        await page.GetByLabel("Who will do it?").FillAsync(who);
        await BrowserSteps.FillDateAsync(page, "ByWhen", TestWorld.Today.AddDays(30));
        await page.GetByLabel("What difference do we hope it will make?").FillAsync(difference);
        await Group(page, "How ready is the family for this change?").GetByLabel($"{readiness} – {ReadinessToChange.Label(readiness)}", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
    }

    /// <summary>
    /// Everything on the review form but its date and next step: Mum and Noah came, Gran sent word; everyone scored again,
    /// the practitioner agreeing; how things are; and what became of each open action.
    /// </summary>
    private static async Task FillReviewAsync(IPage page, Scores mum, Scores child, string family, string childViews, string taf,
        params (string What, string State)[] actions)
    {
        await Group(page, "Have any contact details changed?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Expect(Group(page, "Invitee 1").GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(Mum);
        await Expect(Group(page, "Invitee 3").GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(Gran);
        await Group(page, "Invitee 1").GetByRole(AriaRole.Group, new() { Name = "Attended", Exact = true }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Group(page, "Invitee 2").GetByRole(AriaRole.Group, new() { Name = "Attended", Exact = true }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Group(page, "Invitee 3").GetByRole(AriaRole.Group, new() { Name = "Attended", Exact = true }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Group(page, "Invitee 3").GetByRole(AriaRole.Group, new() { Name = "If they did not attend, did they send an update or a representative?" })
            .GetByLabel("Yes", new() { Exact = true }).CheckAsync();

        foreach (var (name, relationship, scores) in new[] { (Mum, "Mum", mum), (Child, "Son", child) })
        {
            var member = Group(page, $"{name} ({relationship})");
            foreach (var (aspect, score) in scores.ByAspect())
            {
                await member.GetByLabel($"{aspect} score for {name}", new() { Exact = true }).SelectOptionAsync(Text(score!.Value));
            }

            await member.GetByLabel($"Pregnancy & Early Years score for {name}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Not applicable" });
            await member.GetByLabel("If not applicable, why").FillAsync("No baby or young child in the family");
            await member.GetByRole(AriaRole.Group, new() { Name = $"Do you, the practitioner, agree with {name}'s scores?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("What's happening in our family now, and what's changed").FillAsync(family);
        await page.GetByLabel("The child's views").FillAsync(childViews);
        await page.GetByLabel("The Team Around the Family's view").FillAsync(taf);
        foreach (var (what, state) in actions)
        {
            await Group(page, what).GetByLabel(state, new() { Exact = true }).CheckAsync();
        }
    }

    [GeneratedRegex("^/early-help/[0-9a-f-]{36}$")]
    private static partial Regex PlanPathPattern();
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class EarlyHelpJourneyTestsOnSqlite(SqliteBrowserHost host) : EarlyHelpJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class EarlyHelpJourneyTestsOnPostgres(PostgresBrowserHost host) : EarlyHelpJourneyTests(host);
