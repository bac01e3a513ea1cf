using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Send;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Tests.EarlyHelp;

namespace Waymark.Web.Tests.Send;

/// <summary>
/// The SEN case officer's need-to-know (DataScope.SendCohort): the SEND cohort and the children they are a key person
/// for, anything else only with a reason; of the LA-wide pages, only the KPIs.
/// </summary>
public abstract class SendScopeTests(WaymarkTestHost host)
{
    private const string GoodReason = "Parent phoned the SEN team to ask for an EHC needs assessment";

    private static readonly DateOnly Today = TestWorld.Today;

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A pupil of the SEND world's first school with no status at all, shaped by <paramref name="add"/>.</summary>
    private async Task<Child> PupilAsync(string surname, Action<WaymarkDbContext, Child>? add = null, int ncYear = 4, DateOnly? planSince = null, bool senSupport = false)
    {
        var w = await SendData.WorldAsync(host);
        var child = await SendData.NewPupilAsync(host, w.SchoolA, $"{surname}{Tag()}", ncYear, planSince, senSupport);
        if (add is not null)
        {
            await using var db = host.CreateDbContext();
            add(db, child);
            await db.SaveChangesAsync();
        }

        return child;
    }

    /// <summary>A request <paramref name="requestedDaysAgo"/> days back; with <paramref name="refusedDaysAgo"/>, the LA decided then not to assess.</summary>
    private static EhcNeedsAssessment Assessment(Child child, WaymarkUser by, int requestedDaysAgo, int? refusedDaysAgo = null) => new()
    {
        ChildId = child.Id, RequestedOn = Today.AddDays(-requestedDaysAgo), RequestedBy = AssessmentRequester.Parent, CreatedByUserId = by.Id,
        CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        Decision = refusedDaysAgo is null ? null : AssessmentDecision.NotAssess, DecidedOn = refusedDaysAgo is int d ? Today.AddDays(-d) : null,
    };

    [Fact]
    public async Task The_sen_officer_sees_the_send_cohort_and_is_offered_a_reason_for_any_other_child()
    {
        var w = await SendData.WorldAsync(host);
        var support = await PupilAsync("Support", senSupport: true);
        var plan = await PupilAsync("Plan", planSince: Today.AddYears(-2));
        var requested = await PupilAsync("Requested", (db, c) => db.EhcNeedsAssessments.Add(Assessment(c, w.Officer, 20)));
        var refusedLately = await PupilAsync("RefusedLately", (db, c) => db.EhcNeedsAssessments.Add(Assessment(c, w.Officer, 90, refusedDaysAgo: 60)));

        var fromElsewhere = await PupilAsync("Arrived", (db, c) => db.EhcLaTransfers.Add(new EhcLaTransfer
        {
            ChildId = c.Id, FromLocalAuthority = "Northshire", TransferredOn = Today.AddDays(-10), CreatedByUserId = w.Officer.Id, CreatedAtUtc = DateTime.UtcNow,
        }));
        var keyPerson = await PupilAsync("Named", (db, c) => db.KeyPeople.Add(new KeyPerson
        {
            ChildId = c.Id, UserId = w.Officer.Id, Role = KeyPersonRole.Senco, StartDate = Today.AddMonths(-1),
        }));

        // Known to the LA's other services, not to the SEN team: early help, attendance, a child in need, a support plan
        // that has ended, a request refused long ago.
        var earlyHelp = await PupilAsync("EarlyHelpOnly");
        await EarlyHelpData.NewPlanAsync(host, host.World.Users[Role.LeadProfessional], earlyHelp);
        var attendance = await PupilAsync("AttendanceOnly", (db, c) => db.AttendanceAlerts.Add(new AttendanceAlert
        {
            ChildId = c.Id, SchoolId = w.SchoolA.Id, Kind = AlertKind.PersistentAbsence, Key = $"scope-{c.Id}", Owner = AlertOwner.School,
            Summary = "85% attendance this term", RaisedOn = Today,
        }));
        var inNeed = await PupilAsync("InNeed", (db, c) => db.ChildStatuses.Add(new ChildStatus { ChildId = c.Id, Type = ChildStatusType.ChildInNeed, StartDate = Today.AddMonths(-3) }));
        var supportEnded = await PupilAsync("SupportEnded", (db, c) => db.ChildStatuses.Add(new ChildStatus
        {
            ChildId = c.Id, Type = ChildStatusType.SenSupport, StartDate = Today.AddYears(-2), EndDate = Today.AddMonths(-1), PrimaryNeed = SenPrimaryNeed.SLCN,
        }));
        var refusedLongAgo = await PupilAsync("RefusedLongAgo", (db, c) => db.EhcNeedsAssessments.Add(Assessment(c, w.Officer, 800, refusedDaysAgo: 760)));

        var officer = await host.SignedInClientAsync(w.Officer.Email!);
        var laOfficer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        foreach (var child in new[] { support, plan, requested, refusedLately, fromElsewhere, keyPerson })
        {
            var response = await officer.GetAsync($"/children/{child.Id}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{child.LegalSurname}: {(int)response.StatusCode}");
        }

        foreach (var child in new[] { earlyHelp, attendance, inNeed, supportEnded, refusedLongAgo })
        {
            var response = await officer.GetAsync($"/children/{child.Id}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{child.LegalSurname}: {(int)response.StatusCode}");
            Assert.StartsWith($"/children/{child.Id}/open-with-reason", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync($"/children/{child.Id}/send")).StatusCode);
        }

