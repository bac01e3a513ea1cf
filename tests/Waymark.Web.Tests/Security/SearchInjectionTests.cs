using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Hosting;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The child search given SQL, LIKE wildcards, escapes, quotes, very long text, unicode and control characters, by
/// users of each kind of scope. Every answer is a 200 page; every child listed matches the words searched for and is
/// in the user's scope, and the count shown is exactly the number that do (so a wildcard neither widens nor empties
/// the search). Expected results are worked out here from the database, independently of the app's queries.
/// </summary>
public abstract class SearchInjectionTests(WaymarkTestHost host, ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The searches tried, by every user. Names with a wildcard or quote around them still find the child.</summary>
    public static IReadOnlyList<string> Attacks(TestWorld world) =>
    [
        "' OR 1=1 --", "' OR '1'='1", "\" OR \"\"=\"", "1; DROP TABLE \"Children\"; --", "\"; DROP TABLE Children; --", "'; DELETE FROM \"AuditEvents\"; --",
        "' UNION SELECT \"Id\", \"PasswordHash\" FROM \"AspNetUsers\" --", "%", "%%", "_", "__", "%_%", "\\", "\\%", "\\_", "[a-z]%", "[%]", "*", "?", "'", "''",
        "`", "--", "/*", "*/", ";", "%Clarke%", "Clarke%", "Clarke' --", "Cl_rke", "Cla%ke", "Cl\\arke", "clarke\\", "Clarke\"", "O'Brien", "Amélia",
        "AMÉLIA CLARKE", "ＣＬＡＲＫＥ", "İ", "ı", "Ω", "\U0001F600", "\u202eekralC", "Cla\u200brke", "\0", "Clarke\0", "\0Clarke", "\u0001\u0002\u0003",
        "\u001b[31mClarke", "\r\nClarke", "\t%\t", "\u0085", "\uFFFD", new string('%', 100), new string('a', 100), new string('a', 101), new string('%', 10_000),
        "a b c d e f", "e e e e e e", "A82320010010%", "%823%", world.PrimaryChild.Upn!.ToLowerInvariant(), $"  {world.SecondaryChild.Upn}  ",
        world.PrimaryChild.Upn + "' OR 1=1 --", world.PrimaryChild.Upn![..12] + "_", "Okafor\"; DROP TABLE \"Children\"; --", "jay", "JAY OKAFOR",
        "' or \"SearchName\" like '%", "1=1", "0", "null", "NULL",
    ];

    private TestWorld World => host.World;

    [Fact]
    public Task An_la_officer_finds_only_children_matching_the_words() => SearchAsAsync(World.Users[Role.LaOfficer]);

    [Fact]
    public Task A_primary_headteacher_finds_only_matching_children_on_their_roll() => SearchAsAsync(World.Users[Role.Headteacher]);

    [Fact]
    public Task A_secondary_headteacher_finds_only_matching_children_on_their_roll() => SearchAsAsync(World.SecondaryHeadteacher);

    [Fact]
    public Task A_social_worker_finds_only_matching_children_on_their_caseload() => SearchAsAsync(World.Users[Role.SocialWorker]);

    [Fact]
    public async Task Odd_school_and_page_values_are_answered_not_crashed_on()
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var failures = new List<string>();
        string[] values = ["' OR 1=1 --", "%", "-1", "0", "99999999999", "2147483647", "-2147483648", "1e9", "abc", "\0", "%00", "900001%20OR%201=1"];
        foreach (var value in values)
        {
            var encoded = Uri.EscapeDataString(value);
            foreach (var path in new[] { $"/children?School={encoded}", $"/children?PageNumber={encoded}", $"/children?School=900001&PageNumber={encoded}" })
            {
                var response = await client.GetAsync(path);
                var expected = value.Contains('\0', StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
                if (response.StatusCode != expected)
                {
                    failures.Add($"GET {path}: {(int)response.StatusCode}, not {(int)expected}");
                }
            }

            var token = await TokenAsync(client);
            foreach (var name in new[] { "School", "PageNumber" })
            {
                foreach (var multipart in new[] { false, true })
                {
                    var posted = await client.PostAsync("/children", Form(multipart, ("__RequestVerificationToken", token), ("Query", "Clarke"), (name, value)));
                    var expected = value.Contains('\0', StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
                    if (posted.StatusCode != expected)
                    {
                        failures.Add($"POST {name}={Escape(value)}{(multipart ? " (multipart)" : "")}: {(int)posted.StatusCode}, not {(int)expected}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task SearchAsAsync(WaymarkUser user)
    {
        var client = await host.SignedInClientAsync(user.Email!);
        var token = await TokenAsync(client);
        var today = host.Clock.UkToday();
        var children = await ChildrenAsync(user, today);
        var visible = children.Where(c => c.Visible).ToList();
        var failures = new List<string>();
        var attacks = Attacks(World);
        for (var i = 0; i < attacks.Count; i++)
        {
            var query = attacks[i];
            foreach (var multipart in new[] { false, true })
            {
                var response = await client.PostAsync("/children", Form(multipart, ("__RequestVerificationToken", token), ("Query", query)));
                var how = multipart ? "as multipart/form-data" : "url-encoded";
                if (query.Contains('\0', StringComparison.Ordinal))
                {
                    // No browser sends a NUL, and PostgreSQL cannot store one: refused as a bad request however it is sent.
                    if (response.StatusCode != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"search {i} \"{Escape(query)}\" {how}: {(int)response.StatusCode}, not 400");
                    }

                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"search {i} \"{Escape(query)}\" {how}: {(int)response.StatusCode}");
                    continue;
                }

                var problems = Check(Parser.ParseDocument(await response.Content.ReadAsStringAsync()), query, user, children, visible);
                failures.AddRange(problems.Select(p => $"search {i} \"{Escape(query)}\" {how} as {Roles.CommandName(user.Role)}: {p}"));
            }
        }

        output.WriteLine($"{attacks.Count} searches as {user.Email} on {host.Provider}.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What is wrong with a results page: children listed that do not match or are out of scope, or a wrong count.</summary>
    private static List<string> Check(AngleSharp.Html.Dom.IHtmlDocument document, string query, WaymarkUser user, List<KnownChild> children, List<KnownChild> visible)
    {
        // An LA user finds any child by exact UPN, one outside their need-to-know with a link to open it with a reason.
        if (Roles.ScopeOf(user.Role) == DataScope.LocalAuthority && IsUpn(query))
        {
            visible = children;
        }

        var listed = document.QuerySelectorAll("#results tbody a")
            .Select(a => Guid.Parse(a.GetAttribute("href")!["/children/".Length..].Split('/')[0])).ToList();
        var caption = document.QuerySelector("#results caption")?.TextContent.Trim();
        var found = caption is not null && caption.EndsWith("found", StringComparison.Ordinal)
            ? int.Parse(caption.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : (int?)null;
        var error = document.QuerySelector("#Query-error")?.TextContent;
        var problems = new List<string>();
        var outOfScope = listed.Where(id => !visible.Any(c => c.Id == id)).ToList();
        if (outOfScope.Count > 0)
        {
            problems.Add($"listed {string.Join(", ", outOfScope.Select(id => Describe(children, id)))}, out of scope");
        }

        if (Expected(query, visible) is { } expected)
        {
            var unmatched = listed.Where(id => !expected.Contains(id) && !outOfScope.Contains(id)).ToList();
            if (unmatched.Count > 0)
            {
                problems.Add($"listed {string.Join(", ", unmatched.Select(id => Describe(children, id)))}, which do not match");
            }

            if ((found ?? 0) != expected.Count || listed.Count != Math.Min(IndexPageSize, expected.Count))
            {
                problems.Add($"shows {found?.ToString(CultureInfo.InvariantCulture) ?? "no count"} found and lists {listed.Count}; {expected.Count} match");
            }
        }
        else
        {
            // Nothing to search for (too long, or no letters or digits): refused with a message, and only what the user
            // sees without a search is listed, which for the LA is nobody.
            if (Roles.ScopeOf(user.Role) == DataScope.LocalAuthority && listed.Count > 0)
            {
                problems.Add($"listed {listed.Count} children (of {found?.ToString(CultureInfo.InvariantCulture) ?? "?"} found) to an LA user for a search with no words");
            }

            if (found is not null)
            {
                problems.Add($"shows {found} found for a search with no words");
            }

            // Blank once trimmed (\u0085 is white space), it is the page without a search, which has nothing to refuse.
            if (error is null && query.Trim().Length > 0)
            {
                problems.Add("was not refused with a message, though it has no letters or digits to search for (or is too long)");
            }
        }

        return problems;
    }

    /// <summary>A form body, URL-encoded or as multipart/form-data (as a browser sends a form with enctype="multipart/form-data").</summary>
    private static HttpContent Form(bool multipart, params (string Name, string Value)[] fields)
    {
        if (!multipart)
        {
            return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return content;
    }

    private const int IndexPageSize = 25;

    private sealed record KnownChild(Guid Id, string Name, string? Upn, string SearchName, IReadOnlyList<string> FormerUpns, bool Visible);

    /// <summary>
    /// Every child, and whether this user may see them: a school its roll today and the children shared with it, a
    /// social worker their caseload, the LA the children its services know (need-to-know has tests of its own, in
    /// NeedToKnowTests; here it is the one rule, ChildScoping, so that only the search is under attack).
    /// </summary>
    private async Task<List<KnownChild>> ChildrenAsync(WaymarkUser user, DateOnly today)
    {
        await using var db = host.CreateDbContext();
        var children = await db.Children.AsNoTracking().Include(c => c.Enrolments).Include(c => c.KeyPeople).Include(c => c.FormerUpns).AsSplitQuery().ToListAsync();
        var knownToLa = (await db.Children.VisibleTo(db, new UserScope(user.Id, user.Role, user.SchoolId), today).Select(c => c.Id).ToListAsync()).ToHashSet();
        var shared = (await db.InformationShares.Where(s => s.RecipientSchoolId == user.SchoolId && s.EndedAtUtc == null).Select(s => s.ChildId).ToListAsync()).ToHashSet();
        return children.Select(c => new KnownChild(c.Id, $"{c.LegalForename} {c.LegalSurname}", c.Upn, c.SearchName, c.FormerUpns.Select(f => f.Upn).ToList(), Roles.ScopeOf(user.Role) switch
        {
            DataScope.LocalAuthority => knownToLa.Contains(c.Id),
            DataScope.Caseload => c.KeyPeople.Any(k => k.UserId == user.Id && k.StartDate <= today && (k.EndDate is null || k.EndDate >= today)),
            DataScope.School => c.Enrolments.Any(e => e.SchoolId == user.SchoolId && e.StartDate <= today && (e.EndDate is null || e.EndDate >= today))
                || c.KeyPeople.Any(k => k.UserId == user.Id && k.StartDate <= today && (k.EndDate is null || k.EndDate >= today))
                || shared.Contains(c.Id),
            _ => false,
        })).ToList();
    }

    private static bool IsUpn(string query)
    {
        var upn = query.Trim().ToUpperInvariant();
        return upn.Length == 13 && char.IsAsciiLetter(upn[0]) && upn[1..12].All(char.IsAsciiDigit);
    }

    /// <summary>The children a search must find, or null when there is nothing to search for.</summary>
    private static HashSet<Guid>? Expected(string query, List<KnownChild> visible)
    {
        var trimmed = query.Trim();
        if (trimmed.Length > 100)
        {
            return null;
        }

        var upn = trimmed.ToUpperInvariant();
        if (IsUpn(upn))
        {
            return visible.Where(c => c.Upn == upn || c.FormerUpns.Contains(upn)).Select(c => c.Id).ToHashSet();
        }

        var words = Words(trimmed).Take(5).ToList();
        return words.Count == 0 ? null : visible.Where(c => words.All(w => c.SearchName.Contains(w, StringComparison.Ordinal))).Select(c => c.Id).ToHashSet();
    }

    /// <summary>
    /// The words of a search as the service defines them: accents and apostrophes ignored, any other character that is
    /// not a letter or digit separating words, in capitals.
    /// </summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘' or '`' or '.')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToUpperInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string Describe(List<KnownChild> children, Guid id) =>
        children.FirstOrDefault(c => c.Id == id) is { } c ? $"{c.Name} ({c.Upn}{(c.Visible ? "" : ", out of scope")})" : id.ToString();

    private static string Escape(string text) =>
        string.Concat((text.Length > 60 ? text[..60] : text).Select(c => char.IsControl(c) || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString())) +
        (text.Length > 60 ? $"... ({text.Length} characters)" : "");

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = Parser.ParseDocument(await (await client.GetAsync("/children")).Content.ReadAsStringAsync());
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SearchInjectionTestsOnSqlite(SqliteHost fixture, ITestOutputHelper output) : SearchInjectionTests(fixture.Host, output);

[Collection(PostgresCollection.Name)]
public sealed class SearchInjectionTestsOnPostgres(PostgresHost fixture, ITestOutputHelper output) : SearchInjectionTests(fixture.Host, output);
