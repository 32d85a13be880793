namespace Plumb.Benchmarks.Mining;

using BenchmarkDotNet.Attributes;
using Plumb.Mining.Readers;

/// <summary>
/// The readers alone on the receipt-shaped log in its three forms (<see cref="ReceiptFormats"/>): each reads the bytes of its
/// form into an <c>EventLog</c>, every case attribute kept. CSV is read as the CLI reads a file (seekable bytes, rows counted
/// first). MB/s = the form's own bytes / mean time (the setup prints the sizes).
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _csv = [], _xes = [], _json = [];

    [Params(100_000, 1_003_509)]
    public int Events { get; set; }

    /// <summary>The size of each form, once set up.</summary>
    public (int Csv, int Xes, int Json) Sizes => (_csv.Length, _xes.Length, _json.Length);

    [GlobalSetup]
    public void Setup()
    {
        (_csv, _xes, _json) = ReceiptFormats.InMemory(Events);
        Console.WriteLine($"// {Events:N0} events: CSV {_csv.Length / 1e6:F1} MB, XES {_xes.Length / 1e6:F1} MB, JSON {_json.Length / 1e6:F1} MB");
    }

    [Benchmark(Baseline = true)]
    public int Csv() => ReceiptFormats.Read(EventLogFormat.Csv, new MemoryStream(_csv)).EventCount;

    [Benchmark]
    public int Xes() => ReceiptFormats.Read(EventLogFormat.Xes, new MemoryStream(_xes)).EventCount;

    [Benchmark]
    public int SnowJson() => ReceiptFormats.Read(EventLogFormat.SnowJson, new MemoryStream(_json)).EventCount;
}
