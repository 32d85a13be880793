namespace Plumb.Server.Hosting;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

/// <summary>
/// Request body limits: the endpoint's own (<see cref="BodyLimit"/>) or the server's. A body that says its length is refused
/// before it is read; a chunked one is cut off by Kestrel at the limit, and both get 413 with a ProblemDetails, never 500.
/// </summary>
public static class BodyLimits
{
    /// <summary>Gives the endpoint a smaller body limit than the server's.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new BodyLimit(bytes));

    /// <summary>The limit that applies to this request.</summary>
    public static long For(HttpContext context)
    {
        var server = context.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value.MaxRequestBodyBytes;
        var own = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        return own is { } bytes ? Math.Min(bytes, server) : server;
    }

    /// <summary>Middleware: applies the limit to the request, and answers 413 at once when Content-Length is over it.</summary>
    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var limit = For(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength is not { } length || length <= limit) return next(context);
        return TooLarge(context, limit);
    }

    /// <summary>The 413 answer, also used when a chunked body runs over the limit while it is read.</summary>
    public static Task TooLarge(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsJsonAsync(new { title = "The request is too large.", status = 413, detail = $"The limit is {limit} bytes." },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
