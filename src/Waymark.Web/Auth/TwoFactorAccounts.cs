using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Hosting;

namespace Waymark.Web.Auth;

/// <summary>An authenticator key being set up: the QR code and typed key to show, and the key sealed for the form to send back.</summary>
public sealed record AuthenticatorSetUp(string Key, string SealedKey, string QrSvg)
{
    /// <summary>The key in groups of four, for typing into an app by hand.</summary>
    public string KeyInGroups => string.Join(' ', Key.Chunk(4).Select(c => new string(c)));
}

/// <summary>
/// Two-factor authentication for local accounts, on ASP.NET Core Identity's own storage: the authenticator
/// key and recovery codes live in Identity's user tokens, codes are checked through
/// <see cref="UserManager{TUser}.VerifyTwoFactorTokenAsync"/> (see <see cref="TotpTokenProvider"/>).
/// </summary>
public sealed class TwoFactorAccounts(
    WaymarkDbContext db,
    UserManager<WaymarkUser> users,
    IUserStore<WaymarkUser> store,
    TwoFactorSettings settings,
    TimeProvider clock,
    IDataProtectionProvider protection,
    ServiceBranding branding)
{
    public const int RecoveryCodeCount = 10;

    // A person may take a while to install an app; the sealed key only carries it between page and form.
    private static readonly TimeSpan SetUpLifetime = TimeSpan.FromMinutes(30);

    private IUserAuthenticatorKeyStore<WaymarkUser> KeyStore => (IUserAuthenticatorKeyStore<WaymarkUser>)store;

    private IUserTwoFactorRecoveryCodeStore<WaymarkUser> RecoveryCodeStore => (IUserTwoFactorRecoveryCodeStore<WaymarkUser>)store;

    private ITimeLimitedDataProtector SetUpProtector =>
        protection.CreateProtector("Waymark.TwoFactor.SetUp").ToTimeLimitedDataProtector();

    /// <summary>Whether this user may not sign in with a password alone: by the setting for their role, or after an administrator's reset.</summary>
    public bool IsRequired(WaymarkUser user) => user.TwoFactorEnrolmentRequired || settings.RequiredForRole(user.Role);

    public async Task<bool> HasAuthenticatorAsync(WaymarkUser user) =>
        user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    public Task<int> RecoveryCodesLeftAsync(WaymarkUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>
    /// A key to set up. Someone without an authenticator keeps the same key until they prove it (stored,
    /// not yet in use), so a refresh or a timed-out sign-in does not mean scanning again; someone
    /// replacing a working authenticator gets a new key that is saved only once a code proves it.
    /// </summary>
    public async Task<AuthenticatorSetUp> StartSetUpAsync(WaymarkUser user)
    {
        string key;
        if (!user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } unproven)
        {
            key = unproven;
        }
        else
        {
            key = users.GenerateNewAuthenticatorKey();
            if (!user.TwoFactorEnabled)
            {
                await KeyStore.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
                await users.UpdateAsync(user);
            }
        }

        return await SetUpForAsync(user, key);
    }

    /// <summary>The set-up a form sent back, or null if the sealed key is not this user's or is too old.</summary>
    public async Task<AuthenticatorSetUp?> ResumeSetUpAsync(WaymarkUser user, string? sealedKey)
    {
        try
        {
            var parts = SetUpProtector.Unprotect(sealedKey ?? "").Split('\n');
            return parts is [var userId, var key] && userId == user.Id ? await SetUpForAsync(user, key) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Saves the key once a code from it proves the app has it, switches two-factor on and returns a new
    /// set of recovery codes (to show once); null if the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> CompleteSetUpAsync(WaymarkUser user, AuthenticatorSetUp setUp, string code)
    {
        var key = Totp.DecodeKey(setUp.Key);
        var step = key is null ? null : Totp.MatchingStep(key, code, clock.GetUtcNow());
        if (step is null)
        {
            return null;
        }

        await KeyStore.SetAuthenticatorKeyAsync(user, setUp.Key, CancellationToken.None);
        user.TwoFactorEnabled = true;
        user.TwoFactorEnrolmentRequired = false;

        // The code that proved the key is spent too.
        user.LastTotpTimeStep = Math.Max(step.Value, user.LastTotpTimeStep ?? long.MinValue);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        if (codes is null)
        {
            await db.Entry(user).ReloadAsync();
            return null;
        }

        return [.. codes];
    }

    public Task<bool> VerifyCodeAsync(WaymarkUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);

    /// <summary>Uses up one recovery code; false if it is not one of the user's unused codes.</summary>
    public async Task<bool> RedeemRecoveryCodeAsync(WaymarkUser user, string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (code.Length == 10 && !code.Contains('-', StringComparison.Ordinal))
        {
            code = code[..5] + "-" + code[5..];
        }

        if (code.Length == 0)
        {
            return false;
        }

        var result = await users.RedeemTwoFactorRecoveryCodeAsync(user, code);
        if (!result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            await db.Entry(user).ReloadAsync();
        }

        return result.Succeeded;
    }

    /// <summary>A fresh set of recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(WaymarkUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
            ?? throw new InvalidOperationException("The recovery codes could not be saved.")];

    /// <summary>An administrator's reset: the authenticator and recovery codes are gone and a new one must be set up at the next sign-in.</summary>
    public async Task ResetAsync(WaymarkUser user)
    {
        // Identity's store clears the key when given null, though its signature does not say so.
        await KeyStore.SetAuthenticatorKeyAsync(user, null!, CancellationToken.None);
        await RecoveryCodeStore.ReplaceCodesAsync(user, [], CancellationToken.None);
        user.TwoFactorEnabled = false;
        user.TwoFactorEnrolmentRequired = true;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Two-factor could not be reset: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>The otpauth address an app reads from the QR code (Key Uri Format: issuer, account, secret).</summary>
    public static string AuthenticatorUri(string issuer, string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}";

    /// <summary>The QR code as SVG markup, drawn on the server so the page needs no script.</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#0b0c0c", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private async Task<AuthenticatorSetUp> SetUpForAsync(WaymarkUser user, string key)
    {
        // The council's name too, so someone with several Waymark accounts can tell them apart in the app.
        var la = await branding.LocalAuthorityNameAsync();
        var issuer = la is null ? "Waymark" : $"Waymark ({la})";
        var sealedKey = SetUpProtector.Protect($"{user.Id}\n{key}", SetUpLifetime);
        return new AuthenticatorSetUp(key, sealedKey, QrSvg(AuthenticatorUri(issuer, user.Email ?? user.UserName ?? "", key)));
    }
}
