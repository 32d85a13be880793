namespace Plumb.Benchmarks.Mining;

using System.Text;
using Plumb.Mining.Conformance;
using Plumb.Mining.Discovery;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Kpis;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>Bytes allocated per event by each stage of the pipeline, run one after another on one thread (to find what to cut).</summary>
public static class Breakdown
{
    public static void Run(byte[] csv)
    {
        // Warm up once so JIT and static tables are not counted.
        Measure(csv, null);
        Measure(csv, Console.WriteLine);
    }

    private static void Measure(byte[] csv, Action<string>? report)
    {
        var events = 1.0;
        var before = GC.GetTotalAllocatedBytes(true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Mark(string stage)
        {
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var now = GC.GetTotalAllocatedBytes(true);
            report?.Invoke($"{stage,-28} {(now - before) / events,7:F1} bytes/event {elapsed,8:F0} ms");
            before = now;
            watch.Restart();
        }

        // The cost of splitting rows into fields alone, then of timestamps, before the whole read.
        var rows = 0;
        var records = new CsvRecordReader(new MemoryStream(csv), Encoding.UTF8);
        while (records.Read()) rows += records.FieldCount;
        events = rows / 8.0;
        Mark("(split rows into fields)");
        var parser = new TimestampParser();
        records = new CsvRecordReader(new MemoryStream(csv), Encoding.UTF8);
        records.Read();
        long sum = 0;
        while (records.Read()) sum += parser.TryParse(records[2], out var t) ? t & 1 : 0;
        Mark("(split + timestamps)");
        sum += CsvRowCount.Count(new MemoryStream(csv));
        Mark("(count rows)");
        sum += CsvEventLogReader.Read(new StreamReader(new MemoryStream(csv), Encoding.UTF8, false, 1 << 16)).Log!.EventCount;
        Mark("(read without counting)");
        GC.KeepAlive(sum);
        var log = CsvEventLogReader.Read(new MemoryStream(csv), Encoding.UTF8).Log!;
        events = log.EventCount;
        Mark("read");
        DirectlyFollowsGraph.Discover(log);
        Mark("dfg");
        VariantSet.Discover(log);
        Mark("variants");
        var mapping = ProcedureMapping.Map(IncidentWorkload.Procedure, log);
        Mark("mapping");
        ConformanceChecker.CheckProcedure(log, IncidentWorkload.Procedure, mapping);
        Mark("replay");
        KpiEvaluation.Evaluate(log, IncidentWorkload.Process);
        Mark("kpis");
    }

    /// <summary>
    /// The stages of <c>plumb analyze</c> on a log file and a handbook process, one after another on one thread, twice (cold,
    /// then warm): CPU time, bytes allocated per event and the GC heap's peak after each (to find what makes the whole process's
    /// peak).
    /// </summary>
    public static void RunAnalyze(string path, string handbookFolder, string processId)
    {
        var handbook = Plumb.Handbook.Folder.HandbookFolder.Load(handbookFolder).Handbook ?? throw new InvalidOperationException($"{handbookFolder}: no handbook");
        var process = handbook.FindProcess(processId) ?? throw new InvalidOperationException($"no process {processId}");
        var procedure = process.Procedures[0];
        var events = 1.0;
        var before = GC.GetTotalAllocatedBytes(true);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        void Mark(string stage)
        {
            var now = GC.GetTotalAllocatedBytes(true);
            var nowCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var heap = GC.GetTotalMemory(false);
            Console.WriteLine($"{stage,-28} {(nowCpu - cpu).TotalMilliseconds,6:F0} ms CPU {(now - before) / events,7:F1} bytes/event allocated, "
                + $"heap now {heap / events,5:F0} bytes/event, working set {Environment.WorkingSet / 1e6,5:F0} MB");
            before = now;
            cpu = nowCpu;
        }

        EventLog log;
        using (var stream = File.OpenRead(path))
        {
            log = CsvEventLogReader.Read(stream, Encoding.UTF8, new CsvLogOptions { CaseAttributes = CaseAttributeSelection.ForProcess(process) }).Log!;
        }

        events = log.EventCount;
        Mark("read");
        for (var run = 0; run < 2; run++)
        {
            Console.WriteLine(run == 0 ? "cold:" : "warm:");
            GC.Collect();
            Mark("(collect)");
            DirectlyFollowsGraph.Discover(log);
            Mark("dfg");
            VariantSet.Discover(log);
            Mark("variants");
            GroupFlow.Discover(log);
            Mark("group flow");
            CrossProcessFlow.Discover(log);
            Mark("links");
            var mapping = ProcedureMapping.Map(procedure, log);
            Mark("mapping");
            var conformance = ConformanceChecker.CheckProcedure(log, procedure, mapping);
            Mark("replay");
            Plumb.Mining.Reporting.StepPractice.Of(log, procedure, mapping, conformance);
            Mark("step practice");
            KpiEvaluation.Evaluate(log, process, "month");
            Mark("kpis");
            var report = Plumb.Mining.Reporting.AnalysisReport.Build(log, process, procedure);
            Mark("report (stages in parallel)");
            Plumb.Mining.Reporting.ReportJson.Serialize(Stream.Null, report);
            Mark("report JSON");
            Plumb.Mining.Reporting.ReportJson.Serialize(Stream.Null, report with { Conformance = report.Conformance with { PerCase = [] } });
            Mark("report JSON without cases");
            GC.KeepAlive(report);
        }

        GC.KeepAlive(log);
    }
}
