namespace Plumb.Server.Portal;

using Microsoft.Extensions.Options;
using Plumb.Server.Hosting;

/// <summary>
/// The portal's rendered pages, bounded in bytes (<see cref="PlumbServerOptions.PageCacheBytes"/>) and evicted by recency.
/// It holds pages of the current handbook version only (a newer version empties it) and only pages that rendered
/// successfully: an address that does not exist is rendered each time and never kept, so made-up addresses cannot grow it.
/// </summary>
public sealed class PageCache(IOptions<PlumbServerOptions> options)
{
    // What a key and an entry cost besides their text, roughly: the node, the dictionary slot, the object headers.
    private const long Overhead = 160;

    private readonly long _limit = Math.Max(0, options.Value.PageCacheBytes);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private long _version = -1;
    private long _bytes;

    /// <summary>The bytes the cached pages take, as estimated.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>
    /// The cache key of pages of a handbook version with the results of <paramref name="resultsGeneration"/> (the newest result id):
    /// it grows when either does, so a newer version or newer results empty the cache as a newer version alone did.
    /// </summary>
    public static long Stamp(long version, long resultsGeneration) => checked((version * 1_000_000_000L) + (resultsGeneration % 1_000_000_000L));

    public bool TryGet<T>(long version, string key, out T value)
        where T : class
    {
        lock (_gate)
        {
            if (version == _version && _entries.TryGetValue(key, out var node) && node.Value.Value is T found)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = found;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> (of about <paramref name="size"/> bytes) for <paramref name="version"/>, evicting the least recently used.</summary>
    public void Add(long version, string key, object value, long size)
    {
        var cost = size + (key.Length * 2L) + Overhead;
        lock (_gate)
        {
            if (version < _version || cost > _limit) return; // a request still on an older version, or one page larger than the whole cache
            if (version > _version)
            {
                _entries.Clear();
                _recency.Clear();
                _bytes = 0;
                _version = version;
            }

            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _bytes -= old.Value.Cost;
            }

            _entries[key] = _recency.AddFirst(new Entry(key, value, cost));
            _bytes += cost;
            while (_bytes > _limit && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Cost;
            }
        }
    }

    private sealed record Entry(string Key, object Value, long Cost);
}
