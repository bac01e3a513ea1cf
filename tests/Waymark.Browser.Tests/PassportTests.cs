using Microsoft.Playwright;
using PdfSharp.Pdf.IO;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>The Transition Passport and the consent page in Chromium: accessible, and printing as one sheet.</summary>
public abstract class PassportTests(BrowserHost browser)
{
    /// <summary>
    /// A transition whose profile has every question answered in a sentence, and a three-action plan.
    /// The child is on no school's roll, so the fixed world's pupil counts stay as they are.
    /// </summary>
    private async Task<Guid> CompleteProfileAsync()
    {
        await using var db = browser.Host.CreateDbContext();
        var child = TestWorld.NewChild("Maya", "Complete", new DateOnly(TestWorld.ThisYear.StartYear - 11, 2, 2), Waymark.Domain.Children.Sex.Female, 2001, 990);
        db.Children.Add(child);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, browser.Host.World.Primary, CohortDecision.Confirmed);
        foreach (var section in ProfileSections.All)
        {
            transition.Sections.Add(new TransitionProfileSection
            {
                Section = section.Section, Sharing = section.DefaultSharing, Status = SectionStatus.Complete, Version = 1, UpdatedAtUtc = DateTime.UtcNow,
                Answers = section.Fields.ToDictionary(f => f.Key, f => $"An answer of a typical length about {f.Label.ToLowerInvariant()}, in a sentence."),
            });
        }

        for (var i = 1; i <= 3; i++)
        {
            transition.SupportActions.Add(new SupportPlanAction
            {
                Action = $"Support action number {i}", Owner = "Transition Lead", ByWhen = TestWorld.Today.AddDays(10 * i), CreatedAtUtc = DateTime.UtcNow,
            });
        }

        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition.Id;
    }

    [Fact]
    public async Task A_complete_passport_passes_axe_and_prints_alone_on_one_A4_sheet()
    {
        var id = await CompleteProfileAsync();
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));

        await page.GotoAsync($"/transition/{id}/passport");
        await Assertions.Expect(page.Locator(".waymark-passport__part")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My Transition Passport");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var hidden in new[] { ".govuk-service-navigation", ".govuk-phase-banner", ".govuk-footer", ".govuk-back-link", ".waymark-no-print" })
        {
            await Assertions.Expect(page.Locator(hidden)).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("#passport")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        using var printed = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(1, printed.PageCount);
    }

    [Fact]
    public async Task The_consent_page_passes_axe_with_and_without_errors()
    {
        var page = await browser.NewPageAsync();
        await BrowserSteps.SignInAsync(page, TestWorld.EmailFor(Role.LaOfficer));

        await page.GotoAsync($"/transition/{browser.Host.World.PrimaryTransition.Id}/consent");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consent to share");
        await Accessibility.AssertNoViolationsAsync(page);

        // A withdrawal with nothing filled in changes nothing and shows the errors.
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date consent was withdrawn");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class PassportTestsOnSqlite(SqliteBrowserHost host) : PassportTests(host);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PassportTestsOnPostgres(PostgresBrowserHost host) : PassportTests(host);
