using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>Consent to share, the share it opens with the receiving school, withdrawal, and acknowledgement of receipt.</summary>
public abstract class SharingTests(WaymarkTestHost host)
{
    private const string ReceivingLead = "secondary.transition-lead@test.example";
    private const string ReceivingSenco = "secondary.senco@test.example";
    private const string ReceivingHead = "secondary.headteacher@test.example";
    private const string NotAccepted = "The secondary school place is not yet accepted";

    private static readonly DateOnly Yesterday = TestWorld.Today.AddDays(-1);

    [Fact]
    public async Task Consent_with_the_place_accepted_opens_a_share_for_the_receiving_lead_and_senco_only()
    {
        var t = await NewTransitionAsync();
        var lead = await host.SignedInClientAsync(ReceivingLead);
        var since = DateTime.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/transition/{t.Id}")).StatusCode);

        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var response = await RecordConsentAsync(primary, t.Id, Yesterday);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/transition/{t.Id}/consent", response.Headers.Location!.OriginalString);
        await using (var db = host.CreateDbContext())
        {
            var consent = await db.Consents.SingleAsync(c => c.ChildId == t.ChildId);
            Assert.Equal(Sharing.TransitionPurpose, consent.Purpose);
            Assert.Equal("Kerry Smith", consent.GivenByName);
            Assert.Equal(ConsentGiver.Parent, consent.GivenBy);
            Assert.Equal(Yesterday, consent.GivenOn);
            Assert.Equal(host.World.Users[Role.TransitionLead].Id, consent.RecordedByUserId);
            var share = await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id);
            Assert.Null(share.EndedAtUtc);
            Assert.Equal(host.World.Secondary.Id, share.RecipientSchoolId);
            Assert.Equal(ShareBasis.Consent, share.Basis);
            Assert.Equal(consent.Id, share.ConsentId);
            var actions = await db.AuditEvents.Where(e => e.ChildId == t.ChildId && e.OccurredAtUtc >= since).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditActions.ConsentRecorded, actions);
            Assert.Contains(AuditActions.ShareOpened, actions);
        }

        var page = await (await primary.GetAsync($"/transition/{t.Id}/consent")).GetDocumentAsync();
        Assert.Contains("The secondary school can now see the Transition Passport", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hollins Academy", page.QuerySelector("#shares")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kerry Smith", page.QuerySelector("#consents")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action$='handler=Withdraw']"));

        foreach (var email in new[] { ReceivingLead, ReceivingSenco })
        {
            var client = await host.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/transition/{t.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/transition/{t.Id}/passport")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/transition/{t.Id}/passport.pdf")).StatusCode);
        }

        var head = await host.SignedInClientAsync(ReceivingHead);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/transition/{t.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/transition/{t.Id}/passport")).StatusCode);
    }

    [Fact]
    public async Task Withdrawing_consent_ends_the_share_and_the_receiving_school_loses_access_from_then_on()
    {
        var t = await NewSharedTransitionAsync();
        var lead = await host.SignedInClientAsync(ReceivingLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/transition/{t.Id}/passport")).StatusCode);
        var since = DateTime.UtcNow.AddSeconds(-1);

        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var response = await WithdrawAsync(officer, t, Yesterday, "Mum withdrew consent by phone: she wants to talk to the school herself");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var consent = await db.Consents.SingleAsync(c => c.ChildId == t.ChildId);
            Assert.Equal(Yesterday, consent.WithdrawnOn);
            Assert.Equal("Mum withdrew consent by phone: she wants to talk to the school herself", consent.WithdrawnNote);
            Assert.Equal(host.World.Users[Role.LaOfficer].Id, consent.WithdrawalRecordedByUserId);
            var share = await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id);
            Assert.NotNull(share.EndedAtUtc);
            Assert.Equal("Consent to share is not recorded, or has been withdrawn", share.EndReason);
            var actions = await db.AuditEvents.Where(e => e.ChildId == t.ChildId && e.OccurredAtUtc >= since).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditActions.ConsentWithdrawn, actions);
            Assert.Contains(AuditActions.ShareEnded, actions);
        }

        foreach (var email in new[] { ReceivingLead, ReceivingSenco })
        {
            var client = await host.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/transition/{t.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/transition/{t.Id}/passport")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/transition/{t.Id}/passport.pdf")).StatusCode);
        }

        var page = await (await officer.GetAsync($"/transition/{t.Id}/consent")).GetDocumentAsync();
        Assert.Contains("Mum withdrew consent by phone", page.QuerySelector("#consents")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Consent to share is not recorded, or has been withdrawn", page.QuerySelector("#shares")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action$='handler=Record']"));
    }

    [Fact]
    public async Task A_consent_date_in_the_future_is_refused()
    {
        var t = await NewTransitionAsync();
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var response = await RecordConsentAsync(primary, t.Id, TestWorld.Today.AddDays(3));
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The date consent was given must be today or in the past",
            document.QuerySelector(".govuk-error-summary a[href='#GivenOn']")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.Consents.AnyAsync(c => c.ChildId == t.ChildId));
        Assert.False(await db.InformationShares.AnyAsync(s => s.TransitionId == t.Id));
    }

    [Fact]
    public async Task Recording_consent_asks_for_every_answer()
    {
        var t = await NewTransitionAsync();
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var response = await primary.PostFormAsync($"/transition/{t.Id}/consent?handler=Record", [], formPage: $"/transition/{t.Id}/consent");
        var summary = (await response.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the name of the person who gave consent", summary, StringComparison.Ordinal);
        Assert.Contains("Select who gave consent", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the date consent was given", summary, StringComparison.Ordinal);
        Assert.Contains("Confirm that the purpose of sharing was explained", summary, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.Consents.AnyAsync(c => c.ChildId == t.ChildId));
    }

    [Fact]
    public async Task A_withdrawal_dated_before_the_consent_or_in_the_future_is_refused_and_the_share_stays()
    {
        var t = await NewSharedTransitionAsync(givenOn: TestWorld.Today.AddDays(-2));
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var before = await (await WithdrawAsync(primary, t, TestWorld.Today.AddDays(-5), "Changed their mind")).GetDocumentAsync();
        var future = await (await WithdrawAsync(primary, t, TestWorld.Today.AddDays(3), "Changed their mind")).GetDocumentAsync();
        var noNote = await (await WithdrawAsync(primary, t, Yesterday, " ")).GetDocumentAsync();

        Assert.Contains("The date consent was withdrawn must be the same as or after the date it was given",
            before.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The date consent was withdrawn must be today or in the past",
            future.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter who withdrew consent and why", noNote.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.Consents.SingleAsync(c => c.ChildId == t.ChildId)).WithdrawnOn);
        Assert.Null((await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id)).EndedAtUtc);
    }

    [Fact]
    public async Task Consent_before_the_place_is_accepted_is_kept_but_shares_nothing()
    {
        var t = await NewTransitionAsync(DestinationStatus.Offered);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await RecordConsentAsync(officer, t.Id, Yesterday, giver: "LocalAuthority");
        var page = await (await officer.GetAsync($"/transition/{t.Id}/consent")).GetDocumentAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(NotAccepted, page.QuerySelector("#shared")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The local authority (corporate parent)", page.QuerySelector("#consent-in-force")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.Equal(ConsentGiver.LocalAuthority, (await db.Consents.SingleAsync(c => c.ChildId == t.ChildId)).GivenBy);
        Assert.False(await db.InformationShares.AnyAsync(s => s.TransitionId == t.Id));
        var lead = await host.SignedInClientAsync(ReceivingLead);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/transition/{t.Id}/passport")).StatusCode);
    }

    [Fact]
    public async Task A_second_consent_is_refused_while_one_is_in_force()
    {
        var t = await NewSharedTransitionAsync();
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        // The page now offers only withdrawal, so post the record form as a stale tab would.
        var response = await RecordConsentAsync(primary, t.Id, Yesterday);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Consent is already recorded", (await response.GetDocumentAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.Consents.CountAsync(c => c.ChildId == t.ChildId));
        Assert.Equal(1, await db.InformationShares.CountAsync(s => s.TransitionId == t.Id));
    }

    [Theory]
    [InlineData(Role.LaAdmin, HttpStatusCode.OK)]
    [InlineData(Role.LaOfficer, HttpStatusCode.OK)]
    [InlineData(Role.AdvisoryTeacher, HttpStatusCode.OK)]
    [InlineData(Role.TransitionLead, HttpStatusCode.OK)]
    [InlineData(Role.Senco, HttpStatusCode.OK)]
    [InlineData(Role.AttendanceLead, HttpStatusCode.OK)]
    [InlineData(Role.Headteacher, HttpStatusCode.OK)]
    [InlineData(Role.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound)]
    public async Task The_consent_page_is_for_those_who_see_the_planning(Role role, HttpStatusCode expected)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/consent");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var document = await response.GetDocumentAsync();
            Assert.Equal("Consent to share", document.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains("Kerry Clarke", document.QuerySelector("#consents")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Amelia", document.Title, StringComparison.Ordinal);
            var mayChange = role is Role.LaAdmin or Role.LaOfficer or Role.TransitionLead or Role.Senco or Role.Headteacher;
            Assert.Equal(mayChange, document.QuerySelector("form[action$='handler=Withdraw']") is not null);
        }
    }

    [Fact]
    public async Task The_receiving_school_sees_the_passport_but_not_the_consent_page()
    {
        var lead = await host.SignedInClientAsync(ReceivingLead);
        var head = await host.SignedInClientAsync(ReceivingHead);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/consent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/consent")).StatusCode);
    }

    [Fact]
    public async Task An_attendance_lead_may_read_the_ledger_but_not_record_consent()
    {
        var t = await NewTransitionAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.AttendanceLead));

        var response = await RecordConsentAsync(client, t.Id, Yesterday);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.False(await db.Consents.AnyAsync(c => c.ChildId == t.ChildId));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == t.ChildId && e.Action == AuditActions.ChildRefused
            && e.UserId == host.World.Users[Role.AttendanceLead].Id));
    }

    [Fact]
    public async Task The_receiving_transition_lead_acknowledges_receipt_once()
    {
        var t = await NewSharedTransitionAsync();
        var lead = await host.SignedInClientAsync(ReceivingLead);
        var overview = await (await lead.GetAsync($"/transition/{t.Id}")).GetDocumentAsync();
        Assert.NotNull(overview.QuerySelector($"form[action='/transition/{t.Id}/acknowledge']"));

        var first = await AcknowledgeAsync(lead, t.Id);
        DateTime? acknowledgedAt;
        await using (var db = host.CreateDbContext())
        {
            var share = await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id);
            Assert.Equal(host.World.SecondaryTransitionLead.Id, share.AcknowledgedByUserId);
            acknowledgedAt = share.AcknowledgedAtUtc;
            Assert.NotNull(acknowledgedAt);
        }

        var second = await AcknowledgeAsync(lead, t.Id);
        var senco = await AcknowledgeAsync(await host.SignedInClientAsync(ReceivingSenco), t.Id);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/transition/{t.Id}", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, senco.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var share = await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id);
            Assert.Equal(host.World.SecondaryTransitionLead.Id, share.AcknowledgedByUserId);
            Assert.Equal(acknowledgedAt, share.AcknowledgedAtUtc);
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.ChildId == t.ChildId && e.Action == AuditActions.ShareAcknowledged));
        }

        var after = await (await lead.GetAsync($"/transition/{t.Id}")).GetDocumentAsync();
        Assert.Contains("Receipt acknowledged by Secondary Transition Lead", after.QuerySelector("#share")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"form[action='/transition/{t.Id}/acknowledge']"));
    }

    [Fact]
    public async Task The_sending_schools_lead_cannot_acknowledge()
    {
        var t = await NewSharedTransitionAsync();
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));

        var response = await AcknowledgeAsync(primary, t.Id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id)).AcknowledgedAtUtc);
    }

    [Fact]
    public async Task After_withdrawal_there_is_nothing_to_acknowledge()
    {
        var t = await NewSharedTransitionAsync();
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        Assert.Equal(HttpStatusCode.Redirect, (await WithdrawAsync(primary, t, Yesterday, "Withdrawn at the family's request")).StatusCode);
        var lead = await host.SignedInClientAsync(ReceivingLead);

        var response = await AcknowledgeAsync(lead, t.Id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.Null((await db.InformationShares.SingleAsync(s => s.TransitionId == t.Id)).AcknowledgedAtUtc);
    }

    [Fact]
    public async Task Acknowledgement_is_a_form_post_only()
    {
        var lead = await host.SignedInClientAsync(ReceivingLead);

        var response = await lead.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/acknowledge");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Task<HttpResponseMessage> RecordConsentAsync(HttpClient client, Guid id, DateOnly givenOn, string giver = "Parent")
    {
        var fields = new Dictionary<string, string>(Date("GivenOn", givenOn))
        {
            ["GivenByName"] = "Kerry Smith", ["GivenBy"] = giver, ["PurposeExplained"] = "true",
        };

        // The home page carries an anti-forgery token for users who may not open the consent page.
        return client.PostFormAsync($"/transition/{id}/consent?handler=Record", fields, formPage: "/");
    }

    private async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, Transition t, DateOnly withdrawnOn, string note)
    {
        await using var db = host.CreateDbContext();
        var consentId = await db.Consents.Where(c => c.ChildId == t.ChildId && c.WithdrawnOn == null).Select(c => c.Id).SingleAsync();
        var fields = new Dictionary<string, string>(Date("WithdrawnOn", withdrawnOn))
        {
            ["ConsentId"] = consentId.ToString(CultureInfo.InvariantCulture), ["WithdrawnNote"] = note,
        };
        return await client.PostFormAsync($"/transition/{t.Id}/consent?handler=Withdraw", fields, formPage: $"/transition/{t.Id}/consent");
    }

    private static Task<HttpResponseMessage> AcknowledgeAsync(HttpClient client, Guid id) =>
        client.PostFormAsync($"/transition/{id}/acknowledge", [], formPage: "/");

    /// <summary>A Year 6 child of the primary with a place at the secondary, and no consent yet.</summary>
    private async Task<Transition> NewTransitionAsync(DestinationStatus status = DestinationStatus.Accepted)
    {
        await using var db = host.CreateDbContext();
        var child = host.World.NewPrimaryPupil("Sam", "Sharing");
        db.Children.Add(child);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, host.World.Primary, CohortDecision.Confirmed);
        transition.DestinationSchoolId = host.World.Secondary.Id;
        transition.DestinationStatus = status;
        transition.Sections.Add(new TransitionProfileSection
        {
            Section = ProfileSection.AboutMe, Sharing = SharingLevel.Shareable, Status = SectionStatus.InProgress, Version = 1,
            Answers = new() { ["like-about-me"] = "I help my friends" }, UpdatedAtUtc = DateTime.UtcNow,
        });
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition;
    }

    /// <summary>As above, with consent recorded through the page, so shared with the secondary.</summary>
    private async Task<Transition> NewSharedTransitionAsync(DateOnly? givenOn = null)
    {
        var t = await NewTransitionAsync();
        var primary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.TransitionLead));
        var response = await RecordConsentAsync(primary, t.Id, givenOn ?? Yesterday);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return t;
    }
}

// These tests add pupils to the primary school's roll. They run on an app and database of their
// own, so tests elsewhere that count the fixed world's pupils are not disturbed.
[CollectionDefinition(Name)]
public sealed class SharingSqliteCollection : ICollectionFixture<SqliteHost>
{
    public const string Name = "Sharing and passport on SQLite";
}

[CollectionDefinition(Name)]
public sealed class SharingPostgresCollection : ICollectionFixture<PostgresHost>
{
    public const string Name = "Sharing and passport on PostgreSQL";
}

[Collection(SharingSqliteCollection.Name)]
public sealed class SharingTestsOnSqlite(SqliteHost fixture) : SharingTests(fixture.Host);

[Collection(SharingPostgresCollection.Name)]
public sealed class SharingTestsOnPostgres(PostgresHost fixture) : SharingTests(fixture.Host);
