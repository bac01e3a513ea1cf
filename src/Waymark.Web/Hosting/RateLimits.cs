namespace Waymark.Web.Hosting;

public static class RateLimits
{
    public const string SignIn = "sign-in";
}
