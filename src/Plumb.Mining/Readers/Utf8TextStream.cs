namespace Plumb.Mining.Readers;

using System.Text;

/// <summary>
/// The text of a <see cref="TextReader"/> as UTF-8 bytes, for the byte-level CSV reader: a log given as text (or as bytes in an
/// encoding whose characters are not split on bytes, such as UTF-16) is read by the same code as a UTF-8 file.
/// </summary>
internal sealed class Utf8TextStream(TextReader reader) : ForwardOnlyStream
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[1 << 14];
    private readonly byte[] _bytes = new byte[(1 << 14) * 3 + 4];
    private int _start, _end;
    private bool _eof;

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end)
        {
            if (_eof) return 0;
            var read = reader.Read(_chars, 0, _chars.Length);
            _eof = read == 0;

            // A surrogate pair split across two reads is held by the encoder until its second half comes.
            _end = _encoder.GetBytes(_chars.AsSpan(0, read), _bytes, _eof);
            _start = 0;
        }

        var n = Math.Min(buffer.Length, _end - _start);
        _bytes.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }
}
