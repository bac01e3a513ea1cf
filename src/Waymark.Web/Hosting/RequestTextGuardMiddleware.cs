using Microsoft.AspNetCore.Diagnostics;

namespace Waymark.Web.Hosting;

/// <summary>
/// Refuses, with a 400, a request whose query string or form holds a NUL character, which no browser sends from a
/// text box and PostgreSQL cannot store (so it would otherwise fail as a 500 wherever the text is saved or audited).
/// ASP.NET Core's reader already refuses a URL-encoded %00 in a form; this covers multipart/form-data and the query
/// string. A form the reader cannot take (too large, too many values, malformed) is answered here too, with its 4xx,
/// before any page runs.
/// </summary>
public sealed class RequestTextGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The styled error page re-executes the request; it was checked on the way in.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await RefusalAsync(context) is int status)
        {
            context.Response.StatusCode = status;
            return;
        }

        await next(context);
    }

    private static async Task<int?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (HasNul(request.Query))
        {
            return StatusCodes.Status400BadRequest;
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return HasNul(await request.ReadFormAsync(context.RequestAborted)) ? StatusCodes.Status400BadRequest : null;
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits, such as the request body size (413).
            return ex.StatusCode;
        }
        catch (InvalidDataException)
        {
            // The form reader's limits (value length, value count) or a malformed body.
            return StatusCodes.Status400BadRequest;
        }
    }

    private static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        foreach (var (name, value) in values)
        {
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var text in value)
            {
                if (text is not null && text.Contains('\0', StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
