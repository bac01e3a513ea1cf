using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Tests.Transitions;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// State-changing posts with a tampered anti-forgery token: missing, empty, altered, cut short, sent in the query
/// string, another user's, another session's of the same user, one issued before signing in, and a good token without
/// its cookie. Each is a 400 and the database is exactly as it was (row counts and a checksum of every table). The
/// same post with the page's own token then succeeds, so the form itself is good.
/// </summary>
public abstract class AntiforgeryTamperTests(WaymarkTestHost host, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly HtmlParser Parser = new();

    private readonly List<Guid> _children = [];
    private readonly List<string> _emails = [];
    private readonly List<string> _interventions = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var db = host.CreateDbContext();
        await db.Children.Where(c => _children.Contains(c.Id)).ExecuteDeleteAsync();
        await db.Interventions.Where(i => _interventions.Contains(i.Name)).ExecuteDeleteAsync();
        var users = await db.Users.Where(u => _emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync();
        // Their audit entries stay: the log is append-only, and an entry names a user by id without a foreign key.
        await db.UserSessions.Where(s => users.Contains(s.UserId)).ExecuteDeleteAsync();
        await db.Users.Where(u => users.Contains(u.Id)).ExecuteDeleteAsync();
    }

    /// <summary>A post that changes something: who makes it, where, the fields, and how to tell it was saved.</summary>
    private sealed record Target(string Email, string OtherEmail, string Path, Dictionary<string, string> Fields, Func<Task<bool>> SavedAsync);

    public static TheoryData<string> Targets() => new("add a user", "add an intervention", "save a profile section", "sign out");

    private async Task<Target> TargetAsync(string name)
    {
        switch (name)
        {
            case "add a user":
            {
                var email = $"tamper.{Guid.NewGuid():N}@test.example";
                _emails.Add(email);
                return new Target(TestWorld.EmailFor(Role.LaAdmin), TestWorld.EmailFor(Role.LaOfficer), "/admin/users/add",
                    new() { ["Email"] = email, ["DisplayName"] = "Forged Account", ["Role"] = "la-admin", ["School"] = "" },
                    async () =>
                    {
                        await using var db = host.CreateDbContext();
                        return await db.Users.AnyAsync(u => u.Email == email);
                    });
            }

            case "add an intervention":
            {
                var title = ProgrammeData.Unique("Forged intervention");
                _interventions.Add(title);
                return new Target(TestWorld.EmailFor(Role.LaOfficer), TestWorld.EmailFor(Role.LaAdmin), "/transition/interventions/new",
                    new() { ["Name"] = title, ["Description"] = "", ["DefaultProvider"] = "", ["OutcomeMeasure"] = "" },
                    async () =>
                    {
                        await using var db = host.CreateDbContext();
                        return await db.Interventions.AnyAsync(i => i.Name == title);
                    });
            }

            case "save a profile section":
            {
                var transition = await ProgrammeData.NewPrimaryTransitionAsync(host);
                _children.Add(transition.ChildId);
                var school = await ProgrammeData.StaffedSchoolAsync(host);
                return new Target(school.EmailFor(Role.TransitionLead), school.EmailFor(Role.Senco), $"/transition/{transition.Id}/profile/about-me",
                    new()
                    {
                        ["Version"] = "0", ["Status"] = "InProgress", ["answer-like-about-me"] = "Forged words",
                        ["answer-important-to-me"] = "", ["answer-support-me"] = "",
                    },
                    async () =>
                    {
                        await using var db = host.CreateDbContext();
                        return await db.ProfileSections.AnyAsync(s => s.TransitionId == transition.Id);
                    });
            }

            default:
            {
                // Signing out ends the session in the database; a forged sign-out must leave it running.
                var email = $"tamper.{Guid.NewGuid():N}@test.example";
                _emails.Add(email);
                await using (var db = host.CreateDbContext())
                {
                    db.Users.Add(TestWorld.NewUser(email, "Tamper Officer", Role.LaOfficer, null));
                    await db.SaveChangesAsync();
                }

                return new Target(email, TestWorld.EmailFor(Role.LaOfficer), "/sign-out", [],
                    async () =>
                    {
                        await using var db = host.CreateDbContext();
                        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                        return await db.UserSessions.AnyAsync(s => s.UserId == id && s.EndedAtUtc != null);
                    });
            }
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_tampered_token_is_a_400_and_saves_nothing(string target)
    {
        var t = await TargetAsync(target);
        var formPage = t.Path == "/sign-out" ? "/" : t.Path;
        var (client, jar) = await SignInAsync(t.Email);
        var token = await TokenAsync(client, formPage);

        // Tokens from elsewhere: another user's, another session of the same user's, and one issued before signing in.
        var otherUser = await TokenAsync((await SignInAsync(t.OtherEmail)).Client, "/");
        var otherSession = await TokenAsync((await SignInAsync(t.Email)).Client, "/");
        var anonymous = host.CreateClient();
        var beforeSignIn = await TokenAsync(anonymous, "/sign-in");
        await CompleteSignInAsync(anonymous, t.Email);

        // The same browser's cookies but for the anti-forgery one.
        var cookies = new CookieContainer();
        foreach (var cookie in jar.GetCookies(host.BaseAddress).Where(c => !c.Name.Contains("antiforgery", StringComparison.Ordinal)))
        {
            cookies.Add(host.BaseAddress, cookie);
        }

        var withoutCookie = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.BaseAddress };

        var altered = token[..(token.Length / 2)] + (token[token.Length / 2] == 'A' ? 'B' : 'A') + token[(token.Length / 2 + 1)..];
        var cases = new (string Name, HttpClient Client, string? Token, string Path)[]
        {
            ("missing", client, null, t.Path),
            ("empty", client, "", t.Path),
            ("altered", client, altered, t.Path),
            ("cut short", client, token[..(token.Length / 2)], t.Path),
            ("doubled", client, token + token, t.Path),
            ("in the query string", client, null, $"{t.Path}?__RequestVerificationToken={Uri.EscapeDataString(token)}"),
            ("another user's", client, otherUser, t.Path),
            ("another session's", client, otherSession, t.Path),
            ("issued before signing in", anonymous, beforeSignIn, t.Path),
            ("without its cookie", withoutCookie, token, t.Path),
        };

        var failures = new List<string>();
        foreach (var (name, sender, tamperedToken, path) in cases)
        {
            var before = await SnapshotAsync();
            var fields = new Dictionary<string, string>(t.Fields);
            if (tamperedToken is not null)
            {
                fields["__RequestVerificationToken"] = tamperedToken;
            }

            var response = await sender.PostAsync(path, new FormUrlEncodedContent(fields));
            var changed = before.Differences(await SnapshotAsync());
            if (response.StatusCode != HttpStatusCode.BadRequest || changed.Count > 0 || await t.SavedAsync())
            {
                failures.Add($"{target}, token {name}: {(int)response.StatusCode}{(changed.Count > 0 ? "; changed " + string.Join(", ", changed) : "")}");
            }
        }

        // The page's own token: the post goes through, so the refusals above were the token's doing.
        var good = await client.PostAsync(t.Path, new FormUrlEncodedContent(new Dictionary<string, string>(t.Fields) { ["__RequestVerificationToken"] = token }));
        output.WriteLine($"{target} on {host.Provider}: {cases.Length} tampered tokens refused; the page's own token gave {(int)good.StatusCode}.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(await t.SavedAsync(), $"{target}: the post with the page's own token did not save ({(int)good.StatusCode})");
    }

    private async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var db = host.CreateDbContext();
        return await DatabaseSnapshot.TakeAsync(db);
    }

    /// <summary>A signed-in client whose cookies the test can read.</summary>
    private async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.BaseAddress };
        await CompleteSignInAsync(client, email);
        return (client, cookies);
    }

    /// <summary>The password, then for someone with two-factor (the administrator) a code from their app.</summary>
    private async Task CompleteSignInAsync(HttpClient client, string email)
    {
        var response = await client.PostFormAsync("/sign-in", new() { ["Email"] = email, ["Password"] = TestWorld.Password });
        if (response.Headers.Location?.OriginalString == "/sign-in/code")
        {
            response = await client.PostFormAsync("/sign-in/code", new() { ["Code"] = await host.CurrentCodeAsync(email) });
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var document = Parser.ParseDocument(await (await client.GetAsync(page)).Content.ReadAsStringAsync());
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no anti-forgery token");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AntiforgeryTamperTestsOnSqlite(SqliteHost fixture, ITestOutputHelper output) : AntiforgeryTamperTests(fixture.Host, output);

[Collection(PostgresCollection.Name)]
public sealed class AntiforgeryTamperTestsOnPostgres(PostgresHost fixture, ITestOutputHelper output) : AntiforgeryTamperTests(fixture.Host, output);
