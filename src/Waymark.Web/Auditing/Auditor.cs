using Waymark.Data;
using Waymark.Data.Entities;

namespace Waymark.Web.Auditing;

/// <summary>
/// Adds audit events to the request's DbContext, so they are saved in the same transaction as
/// the change they record; a read is audited by saving straight away.
/// </summary>
public sealed class Auditor(WaymarkDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    private readonly Dictionary<Guid, string> _reasons = [];

    /// <summary>
    /// Every later entry about <paramref name="childId"/> in this request carries <paramref name="reason"/>: the reason
    /// the user gave to open the record outside their need-to-know.
    /// </summary>
    public void UseReason(Guid childId, string reason) => _reasons[childId] = reason;

    public void Record(string action, Guid? childId = null, string? detail = null, string? userId = null, string? reason = null)
    {
        var http = accessor.HttpContext;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? http?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            Action = action,
            ChildId = childId,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Reason = reason ?? (childId is Guid id && _reasons.TryGetValue(id, out var given) ? given : null),
        });
    }

    public async Task RecordNowAsync(string action, Guid? childId = null, string? detail = null, string? userId = null,
        CancellationToken ct = default, string? reason = null)
    {
        Record(action, childId, detail, userId, reason);
        await db.SaveChangesAsync(ct);
    }
}
