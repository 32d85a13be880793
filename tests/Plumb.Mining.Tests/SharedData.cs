namespace Plumb.Mining.Tests;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>The event logs and ServiceNow fixtures in <c>tests/data</c>, read as the tests need them.</summary>
internal static class SharedData
{
    public static string Root { get; } = RepoPaths.TestData();

    public static string EventLogs(string name) => Path.Combine(Root, "event-logs", name);

    public static EventLog Xes(string name)
    {
        using var stream = File.OpenRead(EventLogs(name));
        return Succeeded(XesEventLogReader.Read(stream));
    }

    /// <summary>A CSV log, plain or gzip (<c>.csv.gz</c>), read as the command line reads it.</summary>
    public static EventLog Csv(string name, CsvLogOptions? options = null, Encoding? encoding = null)
    {
        using var stream = GzipDetection.Unwrap(File.OpenRead(EventLogs(name)));
        return Succeeded(CsvEventLogReader.Read(stream, encoding ?? Encoding.UTF8, options));
    }

    public static EventLog Succeeded(LogReadResult result)
    {
        Assert.True(result.Succeeded, result.Error?.Format("log"));
        return result.Log!;
    }

    /// <summary>The log written as CSV and read back, as a user's export of it would be.</summary>
    public static EventLog AsCsv(EventLog log)
    {
        var text = new StringWriter();
        Plumb.Mining.Writers.CsvLogWriter.Write(log, text);
        return Succeeded(CsvEventLogReader.Read(new StringReader(text.ToString())));
    }

    /// <summary>The log written as ServiceNow Table API JSON and read back, with events from the audited changes of <paramref name="stepFields"/>.</summary>
    public static EventLog AsSnowJson(EventLog log, IReadOnlyCollection<string>? stepFields = null)
    {
        using var stream = new MemoryStream();
        Plumb.Mining.Writers.SnowJsonWriter.Write(log, stream);
        stream.Position = 0;
        return Succeeded(SnowJsonEventLogReader.Read([stream], stepFields: stepFields));
    }
}
