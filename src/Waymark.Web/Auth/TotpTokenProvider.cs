using Microsoft.AspNetCore.Identity;
using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Auth;

/// <summary>
/// Identity's authenticator provider, replaced: the key is still Identity's (in its user tokens), but
/// codes are checked against Waymark's clock, one step either side rather than two, and each accepted
/// step is recorded so a code cannot be used again (RFC 6238 section 5.2). Identity's own provider reads
/// the system clock and cannot say which step matched.
/// </summary>
public sealed class TotpTokenProvider(WaymarkDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<WaymarkUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<WaymarkUser> manager, WaymarkUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    // The code comes from the person's app; Waymark never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<WaymarkUser> manager, WaymarkUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<WaymarkUser> manager, WaymarkUser user)
    {
        var key = Totp.DecodeKey(await manager.GetAuthenticatorKeyAsync(user));
        if (key is null || Totp.Normalise(token) is not string code)
        {
            return false;
        }

        var step = Totp.MatchingStep(key, code, clock.GetUtcNow());
        if (step is null || step <= user.LastTotpTimeStep)
        {
            return false;
        }

        // The user's concurrency stamp makes this a compare-and-set: of two requests with one code, one saves.
        user.LastTotpTimeStep = step;
        if ((await manager.UpdateAsync(user)).Succeeded)
        {
            return true;
        }

        await db.Entry(user).ReloadAsync();
        return false;
    }
}
