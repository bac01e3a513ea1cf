using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.CommonTransfer;

/// <summary>
/// The "Download common transfer file" button on the transition page: for those who act for the sending school or the
/// LA, refused to everyone else, and every download in the child's sharing ledger and the audit log.
/// </summary>
public abstract partial class TransitionDownloadTests(WaymarkTestHost host)
{
    private const string Button = "form[action$='/common-transfer-file'] button";

    public static TheoryData<Role> AllRoles() => new(Roles.All);

    public static TheoryData<Role> AllButLaOfficers() => new(Roles.All.Where(r => r is not (Role.LaAdmin or Role.LaOfficer)));

    /// <summary>A Year 6 child of the programme's own staffed school, with a place accepted at the test world's secondary.</summary>
    private async Task<Transition> AcceptedTransitionAsync(DestinationStatus status = DestinationStatus.Accepted)
    {
        var t = await ProgrammeData.NewPrimaryTransitionAsync(host);
        await using var db = host.CreateDbContext();
        var tracked = await db.Transitions.SingleAsync(x => x.Id == t.Id);
        tracked.DestinationSchoolId = host.World.Secondary.Id;
        tracked.DestinationStatus = status;
        await db.SaveChangesAsync();
        return tracked;
    }

    private static Task<HttpResponseMessage> DownloadAsync(HttpClient client, Guid transitionId) =>
        client.PostFieldsAsync($"/transition/{transitionId}/common-transfer-file", [], formPage: "/");

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task The_button_is_shown_to_LA_officers_and_the_sending_schools_transition_staff_only(Role role)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.GetAsync($"/transition/{host.World.PrimaryTransition.Id}");

