namespace Plumb.Benchmarks.Mining;

using System.Text;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>
/// Sep (nietras/Sep, MIT) against the hand-written tokenizer on the receipt-shaped log, doing the same work the issue timed
/// with Sep: split every row, intern the case and the activity, parse the timestamp. Then the whole reader in one part and in
/// parts on every core, which is what the CLI runs. MB/s = CSV bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class CsvTokenizerBenchmarks
{
    private byte[] _csv = [];

    [Params(1_003_509)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = ReceiptWorkload.GenerateCsv(Events);
        Console.WriteLine($"// CSV {_csv.Length / 1e6:F1} MB; Sep {Sep()}, hand-written {HandWritten()} (rows + cases + activities)");
    }

    [Benchmark]
    public int Sep()
    {
        var cases = new StringTable();
        var activities = new StringTable();
        var timestamps = new TimestampColumn();
        using var reader = nietras.SeparatedValues.Sep.Reader(o => o with { Unescape = true }).From(new MemoryStream(_csv));
        var rows = 0;
        foreach (var row in reader)
        {
            cases.Intern(row[1].Span);
            activities.Intern(row[10].Span);
            if (!timestamps.TryParse(row[14].Span, rows + 2, rows, out _)) throw new InvalidOperationException("not a timestamp");
            rows++;
        }

        return rows + cases.Count + activities.Count;
    }

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var cases = new StringTable();
        var activities = new StringTable();
        var timestamps = new TimestampColumn();
        var records = new CsvRecordReader(new MemoryStream(_csv), Encoding.UTF8, 1);
        records.Read();
        var rows = 0;
        while (records.Read())
        {
            cases.Intern(records[1]);
            activities.Intern(records[10]);
            if (!timestamps.TryParse(records[14], rows + 2, rows, out _)) throw new InvalidOperationException("not a timestamp");
            rows++;
        }

        return rows + cases.Count + activities.Count;
    }

    [Benchmark]
    public int ReaderOnePart() => Read(1);

    [Benchmark]
    public int ReaderInParts() => Read(null);

    private int Read(int? parts) =>
        (CsvEventLogReader.Read(new MemoryStream(_csv), Encoding.UTF8, new CsvLogOptions { ReadParts = parts }).Log ?? throw new InvalidOperationException("not read")).EventCount;
}
