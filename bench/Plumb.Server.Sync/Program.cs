// Sync benchmark: a simulated instance (plumb snow simulate, its own process) with about AUDIT audit rows on loopback,
// synced into a new SQLite store by the server's sync; then CHANGED new records and an incremental sync.
// Reports wall time, peak RSS of this (the syncing) process, store size and bytes per audit row.
// Usage: dotnet run -c Release --project bench/Plumb.Server.Sync -- [audit=1000000] [changed=10000]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plumb.Handbook.Samples;
using Plumb.Server.Handbooks;
using Plumb.Server.History;
using Plumb.Server.Storage;
using Plumb.Server.Sync;
using Plumb.ServiceNow.Simulator;
using Plumb.ServiceNow.Snapshot;
using Plumb.ServiceNow.TableApi;

var auditTarget = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var changed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
var cli = Path.Combine(root, "artifacts/bin/Plumb.Cli/release/plumb.dll");
if (!File.Exists(cli)) throw new FileNotFoundException($"build the CLI first (dotnet build src/Plumb.Cli -c Release): {cli}");
var work = Directory.CreateTempSubdirectory("plumb-sync-bench-");
var handbook = ExampleHandbook.Create("Sync benchmark");

// Tickets per mapped table for the audit rows asked for, from a small generation of the same handbook.
var sample = SimulatedInstance.Generate(handbook, new GeneratorOptions { Seed = 1, TicketsPerTable = 1000 });
var tickets = (int)Math.Ceiling(auditTarget / (sample.Count("sys_audit") / 1000.0));
foreach (var (path, content) in DocumentSet.Write(handbook))
{
    var file = Path.Combine(work.FullName, "handbook", path);
    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
    File.WriteAllText(file, content);
}

var port = 20000 + Random.Shared.Next(20000);
var url = $"http://127.0.0.1:{port}";
var credentials = Path.Combine(work.FullName, "sim.credentials");
var simulate = Stopwatch.StartNew();
var start = new ProcessStartInfo("dotnet", [cli, "snow", "simulate", "--handbook", Path.Combine(work.FullName, "handbook"),
    "--tickets", tickets.ToString(CultureInfo.InvariantCulture), "--urls", url, "--credentials", credentials]);
start.RedirectStandardOutput = start.RedirectStandardError = true;
using var simulator = Process.Start(start)!;
string? line;
while ((line = await simulator.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
{
    if (line.StartsWith("A simulated", StringComparison.Ordinal)) Console.WriteLine(line);
}

if (line is null) throw new InvalidOperationException("the simulator stopped: " + await simulator.StandardError.ReadToEndAsync());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulator: {tickets:N0} tickets per mapped table, ready in {simulate.Elapsed.TotalSeconds:0.0} s"));

var database = Path.Combine(work.FullName, "plumb.db");
var store = new SqliteStore(database);
await store.MigrateAsync(CancellationToken.None);
var time = TimeProvider.System;
var secrets = new ConnectionService(store, store, ConnectionService.ProviderFor(store), time);
var signIn = SnowCredentials.FromFile(credentials);
await secrets.AddAsync("bench", url, signIn, 0, "bench", CancellationToken.None);
var sync = new SyncService(store, secrets, store, new SyncedTicketData(store, store), new TicketDataSignal(), new SyncOptions { Scheduled = false }, time,
    Environment.GetEnvironmentVariable("PLUMB_BENCH_LOG") == "1"
        ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ")).CreateLogger<SyncService>()
        : NullLogger<SyncService>.Instance);

var first = await TimedAsync("full sync");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {first.RecordsAdded:N0} records, {first.AuditRowsAdded:N0} audit rows, {first.Events:N0} events; store {Size():N0} bytes = {Size() / (double)first.AuditRowsAdded:0.0} bytes per audit row"));

// About CHANGED new tickets (the feed opens the same number on each mapped table), then the incremental sync.
var perTable = (int)Math.Ceiling(changed / (double)PullPlan.TaskTables.Count(t => sample.Count(t) > 0));
using (var http = new HttpClient())
{
    var feed = new HttpRequestMessage(HttpMethod.Post, $"{url}/{SimulatorServer.FeedPath}?open={perTable}");
    feed.Headers.Authorization = new AuthenticationHeaderValue("Basic", signIn.BasicToken);
    var answer = await http.SendAsync(feed);
    Console.WriteLine($"feed: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
}

var second = await TimedAsync("incremental sync");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {second.RecordsAdded:N0} records, {second.AuditRowsAdded:N0} audit rows pulled; now {second.Records:N0} records, {second.AuditRows:N0} audit rows; store {Size():N0} bytes"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS of the syncing process: {PeakRss() / 1048576.0:0} MiB"));

simulator.Kill(entireProcessTree: true);
await simulator.WaitForExitAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
work.Delete(recursive: true);

async Task<SyncRun> TimedAsync(string what)
{
    var watch = Stopwatch.StartNew();
    var (_, run) = await sync.RunAsync("bench", CancellationToken.None);
    if (run!.State != SyncState.Complete) throw new InvalidOperationException($"{what}: {run.State}: {run.Error}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} #{run.Number}: {watch.Elapsed.TotalSeconds:0.0} s wall (pull, store, read back into the event log)"));
    return run;
}

long Size() => new DirectoryInfo(work.FullName).GetFiles("plumb.db*").Sum(f => f.Length);

static long PeakRss()
{
    foreach (var l in File.ReadLines("/proc/self/status"))
    {
        if (l.StartsWith("VmHWM:", StringComparison.Ordinal)) return long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    return 0;
}
