using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;
using Waymark.Web.Features.Account;

namespace Waymark.Web.Tests;

/// <summary>Two-factor sign-in for local accounts, through the real pages, with codes worked out from the key as an app would.</summary>
public abstract class TwoFactorTests(WaymarkTestHost host)
{
    public static TheoryData<Role> RolesOtherThanAdministrator() => new(Roles.All.Where(r => r != Role.LaAdmin));

    private async Task<WaymarkUser> NewUserAsync(Role role, string? authenticatorKey = null)
    {
        await using var db = host.CreateDbContext();
        var school = Roles.RequiresSchool(role) ? await db.Schools.SingleAsync(s => s.Urn == host.World.Primary.Urn) : null;
        var user = TestWorld.NewUser($"{Roles.CommandName(role)}.{Guid.NewGuid():N}@test.example", "Two Factor Person", role, school);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        if (authenticatorKey is not null)
        {
            await TestWorld.GiveAuthenticatorAsync(db, user, authenticatorKey);
        }

        return user;
    }

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, WaymarkUser user) =>
        client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password });

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string code) =>
        client.PostFormAsync("/sign-in/code", new() { ["Code"] = code });

    /// <summary>The form's token, read while the page still shows, for posting after what it depends on has ended.</summary>
    private static async Task<string> TokenFromAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).GetDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> PostCodeWithTokenAsync(HttpClient client, string token, string code) =>
        client.PostAsync("/sign-in/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token }));

    private string CodeNow(string key) => TestTotp.CodeAt(key, host.Clock.GetUtcNow());

    private async Task<WaymarkUser> ReloadAsync(WaymarkUser user)
    {
        await using var db = host.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
    }

    private async Task<List<AuditEvent>> AuditAsync(string action, string? userId)
    {
        await using var db = host.CreateDbContext();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.UserId == userId).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<int> OpenSessionsAsync(WaymarkUser user)
    {
        await using var db = host.CreateDbContext();
        return await db.UserSessions.CountAsync(s => s.UserId == user.Id && s.EndedAtUtc == null);
    }

    private async Task<(string? Key, int RecoveryCodes)> StoredTwoFactorAsync(WaymarkUser user)
    {
        await using var db = host.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        using var store = new UserStore<WaymarkUser, IdentityRole, WaymarkDbContext>(db);
        return (await store.GetAuthenticatorKeyAsync(stored, CancellationToken.None), await store.CountCodesAsync(stored, CancellationToken.None));
    }

    /// <summary>As if the next 30-second step had come, for tests that sign one person in again at once.</summary>
    private async Task ForgetLastCodeAsync(WaymarkUser user)
    {
        await using var db = host.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, (long?)null));
    }

    private static async Task<(string Key, string SealedKey)> ReadSetUpAsync(HttpResponseMessage page)
    {
        var document = await page.GetDocumentAsync();
        Assert.NotNull(document.QuerySelector(".waymark-qr-code[role=img] svg path"));
        var key = document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();
        return (key, document.QuerySelector("input[name=SealedKey]")!.GetAttribute("value")!);
    }

    private static async Task<List<string>> RecoveryCodesOnAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.GetDocumentAsync()).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim())];
    }

    private static async Task<string> ErrorSummaryAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.GetDocumentAsync();
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
        return document.QuerySelector(".govuk-error-summary")!.TextContent;
    }

    /// <summary>Sets up an authenticator from the account page as a signed-in person would; returns the key and recovery codes.</summary>
    private async Task<(string Key, List<string> RecoveryCodes)> SetUpFromAccountPageAsync(HttpClient client)
    {
        var (key, sealedKey) = await ReadSetUpAsync(await client.GetAsync("/account/authenticator"));
        var done = await client.PostFormAsync("/account/authenticator", new() { ["SealedKey"] = sealedKey, ["Code"] = CodeNow(key) });
        return (key, await RecoveryCodesOnAsync(done));
    }

    [Fact]
    public async Task An_administrator_without_an_authenticator_sets_one_up_before_there_is_any_session()
    {
        var admin = await NewUserAsync(Role.LaAdmin);
        var client = host.CreateClient();

        var password = await PasswordAsync(client, admin);

        Assert.Equal("/sign-in/set-up", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
        var (key, sealedKey) = await ReadSetUpAsync(await client.GetAsync("/sign-in/set-up"));
        Assert.Equal(32, key.Length);

        // A refresh shows the same key, so someone who scanned it need not scan again.
        Assert.Equal(key, (await ReadSetUpAsync(await client.GetAsync("/sign-in/set-up"))).Key);

        var empty = await client.PostFormAsync("/sign-in/set-up", new() { ["SealedKey"] = sealedKey, ["Code"] = "" });
        Assert.Contains("Enter the code from your authenticator app", await ErrorSummaryAsync(empty), StringComparison.Ordinal);
        var wrong = await client.PostFormAsync("/sign-in/set-up", new() { ["SealedKey"] = sealedKey, ["Code"] = TestTotp.WrongCodeAt(key, host.Clock.GetUtcNow()) });
        Assert.Contains("The code is not correct", await ErrorSummaryAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(0, await OpenSessionsAsync(admin));
        Assert.False((await ReloadAsync(admin)).TwoFactorEnabled);

        var proof = CodeNow(key);
        var done = await client.PostFormAsync("/sign-in/set-up", new() { ["SealedKey"] = sealedKey, ["Code"] = proof });

        var codes = await RecoveryCodesOnAsync(done);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(1, await OpenSessionsAsync(admin));
        var stored = await ReloadAsync(admin);
        Assert.True(stored.TwoFactorEnabled);
        Assert.Equal((key, 10), await StoredTwoFactorAsync(admin));
        Assert.Single(await AuditAsync(AuditActions.TwoFactorSetUp, admin.Id));
        Assert.Equal("password and newly set-up authenticator app", Assert.Single(await AuditAsync(AuditActions.SignIn, admin.Id)).Detail);

        // From now on the password leads to the code page, and the code that proved the key is spent.
        // The same code, not the current one: the 30-second step may have moved on since.
        var next = host.CreateClient();
        Assert.Equal("/sign-in/code", (await PasswordAsync(next, admin)).Headers.Location!.OriginalString);
        Assert.Contains(SignInCodeModel.WrongCodeMessage, await ErrorSummaryAsync(await CodeAsync(next, proof)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_right_code_signs_in_and_only_then_is_there_a_session()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var client = host.CreateClient();

        var password = await PasswordAsync(client, user);

        Assert.Equal("/sign-in/code", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/children")).StatusCode);
        Assert.Equal(0, await OpenSessionsAsync(user));
        Assert.Empty(await AuditAsync(AuditActions.SignIn, user.Id));
        var page = await (await client.GetAsync("/sign-in/code")).GetDocumentAsync();
        Assert.Equal("Enter the code from your authenticator app", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("one-time-code", page.QuerySelector("#Code")!.GetAttribute("autocomplete"));

        var response = await CodeAsync(client, CodeNow(key));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);
        Assert.Equal(1, await OpenSessionsAsync(user));
        Assert.Equal("password and authenticator app", Assert.Single(await AuditAsync(AuditActions.SignIn, user.Id)).Detail);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/sign-in/code")).StatusCode);
    }

    [Fact]
    public async Task The_return_address_survives_the_second_step()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var client = host.CreateClient();

        await client.PostFormAsync("/sign-in?ReturnUrl=/schools", new() { ["Email"] = user.Email!, ["Password"] = TestWorld.Password, ["ReturnUrl"] = "/schools" },
            formPage: "/sign-in");
        var response = await CodeAsync(client, CodeNow(key));

        Assert.Equal("/schools", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_and_badly_typed_codes_are_refused_and_only_wrong_ones_count()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var client = host.CreateClient();
        await PasswordAsync(client, user);

        var empty = await CodeAsync(client, " ");
        var letters = await CodeAsync(client, "12ab56");
        var wrong = await CodeAsync(client, TestTotp.WrongCodeAt(key, host.Clock.GetUtcNow()));

        Assert.Contains("Enter the code from your authenticator app", await ErrorSummaryAsync(empty), StringComparison.Ordinal);
        Assert.Contains("The code must be 6 digits", await ErrorSummaryAsync(letters), StringComparison.Ordinal);
        var wrongDocument = await wrong.GetDocumentAsync();
        Assert.Contains(SignInCodeModel.WrongCodeMessage, wrongDocument.QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(wrongDocument.QuerySelector(".govuk-error-summary a[href='#Code']"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, (await ReloadAsync(user)).AccessFailedCount);
        Assert.Equal("wrong authenticator code", Assert.Single(await AuditAsync(AuditActions.TwoFactorFailed, user.Id)).Detail);
        Assert.Equal(0, await OpenSessionsAsync(user));

        // The same half-signed-in browser may still finish with the right code, and the count is cleared.
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(client, SpacedCode(CodeNow(key)))).StatusCode);
        Assert.Equal(0, (await ReloadAsync(user)).AccessFailedCount);
    }

    private static string SpacedCode(string code) => code[..3] + " " + code[3..];

    [Fact]
    public async Task A_code_is_accepted_once_only()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var first = host.CreateClient();
        var second = host.CreateClient();
        await PasswordAsync(first, user);
        await PasswordAsync(second, user);
        var code = CodeNow(key);

        var accepted = await CodeAsync(first, code);
        var replayed = await CodeAsync(second, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(SignInCodeModel.WrongCodeMessage, await ErrorSummaryAsync(replayed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        Assert.Equal(1, await OpenSessionsAsync(user));
        var step = TestTotp.StepAt(host.Clock.GetUtcNow());
        Assert.InRange((await ReloadAsync(user)).LastTotpTimeStep!.Value, step - 1, step + 1);
        Assert.Single(await AuditAsync(AuditActions.TwoFactorFailed, user.Id));

        // An earlier step's code is no better than the same one.
        var earlier = TestTotp.CodeForStep(TestTotp.FromBase32(key), (await ReloadAsync(user)).LastTotpTimeStep!.Value - 1);
        Assert.Contains(SignInCodeModel.WrongCodeMessage, await ErrorSummaryAsync(await CodeAsync(second, earlier)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_from_more_than_one_step_away_are_refused()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var client = host.CreateClient();
        await PasswordAsync(client, user);

        var old = TestTotp.CodeAt(key, host.Clock.GetUtcNow().AddSeconds(-90));

        Assert.Contains(SignInCodeModel.WrongCodeMessage, await ErrorSummaryAsync(await CodeAsync(client, old)), StringComparison.Ordinal);
        Assert.Equal(0, await OpenSessionsAsync(user));
    }

    [Fact]
    public async Task The_half_signed_in_state_ends_five_minutes_after_the_password()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var early = host.CreateClient();
        var late = host.CreateClient();
        await PasswordAsync(early, user);
        await PasswordAsync(late, user);
        var token = await TokenFromAsync(late, "/sign-in/code");
        HttpResponseMessage inTime, tooLate;
        try
        {
            host.Clock.Offset = TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(50);
            inTime = await CodeAsync(early, CodeNow(key));
            host.Clock.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(40);
            tooLate = await PostCodeWithTokenAsync(late, token, CodeNow(key));
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }

        Assert.Equal("/", inTime.Headers.Location!.OriginalString);
        Assert.Equal("/sign-in?timedOut=true", tooLate.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await late.GetAsync("/")).StatusCode);
        Assert.Equal(1, await OpenSessionsAsync(user));
        var signIn = await (await late.GetAsync("/sign-in?timedOut=true")).GetDocumentAsync();
        Assert.Contains("Signing in took more than 5 minutes", signIn.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_step_pages_need_a_correct_password_first()
    {
        var client = host.CreateClient();

        foreach (var path in new[] { "/sign-in/code", "/sign-in/recovery-code", "/sign-in/set-up" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/sign-in", response.Headers.Location!.OriginalString);
        }

        // Someone signed in already cannot use them to reach another account either.
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        Assert.Equal("/sign-in", (await officer.GetAsync("/sign-in/code")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var user = await NewUserAsync(Role.LaOfficer);
        var (_, codes) = await SetUpFromAccountPageAsync(await host.SignedInClientAsync(user.Email!));
        var client = host.CreateClient();
        await PasswordAsync(client, user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in/recovery-code")).StatusCode);

        // Typed carelessly: lower case, without the dash.
        var typed = codes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var used = await client.PostFormAsync("/sign-in/recovery-code", new() { ["RecoveryCode"] = typed });

        Assert.Equal("/", used.Headers.Location!.OriginalString);
        var home = await (await client.GetAsync("/")).GetDocumentAsync();
        Assert.Contains("You have 9 left", home.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9 left", Assert.Single(await AuditAsync(AuditActions.RecoveryCodeUsed, user.Id)).Detail);
        Assert.Equal("password and recovery code", (await AuditAsync(AuditActions.SignIn, user.Id))[^1].Detail);

        var again = host.CreateClient();
        await PasswordAsync(again, user);
        var refused = await again.PostFormAsync("/sign-in/recovery-code", new() { ["RecoveryCode"] = codes[3] });

        Assert.Contains(SignInRecoveryCodeModel.WrongCodeMessage, await ErrorSummaryAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);
        Assert.Equal("wrong recovery code", Assert.Single(await AuditAsync(AuditActions.TwoFactorFailed, user.Id)).Detail);
        Assert.Equal(1, (await ReloadAsync(user)).AccessFailedCount);
        Assert.Equal(9, (await StoredTwoFactorAsync(user)).RecoveryCodes);
        var empty = await again.PostFormAsync("/sign-in/recovery-code", new() { ["RecoveryCode"] = "" });
        Assert.Contains("Enter a recovery code", await ErrorSummaryAsync(empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_and_end_the_half_sign_in()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var client = host.CreateClient();
        await PasswordAsync(client, user);
        var wrong = TestTotp.WrongCodeAt(key, host.Clock.GetUtcNow());

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(SignInCodeModel.WrongCodeMessage, await ErrorSummaryAsync(await CodeAsync(client, wrong)), StringComparison.Ordinal);
        }

        var fifth = await CodeAsync(client, wrong);

        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        Assert.Equal("You cannot sign in for 15 minutes", (await fifth.GetDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.True((await ReloadAsync(user)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        var failures = await AuditAsync(AuditActions.TwoFactorFailed, user.Id);
        Assert.Equal(5, failures.Count);
        Assert.Equal("wrong authenticator code; account locked", failures[^1].Detail);

        // The half sign-in is over, and the password is now refused as any wrong one is.
        Assert.Equal("/sign-in", (await client.GetAsync("/sign-in/code")).Headers.Location!.OriginalString);
        var again = await PasswordAsync(host.CreateClient(), user);
        Assert.Contains(SignInModel.FailureMessage, await ErrorSummaryAsync(again), StringComparison.Ordinal);
        Assert.Equal(0, await OpenSessionsAsync(user));
    }

    [Fact]
    public async Task Wrong_passwords_and_wrong_codes_add_up_to_the_lockout()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.PostFormAsync("/sign-in", new() { ["Email"] = user.Email!, ["Password"] = $"wrong guess {i}" });
        }

        // A right password does not clear the count while the second factor is still owed.
        await PasswordAsync(client, user);
        Assert.Equal(3, (await ReloadAsync(user)).AccessFailedCount);
        var wrong = TestTotp.WrongCodeAt(key, host.Clock.GetUtcNow());
        await CodeAsync(client, wrong);
        var locked = await CodeAsync(client, wrong);

        Assert.Equal("You cannot sign in for 15 minutes", (await locked.GetDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.NotNull((await ReloadAsync(user)).LockoutEnd);
    }

    [Fact]
    public async Task Two_factor_is_not_asked_of_a_teacher_by_default_but_is_of_the_administrator()
    {
        var teacher = await NewUserAsync(Role.Headteacher);

        var response = await PasswordAsync(host.CreateClient(), teacher);
        var admin = await host.CreateClient().PostFormAsync("/sign-in",
            new() { ["Email"] = TestWorld.EmailFor(Role.LaAdmin), ["Password"] = TestWorld.Password });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal("password", (await AuditAsync(AuditActions.SignIn, teacher.Id))[^1].Detail);
        Assert.Equal("/sign-in/code", admin.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task When_the_setting_says_everyone_a_teacher_must_set_up_two_factor()
    {
        var teacher = await NewUserAsync(Role.Headteacher);
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:TwoFactor:RequiredFor"] = "everyone");
        using var client = app.CreateClient();

        var response = await PasswordAsync(client, teacher);

        Assert.Equal("/sign-in/set-up", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(0, await OpenSessionsAsync(teacher));
    }

    [Fact]
    public async Task When_the_setting_says_none_only_those_who_chose_two_factor_use_it()
    {
        var admin = await NewUserAsync(Role.LaAdmin);
        var key = TestTotp.NewKey();
        var chose = await NewUserAsync(Role.LaAdmin, key);
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:TwoFactor:RequiredFor"] = "none");

        Assert.Equal("/", (await PasswordAsync(app.CreateClient(), admin)).Headers.Location!.OriginalString);
        Assert.Equal("/sign-in/code", (await PasswordAsync(app.CreateClient(), chose)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_mistyped_setting_stops_the_app_rather_than_weakening_sign_in()
    {
        var problem = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:TwoFactor:RequiredFor"] = "admins"));

        Assert.Contains("administrators, everyone or none", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_pages_posts_count_towards_the_sign_in_rate_limit()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaAdmin, key);
        await using var app = await ExtraApp.StartAsync(host.Database.Location, b => b.Configuration["Waymark:SignInAttemptsPerMinute"] = "3");
        using var client = app.CreateClient();
        var wrong = TestTotp.WrongCodeAt(key, host.Clock.GetUtcNow());

        var statuses = new List<HttpStatusCode> { (await PasswordAsync(client, user)).StatusCode };
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await CodeAsync(client, wrong)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, (await ReloadAsync(user)).AccessFailedCount);
    }

    [Fact]
    public async Task Anyone_may_turn_on_two_factor_from_their_account_page()
    {
        var teacher = await NewUserAsync(Role.Senco);
        var client = await host.SignedInClientAsync(teacher.Email!);
        var account = await (await client.GetAsync("/account")).GetDocumentAsync();
        Assert.Contains("Two-factor authentication is off", account.QuerySelector("#two-factor")!.TextContent, StringComparison.Ordinal);
        var (key, sealedKey) = await ReadSetUpAsync(await client.GetAsync("/account/authenticator"));

        var wrong = await client.PostFormAsync("/account/authenticator",
            new() { ["SealedKey"] = sealedKey, ["Code"] = TestTotp.WrongCodeAt(key, host.Clock.GetUtcNow()) });
        Assert.Contains("The code is not correct", await ErrorSummaryAsync(wrong), StringComparison.Ordinal);
        Assert.False((await ReloadAsync(teacher)).TwoFactorEnabled);
        var done = await client.PostFormAsync("/account/authenticator", new() { ["SealedKey"] = sealedKey, ["Code"] = CodeNow(key) });

        Assert.Equal(10, (await RecoveryCodesOnAsync(done)).Count);
        Assert.Equal("from the account page", Assert.Single(await AuditAsync(AuditActions.TwoFactorSetUp, teacher.Id)).Detail);
        Assert.Contains("You have 10 unused recovery codes", (await (await client.GetAsync("/account")).GetDocumentAsync()).QuerySelector("#two-factor")!.TextContent,
            StringComparison.Ordinal);

        // Setting it up did not end this session; the next sign-in asks for a code.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);
        Assert.Equal("/sign-in/code", (await PasswordAsync(host.CreateClient(), teacher)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_set_up_key_sealed_for_one_person_cannot_be_used_by_another()
    {
        var first = await NewUserAsync(Role.LaOfficer);
        var second = await NewUserAsync(Role.LaOfficer);
        var firstClient = await host.SignedInClientAsync(first.Email!);
        var secondClient = await host.SignedInClientAsync(second.Email!);
        var (key, sealedKey) = await ReadSetUpAsync(await firstClient.GetAsync("/account/authenticator"));

        var stolen = await secondClient.PostFormAsync("/account/authenticator", new() { ["SealedKey"] = sealedKey, ["Code"] = CodeNow(key) });
        var forged = await secondClient.PostFormAsync("/account/authenticator", new() { ["SealedKey"] = sealedKey + "x", ["Code"] = CodeNow(key) });

        Assert.Contains("Scan the QR code again", await ErrorSummaryAsync(stolen), StringComparison.Ordinal);
        Assert.Contains("Scan the QR code again", await ErrorSummaryAsync(forged), StringComparison.Ordinal);
        Assert.False((await ReloadAsync(second)).TwoFactorEnabled);
        Assert.NotEqual(key, (await StoredTwoFactorAsync(second)).Key);
        Assert.Empty(await AuditAsync(AuditActions.TwoFactorSetUp, second.Id));
    }

    [Fact]
    public async Task A_new_authenticator_replaces_the_old_only_once_a_code_proves_it()
    {
        var oldKey = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaOfficer, oldKey);
        var client = await host.SignedInClientAsync(user.Email!);
        var (newKey, sealedKey) = await ReadSetUpAsync(await client.GetAsync("/account/authenticator"));
        Assert.NotEqual(oldKey, newKey);

        // Started but not finished: the old app still works.
        await ForgetLastCodeAsync(user);
        var stillOld = host.CreateClient();
        await PasswordAsync(stillOld, user);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(stillOld, CodeNow(oldKey))).StatusCode);

        await ForgetLastCodeAsync(user);
        var done = await client.PostFormAsync("/account/authenticator", new() { ["SealedKey"] = sealedKey, ["Code"] = CodeNow(newKey) });
        Assert.Equal(10, (await RecoveryCodesOnAsync(done)).Count);
        Assert.Equal("new authenticator app, from the account page", Assert.Single(await AuditAsync(AuditActions.TwoFactorSetUp, user.Id)).Detail);

        await ForgetLastCodeAsync(user);
        var withOld = host.CreateClient();
        await PasswordAsync(withOld, user);
        Assert.Contains(SignInCodeModel.WrongCodeMessage, await ErrorSummaryAsync(await CodeAsync(withOld, CodeNow(oldKey))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(withOld, CodeNow(newKey))).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var user = await NewUserAsync(Role.LaOfficer);
        var client = await host.SignedInClientAsync(user.Email!);
        var (_, oldCodes) = await SetUpFromAccountPageAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/recovery-codes")).StatusCode);

        var newCodes = await RecoveryCodesOnAsync(await client.PostFormAsync("/account/recovery-codes", []));

        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.Single(await AuditAsync(AuditActions.RecoveryCodesRenewed, user.Id));
        var withOld = host.CreateClient();
        await PasswordAsync(withOld, user);
        Assert.Contains(SignInRecoveryCodeModel.WrongCodeMessage,
            await ErrorSummaryAsync(await withOld.PostFormAsync("/sign-in/recovery-code", new() { ["RecoveryCode"] = oldCodes[0] })), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await withOld.PostFormAsync("/sign-in/recovery-code", new() { ["RecoveryCode"] = newCodes[0] })).StatusCode);
    }

    [Fact]
    public async Task Someone_without_an_authenticator_cannot_get_recovery_codes()
    {
        var user = await NewUserAsync(Role.LaOfficer);
        var client = await host.SignedInClientAsync(user.Email!);

        Assert.Equal("/account", (await client.GetAsync("/account/recovery-codes")).Headers.Location!.OriginalString);
        var posted = await client.PostFormAsync("/account/recovery-codes", [], formPage: "/account");

        Assert.Equal("/account", posted.Headers.Location!.OriginalString);
        Assert.Equal(0, (await StoredTwoFactorAsync(user)).RecoveryCodes);
        Assert.Empty(await AuditAsync(AuditActions.RecoveryCodesRenewed, user.Id));
    }

    [Fact]
    public async Task An_administrators_reset_makes_the_person_set_up_a_new_authenticator_at_their_next_sign_in()
    {
        var oldKey = TestTotp.NewKey();
        var teacher = await NewUserAsync(Role.Headteacher, oldKey);
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var before = await (await admin.GetAsync($"/admin/users/{teacher.Id}")).GetDocumentAsync();
        Assert.StartsWith("On:", before.QuerySelector("#two-factor-status")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/users/{teacher.Id}/reset-two-factor")).StatusCode);

        var response = await admin.PostFormAsync($"/admin/users/{teacher.Id}/reset-two-factor", []);

        Assert.Equal($"/admin/users/{teacher.Id}", response.Headers.Location!.OriginalString);
        var after = await (await admin.GetAsync($"/admin/users/{teacher.Id}")).GetDocumentAsync();
        Assert.Contains("Two-factor authentication reset", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Not set up yet", after.QuerySelector("#two-factor-status")!.TextContent.Trim(), StringComparison.Ordinal);
        var stored = await ReloadAsync(teacher);
        Assert.False(stored.TwoFactorEnabled);
        Assert.True(stored.TwoFactorEnrolmentRequired);
        Assert.Equal((null, 0), await StoredTwoFactorAsync(teacher));
        var audit = Assert.Single(await AuditAsync(AuditActions.TwoFactorReset, host.World.Users[Role.LaAdmin].Id), e => e.Detail == teacher.Email);
        Assert.NotNull(audit.IpAddress);

        // A teacher need not use two-factor by the setting, but after a reset must set it up again.
        var client = host.CreateClient();
        Assert.Equal("/sign-in/set-up", (await PasswordAsync(client, teacher)).Headers.Location!.OriginalString);
        Assert.Equal("/sign-in/set-up", (await client.GetAsync("/sign-in/code")).Headers.Location!.OriginalString);
        var (newKey, sealedKey) = await ReadSetUpAsync(await client.GetAsync("/sign-in/set-up"));
        Assert.NotEqual(oldKey, newKey);
        var withOld = await client.PostFormAsync("/sign-in/set-up", new() { ["SealedKey"] = sealedKey, ["Code"] = CodeNow(oldKey) });
        Assert.Contains("The code is not correct", await ErrorSummaryAsync(withOld), StringComparison.Ordinal);
        var done = await client.PostFormAsync("/sign-in/set-up", new() { ["SealedKey"] = sealedKey, ["Code"] = CodeNow(newKey) });
        Assert.Equal(10, (await RecoveryCodesOnAsync(done)).Count);
        Assert.False((await ReloadAsync(teacher)).TwoFactorEnrolmentRequired);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_and_any_half_finished_sign_in()
    {
        var key = TestTotp.NewKey();
        var user = await NewUserAsync(Role.LaOfficer, key);
        var here = await host.SignedInClientAsync(user.Email!);
        var elsewhere = await host.SignedInClientAsync(user.Email!);
        var halfway = host.CreateClient();
        await PasswordAsync(halfway, user);
        var token = await TokenFromAsync(halfway, "/sign-in/code");
        var stampBefore = (await ReloadAsync(user)).SecurityStamp;
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/children")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/sign-out-everywhere")).StatusCode);

        var response = await here.PostFormAsync("/account/sign-out-everywhere", []);

        Assert.Equal("/sign-in?signedOut=true&everywhere=true", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/children")).StatusCode);
        // A code not yet used, so only the ended sign-in can be why it is refused.
        await ForgetLastCodeAsync(user);
        Assert.Equal("/sign-in?timedOut=true", (await PostCodeWithTokenAsync(halfway, token, CodeNow(key))).Headers.Location!.OriginalString);
        Assert.Equal(0, await OpenSessionsAsync(user));
        Assert.NotEqual(stampBefore, (await ReloadAsync(user)).SecurityStamp);
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(2, await db.UserSessions.CountAsync(s => s.UserId == user.Id && s.EndReason == "signed out everywhere"));
        }

        Assert.Equal("signed out everywhere: 2 sessions ended", Assert.Single(await AuditAsync(AuditActions.SessionsEnded, user.Id)).Detail);
        var banner = await (await here.GetAsync(response.Headers.Location!.OriginalString)).GetDocumentAsync();
        Assert.Contains("signed out of Waymark on every device", banner.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        // They can sign in again as before.
        Assert.Equal(HttpStatusCode.OK, (await (await host.SignedInClientAsync(user.Email!)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_ends_all_of_a_persons_sessions()
    {
        var user = await NewUserAsync(Role.SocialWorker);
        var first = await host.SignedInClientAsync(user.Email!);
        var second = await host.SignedInClientAsync(user.Email!);
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var page = await (await admin.GetAsync($"/admin/users/{user.Id}")).GetDocumentAsync();
        Assert.Contains("2 devices", page.QuerySelector("#sessions-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/users/{user.Id}/end-sessions")).StatusCode);

        var response = await admin.PostFormAsync($"/admin/users/{user.Id}/end-sessions", []);

        Assert.Equal($"/admin/users/{user.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(0, await OpenSessionsAsync(user));
        var audit = await AuditAsync(AuditActions.SessionsEnded, host.World.Users[Role.LaAdmin].Id);
        Assert.Contains(audit, e => e.Detail == $"{user.Email}: 2 sessions ended by an administrator");
        var after = await (await admin.GetAsync($"/admin/users/{user.Id}")).GetDocumentAsync();
        Assert.Contains("not signed in anywhere", after.QuerySelector("#sessions-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await host.SignedInClientAsync(user.Email!)).GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(RolesOtherThanAdministrator))]
    public async Task Only_administrators_reset_two_factor_or_end_sessions(Role role)
    {
        var target = await NewUserAsync(Role.LaOfficer, TestTotp.NewKey());
        var targetClient = await host.SignedInClientAsync(target.Email!);
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/users/{target.Id}/reset-two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/users/{target.Id}/end-sessions")).StatusCode);
        var reset = await client.PostFormAsync($"/admin/users/{target.Id}/reset-two-factor", [], formPage: "/account");
        var end = await client.PostFormAsync($"/admin/users/{target.Id}/end-sessions", [], formPage: "/account");

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, end.StatusCode);
        Assert.True((await ReloadAsync(target)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await targetClient.GetAsync("/")).StatusCode);
        Assert.Empty(await AuditAsync(AuditActions.TwoFactorReset, host.World.Users[role].Id));
        Assert.Empty(await AuditAsync(AuditActions.SessionsEnded, host.World.Users[role].Id));
    }

    [Fact]
    public async Task Admin_actions_on_an_unknown_user_are_not_found()
    {
        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-user/reset-two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/users/no-such-user/end-sessions", [], formPage: "/account")).StatusCode);
    }

    [Fact]
    public async Task The_account_pages_need_a_session()
    {
        var client = host.CreateClient();

        foreach (var path in new[] { "/account", "/account/authenticator", "/account/recovery-codes", "/account/sign-out-everywhere" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TwoFactorTestsOnSqlite(SqliteHost fixture) : TwoFactorTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class TwoFactorTestsOnPostgres(PostgresHost fixture) : TwoFactorTests(fixture.Host);
