namespace Plumb.Server.Alignment;

using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Plumb.Server.Hosting;

/// <summary>The JSON a webhook receives: what turned red, with links to the pages that show it.</summary>
public sealed record NewsMessage(string Event, IReadOnlyList<NewsMessageItem> Items);

/// <summary>One news item as a webhook receives it.</summary>
public sealed record NewsMessageItem(long Id, DateTimeOffset At, string Kind, string Source, string Process, string Subject, string Title, string Detail,
    long HandbookVersion, long Revision, string Link);

/// <summary>
/// Posts news to <see cref="PlumbServerOptions.ResultsWebhook"/> from a queue of its own, so a slow or failing receiver never
/// holds up a computation: each message is tried <see cref="PlumbServerOptions.WebhookRetries"/> more times with doubling pauses,
/// then dropped with a logged error (the news stays in the Atom feed).
/// </summary>
public sealed class NewsWebhook(IOptions<PlumbServerOptions> options, ILogger<NewsWebhook> logger) : BackgroundService
{
    private readonly Channel<IReadOnlyList<NewsItem>> _queue = Channel.CreateUnbounded<IReadOnlyList<NewsItem>>(new() { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Queues news for the webhook; nothing happens when none is configured.</summary>
    public void Post(IReadOnlyList<NewsItem> news)
    {
        if (news.Count > 0 && !string.IsNullOrWhiteSpace(options.Value.ResultsWebhook)) _queue.Writer.TryWrite(news);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var news in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (!Uri.TryCreate(options.Value.ResultsWebhook, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                logger.LogError("Results webhook: '{Url}' is not an http(s) URL; {Count} news item(s) not sent", options.Value.ResultsWebhook, news.Count);
                continue;
            }

            var message = new NewsMessage("plumb.results.red", news.Select(n => new NewsMessageItem(n.Id, n.At, n.Kind, n.Source, n.Process, n.Subject, n.Title,
                n.Detail, n.HandbookVersion, n.Revision, n.Process.Length > 0 ? $"/processes/{Uri.EscapeDataString(n.Process)}" : AlignmentEndpoints.Path)).ToList());
            var pause = TimeSpan.FromSeconds(Math.Max(0, options.Value.WebhookRetrySeconds));
            for (var attempt = 0; ; attempt++)
            {
                string? failure;
                try
                {
                    using var response = await _http.PostAsJsonAsync(url, message, stoppingToken);
                    failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    failure = e.Message;
                }

                if (failure is null) break;
                if (attempt >= options.Value.WebhookRetries)
                {
                    logger.LogError("Results webhook: {Count} news item(s) not delivered after {Attempts} attempt(s): {Failure}", news.Count, attempt + 1, failure);
                    break;
                }

                logger.LogWarning("Results webhook: attempt {Attempt} failed ({Failure}); trying again in {Pause:F0} s", attempt + 1, failure, pause.TotalSeconds);
                await Task.Delay(pause, stoppingToken);
                pause *= 2;
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
