using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Hosting;
using Waymark.Web.Tests.Transitions;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// Script typed into every free-text field a user can fill: each form is filled as a browser would (its fields found
/// on the page, so a field added later is covered too) with a payload of a script element, an image with an onerror
/// handler and both quote marks, tagged with the field it went into. Then every page reachable from the records
/// involved is read as each user who may see it: no page carries a script, event-handler attribute, image or
/// javascript: address from a payload, and every payload is shown, whole, as text (or as a form value) on at least one
/// page. The Transition Passport PDF is made with the payloads in it: they are text in it, and it holds no JavaScript,
/// link or other action. A script or off-site return address given to the sign-in page is kept as text and never
/// followed. (Waymark has no CSV or other export but the passport, so there is no spreadsheet formula to neutralise.)
/// </summary>
public abstract class ScriptInjectionTests(WaymarkTestHost host, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// What a user types: a javascript: address (for a page that made the text a link), quotes and a bracket to leave an
    /// attribute, an end tag to leave a text area, then a script and an image with an onerror handler. A page that ran it
    /// would have an inline script, an onerror attribute, an image of "x" or a javascript: link.
    /// </summary>
    public const string Attack = "javascript:alert(1)// \"'></textarea><script>alert(1)</script><img src=x onerror=alert(1)>";

    private static readonly HtmlParser Parser = new();

    private readonly List<Guid> _children = [];
    private readonly List<string> _interventions = [];
    private readonly List<int> _trainingSessions = [];
    private readonly List<string> _emails = [];

    /// <summary>Each payload's tag and the form field it was typed into.</summary>
    private readonly Dictionary<string, string> _typed = [];

    private readonly List<string> _failures = [];

    private DateOnly Today => host.Clock.UkToday();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var db = host.CreateDbContext();
        await db.InformationShares.Where(s => _children.Contains(s.ChildId)).ExecuteDeleteAsync();
        await db.AttendanceAlerts.Where(a => _children.Contains(a.ChildId)).ExecuteDeleteAsync();
        await db.Children.Where(c => _children.Contains(c.Id)).ExecuteDeleteAsync();
        await db.InterventionEnrolments.Where(e => _interventions.Contains(e.Intervention!.Name)).ExecuteDeleteAsync();
        await db.Interventions.Where(i => _interventions.Contains(i.Name)).ExecuteDeleteAsync();
        await db.TrainingSessions.Where(s => _trainingSessions.Contains(s.Id)).ExecuteDeleteAsync();
        var users = await db.Users.Where(u => _emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync();
        // Their audit entries stay: the log is append-only, and an entry names a user by id without a foreign key.
        await db.UserSessions.Where(s => users.Contains(s.UserId)).ExecuteDeleteAsync();
        await db.Users.Where(u => users.Contains(u.Id)).ExecuteDeleteAsync();
    }

    /// <summary>The payload for one field: the attack and a tag naming the field, so where it shows can be traced.</summary>
    private Func<string, string> PayloadFor(string form) => field =>
    {
        var tag = $"tag{_typed.Count:D3}x";
        _typed[tag] = $"{form}: {field}";
        return $"{Attack} {tag}";
    };

    /// <summary>Fills and posts a form; a form shown again with errors is a failure of the test's own values, named with them.</summary>
    private async Task<PostedForm> SubmitAsync(FormDriver driver, string what, string page, Dictionary<string, string>? given = null, string? withField = null,
        params HttpStatusCode[] accepted)
    {
        var posted = await driver.SubmitAsync(page, PayloadFor(what), given, withField);
        var ok = accepted.Length == 0 ? [HttpStatusCode.Redirect] : accepted;
        if (!ok.Contains(posted.Status))
        {
            _failures.Add($"{what} ({posted.Action}): {(int)posted.Status} {string.Join("; ", posted.Errors)}");
            foreach (var field in posted.TextFields)
            {
                _typed.Remove(_typed.FirstOrDefault(t => t.Value == $"{what}: {field}").Key ?? "");
            }
        }

        CheckPage($"{what}, the answer to the post", Parser.ParseDocument(posted.Body));
        return posted;
    }

    private Dictionary<string, string> Dates(params (string Name, DateOnly Date)[] dates) =>
        dates.SelectMany(d => FormDriver.Date(d.Name, d.Date)).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(HttpClient Client, FormDriver Driver)> AsAsync(string email)
    {
        var client = await host.SignedInClientAsync(email);
        return (client, new FormDriver(client, Today));
    }

    /// <summary>Where a post redirected to, without its query and fragment; the test stops here if it did not.</summary>
    private string Location(PostedForm posted) =>
        posted.Response.Headers.Location?.OriginalString.Split('?', '#')[0]
            ?? throw new Xunit.Sdk.XunitException($"{posted.Action} was not saved, so the test cannot go on:\n" + string.Join("\n", _failures));

    private int IdFromLocation(PostedForm posted) => int.Parse(Location(posted).Split('/').Last(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Script_typed_into_the_transition_programme_is_shown_as_text_and_never_run()
    {
        var school = await ProgrammeData.StaffedSchoolAsync(host);
        var transition = await ProgrammeData.NewPrimaryTransitionAsync(host);
        var proposed = await ProgrammeData.NewPrimaryTransitionAsync(host, CohortDecision.Proposed);
        _children.AddRange([transition.ChildId, proposed.ChildId]);
        var t = $"/transition/{transition.Id}";

        var (la, laForms) = await AsAsync(TestWorld.EmailFor(Role.LaOfficer));
        var intervention = await SubmitAsync(laForms, "New intervention", "/transition/interventions/new");
        var interventionName = intervention.Fields.Single(f => f.Key == "Name").Value;
        _interventions.Add(interventionName);
        int interventionId;
        await using (var db = host.CreateDbContext())
        {
            interventionId = await db.Interventions.Where(i => i.Name == interventionName).Select(i => i.Id).SingleAsync();
        }

        var session = await SubmitAsync(laForms, "New training session", "/transition/training/new",
            new() { ["SchoolId"] = school.School.Id.ToString(CultureInfo.InvariantCulture) });
        var sessionId = IdFromLocation(session);
        _trainingSessions.Add(sessionId);
        await SubmitAsync(laForms, "Training attendee", $"/transition/training/{sessionId}", new() { ["SchoolId"] = school.School.Id.ToString(CultureInfo.InvariantCulture) },
            withField: "JobTitle");
        await SubmitAsync(laForms, "Transition Lead of a school", $"/transition/leads/{school.School.Urn}",
            new() { ["Email"] = "lead.injection@example.org", ["Phone"] = "01632 960001", ["UserId"] = "" }, withField: "Phone");
        await SubmitAsync(laForms, "Destination", $"{t}/destination", new() { ["School"] = host.World.Secondary.Urn.ToString(CultureInfo.InvariantCulture) });
        await SubmitAsync(laForms, "Cohort decision", $"/transition/{proposed.Id}/decision");

        var (lead, leadForms) = await AsAsync(school.EmailFor(Role.TransitionLead));
        foreach (var section in ProfileSections.All)
        {
            var page = $"{t}/profile/{section.Slug}";
            if ((await lead.GetAsync(page)).StatusCode == HttpStatusCode.OK)
            {
                await SubmitAsync(leadForms, $"Profile {section.Slug}", page, new() { ["Status"] = "InProgress" }, withField: "Version");
            }
        }

        await SubmitAsync(leadForms, "Support plan action", $"{t}/profile/support-plan", withField: "NewAction");
        var meeting = IdFromLocation(await SubmitAsync(leadForms, "Arrange a meeting", $"{t}/meetings/new", new() { ["StartTime"] = "14:30" }));
        // Everyone sent a delegate, so each delegate's name is kept too.
        await SubmitAsync(leadForms, "Record the meeting", $"{t}/meetings/{meeting}/record",
            new() { ["attendance-*"] = nameof(MeetingAttendance.SentDelegate), ["LateAttendance"] = nameof(MeetingAttendance.SentDelegate) });
        await SubmitAsync(leadForms, "Meeting action", $"{t}/meetings/{meeting}/actions/new");
        var second = IdFromLocation(await SubmitAsync(leadForms, "Arrange a second meeting", $"{t}/meetings/new", new() { ["StartTime"] = "09:15" }));
        await SubmitAsync(leadForms, "Cancel a meeting", $"{t}/meetings/{second}/cancel");
        await SubmitAsync(leadForms, "Record consent", $"{t}/consent", withField: "GivenByName");
        await SubmitAsync(leadForms, "Enrol in an intervention", $"{t}/interventions/new",
            new() { ["InterventionId"] = interventionId.ToString(CultureInfo.InvariantCulture), ["SessionsPlanned"] = "6", ["SessionsAttended"] = "0", ["ScoreBefore"] = "", ["ScoreAfter"] = "" });

        // The passport as a PDF, with the payloads in it, before consent is withdrawn.
        var pdf = await lead.GetAsync($"{t}/passport.pdf");
        if (pdf.StatusCode != HttpStatusCode.OK || pdf.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            _failures.Add($"the passport PDF: {(int)pdf.StatusCode} {pdf.Content.Headers.ContentType}");
        }
        else
        {
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            _failures.AddRange(PdfActiveContent(bytes).Select(a => $"the passport PDF: {a}"));
            var text = PdfText.Flat(PdfText.Read(bytes).Text);
            var inPdf = _typed.Keys.Count(tag => text.Contains($"{Attack} {tag}", StringComparison.Ordinal));
            output.WriteLine($"the passport PDF shows {inPdf} of the {_typed.Count} payload(s) typed so far whole, as text");
            if (inPdf == 0)
            {
                _failures.Add("the passport PDF does not show any typed payload whole, as text");
            }
        }

        await SubmitAsync(leadForms, "Withdraw consent", $"{t}/consent", withField: "WithdrawnNote");

        await CheckPagesAsync(
            (la, [t, $"/transition/{proposed.Id}", "/transition/interventions", $"/transition/interventions/{interventionId}", "/transition/training",
                $"/transition/training/{sessionId}", "/transition/leads", $"/transition/leads/{school.School.Urn}", "/transition/board"]),
            (lead, [t, $"{t}/passport", $"{t}/profile/history", $"{t}/consent", $"{t}/meetings/{meeting}", $"{t}/meetings/{second}", $"/transition/leads/{school.School.Urn}"]));
    }

    [Fact]
    public async Task Script_typed_into_a_year_7_follow_up_is_shown_as_text_and_never_run()
    {
        // A child now in Year 7 at a secondary school of this test's own, with its Transition Lead.
        var sending = await ProgrammeData.StaffedSchoolAsync(host);
        var secondary = await ProgrammeData.NewSchoolAsync(host, "Injection Academy", SchoolPhase.Secondary);
        var email = $"lead.{Guid.NewGuid():N}@test.example";
        _emails.Add(email);
        Transition transition;
        await using (var db = host.CreateDbContext())
        {
            var leadUser = TestWorld.NewUser(email, "Injection Lead", Role.TransitionLead, null);
            leadUser.SchoolId = secondary.Id;
            db.Users.Add(leadUser);
            var child = TestWorld.NewChild("Year", "Seven", new DateOnly(TestWorld.ThisYear.StartYear - 12, 1, 5), Sex.Female, secondary.EstablishmentNumber, 1);
            child.Enrolments.Add(new Enrolment { SchoolId = sending.School.Id, StartDate = TestWorld.ThisYear.Start.AddYears(-7), EndDate = TestWorld.ThisYear.Start.AddDays(-40), Type = EnrolmentType.Single });
            child.Enrolments.Add(new Enrolment { SchoolId = secondary.Id, StartDate = TestWorld.ThisYear.Start, Type = EnrolmentType.Single });
            db.Children.Add(child);
            _children.Add(child.Id);
            transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear - 1, sending.School, CohortDecision.Confirmed);
            transition.DestinationSchoolId = secondary.Id;
            transition.DestinationStatus = DestinationStatus.Accepted;
            db.Transitions.Add(transition);
            await db.SaveChangesAsync();
        }

        var (lead, forms) = await AsAsync(email);
        var kind = Today >= TestWorld.ThisYear.Start.AddDays(7 * 15) ? "end-of-first-term" : "six-weeks";
        await SubmitAsync(forms, "Year 7 follow-up", $"/transition/{transition.Id}/follow-up/{kind}",
            new() { ["Year6Attendance"] = "96", ["Year7Attendance"] = "91.5", ["Suspensions"] = "0" });
        var (la, _) = await AsAsync(TestWorld.EmailFor(Role.LaOfficer));
        await CheckPagesAsync((lead, [$"/transition/{transition.Id}"]), (la, [$"/transition/{transition.Id}", "/transition/board"]));
    }

    [Fact]
    public async Task Script_typed_into_attendance_records_is_shown_as_text_and_never_run()
    {
        var school = await ProgrammeData.StaffedSchoolAsync(host);
        Child child;
        AttendanceAlert alert;
        await using (var db = host.CreateDbContext())
        {
            child = TestWorld.NewChild("Attend", "Injection", new DateOnly(TestWorld.ThisYear.StartYear - 9, 6, 6), Sex.Male, school.School.EstablishmentNumber, 900);
            child.Enrolments.Add(new Enrolment { SchoolId = school.School.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
            db.Children.Add(child);
            _children.Add(child.Id);
            alert = new AttendanceAlert
            {
                ChildId = child.Id, SchoolId = school.School.Id, Kind = AlertKind.PersistentAbsence, Key = "injection", Owner = AlertOwner.School,
                Summary = "85% attendance this term", RaisedOn = Today,
            };
            db.AttendanceAlerts.Add(alert);
            await db.SaveChangesAsync();
        }

        var c = $"/children/{child.Id}";
        var (head, headForms) = await AsAsync(school.EmailFor(Role.Headteacher));
        var suspension = await SubmitAsync(headForms, "Record a suspension", $"{c}/suspensions/new", new() { ["Length"] = "2", ["Reason2"] = "", ["Reason3"] = "" });
        var details = Location(suspension);
        await SubmitAsync(headForms, "Suspension provision", details, withField: "ProvisionBy");
        await SubmitAsync(headForms, "Suspension reintegration", details, withField: "MeetingNote");

        var timetable = await SubmitAsync(headForms, "Reduced timetable", $"{c}/reduced-timetables/new",
            new Dictionary<string, string>(Dates(("PlannedEndDate", Today.AddDays(28)))) { ["HoursPerWeek"] = "15" });
        var timetablePage = Location(timetable);
        await SubmitAsync(headForms, "Reduced timetable review", $"{timetablePage}/review",
            new Dictionary<string, string>(Dates(("NextReviewOn", Today.AddDays(14))))
            {
                // The plan kept as it was, so the first one's payload is still shown.
                ["NewHoursPerWeek"] = "", ["PlanToFullTime"] = timetable.Fields.Single(f => f.Key == "PlanToFullTime").Value,
            });
        await SubmitAsync(headForms, "End a reduced timetable", $"{timetablePage}/end");

        var (attendanceLead, leadForms) = await AsAsync(school.EmailFor(Role.AttendanceLead));
        await SubmitAsync(leadForms, "Attendance support plan", $"/attendance/worklist/{alert.Id}/support-plan", Dates(("ReviewOn", Today.AddDays(28))));
        await SubmitAsync(leadForms, "Handle an alert", $"/attendance/worklist/{alert.Id}", withField: "Note");

        var (la, _) = await AsAsync(TestWorld.EmailFor(Role.LaOfficer));
        await CheckPagesAsync(
            (head, [c, $"{c}/attendance", $"{c}/suspensions", details, $"{c}/reduced-timetables", timetablePage]),
            (attendanceLead, [$"/attendance/worklist/{alert.Id}", $"/attendance/worklist?Status=handled", "/attendance/worklist"]),
            (la, [c, $"{c}/suspensions", details, timetablePage, "/notifications"]));
    }

    [Fact]
    public async Task Script_typed_into_accounts_sign_in_and_searches_is_shown_as_text_and_never_run()
    {
        var email = $"injection.{Guid.NewGuid():N}@test.example";
        _emails.Add(email);
        var (admin, adminForms) = await AsAsync(TestWorld.EmailFor(Role.LaAdmin));
        await SubmitAsync(adminForms, "Add a user", "/admin/users/add",
            new() { ["Email"] = email, ["Role"] = "headteacher", ["School"] = host.World.Primary.Urn.ToString(CultureInfo.InvariantCulture) },
            accepted: HttpStatusCode.OK);
        string userId;
        await using (var db = host.CreateDbContext())
        {
            userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        // Forms shown again with what was typed: a failed sign-in, a search, a school name filter.
        var anonymous = new FormDriver(host.CreateClient(), Today);
        await SubmitAsync(anonymous, "Sign in", "/sign-in", accepted: HttpStatusCode.OK);
        var (la, laForms) = await AsAsync(TestWorld.EmailFor(Role.LaOfficer));
        await SubmitAsync(laForms, "Search", "/children", new() { ["School"] = "" }, accepted: HttpStatusCode.OK);
        var schoolFilter = PayloadFor("School name filter")("Name");
        CheckPage("the schools list filtered by name", Parser.ParseDocument(await (await la.GetAsync($"/schools?Name={Uri.EscapeDataString(schoolFilter)}")).Content.ReadAsStringAsync()),
            found: true);

        await CheckPagesAsync(
            (admin, ["/admin/users", $"/admin/users/{userId}", $"/schools/{host.World.Primary.Urn}"]),
            (la, [$"/schools/{host.World.Primary.Urn}"]));
    }

    [Fact]
    public async Task A_script_or_off_site_return_address_after_sign_in_goes_to_the_home_page()
    {
        string[] returnUrls =
        [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "//evil.example/", "/\\evil.example/", "/\t/evil.example/", "https://evil.example/", "http:evil.example", Attack,
        ];
        foreach (var returnUrl in returnUrls)
        {
            var shown = $"/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
            var client = host.CreateClient();
            var page = await client.GetAsync(shown);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                _failures.Add($"GET {shown}: {(int)page.StatusCode}");
                continue;
            }

            var document = Parser.ParseDocument(await page.Content.ReadAsStringAsync());
            CheckPage(shown, document);
            var kept = document.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value");
            if (kept != returnUrl)
            {
                _failures.Add($"{shown}: the return address is kept as \"{kept}\", not as it was given");
            }

            var posted = await new FormDriver(client, Today).SubmitAsync(shown, _ => "",
                new Dictionary<string, string> { ["Email"] = TestWorld.EmailFor(Role.LaOfficer), ["Password"] = TestWorld.Password }, withField: "Password");
            var location = posted.Response.Headers.Location?.OriginalString;
            if (posted.Status != HttpStatusCode.Redirect || location != "/")
            {
                _failures.Add($"signing in from {shown}: {(int)posted.Status} to \"{location}\", not to /");
            }

            // Already signed in, the sign-in page sends the user on at once: to the home page too.
            var again = await client.GetAsync(shown);
            if (again.StatusCode != HttpStatusCode.Redirect || again.Headers.Location?.OriginalString != "/")
            {
                _failures.Add($"GET {shown} when signed in: {(int)again.StatusCode} to \"{again.Headers.Location}\", not to /");
            }
        }

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    /// <summary>
    /// What in a PDF could run or go somewhere by itself: JavaScript, a launch, an address or form action, an action on
    /// opening, an embedded file. The passport is only text and lines, so it has none of these.
    /// </summary>
    private static IEnumerable<string> PdfActiveContent(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var found = new List<string>();
        foreach (var item in document.Internals.GetAllObjects())
        {
            Walk(item, $"object {item.Reference?.ObjectID}", found);
        }

        return found;
    }

    private static readonly string[] ActiveKeys = ["/JS", "/JavaScript", "/OpenAction", "/AA", "/URI", "/Launch", "/EmbeddedFiles", "/AcroForm", "/XFA"];

    private static readonly string[] ActiveActions = ["/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition"];

    /// <summary>An object and the dictionaries and arrays held directly in it (an action is often a direct dictionary inside an annotation).</summary>
    private static void Walk(PdfItem item, string where, List<string> found)
    {
        switch (item)
        {
            case PdfDictionary dictionary:
                found.AddRange(ActiveKeys.Where(dictionary.Elements.ContainsKey).Select(key => $"{where} has {key}"));
                if (dictionary.Elements.GetName("/S") is { } action && ActiveActions.Contains(action))
                {
                    found.Add($"{where} is a {action} action");
                }

                foreach (var key in dictionary.Elements.Keys)
                {
                    Walk(dictionary.Elements[key]!, $"{where} {key}", found);
                }

                break;
            case PdfArray array:
                for (var i = 0; i < array.Elements.Count; i++)
                {
                    Walk(array.Elements[i], $"{where}[{i}]", found);
                }

                break;
        }
    }

    // ---- Reading the pages ------------------------------------------------------------------------------------------

    /// <summary>Where each tag was seen whole, as text.</summary>
    private readonly Dictionary<string, List<string>> _shown = [];

    /// <summary>Reads the pages as each user, and the app's pages they link to that are about the same records, then checks every payload was shown.</summary>
    private async Task CheckPagesAsync(params (HttpClient Client, string[] Roots)[] readers)
    {
        var pages = 0;
        foreach (var (client, roots) in readers)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<(string Path, int Depth)>(roots.Select(r => (r, 0)));
            while (queue.Count > 0 && seen.Count < 150)
            {
                var (path, depth) = queue.Dequeue();
                if (!seen.Add(path))
                {
                    continue;
                }

                var response = await client.GetAsync(path);
                if ((int)response.StatusCode >= 500)
                {
                    _failures.Add($"GET {path}: {(int)response.StatusCode}");
                }

                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                pages++;
                var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
                CheckPage(path, document);
                if (depth < 1)
                {
                    foreach (var link in document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0]))
                    {
                        if (roots.Any(r => link.StartsWith(r, StringComparison.Ordinal)) && !link.Contains("handler=", StringComparison.Ordinal) && !link.EndsWith(".pdf", StringComparison.Ordinal))
                        {
                            queue.Enqueue((link, depth + 1));
                        }
                    }
                }
            }
        }

        var unseen = _typed.Where(t => !_shown.ContainsKey(t.Key)).Select(t => t.Value).ToList();
        output.WriteLine($"{_typed.Count} payload(s) typed into forms on {host.Provider}; {pages} page(s) read; shown: " +
            string.Join(", ", _typed.Where(t => _shown.ContainsKey(t.Key)).Select(t => $"{t.Value} on {_shown[t.Key].Count} page(s)")));
        if (unseen.Count > 0)
        {
            _failures.Add("typed but not shown whole as text on any page read: " + string.Join("; ", unseen));
        }

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
        Assert.NotEmpty(_typed);
    }

    private static readonly HashSet<string> UrlAttributes = new(["href", "src", "action", "formaction", "srcset", "data", "poster", "background", "xlink:href", "ping"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a browser would run an address as script: javascript:, vbscript: or an HTML data: address, ignoring case, spaces and control characters as browsers do.</summary>
    private static bool RunsScript(string url)
    {
        var bare = new string(url.Where(c => c > ' ').ToArray()).ToLowerInvariant();
        return bare.StartsWith("javascript:", StringComparison.Ordinal) || bare.StartsWith("vbscript:", StringComparison.Ordinal)
            || bare.StartsWith("data:text/html", StringComparison.Ordinal) || bare.StartsWith("data:image/svg", StringComparison.Ordinal);
    }

    /// <summary>No markup from a payload: no inline script, no event-handler attribute, no image of "x"; notes which payloads it shows as text.</summary>
    private void CheckPage(string where, IHtmlDocument document, bool found = false)
    {
        foreach (var script in document.Scripts.Where(s => string.IsNullOrEmpty(s.Source)))
        {
            _failures.Add($"{where}: an inline script \"{script.TextContent}\"");
        }

        foreach (var element in document.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))))
        {
            _failures.Add($"{where}: <{element.LocalName}> has an event handler ({string.Join(", ", element.Attributes.Select(a => a.Name))})");
        }

        foreach (var image in document.Images.Where(i => i.GetAttribute("src") == "x"))
        {
            _failures.Add($"{where}: an injected <img src=x>");
        }

        // An address that runs script, wherever the page takes or sends the user.
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes.Where(a => UrlAttributes.Contains(a.LocalName) && RunsScript(a.Value)))
            {
                _failures.Add($"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            }
        }

        foreach (var refresh in document.QuerySelectorAll("meta[http-equiv]").Where(m => string.Equals(m.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)))
        {
            _failures.Add($"{where}: a <meta http-equiv=refresh content=\"{refresh.GetAttribute("content")}\">");
        }

        // As text, or as the value of a form field (an input's value attribute, a text area's text).
        var text = (document.Body?.TextContent ?? "") + "\n" + string.Join("\n", document.QuerySelectorAll("input").Select(i => i.GetAttribute("value") ?? ""));
        var any = false;
        foreach (var tag in _typed.Keys)
        {
            if (text.Contains($"{Attack} {tag}", StringComparison.Ordinal))
            {
                any = true;
                if (!_shown.TryGetValue(tag, out var list))
                {
                    _shown[tag] = list = [];
                }

                list.Add(where);
            }
        }

        if (found && !any)
        {
            _failures.Add($"{where}: the typed text is not shown");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ScriptInjectionTestsOnSqlite(SqliteHost fixture, ITestOutputHelper output) : ScriptInjectionTests(fixture.Host, output);

[Collection(PostgresCollection.Name)]
public sealed class ScriptInjectionTestsOnPostgres(PostgresHost fixture, ITestOutputHelper output) : ScriptInjectionTests(fixture.Host, output);
