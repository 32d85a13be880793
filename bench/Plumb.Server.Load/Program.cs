// Load benchmark of the portal on loopback, bounded in time: throughput and p50/p99 latency of the process and step pages.
// Usage: dotnet run -c Release --project bench/Plumb.Server.Load -- [seconds=10] [concurrency=16]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Handbook.Samples;
using Plumb.Server.Handbooks;
using Plumb.Server.Hosting;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var directory = Directory.CreateTempSubdirectory("plumb-load-");
var app = PlumbApp.Build(["--Plumb:Database=" + Path.Combine(directory.FullName, "plumb.db"), "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
await app.StartAsync();
var handbooks = app.Services.GetRequiredService<HandbookService>();
var saved = await handbooks.SaveAsync(0, DocumentSet.Write(ExampleHandbook.Create("Load test")), "bench", "seed", CancellationToken.None);
if (saved.Saved is null) throw new InvalidOperationException("seed failed");
var baseUrl = app.Urls.First();
string[] pages = ["/processes/incident", "/processes/incident/procedures/handle-incident/steps/log"];

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl) };
foreach (var page in pages) for (var i = 0; i < 200; i++) (await client.GetAsync(page)).EnsureSuccessStatusCode(); // warm up

foreach (var page in pages)
{
    var latencies = new List<double>[concurrency];
    var stop = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = [];
        while (stop.Elapsed < until)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(page, HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToList();
    double Percentile(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{page}: {all.Count / stop.Elapsed.TotalSeconds:0} requests/s over {stop.Elapsed.TotalSeconds:0.0} s, concurrency {concurrency}, p50 {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms"));
}

await app.StopAsync();
directory.Delete(recursive: true);
