using Microsoft.AspNetCore.Mvc.Filters;

namespace Waymark.Web.Hosting;

/// <summary>Pages about children must never sit in a shared browser's or proxy's cache.</summary>
public sealed class NoStoreFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store, no-cache, max-age=0";
        headers.Pragma = "no-cache";
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
