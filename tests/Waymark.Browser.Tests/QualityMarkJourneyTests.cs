using Microsoft.Playwright;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>A headteacher self-assesses one quality mark standard and submits it; the peer school's SENCo agrees it; each page passes axe.</summary>
public abstract class QualityMarkJourneyTests(BrowserHost browser)
{
    private static int _next;

    /// <summary>Two schools of the test's own, the second moderating the first, with a headteacher at the first and a SENCo at the second.</summary>
    private async Task<(int Urn, string HeadEmail, string SencoEmail)> NewSchoolsAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = browser.Host.CreateDbContext();
        School School(string name, int number) => new() { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8800 + (n * 2) + number, Name = $"{name} {tag}", Phase = SchoolPhase.Primary, Type = "Community school" };
        var assessed = School("Larkfield Primary", 0);
        var peer = School("Ashby Primary", 1);
        db.Schools.AddRange(assessed, peer);
        await db.SaveChangesAsync();
        var head = TestWorld.NewUser($"head.{tag}@qm-browser.test.example", "Larkfield Headteacher", Role.Headteacher, null);
        head.SchoolId = assessed.Id;
        var senco = TestWorld.NewUser($"senco.{tag}@qm-browser.test.example", "Ashby SENCo", Role.Senco, null);
        senco.SchoolId = peer.Id;
        db.Users.AddRange(head, senco);
        db.QualityMarkModerators.Add(new QualityMarkModerator
        {
            SchoolId = assessed.Id, ModeratorSchoolId = peer.Id, AssignedByUserId = browser.Host.World.Users[Role.LaOfficer].Id, AssignedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return (assessed.Urn, head.Email!, senco.Email!);
    }

    [Fact]
    public async Task A_headteacher_self_assesses_a_standard_and_the_peer_school_agrees_it()
    {
        var (urn, headEmail, sencoEmail) = await NewSchoolsAsync();
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, headEmail);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quality mark" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/schools/{urn}/quality-mark$"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#standards a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("1. Welcoming school and ethos");
        await Accessibility.AssertNoViolationsAsync(page);

        // Submitting without evidence is refused, naming the field.
        await page.GetByLabel("Secure", new() { Exact = true }).CheckAsync();
        await page.Locator("#submit-for-moderation").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the evidence before submitting it for moderation");
        await Assertions.Expect(page.Locator("#Evidence-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#Evidence").FillAsync("Step-free access throughout; a quiet room; a parent survey each term.");
        await page.Locator("#submit-for-moderation").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("submitted for moderation");
        await Assertions.Expect(page.Locator("#stage")).ToContainTextAsync("Awaiting moderation");
        await Accessibility.AssertNoViolationsAsync(page);
        await BrowserSteps.SignOutAsync(page);

        var peer = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(peer, sencoEmail);
        await peer.GotoAsync("/quality-mark/our-school");
        await Accessibility.AssertNoViolationsAsync(peer);
        await peer.Locator("#moderates a").ClickAsync();
        await peer.Locator("#standards a").First.ClickAsync();
        await Assertions.Expect(peer.Locator("#evidence")).ToContainTextAsync("a parent survey each term");
        await Accessibility.AssertNoViolationsAsync(peer);
        await peer.GetByRole(AriaRole.Button, new() { Name = "Record moderation" }).ClickAsync();
        await Assertions.Expect(peer.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether your school agrees");
        await Accessibility.AssertNoViolationsAsync(peer);
        await peer.GetByLabel("Yes, we agree").CheckAsync();
        await peer.GetByRole(AriaRole.Button, new() { Name = "Record moderation" }).ClickAsync();
        await Assertions.Expect(peer.Locator("#stage")).ToContainTextAsync("Completed");
        await Assertions.Expect(peer.Locator("#history")).ToContainTextAsync("Ashby SENCo");
        await Accessibility.AssertNoViolationsAsync(peer);
        await BrowserSteps.SignOutAsync(peer);

        var la = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(la, TestWorld.EmailFor(Role.LaOfficer));
        await la.GotoAsync("/quality-mark");
        await Assertions.Expect(la.Locator($"#schools tr[data-urn='{urn}'] [data-figure='completed']")).ToHaveTextAsync("1");
        await Accessibility.AssertNoViolationsAsync(la);
        await la.GotoAsync("/quality-mark/milestones");
        await Accessibility.AssertNoViolationsAsync(la);
        await la.GotoAsync("/quality-mark/standards/1");
        await Accessibility.AssertNoViolationsAsync(la);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class QualityMarkJourneyTestsOnSqlite(SqliteBrowserHost host) : QualityMarkJourneyTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class QualityMarkJourneyTestsOnPostgres(PostgresBrowserHost host) : QualityMarkJourneyTests(host);
