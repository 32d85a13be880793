namespace Plumb.Benchmarks.Mining;

using System.Text;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.Mining.Conformance;
using Plumb.Mining.Discovery;
using Plumb.Mining.Generation;
using Plumb.Mining.Kpis;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;

/// <summary>
/// The work the target names, on a generated incident log of about 1,000,000 events (fixed seed): read the CSV,
/// directly-follows graph, variants, token replay on the documented procedure, and every KPI of the process.
/// The KPIs are the example handbook's plus one measure of each kind the baseline uses (ratio, count, percentile, reopen, reassignment).
/// </summary>
public static class IncidentWorkload
{
    public static Process Process { get; } = CreateProcess();

    public static Procedure Procedure => Process.Procedures[0];

    /// <summary>The CSV bytes of the generated log.</summary>
    public static byte[] GenerateCsv(int cases, int seed = 42)
    {
        var handbook = ExampleHandbook.Create("Bench");
        var generated = LogGenerator.Generate(handbook, handbook.Processes[0].Procedures[0], new GeneratorOptions { Cases = cases, Seed = seed, CasesPerDay = 700 });
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true)) CsvLogWriter.Write(generated.Log, writer);
        return buffer.ToArray();
    }

    /// <summary>Runs the whole pipeline; returns a figure so nothing is optimised away.</summary>
    public static double Run(byte[] csv, Action<string>? stage = null)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        void Mark(string name)
        {
            var now = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            stage?.Invoke($"{name} {(now - cpu).TotalMilliseconds:F0} ms CPU, {GC.GetTotalAllocatedBytes(false) / 1e6:F0} MB allocated so far");
            cpu = now;
        }

        // As the CLI reads a file: from the seekable bytes, so the rows are counted first.
        var log = CsvEventLogReader.Read(new MemoryStream(csv), Encoding.UTF8).Log ?? throw new InvalidOperationException("the generated log did not read");
        Mark("read");

        // The two cores: discovery and replay on one, the KPIs on the other (as plumb analyze does).
        DirectlyFollowsGraph? dfg = null;
        VariantSet? variants = null;
        ConformanceResult? conformance = null;
        IReadOnlyList<KpiResult> kpis = [];
        Parallel.Invoke(
            () =>
            {
                dfg = DirectlyFollowsGraph.Discover(log);
                variants = VariantSet.Discover(log);
                conformance = ConformanceChecker.CheckProcedure(log, Procedure, ProcedureMapping.Map(Procedure, log));
            },
            () => kpis = KpiEvaluation.Evaluate(log, Process));
        Mark("dfg + variants + replay | kpis");
        if (kpis.FirstOrDefault(k => k.Error is not null) is { } bad) throw new InvalidOperationException($"{bad.Id}: {bad.Error}");
        return dfg!.Edges.Count + variants!.Variants.Count + conformance!.Overall.LogFitness + kpis.Sum(k => k.Overall?.Value ?? 0);
    }

    private static object? _kept;

    /// <summary>Runs the pipeline and keeps the log and results alive (to measure retained memory); returns the event count.</summary>
    public static int RunKeeping(byte[] csv)
    {
        var log = CsvEventLogReader.Read(new MemoryStream(csv), Encoding.UTF8).Log!;
        var mapping = ProcedureMapping.Map(Procedure, log);
        _kept = (log, DirectlyFollowsGraph.Discover(log), VariantSet.Discover(log), mapping,
            ConformanceChecker.CheckProcedure(log, Procedure, mapping), KpiEvaluation.Evaluate(log, Process));
        return log.EventCount;
    }

    private static Process CreateProcess()
    {
        var process = ExampleHandbook.Create("Bench").Processes[0];
        process.Kpis.AddRange(
        [
            new Kpi { Id = "fcr", Name = "Resolved without reassignment", Measure = "ratio where reassignments = 0", Unit = "%", Target = 70 },
            new Kpi { Id = "p1-4h", Name = "P1 resolved within 4 hours", Measure = "ratio where duration from start to state:6 <= 4h of priority = 1", Unit = "%", Target = 90 },
            new Kpi { Id = "reopen", Name = "Reopened incidents", Measure = "ratio where reopened = 1 by period(month)", Unit = "%", Target = 5, Direction = KpiDirection.Lower },
            new Kpi { Id = "volume", Name = "Incidents a month", Measure = "count by period(month)", Unit = "incidents" },
            new Kpi { Id = "p90-close", Name = "90th percentile time to close", Measure = "p90 duration from start to state:7 where priority in (1, 2)", Unit = "hours", Target = 48, Direction = KpiDirection.Lower },
            new Kpi { Id = "ping-pong", Name = "Reassigned more than once", Measure = "ratio where reassignments > 1", Unit = "%", Target = 10, Direction = KpiDirection.Lower },
            new Kpi { Id = "closed", Name = "Closed after resolution", Measure = "ratio where has step:close of has state:6", Unit = "%", Target = 95 },
        ]);
        return process;
    }
}
