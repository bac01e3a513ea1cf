using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Tests.Transitions;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// Guessed ids on every route that takes one (children, transitions, meetings, interventions, suspensions, reduced
/// timetables, alerts, notifications, users, schools, training): random GUIDs and integers, zero, negative and
/// out-of-range values, by GET and POST, for roles with and without the right. Each is a 404 (or 403 where the role
/// lacks the right, 405 for a method the page does not take), never a page and never a 500. A real child outside the user's
/// scope, reached through any of those routes, is refused the same way and the refusal is in the audit log.
/// The random values come from a fixed seed; a failure names the request.
/// </summary>
public abstract class IdGuessingTests(WaymarkTestHost host, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 5_1207;

    private static readonly HtmlParser Parser = new();

    /// <summary>Every route with an id, the id's kind in braces: {guid}, {int}, {long}, {urn}, {user}.</summary>
    private static readonly string[] Routes =
    [
        "/children/{guid}", "/children/{guid}/attendance", "/children/{guid}/suspensions", "/children/{guid}/suspensions/new",
        "/children/{guid}/suspensions/{long}", "/children/{guid}/suspensions/{long}?handler=Provision", "/children/{guid}/suspensions/{long}?handler=Reintegration",
        "/children/{guid}/reduced-timetables", "/children/{guid}/reduced-timetables/new", "/children/{guid}/reduced-timetables/{int}",
        "/children/{guid}/reduced-timetables/{int}/review", "/children/{guid}/reduced-timetables/{int}/end",
        "/transition/{guid}", "/transition/{guid}/decision", "/transition/{guid}/destination", "/transition/{guid}/passport", "/transition/{guid}/passport.pdf",
        "/transition/{guid}/profile/about-me", "/transition/{guid}/profile/support-plan?handler=AddAction",
        "/transition/{guid}/profile/support-plan?handler=ActionDone&actionId={int}", "/transition/{guid}/profile/history",
        "/transition/{guid}/interventions/new", "/transition/{guid}/interventions/{int}", "/transition/{guid}/consent?handler=Record",
        "/transition/{guid}/consent?handler=Withdraw", "/transition/{guid}/acknowledge", "/transition/{guid}/follow-up/{slug}", "/transition/{guid}/meetings/new",
        "/transition/{guid}/meetings/{int}", "/transition/{guid}/meetings/{int}?handler=Done&actionId={int}", "/transition/{guid}/meetings/{int}/record",
        "/transition/{guid}/meetings/{int}/cancel", "/transition/{guid}/meetings/{int}/actions/new",
        "/attendance/worklist/{long}", "/attendance/worklist/{long}/support-plan", "/notifications?handler=Read&notificationId={long}",
        "/admin/users/{user}", "/schools/{urn}", "/schools/{urn}/attendance", "/transition/leads/{urn}", "/transition/leads/{urn}?handler=End&leadId={int}",
        "/transition/interventions/{int}", "/transition/training/{int}", "/transition/training/{int}?handler=Add",
        "/transition/training/{int}?handler=Remove&attendeeId={int}",
    ];

    private readonly List<Guid> _children = [];

    private Child _outOfScope = null!;
    private Transition _transition = null!;
    private AttendanceAlert _alert = null!;

    public async Task InitializeAsync()
    {
        // A child at a school of this test's own, with a transition and an open alert: outside the primary school's scope.
        var school = await ProgrammeData.NewSchoolAsync(host, "Guessing Primary");
        await using var db = host.CreateDbContext();
        _outOfScope = TestWorld.NewChild("Guess", "Pupil", new DateOnly(TestWorld.ThisYear.StartYear - 11, 4, 4), Sex.Male, school.EstablishmentNumber, 1);
        _outOfScope.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
        db.Children.Add(_outOfScope);
        _children.Add(_outOfScope.Id);
        _transition = TestWorld.NewTransition(_outOfScope, TestWorld.ThisYear.StartYear, school, CohortDecision.Confirmed);
        db.Transitions.Add(_transition);
        _alert = new AttendanceAlert
        {
            ChildId = _outOfScope.Id, SchoolId = school.Id, Kind = AlertKind.PersistentAbsence, Key = "guessing", Owner = AlertOwner.School,
            Summary = "85% attendance this term", RaisedOn = TestWorld.Today,
        };
        db.AttendanceAlerts.Add(_alert);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await using var db = host.CreateDbContext();
        await db.AttendanceAlerts.Where(a => _children.Contains(a.ChildId)).ExecuteDeleteAsync();
        await db.Children.Where(c => _children.Contains(c.Id)).ExecuteDeleteAsync();
    }

    /// <summary>A route with its ids filled: random ones, and the edges (zero, negative, the largest, one past it).</summary>
    private static string Fill(string route, Random random, int variant)
    {
        string Int() => variant switch
        {
            0 => "0",
            1 => "-1",
            2 => int.MaxValue.ToString(CultureInfo.InvariantCulture),
            3 => "2147483648",
            _ => random.Next(1, int.MaxValue).ToString(CultureInfo.InvariantCulture),
        };
        string Long() => variant switch
        {
            0 => "0",
            1 => "-1",
            2 => long.MaxValue.ToString(CultureInfo.InvariantCulture),
            3 => "9223372036854775808",
            _ => random.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        };
        Guid RandomGuid()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        var guid = variant == 0 ? Guid.Empty : RandomGuid();
        var user = variant switch
        {
            0 => "0",
            1 => "%27%20OR%201%3D1",
            2 => RandomGuid().ToString(),
            _ => Uri.EscapeDataString(new string((char)random.Next('a', 'z' + 1), random.Next(1, 40))),
        };
        var slug = variant switch { 0 => "year-8", 1 => "..%2F..", 2 => "six-weeks", 3 => "end-of-first-term", _ => "x" + random.Next() };
        return route.Replace("{guid}", guid.ToString(), StringComparison.Ordinal)
            .Replace("{int}", Int(), StringComparison.Ordinal)
            .Replace("{long}", Long(), StringComparison.Ordinal)
            .Replace("{urn}", variant == 0 ? "0" : random.Next(100000, 1000000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{user}", user, StringComparison.Ordinal)
            .Replace("{slug}", slug, StringComparison.Ordinal);
    }

    public static TheoryData<string> Users() => new("la-officer", "la-admin", "headteacher", "social-worker", "analyst", "transition-lead");

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Guessed_ids_are_not_found_or_forbidden_never_a_page_or_an_error(string role)
    {
        Assert.True(Roles.TryParse(role, out var parsed));
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(parsed));
        var token = await TokenAsync(client);
        var random = new Random(Seed + (int)parsed);
        var failures = new List<string>();
        var requests = 0;
        foreach (var route in Routes)
        {
            for (var variant = 0; variant < 6; variant++)
            {
                var path = Fill(route, random, variant);
                foreach (var post in new[] { false, true })
                {
                    if (!post && route.StartsWith("/notifications", StringComparison.Ordinal))
                    {
                        continue; // a GET is the user's own notifications page, whatever the handler asked for
                    }

                    requests++;
                    var response = post
                        ? await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))
                        : await client.GetAsync(path);
                    var status = (int)response.StatusCode;
                    if (status is not (403 or 404 or 405))
                    {
                        failures.Add($"{(post ? "POST" : "GET")} {path} as {role}: {status}");
                    }
                }
            }
        }

        output.WriteLine($"{requests} guessed requests as {role} on {host.Provider}.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} guesses were answered wrongly:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task A_real_child_outside_the_users_scope_is_not_found_on_every_route_and_each_refusal_is_audited()
    {
        var user = host.World.Users[Role.Headteacher];
        var client = await host.SignedInClientAsync(user.Email!);
        var token = await TokenAsync(client);
        var random = new Random(Seed);
        var failures = new List<string>();
        var requests = 0;
        var routes = Routes.Where(r => r.StartsWith("/children/{guid}", StringComparison.Ordinal) || r.StartsWith("/transition/{guid}", StringComparison.Ordinal))
            .Append("/attendance/worklist/{alert}").Append("/attendance/worklist/{alert}/support-plan");
        foreach (var route in routes)
        {
            var id = route.StartsWith("/transition/", StringComparison.Ordinal) ? _transition.Id : _outOfScope.Id;
            var template = route.Replace("{guid}", id.ToString(), StringComparison.Ordinal).Replace("{alert}", _alert.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            // A real follow-up kind: an unknown one is answered before the transition is opened.
            var path = Fill(template, random, variant: 5).Replace("/follow-up/x", "/follow-up/six-weeks?x", StringComparison.Ordinal);
            {
                foreach (var post in new[] { false, true })
                {
                    if (!post && path.EndsWith("/acknowledge", StringComparison.Ordinal))
                    {
                        continue; // POST only: a GET is 405 before anything is opened
                    }

                    requests++;
                    long before;
                    await using (var last = host.CreateDbContext())
                    {
                        before = await last.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
                    }

                    var response = post
                        ? await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))
                        : await client.GetAsync(path);
                    // A POST to a page that only shows is refused by method (405) before anything is opened, so nothing is
                    // audited; every other refusal is a 404 with the attempt on the record.
                    var byMethod = post && response.StatusCode == HttpStatusCode.MethodNotAllowed;
                    if (response.StatusCode != HttpStatusCode.NotFound && !byMethod)
                    {
                        failures.Add($"{(post ? "POST" : "GET")} {path}: {(int)response.StatusCode}, not 404");
                    }

                    await using var db = host.CreateDbContext();
                    var refusals = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ChildRefused && e.ChildId == _outOfScope.Id
                        && e.UserId == user.Id && e.Id > before);
                    if (refusals != (byMethod ? 0 : 1))
                    {
                        failures.Add($"{(post ? "POST" : "GET")} {path}: {(int)response.StatusCode} with {refusals} refusal(s) in the audit log");
                    }
                }
            }
        }

        output.WriteLine($"{requests} requests for a child out of scope on {host.Provider}.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = Parser.ParseDocument(await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IdGuessingTestsOnSqlite(SqliteHost fixture, ITestOutputHelper output) : IdGuessingTests(fixture.Host, output);

[Collection(PostgresCollection.Name)]
public sealed class IdGuessingTestsOnPostgres(PostgresHost fixture, ITestOutputHelper output) : IdGuessingTests(fixture.Host, output);
