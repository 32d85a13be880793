namespace Plumb.Server.Hosting;

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Plumb.Server.Accounts;
using Plumb.Server.Editor.Web;
using Plumb.Server.Handbooks;
using Plumb.Server.Portal;
using Plumb.Server.Storage;
using Plumb.Server.Sync;

/// <summary>Registers everything a Plumb server needs.</summary>
public static class PlumbServices
{
    public const string SignInLimit = "sign-in";
    public const string WriteLimit = "writes";
    public const string FeedbackLimit = "feedback";

    public static WebApplicationBuilder AddPlumb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PlumbServerOptions>().Bind(builder.Configuration.GetSection(PlumbServerOptions.Section));
        services.TryAddSingletonTime();
        services.AddSingleton<IPlumbStore>(sp => StoreFactory.Create(sp.GetRequiredService<IOptions<PlumbServerOptions>>().Value.Database));
        services.AddSingleton<HandbookService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<IVersionComparer, DomainVersionComparer>();
        services.AddSingleton<PortalRenderer>();
        services.AddSingleton<PageCache>();
        services.AddHostedService<StoreStartup>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi();

        ConnectionService.ConfigureProtection(services, sp => sp.GetRequiredService<IPlumbStore>());
        services.AddSingleton(sp => (IConnectionStore)sp.GetRequiredService<IPlumbStore>());
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<Plumb.Server.History.TicketDataSignal>();
        services.AddSingleton(sp => (ITicketHistoryStore)sp.GetRequiredService<IPlumbStore>());
        services.TryAddSingleton(new SyncOptions());
        services.AddSingleton<SyncedTicketData>();
        services.AddSingleton<Plumb.Server.History.ITicketDataProvider>(sp => sp.GetRequiredService<SyncedTicketData>());
        services.AddSingleton<SyncService>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncService>());
        services.AddSingleton(sp => (Plumb.Server.Uploads.IUploadStore)sp.GetRequiredService<IPlumbStore>());
        services.AddSingleton(sp => (Plumb.Server.Alignment.IResultStore)sp.GetRequiredService<IPlumbStore>());
        services.AddSingleton<Plumb.Server.Uploads.UploadService>();
        services.AddSingleton<Plumb.Server.History.ITicketDataProvider>(sp => sp.GetRequiredService<Plumb.Server.Uploads.UploadService>());
        services.AddSingleton<Plumb.Server.Alignment.ResultsBoard>();
        services.AddSingleton<Plumb.Server.Alignment.NewsWebhook>();
        services.AddHostedService(sp => sp.GetRequiredService<Plumb.Server.Alignment.NewsWebhook>());
        services.AddSingleton<Plumb.Server.Alignment.ResultsService>();
        services.AddHostedService(sp => sp.GetRequiredService<Plumb.Server.Alignment.ResultsService>());

        services.AddAuthentication(o => o.DefaultScheme = "plumb")
            .AddPolicyScheme("plumb", "Cookie or token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? PlumbClaims.TokenScheme : PlumbClaims.CookieScheme)
            .AddCookie(PlumbClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "plumb.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = CookieSessions.ValidateAsync;
                o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(PlumbClaims.TokenScheme, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(PlumbClaims.EditorPolicy, p => p.RequireAssertion(c => PlumbClaims.HasRole(c.User, AccountRole.Editor)))
            .AddPolicy(PlumbClaims.OwnerPolicy, p => p.RequireAssertion(c => PlumbClaims.HasRole(c.User, AccountRole.Owner)))
            .AddPolicy(PlumbClaims.AdminPolicy, p => p.RequireAssertion(c => PlumbClaims.HasRole(c.User, AccountRole.Admin)))
            .AddPolicy(PlumbClaims.SignedInPolicy, p => p.RequireAssertion(c => PlumbClaims.HasRole(c.User, AccountRole.Reader)))
            .AddPolicy(PlumbClaims.ReaderPolicy, p => p.RequireAssertion(c =>
            {
                var options = c.Resource is HttpContext http ? http.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value : null;
                return options?.RequireSignIn != true || PlumbClaims.HasRole(c.User, AccountRole.Reader);
            }));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "plumb.csrf";
            o.FormFieldName = "__csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS, also when a trusted proxy says so
            o.SuppressXFrameOptionsHeader = true; // framing is governed by CSP frame-ancestors, so ServiceNow can embed the portal
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => Window(context, context.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value.SignInAttemptsPerMinute));
            o.AddPolicy(WriteLimit, context => Window(context, context.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value.WritesPerMinute));
            o.AddPolicy(FeedbackLimit, context => Window(context, context.RequestServices.GetRequiredService<IOptions<PlumbServerOptions>>().Value.FeedbackPerMinute));
        });
        services.AddPlumbEditor();
        return builder;
    }

    private static void TryAddSingletonTime(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    // Rate limits are per instance: they slow down guessing, they hold no data that instances must agree on.
    private static RateLimitPartition<string> Window(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    // Scripts and the API get a status code; people in the portal get the sign-in page.
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return Task.CompletedTask;
    }
}
