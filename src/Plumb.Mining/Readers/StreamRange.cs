namespace Plumb.Mining.Readers;

using Microsoft.Win32.SafeHandles;

/// <summary>
/// A read-only view of bytes [start, end) of a file or an in-memory stream, read at its own position, so several threads
/// can read parts of one file at once (positional reads on the file's handle; the inner stream's position is not used).
/// </summary>
internal sealed class StreamRange : ForwardOnlyStream
{
    // FileStream.SafeFileHandle flushes the stream's read buffer and seeks the handle to the stream's position each time it
    // is read: from two threads at once that moved the position back twice, below 0, and a read failed with "Invalid
    // argument". The handle is taken once per range, one thread at a time.
    private static readonly Lock Exposing = new();
    private readonly SafeFileHandle? _file;
    private readonly ArraySegment<byte> _memory;
    private readonly long _end;
    private long _position;

    private StreamRange(SafeFileHandle? file, ArraySegment<byte> memory, long start, long end)
    {
        _file = file;
        _memory = memory;
        _position = start;
        _end = end;
    }

    /// <summary>Whether parts of the stream can be read this way: a file, or a memory stream whose buffer is visible.</summary>
    public static bool CanShare(Stream stream) => stream is FileStream { CanSeek: true } || (stream is MemoryStream m && m.TryGetBuffer(out _));

    /// <summary>The bytes [start, end) of <paramref name="stream"/>, which <see cref="CanShare"/> accepted.</summary>
    public static StreamRange Of(Stream stream, long start, long end)
    {
        if (stream is FileStream file)
        {
            lock (Exposing) return new StreamRange(file.SafeFileHandle, default, start, end);
        }

        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer)) return new StreamRange(null, buffer, start, end);
        throw new ArgumentException("the stream is neither a file nor a memory stream with a visible buffer", nameof(stream));
    }

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, _end - _position);
        if (wanted <= 0) return 0;
        int read;
        if (_file is not null)
        {
            read = RandomAccess.Read(_file, buffer[..wanted], _position);
        }
        else
        {
            _memory.AsSpan((int)_position, wanted).CopyTo(buffer);
            read = wanted;
        }

        _position += read;
        return read;
    }
}
