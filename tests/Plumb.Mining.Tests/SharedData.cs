namespace Plumb.Mining.Tests;

using System.Text;
using Plumb.Mining.EventLogs;
using Plumb.Mining.Readers;

/// <summary>Finds ../shared/data from the repository root (the folder holding Plumb.slnx) and reads its logs.</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

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

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plumb.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Plumb.slnx not found above " + AppContext.BaseDirectory);
        var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        if (!Directory.Exists(data)) throw new InvalidOperationException($"the shared data folder {data} is missing");
        return data;
    }
}
