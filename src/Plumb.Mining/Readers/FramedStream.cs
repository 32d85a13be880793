namespace Plumb.Mining.Readers;

/// <summary>
/// A read-only stream giving some bytes before the inner stream and some after it: bytes already read put back in front, or a
/// part of a file made a document of its own (the XES log's start tag before a part, the closing of a JSON records array after).
/// </summary>
internal sealed class FramedStream(ReadOnlyMemory<byte> before, Stream inner, ReadOnlyMemory<byte> after = default) : ForwardOnlyStream
{
    private ReadOnlyMemory<byte> _before = before;
    private ReadOnlyMemory<byte> _after = after;
    private bool _innerDone;

    public override int Read(Span<byte> buffer)
    {
        if (!_before.IsEmpty) return Copy(ref _before, buffer);
        if (!_innerDone)
        {
            var read = inner.Read(buffer);
            if (read > 0 || buffer.IsEmpty) return read;
            _innerDone = true;
        }

        return Copy(ref _after, buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private static int Copy(ref ReadOnlyMemory<byte> bytes, Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, bytes.Length);
        bytes.Span[..n].CopyTo(buffer);
        bytes = bytes[n..];
        return n;
    }
}
