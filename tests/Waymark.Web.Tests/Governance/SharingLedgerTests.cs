using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Governance;

/// <summary>
/// A child's consent and sharing ledger through the real pages: consents with their purpose and the information they
/// cover, information given outside Waymark on consent or, without it, on a risk of harm or a statutory duty with the
/// reason; withdrawals that end Waymark's own shares; and refusals for those who may not open the child.
/// </summary>
public abstract class SharingLedgerTests(WaymarkTestHost host)
{
    private const string RiskReason = "Disclosure of injury at school; police child abuse investigation team asked for attendance";

    private static string Ledger(Child child) => $"/children/{child.Id}/sharing";

    /// <summary>A Year 6 pupil at the primary with a child in need plan: known to the LA, on the primary's roll.</summary>
    private async Task<Child> PupilAsync()
    {
        var child = host.World.NewPrimaryPupil("Leo", $"Ledger{Guid.NewGuid().ToString("N")[..6]}");
        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    private static Dictionary<string, string> ConsentForm(string purpose = "Referral to the school nursing team", string data = "Attendance this year and the Early Help assessment",
        string day = "2", string month = "3", string year = "2026") => new()
    {
        ["Purpose"] = purpose, ["DataCovered"] = data, ["GivenByName"] = "Dana Ledger", ["GivenBy"] = nameof(ConsentGiver.Parent),
        ["GivenOn.Day"] = day, ["GivenOn.Month"] = month, ["GivenOn.Year"] = year, ["PurposeExplained"] = "true",
    };

    private static Dictionary<string, string> ShareForm(ShareBasis basis, string reason = "", string consentId = "", DateOnly? on = null)
    {
        var date = on ?? TestWorld.Today;
        return new()
        {
            ["What"] = "Attendance this term", ["Recipient"] = "Testshire Police, child abuse investigation team",
            ["SharedOn.Day"] = date.Day.ToString(CultureInfo.InvariantCulture), ["SharedOn.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
            ["SharedOn.Year"] = date.Year.ToString(CultureInfo.InvariantCulture), ["Basis"] = basis.ToString(), ["ConsentId"] = consentId, ["Reason"] = reason,
        };
    }

    [Fact]
    public async Task A_consent_is_recorded_with_its_purpose_and_the_information_it_covers_and_shown_in_the_ledger()
    {
        var child = await PupilAsync();
        var lead = host.World.Users[Role.TransitionLead];
        var client = await host.SignedInClientAsync(lead.Email!);

        var response = await client.PostFormAsync($"{Ledger(child)}/consent", ConsentForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Ledger(child), response.Headers.Location!.OriginalString);
        await using var db = host.CreateDbContext();
        var consent = await db.Consents.SingleAsync(c => c.ChildId == child.Id);
        Assert.Equal(("Referral to the school nursing team", "Attendance this year and the Early Help assessment", "Dana Ledger", new DateOnly(2026, 3, 2), lead.Id),
            (consent.Purpose, consent.DataCovered, consent.GivenByName, consent.GivenOn, consent.RecordedByUserId));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == child.Id && a.Action == AuditActions.ConsentRecorded && a.UserId == lead.Id));

        var ledger = await (await client.GetAsync(Ledger(child))).GetDocumentAsync();
        var row = ledger.QuerySelector($"#consent-{consent.Id}")!.TextContent;
        Assert.Contains("Referral to the school nursing team", row, StringComparison.Ordinal);
        Assert.Contains("Covers: Attendance this year and the Early Help assessment", row, StringComparison.Ordinal);
        Assert.Contains("In force", row, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == child.Id && a.Action == AuditActions.SharingLedgerViewed && a.UserId == lead.Id));
    }

    [Theory]
    [InlineData("Purpose", "", "Enter what the information will be shared for")]
    [InlineData("DataCovered", "", "Enter which information the consent covers")]
    [InlineData("GivenByName", "  ", "Enter the name of the person who gave consent")]
    [InlineData("GivenBy", "Neighbour", "Select who gave consent")]
    [InlineData("GivenOn.Year", "2099", "must be today or in the past")]
    [InlineData("PurposeExplained", "", "Confirm that the purpose was explained")]
    [InlineData("Purpose", Sharing.TransitionPurpose, "from the child's transition")]
    public async Task A_consent_missing_anything_is_refused_on_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var child = await PupilAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Senco));
        var form = ConsentForm();
        form[field] = value;
        if (field == "PurposeExplained")
        {
            form.Remove(field); // a browser sends nothing for a box left unticked
        }

        var response = await client.PostFormAsync($"{Ledger(child)}/consent", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        var key = field.Split('.')[0];
        Assert.Contains(message, document.QuerySelector($"#{key}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($".govuk-error-summary a[href='#{key}']"));
        await using var db = host.CreateDbContext();
        Assert.False(await db.Consents.AnyAsync(c => c.ChildId == child.Id));
    }

    [Fact]
    public async Task Information_given_without_consent_needs_a_reason_and_is_then_recorded_with_it_and_shown_to_the_la()
    {
        var child = await PupilAsync();
        var head = host.World.Users[Role.Headteacher];
        var client = await host.SignedInClientAsync(head.Email!);

        var none = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.RiskOfHarm));
        var thin = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.StatutoryDuty, "court order"));
        Assert.Contains("Enter the risk of harm", (await none.GetDocumentAsync()).QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 20 characters", (await thin.GetDocumentAsync()).QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.InformationShares.AnyAsync(s => s.ChildId == child.Id));
        }

        var saved = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.RiskOfHarm, RiskReason));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var check = host.CreateDbContext();
        var share = await check.InformationShares.SingleAsync(s => s.ChildId == child.Id);
        Assert.Equal(("Attendance this term", "Testshire Police, child abuse investigation team", (int?)null, ShareBasis.RiskOfHarm, RiskReason, TestWorld.Today, (DateTime?)null),
            (share.What, share.RecipientOrganisation, share.RecipientSchoolId, share.Basis, share.Reason, share.SharedOn, share.EndedAtUtc));
        var audit = await check.AuditEvents.SingleAsync(a => a.ChildId == child.Id && a.Action == AuditActions.ShareRecorded);
        Assert.Equal((head.Id, RiskReason), (audit.UserId, audit.Reason));

        var ledger = await (await client.GetAsync(Ledger(child))).GetDocumentAsync();
        var row = ledger.QuerySelector($"#share-{share.Id}")!.TextContent;
        Assert.Contains("with Testshire Police, child abuse investigation team", row, StringComparison.Ordinal);
        Assert.Contains("Without consent: risk of harm", row, StringComparison.Ordinal);
        Assert.Contains(RiskReason, row, StringComparison.Ordinal);
        Assert.Contains("Given outside Waymark", row, StringComparison.Ordinal);

        // The LA's view of who has been sent what names the recipient.
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var access = await (await officer.GetAsync($"/children/{child.Id}/access")).Content.ReadAsStringAsync();
        Assert.Contains("Testshire Police, child abuse investigation team", access, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_share_on_consent_must_name_a_consent_in_force_for_this_child_given_before_it()
    {
        var child = await PupilAsync();
        var other = await PupilAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        await client.PostFormAsync($"{Ledger(other)}/consent", ConsentForm());
        await client.PostFormAsync($"{Ledger(child)}/consent", ConsentForm(day: "1", month: "1", year: TestWorld.Today.Year.ToString(CultureInfo.InvariantCulture)));
        await using var db = host.CreateDbContext();
        var othersConsent = await db.Consents.SingleAsync(c => c.ChildId == other.Id);
        var consent = await db.Consents.SingleAsync(c => c.ChildId == child.Id);
        string Id(Consent c) => c.Id.ToString(CultureInfo.InvariantCulture);

        var noneChosen = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.Consent));
        var othersChosen = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.Consent, consentId: Id(othersConsent)));
        var beforeConsent = await client.PostFormAsync($"{Ledger(child)}/share",
            ShareForm(ShareBasis.Consent, consentId: Id(consent), on: new DateOnly(TestWorld.Today.Year - 1, 12, 1)));

        foreach (var refused in new[] { noneChosen, othersChosen, beforeConsent })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotNull((await refused.GetDocumentAsync()).QuerySelector("#ConsentId-error"));
        }

        Assert.False(await db.InformationShares.AnyAsync(s => s.ChildId == child.Id));
        var saved = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.Consent, consentId: Id(consent)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var check = host.CreateDbContext();
        Assert.Equal(consent.Id, (await check.InformationShares.SingleAsync(s => s.ChildId == child.Id)).ConsentId);
    }

    [Fact]
    public async Task A_consent_is_withdrawn_once_not_before_it_was_given_and_a_withdrawn_one_cannot_be_shared_on()
    {
        var child = await PupilAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Senco));
        await client.PostFormAsync($"{Ledger(child)}/consent", ConsentForm());
        await using var db = host.CreateDbContext();
        var consent = await db.Consents.SingleAsync(c => c.ChildId == child.Id);
        var withdraw = $"{Ledger(child)}/consent/{consent.Id}/withdraw";

        var early = await client.PostFormAsync(withdraw, new() { ["WithdrawnOn.Day"] = "1", ["WithdrawnOn.Month"] = "3", ["WithdrawnOn.Year"] = "2026", ["WithdrawnNote"] = "Mum phoned" });
        Assert.Contains("the same as or after the date it was given", (await early.GetDocumentAsync()).QuerySelector("#WithdrawnOn-error")!.TextContent, StringComparison.Ordinal);

        var done = await client.PostFormAsync(withdraw, new()
        {
            ["WithdrawnOn.Day"] = TestWorld.Today.Day.ToString(CultureInfo.InvariantCulture), ["WithdrawnOn.Month"] = TestWorld.Today.Month.ToString(CultureInfo.InvariantCulture),
            ["WithdrawnOn.Year"] = TestWorld.Today.Year.ToString(CultureInfo.InvariantCulture), ["WithdrawnNote"] = "Mum phoned to withdraw consent",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var check = host.CreateDbContext();
        var withdrawn = await check.Consents.SingleAsync(c => c.Id == consent.Id);
        Assert.Equal((TestWorld.Today, "Mum phoned to withdraw consent"), (withdrawn.WithdrawnOn, withdrawn.WithdrawnNote));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(withdraw)).StatusCode);
        var share = await client.PostFormAsync($"{Ledger(child)}/share", ShareForm(ShareBasis.Consent, consentId: consent.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.NotNull((await share.GetDocumentAsync()).QuerySelector("#ConsentId-error"));
    }

    [Fact]
    public async Task Withdrawing_transition_consent_in_the_ledger_ends_the_secondary_schools_access_at_once()
    {
        var world = host.World;
        var child = await PupilAsync();
        Guid transitionId;
        await using (var db = host.CreateDbContext())
        {
            var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, world.Primary, CohortDecision.Confirmed);
            transition.DestinationSchoolId = world.Secondary.Id;
            transition.DestinationStatus = DestinationStatus.Accepted;
            db.Transitions.Add(transition);
            var consent = new Consent
            {
                ChildId = child.Id, Purpose = Sharing.TransitionPurpose, DataCovered = Sharing.TransitionWhat, GivenByName = "Dana Ledger", GivenBy = ConsentGiver.Parent,
                GivenOn = TestWorld.Today.AddDays(-5), RecordedByUserId = world.Users[Role.TransitionLead].Id, RecordedAtUtc = DateTime.UtcNow,
            };
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            db.InformationShares.Add(new InformationShare
            {
                ChildId = child.Id, TransitionId = transition.Id, What = Sharing.TransitionWhat, RecipientSchoolId = world.Secondary.Id, Basis = ShareBasis.Consent,
                ConsentId = consent.Id, SharedByUserId = world.Users[Role.TransitionLead].Id, SharedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            transitionId = transition.Id;
        }

        var senco = await host.SignedInClientAsync(world.SecondarySenco.Email!);
        Assert.NotNull((await (await senco.GetAsync($"/children/{child.Id}")).GetDocumentAsync()).QuerySelector("#incoming"));

        var lead = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        int consentId;
        await using (var db = host.CreateDbContext())
        {
            consentId = await db.Consents.Where(c => c.ChildId == child.Id).Select(c => c.Id).SingleAsync();
        }

        var response = await lead.PostFormAsync($"{Ledger(child)}/consent/{consentId}/withdraw", new()
        {
            ["WithdrawnOn.Day"] = TestWorld.Today.Day.ToString(CultureInfo.InvariantCulture), ["WithdrawnOn.Month"] = TestWorld.Today.Month.ToString(CultureInfo.InvariantCulture),
            ["WithdrawnOn.Year"] = TestWorld.Today.Year.ToString(CultureInfo.InvariantCulture), ["WithdrawnNote"] = "Dad withdrew consent at parents' evening",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = host.CreateDbContext();
        Assert.NotNull((await check.InformationShares.SingleAsync(s => s.TransitionId == transitionId)).EndedAtUtc);
        Assert.True(await check.AuditEvents.AnyAsync(a => a.ChildId == child.Id && a.Action == AuditActions.ShareEnded));
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/consent")]
    [InlineData("/share")]
    public async Task Those_who_may_not_open_the_child_are_refused_every_ledger_page_and_the_refusal_is_audited(string page)
    {
        var child = await PupilAsync();
        foreach (var email in new[] { host.World.SecondaryHeadteacher.Email!, TestWorld.EmailFor(Role.SocialWorker) })
        {
            var client = await host.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Ledger(child)}{page}")).StatusCode);
            if (page.Length > 0)
            {
                var post = await client.PostFormAsync($"{Ledger(child)}{page}", page == "/share" ? ShareForm(ShareBasis.RiskOfHarm, RiskReason) : ConsentForm(), formPage: "/");
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            }
        }

        foreach (var role in new[] { Role.Analyst, Role.CaldicottGuardian })
        {
            var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
            Assert.True((await client.GetAsync($"{Ledger(child)}{page}")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        }

        await using var db = host.CreateDbContext();
        Assert.False(await db.Consents.AnyAsync(c => c.ChildId == child.Id));
        Assert.False(await db.InformationShares.AnyAsync(s => s.ChildId == child.Id));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == child.Id && a.Action == AuditActions.ChildRefused && a.UserId == host.World.SecondaryHeadteacher.Id));
    }

    [Fact]
    public async Task Another_childs_consent_cannot_be_withdrawn_through_this_childs_ledger()
    {
        var child = await PupilAsync();
        var other = await PupilAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Senco));
        await client.PostFormAsync($"{Ledger(other)}/consent", ConsentForm());
        await using var db = host.CreateDbContext();
        var othersConsent = await db.Consents.SingleAsync(c => c.ChildId == other.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Ledger(child)}/consent/{othersConsent.Id}/withdraw")).StatusCode);
    }

    [Fact]
    public async Task The_record_links_to_the_ledger()
    {
        var child = await PupilAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Headteacher));

        var record = await (await client.GetAsync($"/children/{child.Id}")).GetDocumentAsync();

        Assert.Equal(Ledger(child), record.QuerySelector("#sharing-link")!.GetAttribute("href"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SharingLedgerTestsOnSqlite(SqliteHost fixture) : SharingLedgerTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SharingLedgerTestsOnPostgres(PostgresHost fixture) : SharingLedgerTests(fixture.Host);
