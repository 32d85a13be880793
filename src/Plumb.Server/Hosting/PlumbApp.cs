namespace Plumb.Server.Hosting;

using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Plumb.Server.Accounts;
using Plumb.Server.Editor.Web;
using Plumb.Server.Api;
using Plumb.Server.Portal;
using Plumb.Server.Sync;
using Plumb.Server.Uploads;
using Plumb.Server.Alignment;

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

    // What the client sent is the client's fault, not ours: a body cut off at its limit while it is read (chunked, no
    // Content-Length) is 413, a form the framework cannot decode (a NUL in a value, too many fields) is 400; the rest is 500.
    private static int StatusOf(Exception exception) => exception switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException or InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static void Configure(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PlumbServerOptions>>().Value;
        if (ProxyHeaders.Options(options.TrustedProxies) is { } forwarded) app.UseForwardedHeaders(forwarded);

        app.UseExceptionHandler(new Microsoft.AspNetCore.Builder.ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRouting();
        app.Use(BodyLimits.ApplyAsync);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        // The API document names processes and steps in its examples and routes, so it obeys --require-sign-in like the pages.
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(PlumbClaims.ReaderPolicy);
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
        app.MapConnectionsApi();
        app.MapConnectionsPage();
        app.MapUploadsApi();
        app.MapUploadsPage();
        app.MapAlignment();
        app.MapPlumbEditor(
            readers => readers.RequireAuthorization(PlumbClaims.ReaderPolicy),
            feedback => feedback.RequireRateLimiting(PlumbServices.FeedbackLimit).WithBodyLimit(BodyLimit.Small));
        app.MapPortal();
    }
}
