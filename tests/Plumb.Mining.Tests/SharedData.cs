namespace Plumb.Mining.Tests;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>The event logs of the shared reference data, read as the tests need them.</summary>
internal static class SharedData
{
    public static string Root { get; } = RepoPaths.SharedData();

    public static string EventLogs(string name) => Path.Combine(Root, "event-logs", name);

    public static EventLog Xes(string name)
    {
        using var stream = File.OpenRead(EventLogs(name));
        return Succeeded(XesEventLogReader.Read(stream));
    }

    public static EventLog Csv(string name, CsvLogOptions? options = null, Encoding? encoding = null)
    {
        using var reader = new StreamReader(EventLogs(name), encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Succeeded(CsvEventLogReader.Read(reader, options));
    }

    public static EventLog Succeeded(LogReadResult result)
    {
        Assert.True(result.Succeeded, result.Error?.Format("log"));
        return result.Log!;
    }
}
