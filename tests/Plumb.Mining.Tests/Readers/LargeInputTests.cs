namespace Plumb.Mining.Tests.Readers;

using System.Text;
using Plumb.Mining.Readers;

/// <summary>
/// A log of more than 2 GiB streams: rows are made on the fly by a <see cref="Stream"/> that cannot seek (so nothing of the
/// file exists on disk or in memory), read by the same reader the CLI uses. Rows are wide (a long description that is not an
/// event field), so the log held afterwards grows with the events, not with the bytes. About 10-15 s each in Release on 2 cores;
/// they run with every other test (<c>./test.sh</c>), and <c>--filter Category!=Large</c> leaves them out of a quick run.
/// </summary>
public sealed class LargeInputTests
{
    [Fact]
    [Trait("Category", "Large")]
    public void A_csv_of_more_than_2_gib_streams_with_memory_that_follows_events_not_bytes()
    {
        // Given 230,000 incidents of 5 events with a ~1.9 KB description each row: about 2.25 GB
        const int cases = 230_000;
        using var stream = new WideCsvStream(cases);
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        // Allocation on this thread only: the reader is synchronous, and tests running alongside must not count.
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        // When read as plumb log stats does
        var log = SharedData.Succeeded(CsvEventLogReader.Read(stream, Encoding.UTF8));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(true) - before;

        // Then every event is there, and memory is a small multiple of the events, far below the bytes read
        Assert.True(stream.BytesProduced > (2L << 30), $"only {stream.BytesProduced:N0} bytes produced");
        Assert.Equal(cases, log.CaseCount);
        Assert.Equal(cases * 5, log.EventCount);
        Assert.Equal(5, log.ActivityNames.Count);
        Assert.Equal(4, log.FindAttribute("description")!.Values.Count);
        Assert.True(retained < 150L * log.EventCount, $"retained {retained:N0} bytes for {log.EventCount:N0} events");
        Assert.True(allocated < 400L * log.EventCount, $"allocated {allocated:N0} bytes for {stream.BytesProduced:N0} bytes read");
        GC.KeepAlive(log);
    }

    [Fact]
    [Trait("Category", "Large")]
    public void An_xes_log_of_more_than_2_gib_streams_with_memory_that_follows_events_not_bytes()
    {
        // Given 120,000 traces of 5 events, each event with a ~3.5 KB description: about 2.2 GB of XML
        const int cases = 120_000;
        using var stream = new WideXesStream(cases);
        GC.Collect();
        var before = GC.GetTotalMemory(true);

        // When read as the CLI reads XES
        var log = SharedData.Succeeded(XesEventLogReader.Read(stream));
        var retained = GC.GetTotalMemory(true) - before;

        // Then every event is there, and what is kept follows the events
        Assert.True(stream.BytesProduced > (2L << 30), $"only {stream.BytesProduced:N0} bytes produced");
        Assert.Equal(cases, log.CaseCount);
        Assert.Equal(cases * 5, log.EventCount);
        Assert.True(retained < 300L * log.EventCount, $"retained {retained:N0} bytes for {log.EventCount:N0} events");
        GC.KeepAlive(log);
    }

    /// <summary>XES generated as it is read: a trace of five events at a time.</summary>
    private sealed class WideXesStream(int cases) : GeneratedStream
    {
        private static readonly string Description = string.Concat(Enumerable.Repeat("User reports the VPN client fails with error 80 &amp; asks for help; ", 50));
        private int _case = -1;

        protected override string? Next()
        {
            if (_case > cases) return null;
            var c = _case++;
            if (c < 0) return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849-2016\">\n";
            if (c == cases) return "</log>\n";
            var sb = new StringBuilder($"<trace><string key=\"concept:name\" value=\"INC{c:0000000}\"/>");
            for (var e = 0; e < 5; e++)
            {
                var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(c).AddSeconds(e * 37);
                sb.Append($"<event><string key=\"concept:name\" value=\"step {e}\"/><date key=\"time:timestamp\" value=\"{time:yyyy-MM-dd'T'HH:mm:ss'Z'}\"/>");
                sb.Append($"<string key=\"org:resource\" value=\"user{e % 7}\"/><string key=\"description\" value=\"{c % 3}: {Description}\"/></event>");
            }

            return sb.Append("</trace>\n").ToString();
        }
    }

    /// <summary>A stream that cannot seek, producing text piece by piece as it is read.</summary>
    private abstract class GeneratedStream : Stream
    {
        private byte[] _piece = [];
        private int _at;

        public long BytesProduced { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>The next piece of text, or null at the end.</summary>
        protected abstract string? Next();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                if (_at == _piece.Length)
                {
                    if (Next() is not { } text) break;
                    _piece = Encoding.UTF8.GetBytes(text);
                    _at = 0;
                }

                var n = Math.Min(buffer.Length - written, _piece.Length - _at);
                _piece.AsSpan(_at, n).CopyTo(buffer[written..]);
                _at += n;
                written += n;
            }

            BytesProduced += written;
            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>ServiceNow-style CSV rows generated as they are read; only the bytes of one row exist at a time.</summary>
    private sealed class WideCsvStream(int cases) : Stream
    {
        private static readonly string[] Activities = ["New", "In Progress", "On Hold", "Resolved", "Closed"];
        private static readonly byte[][] Descriptions = [.. Enumerable.Range(0, 4).Select(i =>
            Encoding.UTF8.GetBytes("\"" + string.Concat(Enumerable.Repeat($"User reports problem {i} with the VPN client, \"\"error 80\"\", after the update; ", 24)) + "\""))];

        private readonly byte[] _row = new byte[4096];
        private int _rowLength, _rowAt, _event = -1;

        public long BytesProduced { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                if (_rowAt == _rowLength && !NextRow()) break;
                var n = Math.Min(buffer.Length - written, _rowLength - _rowAt);
                _row.AsSpan(_rowAt, n).CopyTo(buffer[written..]);
                _rowAt += n;
                written += n;
            }

            BytesProduced += written;
            return written;
        }

        private bool NextRow()
        {
            if (_event == cases * 5) return false;
            var text = _event < 0
                ? "number,activity,sys_updated_on,sys_updated_by,assignment_group,state,priority,description\n"
                : Row(_event);
            _rowLength = Encoding.UTF8.GetBytes(text, _row);
            if (_event >= 0)
            {
                var description = Descriptions[(_event / 5) % 4];
                description.CopyTo(_row, _rowLength);
                _rowLength += description.Length;
                _row[_rowLength++] = (byte)'\n';
            }

            _rowAt = 0;
            _event++;
            return true;
        }

        private static string Row(int e)
        {
            var c = e / 5;
            var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(c).AddSeconds(e % 5 * 37);
            return $"INC{c:0000000},{Activities[e % 5]},{time:yyyy-MM-dd'T'HH:mm:ss'Z'},user{e % 13},group{c % 7},{(e % 5) + 1},{(c % 4) + 1},";
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
