namespace Plumb.Server.History;

using Plumb.Mining.EventLogs;
using Plumb.ServiceNow.Snapshot;

/// <summary>
/// One body of ticket history the server holds, as results are keyed by it: the latest complete sync of a connection
/// (<c>connection/NAME</c>) or an upload (<c>upload/N</c>). <see cref="Revision"/> grows with every sync or upload of the
/// source, so a result names exactly the data it came from.
/// </summary>
/// <param name="Source">The source's stable name: <c>connection/acme</c>, <c>upload/3</c>.</param>
/// <param name="Title">What a reader is told the figures came from ("acme.service-now.com, sync 12", "incidents-2026.csv").</param>
/// <param name="Revision">The sync or upload number the data is of.</param>
/// <param name="At">When that sync finished or the upload was stored.</param>
/// <param name="Records">Ticket records in the data.</param>
/// <param name="Events">Events in the data, as read.</param>
public sealed record TicketDataInfo(string Source, string Title, long Revision, DateTimeOffset At, long Records, long Events);

/// <summary>The ticket history of one source as an <see cref="EventLog"/>, with the configuration it was synced with (none for a log upload).</summary>
public sealed record TicketData(TicketDataInfo Info, EventLog Log, ConfigurationSnapshot? Configuration);

/// <summary>
/// Where ticket history comes from. Connections and uploads each register one; the results service asks every registered
/// provider. A provider lists only complete data: a sync still running, or one that died half way, is not listed.
/// </summary>
public interface ITicketDataProvider
{
    /// <summary>The prefix of the sources this provider owns (<c>connection/</c>, <c>upload/</c>).</summary>
    string Prefix { get; }

    /// <summary>Every source of this provider whose data is complete, with its latest revision.</summary>
    Task<IReadOnlyList<TicketDataInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The latest complete data of <paramref name="source"/>, or null when there is none.</summary>
    Task<TicketData?> LoadAsync(string source, CancellationToken cancellationToken);
}

/// <summary>
/// Tells the results service that a source has new data (a sync or an upload completed). A singleton: producers call
/// <see cref="Changed"/>, the results service reads <see cref="Reader"/>.
/// </summary>
public sealed class TicketDataSignal
{
    private readonly System.Threading.Channels.Channel<TicketDataInfo> _channel =
        System.Threading.Channels.Channel.CreateUnbounded<TicketDataInfo>(new() { SingleReader = true });

    /// <summary>Records that <paramref name="info"/> is the source's new complete data.</summary>
    public void Changed(TicketDataInfo info) => _channel.Writer.TryWrite(info);

    /// <summary>The completed syncs and uploads, in the order they completed.</summary>
    public System.Threading.Channels.ChannelReader<TicketDataInfo> Reader => _channel.Reader;
}
