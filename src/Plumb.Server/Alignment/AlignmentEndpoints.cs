namespace Plumb.Server.Alignment;

using System.Globalization;
using System.Text;
using System.Xml;
using Plumb.Server.Accounts;
using Plumb.Server.Api;
using Plumb.Server.Handbooks;
using Plumb.Server.Portal;

/// <summary>A stored result as the API lists it (figures as JSON, the report behind its own address).</summary>
public sealed record ResultSummary(long Id, string Source, string Kind, string Process, string Procedure, long HandbookVersion, long Revision,
    DateTimeOffset At, string DataTitle, DateTimeOffset DataAt, long Records, long Events, string? Error, string? Report);

/// <summary>
/// The Alignment page for management (<c>/alignment</c>), its Atom feed of news (<c>/alignment/feed.atom</c>) and the results API
/// (<c>/api/results</c>): what the server computed, per process, version and revision, and the reports equal to <c>plumb analyze</c>'s JSON.
/// </summary>
public static class AlignmentEndpoints
{
    /// <summary>The Alignment page.</summary>
    public const string Path = "/alignment";

    /// <summary>The Atom feed of news.</summary>
    public const string FeedPath = "/alignment/feed.atom";

    public static void MapAlignment(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, CancellationToken ct) => PortalEndpoints.RenderAsync(http, (r, p) => r.Alignment(p), ct))
            .RequireAuthorization(PlumbClaims.ReaderPolicy).ExcludeFromDescription();
        app.MapGet(FeedPath, FeedAsync).RequireAuthorization(PlumbClaims.ReaderPolicy).ExcludeFromDescription();

        var api = app.MapGroup("/api/results").WithTags("Results").RequireAuthorization(PlumbClaims.ReaderPolicy);
        api.MapGet("", async (HttpContext http, ResultsBoard board, HandbookService handbooks, CancellationToken ct) =>
        {
            var visible = await VisibleAsync(http, handbooks, ct);
            var current = board.Current;
            return Results.Ok(current.Runs.Concat(current.Drift.Select(d => d.Result)).Concat(current.Analyses.Select(a => a.Result))
                .Where(r => r.Key.Process.Length == 0 || visible.Contains(r.Key.Process)).OrderBy(r => r.Id).Select(Summary));
        }).WithSummary("The latest results of every source: runs (with failures), drift and the analysis of each process and procedure.");
        api.MapGet("/{process}", async (string process, HttpContext http, IResultStore store, HandbookService handbooks, CancellationToken ct) =>
        {
            if (!(await VisibleAsync(http, handbooks, ct)).Contains(process)) return ApiSupport.NotFound($"no process '{process}'");
            return Results.Ok((await store.ListResultsAsync(process, ct)).Where(r => r.Key.Kind == ResultKinds.Analysis).Select(Summary));
        }).WithSummary("Every analysis of a process the server has stored, oldest first: one per source revision and handbook version.");
        api.MapGet("/{process}/kpis", async (string process, HttpContext http, IResultStore store, HandbookService handbooks, CancellationToken ct) =>
        {
            if (!(await VisibleAsync(http, handbooks, ct)).Contains(process)) return ApiSupport.NotFound($"no process '{process}'");
            return Results.Ok((await store.ListKpiValuesAsync(ct)).Where(v => v.Process == process));
        }).WithSummary("The KPI values of a process per period (month), per source: kept across computations, so the trend grows.");
        api.MapGet("/reports/{id:long}", async (long id, HttpContext http, IResultStore store, HandbookService handbooks, CancellationToken ct) =>
        {
            var row = await store.FindResultAsync(id, ct);
            if (row is null || !(await VisibleAsync(http, handbooks, ct)).Contains(row.Key.Process)
                || await store.GetResultReportAsync(id, ct) is not { } report)
            {
                return ApiSupport.NotFound($"no report {id}");
            }

            return Results.Text(ResultsComputation.Decompress(report), "application/json; charset=utf-8");
        }).WithSummary("The full analysis report of a result: the JSON plumb analyze -o report.json writes for the same data and handbook.");
    }

    private static async Task<HashSet<string>> VisibleAsync(HttpContext http, HandbookService handbooks, CancellationToken ct)
    {
        var snapshot = await handbooks.GetCurrentAsync(ct);
        return ReaderView.Processes(snapshot.Handbook, http.User).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static ResultSummary Summary(StoredResult r) => new(r.Id, r.Key.Source, r.Key.Kind, r.Key.Process, r.Key.Procedure, r.Key.HandbookVersion,
        r.Key.Revision, r.At, r.Data.Title, r.Data.At, r.Data.Records, r.Data.Events, r.Error,
        r.Key.Kind == ResultKinds.Analysis ? $"/api/results/reports/{r.Id}" : null);

    // Atom 1.0 (RFC 4287): one entry per news item, newest first; ids are stable URNs so readers see each item once.
    private static async Task<IResult> FeedAsync(HttpContext http, ResultsBoard board, HandbookService handbooks, CancellationToken ct)
    {
        var snapshot = await handbooks.GetCurrentAsync(ct);
        var visible = ReaderView.Processes(snapshot.Handbook, http.User).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var news = board.Current.News.Where(n => n.Process.Length == 0 || visible.Contains(n.Process)).ToList();
        var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("id", atom, $"urn:plumb:alignment:{Uri.EscapeDataString(snapshot.Handbook.Name)}");
            xml.WriteElementString("title", atom, $"{snapshot.Handbook.Name}: alignment news");
            xml.WriteElementString("subtitle", atom, "KPIs and configuration drift that turned red since the previous computation");
            xml.WriteElementString("updated", atom, Stamp(news.Count > 0 ? news[0].At : snapshot.Version.At));
            Link(xml, atom, "self", origin + FeedPath, "application/atom+xml");
            Link(xml, atom, "alternate", origin + Path, "text/html");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "Plumb");
            xml.WriteEndElement();
            foreach (var n in news)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"urn:plumb:news:{n.Id}");
                xml.WriteElementString("title", atom, n.Title);
                xml.WriteElementString("updated", atom, Stamp(n.At));
                Link(xml, atom, "alternate", origin + (n.Process.Length > 0 ? Links.Process(n.Process) : Path), "text/html");
                xml.WriteStartElement("category", atom);
                xml.WriteAttributeString("term", n.Kind);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(n.Detail);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        http.Response.Headers.CacheControl = "no-cache";
        // StringBuilder output says utf-16 in the declaration; the bytes sent are UTF-8, so say so.
        var body = text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Results.Text(body, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
