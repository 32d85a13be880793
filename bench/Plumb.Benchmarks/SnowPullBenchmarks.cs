namespace Plumb.Benchmarks;

using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Plumb.ServiceNow.TableApi;

/// <summary>
/// Pulling sys_audit rows from a local Table API server: <see cref="RawDownload"/> only fetches the pages (the server's
/// pace), <see cref="SnapshotPull"/> is Plumb's pull (streamed to disk, validated, manifest per page). Equal times mean
/// the pull is limited by the server.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SnowPullBenchmarks
{
    private AuditServer _server = null!;
    private HttpClient _http = null!;
    private string _folder = "";

    [Params(1_000_000)]
    public int Rows { get; set; }

    [Params(10_000)]
    public int PageSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await AuditServer.StartAsync(Rows);
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Path.GetTempPath(), "plumb-bench-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> RawDownload()
    {
        long bytes = 0;
        for (var offset = 0; offset < Rows; offset += PageSize)
        {
            var url = new Uri(_server.BaseUrl, new TableQuery("sys_audit", "ORDERBYsys_id", [], PageSize).PathAndQuery(offset));
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            bytes += await DrainAsync(body);
        }

        return bytes;
    }

    [Benchmark]
    public async Task<long> SnapshotPull() => await PullAsync(_server, _http, _folder, PageSize);

    /// <summary>Pulls <paramref name="rows"/> audit rows once and prints the process's peak working set.</summary>
    public static async Task<int> MeasurePeakAsync(int rows)
    {
        await using var server = await AuditServer.StartAsync(rows);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var folder = Path.Combine(Path.GetTempPath(), "plumb-bench-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        var pulled = await PullAsync(server, http, folder, 10_000);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var size = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"pulled {pulled:N0} sys_audit rows ({size / 1048576.0:N0} MB on disk) in {clock.Elapsed.TotalSeconds:N1} s; " +
            $"peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB (server in the same process)");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<long> PullAsync(AuditServer server, HttpClient http, string folder, int pageSize)
    {
        var client = new TableApiClient(server.BaseUrl, SnowCredentials.Basic("bench", "bench"), http);
        var manifest = await new SnapshotPuller(client, folder).RunAsync([new TableQuery("sys_audit", "ORDERBYsys_id", [], pageSize)], null, CancellationToken.None);
        return manifest.Tables[0].Records;
    }

    private static async Task<long> DrainAsync(Stream body)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) total += read;
        return total;
    }
}
