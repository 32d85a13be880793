namespace Plumb.Mining.Readers;

/// <summary>
/// One part of an XES file as a document of its own: the file's log start tag (none for the first part), the part's bytes,
/// and the log's end tag (none for the last part, which has the file's own).
/// </summary>
internal sealed class XesPartStream(ReadOnlyMemory<byte> before, Stream part, ReadOnlyMemory<byte> after) : ForwardOnlyStream
{
    private ReadOnlyMemory<byte> _before = before;
    private ReadOnlyMemory<byte> _after = after;

    public override int Read(Span<byte> buffer)
    {
        if (!_before.IsEmpty) return Copy(ref _before, buffer);
        var read = part.Read(buffer);
        return read > 0 || buffer.IsEmpty ? read : Copy(ref _after, buffer);
    }

    private static int Copy(ref ReadOnlyMemory<byte> bytes, Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, bytes.Length);
        bytes.Span[..n].CopyTo(buffer);
        bytes = bytes[n..];
        return n;
    }
}
