using System.Security.Cryptography;
using System.Text;
using Waymark.Domain.Integrations;

namespace Waymark.Web.Api;

/// <summary>Makes integrations' bearer tokens and the hashes they are kept as.</summary>
public static class ApiTokens
{
    /// <summary>A new token: the prefix and 32 random bytes in base64url. Shown to the administrator once, never stored.</summary>
    public static string NewToken()
    {
        var token = IntegrationRules.TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(IntegrationRules.TokenBytes));
        return IntegrationRules.LooksLikeToken(token) ? token : throw new InvalidOperationException("A new token did not have the token's shape.");
    }

    /// <summary>
    /// SHA-256 of the token, which is what is stored and looked up. The token is 256 random bits, so a fast hash is
    /// enough: there is nothing to guess from it (unlike a password).
    /// </summary>
    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
