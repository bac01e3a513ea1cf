using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Exports;

namespace Waymark.Web.Tests.SubjectAccess;

/// <summary>
/// The subject access page and the bundle it makes, for a child with a row in every table of their record:
/// complete by the model, readable, escaped, neutralised, without secrets, audited, and for administrators only.
/// </summary>
public abstract class SubjectAccessTests(WaymarkTestHost host)
{
    private static int _born;

    /// <summary>A rich child of the test's own, with a distinct birthday so name and date of birth find only them.</summary>
    private async Task<Child> RichChildAsync(string surname)
    {
        await using var db = host.CreateDbContext();
        var dob = new DateOnly(TestWorld.ThisYear.StartYear - 12, 1, 1).AddDays(Interlocked.Increment(ref _born));
        return await RichChild.CreateAsync(db, host.World, dob, surname: surname);
    }

    private async Task<HttpResponseMessage> DownloadAsync(Guid childId, string reference = "SAR-2027-0042")
    {
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        return await admin.PostFormAsync($"/admin/subject-access/{childId}", new() { ["Reference"] = reference });
    }

    private static async Task<Dictionary<string, string>> FilesAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            // Decoded as is, so a CSV's byte order mark (for spreadsheets) shows as \uFEFF.
            using var bytes = new MemoryStream();
            await entry.Open().CopyToAsync(bytes);
            files[entry.FullName] = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        }

        return files;
    }

    /// <summary>Worked out here on its own, not by the code under test: every entity type with a foreign-key path to Child.</summary>
    private static List<IEntityType> ReachableFromChild(IModel model)
    {
        var reached = new List<IEntityType> { model.FindEntityType(typeof(Child))! };
        var queue = new Queue<IEntityType>(reached);
        while (queue.Count > 0)
        {
            var principal = queue.Dequeue();
            foreach (var fk in principal.GetReferencingForeignKeys())
            {
                if (!reached.Contains(fk.DeclaringEntityType))
                {
                    reached.Add(fk.DeclaringEntityType);
                    queue.Enqueue(fk.DeclaringEntityType);
                }
            }
        }

        return reached;
    }

    private static string CsvFileFor(IEntityType type) =>
        System.Text.RegularExpressions.Regex.Replace(type.GetTableName()!, "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant() + ".csv";

    [Fact]
    public async Task Every_table_with_a_foreign_key_path_to_Child_is_in_the_bundle_with_the_childs_rows()
    {
        var child = await RichChildAsync("Complete");

        var files = await FilesAsync(await DownloadAsync(child.Id));

        await using var db = host.CreateDbContext();
        var reachable = ReachableFromChild(db.Model);
        Assert.True(reachable.Count >= 26, $"only {reachable.Count} tables reach Child");
        foreach (var type in reachable)
        {
            var file = CsvFileFor(type);
            Assert.True(files.ContainsKey(file), $"{type.DisplayName()} ({file}) is missing from the bundle");
            var lines = files[file].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length >= 2, $"{file} has no rows for the rich child; give RichChild a row of {type.DisplayName()}");
        }

        var expected = reachable.Select(CsvFileFor).Concat(["index.html", "README.txt", "attendance-marks.csv", "access-history.csv"]).Order();
        Assert.Equal(expected, files.Keys.Order());
    }

    [Fact]
    public async Task Every_entity_type_with_a_ChildId_reaches_Child_by_a_foreign_key_except_the_audit_log()
    {
        await using var db = host.CreateDbContext();
        var reachable = ReachableFromChild(db.Model);

        var loose = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty("ChildId") is not null && !reachable.Contains(t))
            .Select(t => t.ClrType)
            .ToList();

        // The audit log keeps the child's id without a foreign key: it outlives the record, and is exported as access-history.csv.
        Assert.Equal([typeof(AuditEvent)], loose);
    }

    [Fact]
    public async Task No_password_hash_security_stamp_or_token_is_ever_in_the_bundle()
    {
        var child = await RichChildAsync("Secrets");

        var files = await FilesAsync(await DownloadAsync(child.Id));

        await using var db = host.CreateDbContext();
        var secrets = await db.Users.Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).ToListAsync();
        var everything = string.Concat(files.Values);
        foreach (var secret in secrets.SelectMany(s => new[] { s.PasswordHash, s.SecurityStamp, s.ConcurrencyStamp }).OfType<string>())
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        foreach (var header in files.Where(f => f.Key.EndsWith(".csv", StringComparison.Ordinal)).Select(f => f.Value.Split("\r\n")[0]))
        {
            Assert.DoesNotMatch("(?i)password|securitystamp|concurrencystamp|token|secret", header);
        }
    }

    [Fact]
    public async Task The_bundle_reads_as_the_childs_record_with_attendance_marks_as_rows_and_who_saw_it()
    {
        var child = await RichChildAsync("Readable");

        var response = await DownloadAsync(child.Id);
        var files = await FilesAsync(response);

        var html = files["index.html"];
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Contains("Information held about Rich Jo Readable", html, StringComparison.Ordinal);
        Assert.Contains("SAR-2027-0042", html, StringComparison.Ordinal);

        // The child's details first, then the areas, each linked from the contents.
        var order = new[] { "id=\"contents\"", "id=\"children\"", "id=\"enrolments\"", "id=\"child-statuses\"", "id=\"key-people\"", "id=\"transitions\"",
            "id=\"pcp-meetings\"", "id=\"intervention-enrolments\"", "id=\"consents\"", "id=\"information-shares\"", "id=\"attendance-years\"",
            "id=\"attendance-mark-changes\"", "id=\"suspensions\"", "id=\"reduced-timetables\"", "id=\"attendance-alerts\"", "id=\"access-history\"" };
        var positions = order.Select(o => html.IndexOf(o, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<a href=\"#follow-up-reviews\">", html, StringComparison.Ordinal);

        // Attendance: the year's figures and each mark with its meaning.
        Assert.Contains("Possible sessions", html, StringComparison.Ordinal);
        Assert.Contains("Illness (not medical or dental appointment)", html, StringComparison.Ordinal);
        var marks = files["attendance-marks.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFAttendanceYearId,AcademicYear,SchoolId,School,Date,Session,Code,Meaning,Category", marks[0]);
        Assert.Equal(11, marks.Length);
        Assert.Contains(marks, m => m.Contains(",PM,\\,Present,Present", StringComparison.Ordinal));
        Assert.Contains(marks, m => m.EndsWith(",AM,I,Illness (not medical or dental appointment),AuthorisedAbsence", StringComparison.Ordinal));
        Assert.Contains("10 marks, listed in attendance-marks.csv", files["attendance-years.csv"], StringComparison.Ordinal);

        // Ids that refer outside the record are named.
        Assert.Contains("Rich's Social Worker (Social worker)", files["key-people.csv"], StringComparison.Ordinal);
        Assert.Contains($"Rich Record School", files["enrolments.csv"], StringComparison.Ordinal);

        // Formulas are neutralised in every CSV, the access history included.
        Assert.Contains($"\"'{RichChild.Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", files["support-plan-actions.csv"], StringComparison.Ordinal);
        Assert.Contains(Csv.Cell(RichChild.Formula), files["access-history.csv"], StringComparison.Ordinal);
        var allCsv = string.Concat(files.Where(f => f.Key.EndsWith(".csv", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.DoesNotContain(",=HYPERLINK", allCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("\"=HYPERLINK", allCsv, StringComparison.Ordinal);

        var history = files["access-history.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFOccurredAtUtc,UserName,UserRole,Action,Detail", history[0]);
        Assert.Contains(history, h => h.Contains(",Rich's Social Worker,Social worker,child-viewed,", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains(",Test LA administrator,LA administrator,child-viewed,subject access: what the bundle will include", StringComparison.Ordinal));

        var readme = files["README.txt"];
        Assert.Contains("SAR-2027-0042", readme, StringComparison.Ordinal);
        Assert.Contains("by Test LA administrator, LA administrator, the Waymark website", readme, StringComparison.Ordinal);
        Assert.Contains("the council must review the whole bundle", readme, StringComparison.Ordinal);
        Assert.Contains("Schedules 2 and 3 to the Data Protection Act 2018", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_download_is_an_attachment_never_cached_and_audited_with_the_reference()
    {
        var child = await RichChildAsync("Download");

        var response = await DownloadAsync(child.Id, "SAR/2027/77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"subject-access-{child.Upn}-{TestWorld.Today:yyyyMMdd}.zip", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl!.NoStore);
        await using var db = host.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.ChildId == child.Id && e.Action == AuditActions.SubjectAccessExported);
        Assert.Equal(host.World.Users[Role.LaAdmin].Id, audit.UserId);
        Assert.StartsWith("reference: SAR/2027/77; subject-access-", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("via the Waymark website", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter the request reference")]
    [InlineData("   ", "Enter the request reference")]
    public async Task The_request_reference_is_required(string reference, string message)
    {
        var child = await RichChildAsync("Reference");

        var response = await DownloadAsync(child.Id, reference);
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, document.QuerySelector("#Reference-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".govuk-error-summary a[href='#Reference']"));
        await using var db = host.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.SubjectAccessExported));
    }

    [Fact]
    public async Task The_page_shows_what_the_bundle_will_include_and_the_view_is_audited()
    {
        var child = await RichChildAsync("Preview");
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var response = await admin.GetAsync($"/admin/subject-access/{child.Id}");
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Rich Jo Preview", document.QuerySelector("h1")!.TextContent.Trim());
        var rows = document.QuerySelectorAll("#included tbody tr").ToDictionary(r => r.GetAttribute("data-table")!, r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("1", rows["Children"]);
        Assert.Equal("1", rows["PcpInvitees"]);
        Assert.Equal("10", rows["marks"]);
        Assert.Equal("1", rows["access-history"]);
        Assert.Equal("Schools (enrolments)", document.QuerySelector("#included tr[data-table='Enrolments'] th")!.TextContent.Trim());
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildViewed && e.UserId == host.World.Users[Role.LaAdmin].Id));
    }

    [Fact]
    public async Task A_child_is_found_by_exact_UPN_current_or_former_or_by_name_and_date_of_birth()
    {
        var child = await RichChildAsync("Findable");
        string former;
        await using (var db = host.CreateDbContext())
        {
            former = await db.FormerUpns.Where(f => f.ChildId == child.Id).Select(f => f.Upn).SingleAsync();
        }

        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var byUpn = await (await admin.PostFormAsync("/admin/subject-access", new() { ["Upn"] = child.Upn!.ToLowerInvariant() })).GetDocumentAsync();
        var byFormer = await (await admin.PostFormAsync("/admin/subject-access", new() { ["Upn"] = former })).GetDocumentAsync();
        var byName = await (await admin.PostFormAsync("/admin/subject-access", new()
        {
            ["ChildName"] = "rich findable", ["DateOfBirth.Day"] = child.DateOfBirth.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DateOfBirth.Month"] = child.DateOfBirth.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DateOfBirth.Year"] = child.DateOfBirth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).GetDocumentAsync();
        var wrongBirthday = await (await admin.PostFormAsync("/admin/subject-access", new()
        {
            ["ChildName"] = "Rich Findable", ["DateOfBirth.Day"] = "1", ["DateOfBirth.Month"] = "1", ["DateOfBirth.Year"] = "1990",
        })).GetDocumentAsync();

        foreach (var document in new[] { byUpn, byFormer, byName })
        {
            var links = document.QuerySelectorAll("#results tbody a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal([$"/admin/subject-access/{child.Id}"], links);
        }

        Assert.NotNull(wrongBirthday.QuerySelector("#no-results"));
        await using var check = host.CreateDbContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.ChildSearch && e.Detail == $"subject access: UPN {child.Upn}; 1 results"));
    }

    [Theory]
    [InlineData("", "", "", "", "", "Upn", "Enter a UPN, or the child's name and date of birth")]
    [InlineData("B80120000500", "", "", "", "", "Upn", "UPN must be 13 characters")]
    [InlineData("", "Amelia Clarke", "", "", "", "DateOfBirth", "Enter the child's date of birth")]
    [InlineData("", "", "14", "3", "2015", "ChildName", "Enter the child's name")]
    [InlineData("", "Amelia", "31", "2", "2015", "DateOfBirth", "must be a real date")]
    public async Task A_search_needs_a_UPN_or_a_name_and_date_of_birth(string upn, string name, string day, string month, string year, string field, string message)
    {
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        var document = await (await admin.PostFormAsync("/admin/subject-access", new()
        {
            ["Upn"] = upn, ["ChildName"] = name, ["DateOfBirth.Day"] = day, ["DateOfBirth.Month"] = month, ["DateOfBirth.Year"] = year,
        })).GetDocumentAsync();

        Assert.Contains(message, document.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("#results"));
    }

    public static TheoryData<Role> OtherRoles() => new(Roles.All.Where(r => r != Role.LaAdmin));

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Every_other_role_is_refused_and_a_refusal_naming_a_child_is_audited(Role role)
    {
        var child = host.World.PrimaryChild;
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        await using var before = host.CreateDbContext();
        var refusals = await before.AuditEvents.CountAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildRefused && e.UserId == host.World.Users[role].Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/subject-access")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/subject-access/{child.Id}")).StatusCode);
        var post = await client.PostAsync($"/admin/subject-access/{child.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Reference"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual("application/zip", post.Content.Headers.ContentType?.MediaType);

        await using var after = host.CreateDbContext();
        var audited = await after.AuditEvents.Where(e => e.ChildId == child.Id && e.Action == AuditActions.ChildRefused && e.UserId == host.World.Users[role].Id)
            .OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        Assert.Equal(refusals + 2, audited.Count);
        Assert.Equal($"subject access: not permitted for {Roles.CommandName(role)}", audited[^1]);
        Assert.False(await after.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.SubjectAccessExported && e.UserId == host.World.Users[role].Id));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_an_unknown_child_is_not_found()
    {
        var anonymous = host.CreateClient();
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        foreach (var path in new[] { "/admin/subject-access", $"/admin/subject-access/{host.World.PrimaryChild.Id}" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/subject-access/{Guid.NewGuid()}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SubjectAccessTestsOnSqlite(SqliteHost fixture) : SubjectAccessTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class SubjectAccessTestsOnPostgres(PostgresHost fixture) : SubjectAccessTests(fixture.Host);