        // The same children are known to the LA's services, so an LA officer opens them: the SEN team's rule is narrower.
        foreach (var child in new[] { earlyHelp, attendance, inNeed, supportEnded })
        {
            Assert.Equal(HttpStatusCode.OK, (await laOfficer.GetAsync($"/children/{child.Id}")).StatusCode);
        }

        await using var check = host.CreateDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.ChildId == earlyHelp.Id && e.UserId == w.Officer.Id && e.Action == AuditActions.ChildRefused));
        Assert.False(await check.AuditEvents.AnyAsync(e => e.ChildId == earlyHelp.Id && e.UserId == w.Officer.Id && e.Action == AuditActions.ChildViewed));
    }

    [Fact]
    public async Task With_a_reason_the_sen_officer_opens_a_child_no_service_knows_and_records_a_request()
    {
        var w = await SendData.WorldAsync(host);
        var child = await PupilAsync("NewRequest");
        var officer = await host.SignedInClientAsync(w.Officer.Email!);
        var request = $"/children/{child.Id}/send/request";

        var asked = await officer.GetAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/children/{child.Id}/open-with-reason?returnUrl={Uri.EscapeDataString(request)}", asked.Headers.Location!.OriginalString);

        var granted = await officer.PostFormAsync($"/children/{child.Id}/open-with-reason?returnUrl={Uri.EscapeDataString(request)}", new() { ["Reason"] = GoodReason });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(request, granted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(request)).StatusCode);
        var saved = await officer.PostFormAsync(request, SendData.Date("RequestedOn", Today.AddDays(-2)).With("RequestedBy", "Parent"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using var db = host.CreateDbContext();
        Assert.True(await db.EhcNeedsAssessments.AnyAsync(a => a.ChildId == child.Id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.BreakGlass && e.UserId == w.Officer.Id && e.Reason == GoodReason));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.SendChanged && e.Reason == GoodReason));

        // The open request puts the child in the cohort: from now on no reason is needed.
        await db.BreakGlassAccesses.Where(g => g.ChildId == child.Id).ExecuteDeleteAsync();
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/children/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task Searching_finds_the_cohort_by_name_and_any_other_child_only_by_exact_upn_to_open_with_a_reason()
    {
        var w = await SendData.WorldAsync(host);
        var tag = Tag();
        var inCohort = await SendData.NewPupilAsync(host, w.SchoolA, $"Searchable{tag}");
        var outside = await PupilAsync($"Searchable{tag}Other", (db, c) => db.ChildStatuses.Add(new ChildStatus { ChildId = c.Id, Type = ChildStatusType.ChildInNeed, StartDate = Today.AddMonths(-3) }));
        var officer = await host.SignedInClientAsync(w.Officer.Email!);

        var byName = await (await officer.PostFormAsync("/children", new() { ["Query"] = $"Searchable{tag}" })).GetDocumentAsync();
        var links = byName.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/children/{inCohort.Id}", links);
        Assert.DoesNotContain(links, l => l is not null && l.Contains(outside.Id.ToString(), StringComparison.Ordinal));

        var byUpn = await (await officer.PostFormAsync("/children", new() { ["Query"] = outside.Upn! })).GetDocumentAsync();
        Assert.Contains($"/children/{outside.Id}/open-with-reason", byUpn.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_la_wide_pages_other_teams_work_from_are_refused_to_the_sen_officer()
    {
        var w = await SendData.WorldAsync(host);
        var child = await PupilAsync("Closed", planSince: Today.AddYears(-1));
        var officer = await host.SignedInClientAsync(w.Officer.Email!);

        foreach (var path in new[]
                 {
                     "/attendance", "/attendance/worklist", $"/schools/{w.SchoolA.Urn}/attendance",
                     "/transition/board", "/transition/cohort", "/transition/interventions", "/transition/training", "/transition/leads",
                     $"/transition/leads/{w.SchoolA.Urn}",
                     "/early-help/reports", "/benchmarking", "/evaluation", "/adulthood/panels",
                     $"/children/{child.Id}/adulthood/care-leaver", $"/children/{child.Id}/access",
                 })
        {
            var response = await officer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }

        var menu = (await (await officer.GetAsync("/")).GetDocumentAsync()).QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/attendance", menu);
        Assert.Contains("/send", menu);
        var figures = (await (await officer.GetAsync("/figures")).GetDocumentAsync()).QuerySelectorAll("#figures a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/kpis"], figures);
    }

    [Fact]
    public async Task The_sen_officer_keeps_its_send_pages_the_kpis_and_a_cohort_childs_record_attendance_and_transition()
    {
        var w = await SendData.WorldAsync(host);
        var child = await PupilAsync("Kept", ncYear: 6, planSince: Today.AddYears(-3));
        Transition transition;
        await using (var db = host.CreateDbContext())
        {
            var tracked = await db.Children.SingleAsync(c => c.Id == child.Id);
            transition = TestWorld.NewTransition(tracked, TestWorld.ThisYear.StartYear, w.SchoolA, CohortDecision.Confirmed);
            db.Transitions.Add(transition);
            await db.SaveChangesAsync();
        }

        var officer = await host.SignedInClientAsync(w.Officer.Email!);
        foreach (var path in new[]
                 {
                     "/send", "/send/phase-transfers", "/kpis", "/figures", "/children", "/transition", "/adulthood",
                     $"/children/{child.Id}", $"/children/{child.Id}/send", $"/children/{child.Id}/attendance", $"/transition/{transition.Id}",
                 })
        {
            var response = await officer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        // The phase-transfer list links to the child's transition, which the SEN team reads and does not change.
        var list = await (await officer.GetAsync("/send/phase-transfers")).GetDocumentAsync();
        Assert.Contains($"/transition/{transition.Id}", list.QuerySelectorAll("#phase-transfers a").Select(a => a.GetAttribute("href")));
        var page = await (await officer.GetAsync($"/transition/{transition.Id}")).GetDocumentAsync();
        foreach (var action in new[] { "decision", "destination", "consent", "meetings/new", "interventions/new" })
        {
            Assert.Null(page.QuerySelector($"a[href='/transition/{transition.Id}/{action}']"));
        }

        Assert.Null(page.QuerySelector("form[action$='/common-transfer-file']"));
        var ctf = await officer.PostFieldsAsync($"/transition/{transition.Id}/common-transfer-file", [], formPage: "/");
        Assert.Equal(HttpStatusCode.Forbidden, ctf.StatusCode);

        // The transition list is the cohort's transitions.
        var worklist = await (await officer.GetAsync("/transition")).GetDocumentAsync();
        Assert.Contains($"/transition/{transition.Id}", worklist.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_transition_of_a_child_outside_the_cohort_is_not_the_sen_officers()
    {
        var w = await SendData.WorldAsync(host);
        var transition = await Transitions.ProgrammeData.NewPrimaryTransitionAsync(host);
        var officer = await host.SignedInClientAsync(w.Officer.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/transition/{transition.Id}")).StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == transition.ChildId && e.UserId == w.Officer.Id && e.Action == AuditActions.ChildRefused));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SendScopeTestsOnSqlite(SqliteHost fixture) : SendScopeTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SendScopeTestsOnPostgres(PostgresHost fixture) : SendScopeTests(fixture.Host);
