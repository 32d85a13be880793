namespace Plumb.Server.Alignment;

using System.Globalization;
using System.IO.Compression;
using System.Text;
using Plumb.Handbook.Model;
using Plumb.Mining.Kpis;
using Plumb.Mining.Mapping;
using Plumb.Mining.Reporting;
using Plumb.Server.History;
using Plumb.ServiceNow.Drift;

/// <summary>What one computation stores: result rows, the KPI values of the periods it covers, and its news.</summary>
public sealed record ComputedResults(IReadOnlyList<NewResult> Results, IReadOnlyList<KpiPeriodValue> KpiValues, IReadOnlyList<NewsItem> News);

/// <summary>
/// Computes the results of one source's data against one handbook version: for every process whose procedures the data maps
/// onto, <see cref="AnalysisReport.Build"/> per procedure (the code path of <c>plumb analyze</c>; its JSON is stored as written by
/// <c>plumb analyze -o x.json</c>), and <see cref="DriftChecker"/> when the data came with a configuration. What turned red since
/// the source's previous results is news.
/// </summary>
public static class ResultsComputation
{
    /// <summary>The period of stored KPI values and trends; <c>plumb analyze</c>'s default.</summary>
    public const string Period = "month";

    public static ComputedResults Compute(Plumb.Handbook.Model.Handbook handbook, long handbookVersion, TicketData data, IReadOnlyList<StoredResult> previous,
        DateTimeOffset at)
    {
        var info = data.Info;
        var results = new List<NewResult>();
        var values = new List<KpiPeriodValue>();
        var news = new List<NewsItem>();
        var processes = 0;
        foreach (var process in handbook.Processes)
        {
            var withData = process.Procedures.Where(p => Concerns(p, data.Log) && ProcedureMapping.Map(p, data.Log).MappedEvents > 0).ToList();
            if (withData.Count == 0) continue; // no event of the data is work of this process
            processes++;
            for (var i = 0; i < withData.Count; i++)
            {
                var procedure = withData[i];
                var report = AnalysisReport.Build(data.Log, process, procedure, Period);
                var figures = ProcessFigures.Of(report);
                results.Add(new NewResult(new ResultKey(info.Source, ResultKinds.Analysis, process.Id, procedure.Id, handbookVersion, info.Revision), at, info,
                    figures.ToJson(), Compress(ReportJson.Serialize(report)), null));
                if (i > 0) continue;
                // KPIs belong to the process: the first procedure's report carries them, once.
                foreach (var kpi in report.Kpis)
                {
                    values.AddRange(kpi.ByPeriod.Select(cell => new KpiPeriodValue(info.Source, process.Id, kpi.Id, cell.Key, cell.Value, cell.Cases,
                        cell.Status is { } s ? Word(s) : null, handbookVersion, info.Revision, at)));
                }

                var before = previous.Where(r => r.Key.Kind == ResultKinds.Analysis && r.Key.Process == process.Id && r.Figures is not null)
                    .OrderByDescending(r => r.Id).FirstOrDefault();
                if (before is not null) news.AddRange(RedKpis(process, figures, ProcessFigures.FromJson(before.Figures!), info, handbookVersion, at));
            }
        }

        if (data.Configuration is { } configuration)
        {
            var drift = new DriftFigures(DriftChecker.Check(handbook, configuration).Items);
            results.Add(new NewResult(new ResultKey(info.Source, ResultKinds.Drift, "", "", handbookVersion, info.Revision), at, info, drift.ToJson(), null, null));
            var before = previous.Where(r => r.Key.Kind == ResultKinds.Drift && r.Figures is not null).OrderByDescending(r => r.Id).FirstOrDefault();
            if (before is not null)
            {
                var known = DriftFigures.FromJson(before.Figures!).Drift.Select(d => (d.Code, d.Subject)).ToHashSet();
                news.AddRange(drift.Drift.Where(d => !known.Contains((d.Code, d.Subject))).Select(d => new NewsItem(0, at, info.Source, DriftFigures.ProcessOf(d) ?? "",
                    "drift", $"{d.Code} {d.Subject}", $"Drift: {d.Subject}", $"{d.Message} ({d.Fix}); found in {info.Title}", handbookVersion, info.Revision)));
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"{processes} process(es) with data");
        results.Add(new NewResult(new ResultKey(info.Source, ResultKinds.Run, "", "", handbookVersion, info.Revision), at, info, summary, null, null));
        return new ComputedResults(results, values, news);
    }

    // A procedure whose steps name their ServiceNow tables concerns a log of one of those tables only: an incident log says
    // nothing of request fulfilment, even where state values coincide. A log of no known table is tried on every procedure.
    private static bool Concerns(Procedure procedure, Plumb.Mining.EventLogs.EventLog log)
    {
        if (procedure.Steps.Count == 0) return false;
        var tables = Plumb.Mining.EventLogs.EventLogSubset.TablesOf(procedure.Steps);
        if (tables.Count == 0) return true;
        if (log.Table is { Length: > 0 } table) return tables.Contains(table);
        return log.FindAttribute("table") is not { } attribute || Enumerable.Range(0, log.CaseCount).Any(c => attribute.ValueOf(c) is { } t && tables.Contains(t));
    }

    /// <summary>The stored record of a computation that failed: shown to readers, never thrown at them.</summary>
    public static NewResult Failure(TicketDataInfo info, long handbookVersion, DateTimeOffset at, string error) =>
        new(new ResultKey(info.Source, ResultKinds.Run, "", "", handbookVersion, info.Revision), at, info, null, null, error);

    /// <summary>The gzip of a report's JSON, as stored.</summary>
    public static byte[] Compress(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(json));
        return output.ToArray();
    }

    /// <summary>A stored report's JSON.</summary>
    public static string Decompress(byte[] report)
    {
        using var input = new GZipStream(new MemoryStream(report), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The RAG status as stored and shown: green, amber, red.</summary>
    public static string Word(RagStatus status) => status.ToString().ToLowerInvariant();

    // A KPI is news when it is red now and was measured and not red before; one that was red already is not news again.
    private static IEnumerable<NewsItem> RedKpis(Process process, ProcessFigures now, ProcessFigures before, TicketDataInfo info, long handbookVersion,
        DateTimeOffset at)
    {
        foreach (var kpi in now.Kpis.Where(k => k.Status == RagStatus.Red))
        {
            var earlier = before.Kpis.FirstOrDefault(k => k.Id == kpi.Id);
            if (earlier?.Status is not { } was || was == RagStatus.Red) continue;
            var value = Describe(kpi.Value, kpi.Unit);
            var target = kpi.Target is { } t ? $"{(kpi.Direction == KpiDirection.Lower ? "≤" : "≥")} {Describe(t, kpi.Unit)}" : "no target";
            yield return new NewsItem(0, at, info.Source, process.Id, "kpi", kpi.Id, $"{process.Name}: {kpi.Name} turned red",
                $"{kpi.Name} is {value} against a target of {target} (was {Word(was)} at {Describe(earlier.Value, kpi.Unit)}); from {info.Title}, "
                + string.Create(CultureInfo.InvariantCulture, $"{now.Summary.Cases:N0} cases; handbook version {handbookVersion}"), handbookVersion, info.Revision);
        }
    }

    /// <summary>A value with its unit, as tiles show it: "4.2 hours", "87.5 %".</summary>
    public static string Describe(double? value, string? unit)
    {
        if (value is not { } v) return "no value";
        var number = v.ToString(Math.Abs(v) >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);
        return unit switch
        {
            null or "" => number,
            "%" or "percent" => $"{number} %",
            _ => $"{number} {unit}",
        };
    }
}
