using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;

namespace Waymark.Web.Api;

/// <summary>
/// The audit of API calls. Every call an integration makes is one <see cref="AuditActions.ApiCall"/> entry (method, path,
/// query, status) with the integration as the actor; each child whose record the call returned gets an
/// <see cref="AuditActions.ApiChildRead"/> entry, and each child it was refused a <see cref="AuditActions.ChildRefused"/>
/// entry, so both appear in the child's access history. They are saved before the answer is sent.
/// </summary>
public sealed class ApiCalls(WaymarkDbContext db, Auditor auditor, IHttpContextAccessor accessor)
{
    private readonly List<(Guid ChildId, string What)> _reads = [];
    private readonly List<(Guid ChildId, string What)> _refusals = [];

    /// <summary>The call returns <paramref name="what"/> of the child's record.</summary>
    public void Read(Guid childId, string what) => _reads.Add((childId, what));

    public void Refused(Guid childId, string what) => _refusals.Add((childId, what));

    public int Reads => _reads.Count;

    /// <summary>Writes the call's entries (saved at once, with any the call added).</summary>
    public async Task SaveAsync(int status, string? detail = null, CancellationToken ct = default)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("There is no current request.");
        var call = Describe(http);
        auditor.Record(AuditActions.ApiCall, detail: $"{call} answered {status}{(_reads.Count > 0 ? $", {_reads.Count} child record(s)" : "")}{(detail is null ? "" : ": " + detail)}");
        foreach (var (childId, what) in _reads)
        {
            auditor.Record(AuditActions.ApiChildRead, childId, $"API: {what} ({call})");
        }

        foreach (var (childId, what) in _refusals)
        {
            auditor.Record(AuditActions.ChildRefused, childId, $"API {what}: outside the integration's scope");
        }

        _reads.Clear();
        _refusals.Clear();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a call answered before any endpoint ran (a missing scope).</summary>
    public static Task RecordAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<ApiCalls>().SaveAsync(status, detail, context.RequestAborted);
    }

    /// <summary>"GET /api/v1/children?page=2", cut to a length the audit keeps.</summary>
    public static string Describe(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}

/// <summary>Audits every call that reaches an endpoint, with the status it answers, before the answer goes out.</summary>
public sealed class ApiCallAuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var calls = context.HttpContext.RequestServices.GetRequiredService<ApiCalls>();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The call failed; it is still on the record (the error's details are in the log, under the trace id).
            try
            {
                await calls.SaveAsync(StatusCodes.Status500InternalServerError, ct: CancellationToken.None);
            }
            catch (Exception)
            {
                // The database may be what failed: the original error is the one to report.
            }

            throw;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: int code } ? code : StatusCodes.Status200OK;
        await calls.SaveAsync(status, ct: context.HttpContext.RequestAborted);
        return result;
    }
}
