namespace Plumb.Server.Uploads;

using Plumb.Mining.Readers;
using Plumb.Server.Accounts;
using Plumb.Server.Api;

/// <summary>
/// <c>/api/uploads</c>: ticket exports for organisations without API access. The file comes as multipart form data (field
/// <c>file</c>) or as the raw body (name from <c>fileName</c>); the CSV options are query parameters or form fields named as
/// <c>plumb analyze</c>'s options.
/// </summary>
public static class UploadsApi
{
    public static void MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/uploads").WithTags("Uploads");
        group.MapGet("", async (IUploadStore store, CancellationToken ct) => Results.Ok(await store.ListUploadSourcesAsync(ct)))
            .RequireAuthorization(PlumbClaims.EditorPolicy).WithSummary("The latest upload of every upload source (editor or admin).");
        group.MapPost("", UploadAsync).AsWrite(PlumbClaims.EditorPolicy).DisableAntiforgery()
            // No Accepts metadata: it would restrict which content types reach the endpoint, and any body is a file here.
            .Produces<UploadOutcome>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Uploads a ticket export (CSV, XES, ServiceNow JSON or XML unload; gzip accepted) as a source of results (editor or admin).")
            .WithDescription("Query (or form fields): name (upload into source upload/NAME as its next revision; default a source of its own), format "
                + "(csv, xes, snow-json; default from the file name, else the content), fileName (raw body), encoding, and the CSV options case, "
                + "activity, timestamp, resource, group, state, table, timestampFormat, separator, missing (repeatable), recordUpdates, skipBadRows, "
                + "dropDuplicates. The body is multipart/form-data with the file in field 'file', or the file itself (CSV, XES, JSON, XML, gzip of any). "
                + "A file that cannot be read is refused with 400 naming the line and field; nothing is stored.");
    }

    /// <summary>Reads the upload from a request (the API and the portal's form share it).</summary>
    public static async Task<UploadOutcome> ReceiveAsync(HttpContext http, UploadService uploads, CancellationToken ct)
    {
        var query = http.Request.Query;
        IFormCollection? form = null;
        Stream body;
        string fileName;
        // Only multipart is a form here: curl --data-binary labels any file application/x-www-form-urlencoded, and a file it is.
        if (http.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw new UploadRefusedException("the form has no file (field 'file')");
            body = file.OpenReadStream();
            fileName = file.FileName;
        }
        else
        {
            body = http.Request.Body;
            fileName = query["fileName"].ToString() is { Length: > 0 } given ? given : "upload";
        }

        string? Value(string name) => (form?[name].ToString() is { Length: > 0 } f ? f : query[name].ToString()) is { Length: > 0 } v ? v.Trim() : null;
        bool Flag(string name) => Value(name) is { } v && (v == "on" || bool.TryParse(v, out var b) && b);
        var separator = Value("separator") switch
        {
            null => (char?)null,
            "\\t" or "tab" => '\t',
            { Length: 1 } s => s[0],
            var s => throw new UploadRefusedException($"separator takes one character, not '{s}'"),
        };
        var missing = (form?["missing"] ?? default).Concat(query["missing"]).Where(m => !string.IsNullOrEmpty(m)).Select(m => m!).ToList();
        var csv = new CsvLogOptions
        {
            Case = Value("case"), Activity = Value("activity"), Timestamp = Value("timestamp"), Resource = Value("resource"), Group = Value("group"),
            State = Value("state"), Table = Value("table"), TimestampFormat = Value("timestampFormat"), Separator = separator, MissingValues = missing,
            RecordUpdates = Flag("recordUpdates") ? true : null, SkipBadRows = Flag("skipBadRows"), DropDuplicates = Flag("dropDuplicates"),
        };
        var format = Value("format") is { } named && named != "auto" ? named : null;
        await using (body)
        {
            return await uploads.AddAsync(fileName, Value("name"), new UploadReading(format, Value("encoding") ?? "utf-8", csv), body, PlumbClaims.Actor(http.User), ct);
        }
    }

    private static async Task<IResult> UploadAsync(HttpContext http, UploadService uploads, CancellationToken ct)
    {
        try
        {
            var outcome = await ReceiveAsync(http, uploads, ct);
            return Results.Created($"/api/uploads/{outcome.Upload.Id}", outcome);
        }
        catch (UploadRefusedException e)
        {
            return Refusal(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(title: "The request is too large.", detail: e.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
    }

    /// <summary>A refused upload as problem+json, with the line and field when the content was at fault.</summary>
    public static IResult Refusal(UploadRefusedException e) => Results.Problem(
        title: e.Status == StatusCodes.Status413PayloadTooLarge ? "The upload is too large." : "The upload cannot be read.",
        detail: e.Message, statusCode: e.Status,
        extensions: e.Problem is { } p
            ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["line"] = p.Line > 0 ? p.Line : null, ["field"] = p.Field }
            : null);
}
