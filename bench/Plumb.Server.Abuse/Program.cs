// Abuse benchmark of the server on loopback, bounded in time: what made-up addresses, deep XML and large bodies cost.
// Prints resident memory (and the managed heap after a full collection) before and after each phase, and the time per request.
// Usage: dotnet run -c Release --project bench/Plumb.Server.Abuse -- [flood-seconds=20] [concurrency=16]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Plumb.Handbook.Samples;
using Plumb.Server.Accounts;
using Plumb.Server.Handbooks;
using Plumb.Server.Hosting;
using Plumb.Server.Storage;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var directory = Directory.CreateTempSubdirectory("plumb-abuse-");
var app = PlumbApp.Build(["--Plumb:Database=" + Path.Combine(directory.FullName, "plumb.db"), "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None"]);
await app.StartAsync();
var saved = await app.Services.GetRequiredService<HandbookService>().SaveAsync(0, DocumentSet.Write(ExampleHandbook.Create("Abuse test")), "bench", "seed",
    CancellationToken.None);
if (saved.Saved is null) throw new InvalidOperationException("seed failed");
var accounts = app.Services.GetRequiredService<AccountService>();
var editor = await accounts.CreateUserAsync("editor", "correct horse battery", AccountRole.Editor, "bench", CancellationToken.None);
var (_, token) = await accounts.CreateTokenAsync(editor, "bench", CancellationToken.None);
var baseUrl = app.Urls.First();
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(3) };
string[] pages = ["/", "/processes/incident", "/processes/incident/procedures/handle-incident/steps/log", "/roles", "/raci"];
foreach (var page in pages) for (var i = 0; i < 100; i++) (await client.GetAsync(page)).EnsureSuccessStatusCode(); // warm up
Console.WriteLine($"server on {baseUrl}, {Environment.ProcessorCount} cores; {Memory()} after warm-up");

// 1. Unique-URL flood: every request a new made-up address, as the issue's probe sent them.
var start = Memory();
var flood = await RunAsync(seconds, _ => $"/processes/nope-{Guid.NewGuid():N}/procedures/p/steps/{new string('s', 200)}", expect: 404);
Console.WriteLine($"unique-URL flood: {flood}; memory {start} -> {Memory()}");
await Task.Delay(TimeSpan.FromSeconds(5));
Console.WriteLine($"  idle 5 s later: {Memory()}");

// 2. The same real pages over and over (the issue's "repeating one page" probe).
start = Memory();
var repeat = await RunAsync(Math.Max(5, seconds / 2), n => pages[n % pages.Length], expect: 200);
Console.WriteLine($"repeated real pages: {repeat}; memory {start} -> {Memory()}");

// 3. Deep XML: a BPMN upload nested 25,000 / 50,000 / 100,000 deep to the editor.
using var authorised = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(3) };
authorised.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
foreach (var depth in new[] { 25_000, 50_000, 100_000 })
{
    var xml = new StringBuilder("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">");
    for (var i = 0; i < depth; i++) xml.Append("<a>");
    for (var i = 0; i < depth; i++) xml.Append("</a>");
    xml.Append("</definitions>");
    var (status, elapsed) = await TimedAsync(() => authorised.PutAsync("/api/editor/processes/incident/procedures/handle-incident/bpmn",
        new StringContent(xml.ToString(), Encoding.UTF8, "application/xml")));
    Console.WriteLine($"deep XML {depth:N0} deep ({xml.Length / 1024:N0} KB): {status} in {elapsed.TotalMilliseconds:N0} ms; {Memory()}");
}

// 4. Large bodies: 100 MB chunked (no Content-Length) and 100 MB announced, to the handbook and to anonymous feedback. Sent on a raw
// socket, so the server's answer is read even when it comes (and the server closes) before the body is all sent.
var endpoint = new Uri(baseUrl);
foreach (var (method, url, type, chunked) in new[]
{
    ("PUT", "/api/handbook/documents", "application/json", true), ("PUT", "/api/handbook/documents", "application/json", false),
    ("PUT", "/api/processes/incident", "application/yaml", true), ("POST", "/api/feedback", "application/json", true),
    ("POST", "/api/feedback", "application/json", false),
})
{
    var (status, sent, elapsed) = await LargeBodyAsync(endpoint, method, url, type, chunked, 100L * 1024 * 1024, token);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"100 MB {(chunked ? "chunked" : "with Content-Length")} {type} to {method} {url}: {status} after {sent / 1048576.0:0.0} MB sent, in {elapsed.TotalMilliseconds:N0} ms; {Memory()}"));
}

