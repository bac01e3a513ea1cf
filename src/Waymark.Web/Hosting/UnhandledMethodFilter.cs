using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Waymark.Web.Hosting;

/// <summary>
/// A request no handler of the page answers is refused: a POST to a page that only shows (a child's record, a PDF),
/// or without the handler name its forms give, with 405 and the methods it takes; a handler name the page does not
/// have with 404.
/// Razor Pages would otherwise render the page without running any handler, so without loading or checking what it
/// shows: a 500 where the page reads its model, and a blank 200 where it has no view of its own.
/// </summary>
public sealed class UnhandledMethodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null)
        {
            return next();
        }

        var request = context.HttpContext.Request;
        var handlers = context.ActionDescriptor.HandlerMethods;
        var named = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        if (!string.IsNullOrEmpty(named) && handlers.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)))
        {
            // The page takes this method, but by other handler names than the one asked for.
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            // A page with no handler of its own (it is only a view) is shown as it is.
            return next();
        }

        var methods = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct().Order(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
