namespace Plumb.Server.Tests.Portal;

using Microsoft.Extensions.Options;
using Plumb.Server.Hosting;
using Plumb.Server.Portal;

public sealed class PageCacheTests
{
    // Each entry costs its size plus the key and a fixed overhead; 1,000-byte pages under a 3,700-byte bound fit three.
    private static PageCache Cache() => new(Options.Create(new PlumbServerOptions { PageCacheBytes = 3_700 }));

    [Fact]
    public void The_least_recently_used_page_goes_first()
    {
        var cache = Cache();
        foreach (var key in new[] { "a", "b", "c" }) cache.Add(1, key, key, 1_000);
        Assert.True(cache.TryGet(1, "a", out string _)); // a is now the most recent

        cache.Add(1, "d", "d", 1_000);

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet(1, "a", out string _));
        Assert.False(cache.TryGet(1, "b", out string _));
        Assert.InRange(cache.Bytes, 3_000, 3_700);
    }

    [Fact]
    public void A_newer_version_empties_the_cache_and_an_older_one_is_not_kept()
    {
        var cache = Cache();
        cache.Add(1, "a", "a", 100);

        cache.Add(2, "b", "b", 100);
        cache.Add(1, "c", "c", 100);

        Assert.False(cache.TryGet(1, "a", out string _));
        Assert.False(cache.TryGet(2, "c", out string _));
        Assert.True(cache.TryGet(2, "b", out string _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_page_larger_than_the_whole_cache_is_not_kept()
    {
        var cache = Cache();
        cache.Add(1, "a", "a", 100);

        cache.Add(1, "huge", "huge", 10_000);

        Assert.False(cache.TryGet(1, "huge", out string _));
        Assert.True(cache.TryGet(1, "a", out string _));
    }
}
