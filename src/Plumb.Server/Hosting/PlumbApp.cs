namespace Plumb.Server.Hosting;

using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Plumb.Server.Editor.Web;
using Plumb.Server.Api;
using Plumb.Server.Portal;

/// <summary>Builds the Plumb web application: the same for <c>plumb serve</c>, the tests and a hosted deployment.</summary>
public static class PlumbApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(PlumbApp).Assembly.GetName().Name });
        builder.AddPlumb();
        configure?.Invoke(builder);
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(sp => new ConfigureOptions<KestrelServerOptions>(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = sp.GetRequiredService<IOptions<PlumbServerOptions>>().Value.MaxRequestBodyBytes;
        }));
        var app = builder.Build();
        Configure(app);
        return app;
    }

    // Kestrel enforces the limit on every body; this answers early, with a ProblemDetails, when Content-Length already says so.
    private static Task RefuseLargeBodies(HttpContext context, RequestDelegate next)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength is not { } length || length <= limit) return next(context);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsJsonAsync(new { title = "The request is too large.", status = 413, detail = $"The limit is {limit} bytes." },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }

    public static void Configure(WebApplication app)
    {
        app.UseExceptionHandler(new Microsoft.AspNetCore.Builder.ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.Use(RefuseLargeBodies);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Plumb API v1");
            o.DocumentTitle = "Plumb API";
        });

        app.MapHandbookApi();
        app.MapProcessesApi();
        app.MapVersionsApi();
        app.MapRolesApi();
        app.MapRaciApi();
        app.MapSearchApi();
        app.MapFindingsApi();
        app.MapAccountApi();
        app.MapUsersApi();
        app.MapAuditApi();
        app.MapProposalsApi();
        app.MapPlumbEditor();
        app.MapPortal();
    }
}
