using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Waymark.Web.Api;

/// <summary>
/// Every error the API gives is RFC 9457 problem details (application/problem+json): a type, a title, the status, a
/// detail in words, the path as the instance and the trace id to quote to the council's support desk; never a stack
/// trace. <see cref="ApiProblemDetailsWriter"/> writes them for every path under /api, whatever the client accepts.
/// </summary>
public static class ApiProblems
{
    /// <summary>Writes problem details for <paramref name="status"/> straight to the response (authentication, rate limits).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>400 with the fields at fault, each with its messages (the "errors" member of a validation problem).</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The request's query string is not valid: see errors.");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Fills in what a problem leaves out: type and title from its status, the instance and the trace id.</summary>
    public static void Complete(ProblemDetails problem, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var status = problem.Status ??= context.Response.StatusCode;
        var (type, title) = Known(status);
        problem.Type ??= type;
        problem.Title ??= title;
        problem.Detail ??= status switch
        {
            400 => "The request could not be read: check its query string.",
            404 => "There is nothing at this address.",
            405 => "The API only reads: every endpoint takes GET.",
            _ => title,
        };
        problem.Instance ??= context.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;

        // Exception details never leave the server, whatever the environment: the trace id finds them in the log.
        problem.Extensions.Remove("exception");
        if (status >= StatusCodes.Status500InternalServerError)
        {
            problem.Detail = "Something went wrong in Waymark. Quote the traceId to the council's support desk.";
        }
    }

    private static (string Type, string Title) Known(int status) => status switch
    {
        400 => ("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request"),
        401 => ("https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized"),
        403 => ("https://tools.ietf.org/html/rfc9110#section-15.5.4", "Forbidden"),
        404 => ("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found"),
        405 => ("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method Not Allowed"),
        413 => ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
        429 => ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
        500 => ("https://tools.ietf.org/html/rfc9110#section-15.6.1", "Internal Server Error"),
        _ => ("about:blank", ReasonPhrases.GetReasonPhrase(status)),
    };
}

/// <summary>
/// Writes problem details for every request under /api, ahead of ASP.NET Core's own writer (which writes only for
/// clients that say they accept JSON), so an integration always gets application/problem+json.
/// </summary>
public sealed class ApiProblemDetailsWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ApiAuth.IsApiRequest(context?.HttpContext!);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        ApiProblems.Complete(problem, context.HttpContext);
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
