namespace Plumb.Server.Api;

using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Plumb.Handbook.Diagnostics;
using Plumb.Server.Accounts;
using Plumb.Server.Hosting;

/// <summary>A diagnostic as the API shows it.</summary>
public sealed record ProblemItem(string Code, string Severity, string Message, string Document, string Path, int? Line, int? Column);

/// <summary>What every endpoint shares: ProblemDetails for diagnostics, If-Match, and the guard on writes.</summary>
public static class ApiSupport
{
    /// <summary>Malformed input (YAML that does not parse, JSON that does not bind) is 400; a valid document that breaks a rule is 422.</summary>
    public static IResult Problems(IReadOnlyList<Diagnostic> malformed, IReadOnlyList<Diagnostic> violations)
    {
        var list = malformed.Count > 0 ? malformed : violations;
        var status = malformed.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        return Results.Problem(
            title: malformed.Count > 0 ? "The handbook documents cannot be read." : "The handbook breaks rules of the format.",
            detail: list.Count > 0 ? list[0].Format() : null,
            statusCode: status,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["errors"] = list.Select(d => new ProblemItem(d.Code, Diagnostic.SeverityWord(d.Severity), d.Message, d.Document, d.Path, d.At?.Line, d.At?.Column)).ToList(),
            });
    }

    public static IResult BadRequest(string detail) => Results.Problem(title: "The request is malformed.", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Unprocessable(string detail) =>
        Results.Problem(title: "The request breaks a rule.", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult Conflict(string detail, long head) => Results.Problem(title: "Someone else saved first.", detail: detail,
        statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["head"] = head });

    public static IResult PreconditionRequired() => Results.Problem(title: "If-Match is required.",
        detail: "Send the ETag you read as If-Match (\"0\" for an empty store), so a stale write cannot overwrite someone else's.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    public static IResult NotFound(string what) => Results.Problem(title: "Not found.", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>The version named by If-Match: absent is null; anything that is not one version number is malformed.</summary>
    public static (bool Present, long? Version) IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return (false, null);
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        header = header.Trim('"');
        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? (true, version) : (true, null);
    }

    /// <summary>
    /// A write needs an editor (or the role given), is rate limited, and, when it comes with the portal's cookie rather
    /// than a token, must carry the anti-forgery header, so no other site can make a signed-in browser write.
    /// </summary>
    public static TBuilder AsWrite<TBuilder>(this TBuilder builder, string policy = PlumbClaims.EditorPolicy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).RequireRateLimiting(PlumbServices.WriteLimit).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.AuthenticationType == PlumbClaims.CookieScheme)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.Problem(title: "Missing or wrong anti-forgery token.",
                        detail: "Writes made with the portal's cookie must send the X-CSRF-TOKEN header.", statusCode: StatusCodes.Status400BadRequest);
                }
            }

            return await next(context);
        });

    public static TBuilder AsRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(PlumbClaims.ReaderPolicy);
}