Console.WriteLine($"server still answers: {(await client.GetAsync("/healthz")).StatusCode}; page cache {app.Services.GetRequiredService<Plumb.Server.Portal.PageCache>().Bytes / 1024:N0} KB");
await app.StopAsync();
directory.Delete(recursive: true);

async Task<string> RunAsync(int forSeconds, Func<int, string> address, int expect)
{
    var latencies = new List<double>[concurrency];
    var unexpected = 0;
    var stop = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(forSeconds);
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = [];
        var n = worker;
        while (stop.Elapsed < until)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(address(n++), HttpCompletionOption.ResponseContentRead);
            if ((int)response.StatusCode != expect) Interlocked.Increment(ref unexpected);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToList();
    double Percentile(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture,
        $"{all.Count:N0} requests in {stop.Elapsed.TotalSeconds:0.0} s ({all.Count / stop.Elapsed.TotalSeconds:0}/s, concurrency {concurrency}), " +
        $"p50 {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms, {unexpected} not {expect}");
}

static async Task<(string Status, long Sent, TimeSpan Elapsed)> LargeBodyAsync(Uri server, string method, string url, string type, bool chunked, long size,
    string token)
{
    var started = Stopwatch.GetTimestamp();
    using var tcp = new System.Net.Sockets.TcpClient();
    await tcp.ConnectAsync(server.Host, server.Port);
    var stream = tcp.GetStream();
    var head = $"{method} {url} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: {type}\r\nIf-Match: \"1\"\r\n" +
        (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {size}\r\n") + "\r\n";
    await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
    var answer = ReadStatusAsync(stream);
    var block = new byte[64 * 1024];
    Array.Fill(block, (byte)' ');
    long sent = 0;
    try
    {
        while (sent < size && !answer.IsCompleted)
        {
            if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{block.Length:X}\r\n"));
            await stream.WriteAsync(block);
            if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
            sent += block.Length;
        }

        if (chunked && !answer.IsCompleted) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
    }
    catch (IOException)
    {
        // The server answered and closed the connection; its answer is read below.
    }

    var status = await answer.WaitAsync(TimeSpan.FromSeconds(30));
    return (status, sent, Stopwatch.GetElapsedTime(started));
}

static async Task<string> ReadStatusAsync(Stream stream)
{
    var buffer = new byte[4096];
    var read = 0;
    try
    {
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read));
            if (n == 0) break;
            read += n;
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            if (text.Contains("\r\n", StringComparison.Ordinal)) return text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        }
    }
    catch (IOException)
    {
    }

    return read == 0 ? "no answer" : Encoding.ASCII.GetString(buffer, 0, read);
}

static async Task<(string Status, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> send)
{
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await send();
        return ($"{(int)response.StatusCode}", Stopwatch.GetElapsedTime(started));
    }
    catch (HttpRequestException e)
    {
        return ($"connection closed by the server ({e.HttpRequestError})", Stopwatch.GetElapsedTime(started));
    }
}

// Resident memory of this process (server and load generator) and the managed heap after a full, compacting collection.
static string Memory()
{
    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    using var self = Process.GetCurrentProcess();
    return string.Create(CultureInfo.InvariantCulture, $"RSS {self.WorkingSet64 / 1048576.0:0} MB, heap {heap / 1048576.0:0.0} MB");
}
