namespace Plumb.Benchmarks.Mining;

using System.Text;
using BenchmarkDotNet.Attributes;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;
using Plumb.Mining.Writers;

/// <summary>
/// The readers alone on the receipt-shaped log (<see cref="ReceiptWorkload"/>): CSV as the CLI reads a file (seekable bytes,
/// rows counted first), and the same log written as XES and as ServiceNow Table API JSON. MB/s = CSV bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _csv = [], _xes = [], _json = [];

    [Params(200_000)]
    public int Events { get; set; }

    /// <summary>The size of the CSV, once set up.</summary>
    public int CsvBytes => _csv.Length;

    [GlobalSetup]
    public void Setup()
    {
        _csv = ReceiptWorkload.GenerateCsv(Events);
        var log = Read(_csv);
        using var xes = new MemoryStream();
        XesLogWriter.Write(log, xes);
        _xes = xes.ToArray();
        using var json = new MemoryStream();
        SnowJsonWriter.Write(log, json);
        _json = json.ToArray();
        Console.WriteLine($"// {log.EventCount:N0} events: CSV {_csv.Length / 1e6:F1} MB, XES {_xes.Length / 1e6:F1} MB, JSON {_json.Length / 1e6:F1} MB");
    }

    [Benchmark(Baseline = true)]
    public int Csv() => Read(_csv).EventCount;

    [Benchmark]
    public int Xes() => (XesEventLogReader.Read(new MemoryStream(_xes)).Log ?? throw new InvalidOperationException("XES did not read")).EventCount;

    [Benchmark]
    public int SnowJson() => (SnowJsonEventLogReader.Read([new MemoryStream(_json)], false, []).Log ?? throw new InvalidOperationException("JSON did not read")).EventCount;

    private static EventLog Read(byte[] csv) =>
        CsvEventLogReader.Read(new MemoryStream(csv), Encoding.UTF8).Log ?? throw new InvalidOperationException("the generated log did not read");
}