        var shown = role is Role.LaAdmin or Role.LaOfficer or Role.TransitionLead or Role.Senco or Role.Headteacher;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var document = await response.GetDocumentAsync();
            Assert.Equal(shown, document.QuerySelector(Button) is not null);
            Assert.Equal(shown, document.QuerySelector("#common-transfer-file") is not null);
        }
        else
        {
            Assert.False(shown);
        }
    }

    [Theory]
    [InlineData(Role.TransitionLead)]
    [InlineData(Role.Senco)]
    [InlineData(Role.Headteacher)]
    public async Task The_sending_schools_staff_download_a_file_from_their_school_to_the_receiving_school(Role role)
    {
        var t = await AcceptedTransitionAsync();
        var school = await ProgrammeData.StaffedSchoolAsync(host);
        var user = school.Staff[role];
        var client = await host.SignedInClientAsync(user.Email!);
        var since = DateTime.UtcNow.AddSeconds(-1);
        var page = await (await client.GetAsync($"/transition/{t.Id}")).GetDocumentAsync();
        Assert.NotNull(page.QuerySelector(Button));

        var response = await DownloadAsync(client, t.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        var source = $"823{school.School.EstablishmentNumber:D4}";
        Assert.Matches($"^{source}_CTF_8234001_\\d{{3}}\\.xml$", fileName);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var header = xml.Root!.Element("Header")!;
        Assert.Equal(source[3..], header.Element("SourceSchool")!.Element("Estab")!.Value);
        Assert.Equal(school.School.Name, header.Element("SourceSchool")!.Element("SchoolName")!.Value);
        Assert.Equal("4001", header.Element("DestSchool")!.Element("Estab")!.Value);
        await using var db = host.CreateDbContext();
        var child = await db.Children.SingleAsync(c => c.Id == t.ChildId);
        Assert.Equal(child.Upn, xml.Root.Element("CTFpupilData")!.Element("Pupil")!.Element("UPN")!.Value);
        Assert.Equal("C", xml.Root.Element("CTFpupilData")!.Element("Pupil")!.Element("BasicDetails")!.Element("EnrolStatus")!.Value);

        var share = await db.InformationShares.SingleAsync(s => s.ChildId == t.ChildId);
        Assert.Equal(CtfCodes.LedgerWhat, share.What);
        Assert.Equal(ShareBasis.StatutoryDuty, share.Basis);
        Assert.Equal(host.World.Secondary.Id, share.RecipientSchoolId);
        Assert.Equal(user.Id, share.SharedByUserId);
        Assert.Null(share.TransitionId);
        Assert.Contains(fileName, share.Reason, StringComparison.Ordinal);
        Assert.StartsWith(CtfCodes.LegalBasis, share.Reason, StringComparison.Ordinal);
        Assert.NotNull(share.EndedAtUtc);
        var audit = await db.AuditEvents.SingleAsync(e => e.ChildId == t.ChildId && e.Action == AuditActions.CommonTransferFileExported && e.OccurredAtUtc >= since);
        Assert.Equal(user.Id, audit.UserId);
        Assert.StartsWith($"{fileName} to Hollins Academy (8234001), 1 pupil(s) (transition page)", audit.Detail, StringComparison.Ordinal);
        var record = await db.CommonTransferFiles.SingleAsync(f => f.FileName == fileName);
        Assert.Equal(user.Id, record.MadeByUserId);
        Assert.Equal(1, record.Pupils);
    }

    [Theory]
    [InlineData(Role.LaAdmin)]
    [InlineData(Role.LaOfficer)]
    public async Task LA_officers_download_a_file_from_the_LA_numbered_on_from_the_last(Role role)
    {
        var t = await AcceptedTransitionAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var first = await DownloadAsync(client, t.Id);
        var second = await DownloadAsync(client, t.Id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var names = new[] { first, second }.Select(r => r.Content.Headers.ContentDisposition!.FileName!.Trim('"')).ToList();
        var numbers = names.Select(n => int.Parse(FileNamePattern().Match(n).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(names, n => Assert.Matches(FileNamePattern(), n));
        Assert.True(numbers[1] > numbers[0]);
        var header = XDocument.Parse(await first.Content.ReadAsStringAsync()).Root!.Element("Header")!;
        Assert.Equal(["823", "LLLL", "Testshire County Council"], header.Element("SourceSchool")!.Elements().Take(3).Select(e => e.Value));
        await using var db = host.CreateDbContext();
        var shares = await db.InformationShares.Where(s => s.ChildId == t.ChildId).ToListAsync();
        Assert.Equal(2, shares.Count);
        Assert.All(shares, s => Assert.Equal(host.World.Users[role].Id, s.SharedByUserId));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.ChildId == t.ChildId && e.Action == AuditActions.CommonTransferFileExported));
    }

    [GeneratedRegex("^823LLLL_CTF_8234001_(\\d{3})\\.xml$")]
    private static partial Regex FileNamePattern();

    [Theory]
    [MemberData(nameof(AllButLaOfficers))]
    public async Task Everyone_else_is_refused_as_the_transition_pages_refuse_and_nothing_is_recorded(Role role)
    {
        // The test world's school staff work at another primary school, so this child is not theirs; nor is it in the
        // SEN team's SEND cohort.
        var t = await AcceptedTransitionAsync();
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await DownloadAsync(client, t.Id);

        var expected = role is Role.AdvisoryTeacher or Role.Analyst or Role.CaldicottGuardian ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        Assert.Equal(expected, response.StatusCode);
        await AssertNothingRecordedAsync(t.ChildId);
    }

    [Fact]
    public async Task The_sending_schools_attendance_lead_may_read_the_transition_but_not_send_the_file()
    {
        var t = await AcceptedTransitionAsync();
        var school = await ProgrammeData.StaffedSchoolAsync(host);
        var client = await host.SignedInClientAsync(school.EmailFor(Role.AttendanceLead));
        var since = DateTime.UtcNow.AddSeconds(-1);

        var page = await client.GetAsync($"/transition/{t.Id}");
        var response = await DownloadAsync(client, t.Id);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await page.GetDocumentAsync()).QuerySelector(Button));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingRecordedAsync(t.ChildId);
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == t.ChildId && e.Action == AuditActions.ChildRefused && e.OccurredAtUtc >= since
            && e.Detail == "transition common transfer file: not permitted for attendance-lead"));
    }

    [Theory]
    [InlineData("secondary.transition-lead@test.example")]
    [InlineData("secondary.senco@test.example")]
    [InlineData("secondary.headteacher@test.example")]
    public async Task The_receiving_school_cannot_make_the_file_even_with_the_passport_shared(string email)
    {
        var client = await host.SignedInClientAsync(email);
        var id = host.World.PrimaryTransition.Id;

        var response = await DownloadAsync(client, id);

        // The lead and SENCo hold the passport share, so they get in and are refused; the headteacher does not get in.
        Assert.Equal(email.Contains("headteacher", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingRecordedAsync(host.World.PrimaryChild.Id);
    }

    [Fact]
    public async Task A_download_gives_the_receiving_school_no_access_in_Waymark()
    {
        var t = await AcceptedTransitionAsync();
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(officer, t.Id)).StatusCode);

        var lead = await host.SignedInClientAsync("secondary.transition-lead@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/transition/{t.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/children/{t.ChildId}")).StatusCode);
        var ledger = await (await officer.GetAsync($"/children/{t.ChildId}/sharing")).GetDocumentAsync();
        var row = ledger.QuerySelector("#shares tbody tr")!.TextContent;
        Assert.Contains(CtfCodes.LedgerWhat, row, StringComparison.Ordinal);
        Assert.Contains("Without consent: statutory duty", row, StringComparison.Ordinal);
        Assert.Contains("it gives the school no access in Waymark", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DestinationStatus.Preference)]
    [InlineData(DestinationStatus.Offered)]
    public async Task Until_the_place_is_accepted_there_is_no_button_and_a_stale_post_is_refused(DestinationStatus status)
    {
        var t = await AcceptedTransitionAsync(status);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var page = await (await officer.GetAsync($"/transition/{t.Id}")).GetDocumentAsync();
        var response = await DownloadAsync(officer, t.Id);

        Assert.Null(page.QuerySelector(Button));
        Assert.Equal("The secondary school place is not yet accepted", page.QuerySelector("#no-common-transfer-file")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The secondary school place is not yet accepted", (await response.GetDocumentAsync()).QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        await AssertNothingRecordedAsync(t.ChildId);
    }

    [Fact]
    public async Task The_address_answers_only_a_post()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var response = await officer.GetAsync($"/transition/{host.World.PrimaryTransition.Id}/common-transfer-file");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task AssertNothingRecordedAsync(Guid childId)
    {
        await using var db = host.CreateDbContext();
        Assert.False(await db.InformationShares.AnyAsync(s => s.ChildId == childId && s.What == CtfCodes.LedgerWhat));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ChildId == childId && e.Action == AuditActions.CommonTransferFileExported));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TransitionDownloadTestsOnSqlite(SqliteHost fixture) : TransitionDownloadTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class TransitionDownloadTestsOnPostgres(PostgresHost fixture) : TransitionDownloadTests(fixture.Host);
