using System.Security.Claims;
using Waymark.Data.Auditing;

namespace Waymark.Web.Auditing;

/// <summary>The signed-in user of the current request, or nobody (the command line, a background job).</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
