namespace Plumb.Mining.Readers;

using System.Buffers;
using System.Runtime.Intrinsics;
using System.Text;

/// <summary>
/// Streams RFC 4180 records from bytes in UTF-8 or a single-byte encoding: quoted fields with doubled quotes and line breaks,
/// CRLF or LF, blank lines skipped. Records and fields are split on the bytes (the separator, quote and line breaks are one
/// byte in these encodings, and no byte of a multi-byte UTF-8 character is one of them); a field becomes text only when it is
/// read, so the columns a command does not keep are never decoded. Fields are valid until the next <see cref="Read"/>.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private readonly bool _utf8;
    private byte _separator = (byte)',';
    private SearchValues<byte> _stops = SearchValues.Create(",\n\r"u8);
    private byte[] _buffer = new byte[1 << 16];
    private byte[] _scratch = new byte[256];
    private char[] _chars = new char[512];
    private int _start, _end, _scratchUsed, _charsUsed;
    private bool _eof;
    private int _nextLine = 1;
    private int _maskAt = int.MinValue / 2;
    private uint _mask;
    private (bool Scratch, int Start, int Length)[] _fields = new (bool, int, int)[32];

    /// <summary>A reader of <paramref name="stream"/>, whose bytes are in <paramref name="encoding"/> (UTF-8 or single-byte, see <see cref="Reads"/>).</summary>
    public CsvRecordReader(Stream stream, Encoding encoding, int firstLine = 1)
    {
        if (!Reads(encoding)) throw new ArgumentException($"{encoding.WebName} is neither UTF-8 nor a single-byte encoding", nameof(encoding));
        _stream = stream;
        _encoding = encoding;
        _utf8 = encoding is UTF8Encoding;
        _nextLine = firstLine;
    }

    /// <summary>Whether the records of bytes in this encoding can be split on the bytes: UTF-8 or an ASCII-compatible single-byte encoding.</summary>
    public static bool Reads(Encoding encoding) => encoding is UTF8Encoding || (encoding.IsSingleByte && encoding.GetByteCount(",;\t|\"\r\n") == 7
        && encoding.GetString("\"\r\n"u8) == "\"\r\n");

    /// <summary>Whether the bytes are UTF-8 (whose ASCII characters are those bytes).</summary>
    public bool Utf8 => _utf8;

    /// <summary>The encoding of the bytes.</summary>
    public Encoding Encoding => _encoding;

    /// <summary>The field separator (one byte in the reader's encoding; a comma until set).</summary>
    public char Separator
    {
        set
        {
            Span<byte> encoded = stackalloc byte[8];
            var length = _encoding.GetBytes([value], encoded);
            if (length != 1 || encoded[0] is (byte)'"' or (byte)'\n' or (byte)'\r')
            {
                throw new ArgumentException($"the separator '{value}' is not one byte in {_encoding.WebName}: use ',', ';', a tab or '|'", nameof(value));
            }

            _separator = encoded[0];
            _maskAt = int.MinValue / 2;
            _stops = SearchValues.Create([_separator, (byte)'\n', (byte)'\r']);
        }
    }

    /// <summary>The one-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>A field of the current record as text (decoded when asked for).</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var bytes = Bytes(index);
            if (bytes.IsEmpty) return [];
            if (_charsUsed + bytes.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charsUsed + bytes.Length));
            var target = _chars.AsSpan(_charsUsed);

            // Most fields are ASCII: widened in place; the rest decoded (a single-byte encoding has one character per byte too).
            int written;
            if (System.Text.Ascii.ToUtf16(bytes, target, out written) != OperationStatus.Done) written = _encoding.GetChars(bytes, target);
            _charsUsed += written;
            return target[..written];
        }
    }

    /// <summary>The bytes of a field of the current record.</summary>
    public ReadOnlySpan<byte> Bytes(int index)
    {
        var (scratch, start, length) = _fields[index];
        return (scratch ? _scratch : _buffer).AsSpan(start, length);
    }

    /// <summary>
    /// The first line as text, without its line break, as <see cref="TextReader.ReadLine"/> gives it (the header, which is split
    /// by the caller once its separator is known); null at the end of the input. A UTF-8 byte order mark before it is skipped.
    /// </summary>
    public string? ReadLine()
    {
        var scanned = 0;
        while (true)
        {
            var at = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0 && (_buffer[_start + scanned + at] == '\n' || _start + scanned + at + 1 < _end || _eof))
            {
                var line = Decode(_buffer.AsSpan(_start, scanned + at));
                _start += scanned + at + 1;
                if (_buffer[_start - 1] == '\r' && _start < _end && _buffer[_start] == '\n') _start++;
                _nextLine++;
                return line;
            }

            scanned = _end - _start - (at >= 0 ? 1 : 0);
            if (!Fill())
            {
                if (_end == _start) return null;
                var rest = Decode(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                _nextLine++;
                return rest;
            }
        }
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        // A UTF-8 byte order mark is no part of the header's first name.
        if (_utf8 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        return _encoding.GetString(bytes);
    }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        _charsUsed = 0;
        while (true)
        {
            if (_start >= _end && !Fill()) return false;
            var c = _buffer[_start];
            if (c is (byte)'\n' or (byte)'\r')
            {
                // A blank line (or the LF of a CRLF split across refills).
                if (c == '\r' && _start + 1 >= _end && !_eof)
                {
                    Fill();
                    continue;
                }

                if (c == '\r' && _start + 1 < _end && _buffer[_start + 1] == '\n') _start++;
                _nextLine++;
                _start++;
                continue;
            }

            if (TryParse(out var consumed, out var lines))
            {
                Line = _nextLine;
                _nextLine += lines;
                _start += consumed;
                return true;
            }

            if (!Fill()) throw new InvalidOperationException("unreachable: a record at end of input always parses");
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool TryParse(out int consumed, out int lines)
    {
        consumed = 0;
        lines = 1;
        FieldCount = 0;
        _scratchUsed = 0;
        var i = _start;
        var s = _buffer;
        var separator = _separator;
        while (true)
        {
            if (FieldCount == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
            if (i < _end && s[i] == '"')
            {
                var from = _scratchUsed;
                i++;
                while (true)
                {
                    // Up to the next quote in one copy; line breaks inside are counted for the lines of the record.
                    var quote = s.AsSpan(i, _end - i).IndexOf((byte)'"');
                    var run = quote < 0 ? _end - i : quote;
                    if (run > 0)
                    {
                        var text = s.AsSpan(i, run);
                        lines += text.Count((byte)'\n');
                        AppendScratch(text);
                        i += run;
                    }

                    if (i >= _end)
                    {
                        CheckLength(_scratch.AsSpan(from, _scratchUsed - from), !_eof);
                        if (!_eof) return false;
                        break; // An unclosed quote at end of input: take what there is.
                    }

                    if (i + 1 >= _end && !_eof) return false;
                    if (i + 1 < _end && s[i + 1] == '"')
                    {
                        AppendScratch("\""u8);
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                // Text after the closing quote up to the separator is kept, as lenient readers do.
                var after = s.AsSpan(i, _end - i).IndexOfAny(_stops);
                var tail = after < 0 ? _end - i : after;
                AppendScratch(s.AsSpan(i, tail));
                i += tail;
                CheckLength(_scratch.AsSpan(from, _scratchUsed - from), false);
                _fields[FieldCount++] = (true, from, _scratchUsed - from);
            }
            else
            {
                var from = i;
                i = NextStop(i);
                CheckLength(s.AsSpan(from, i - from), i >= _end && !_eof);
                _fields[FieldCount++] = (false, from, i - from);
            }

            if (i >= _end)
            {
                if (!_eof) return false;
                consumed = i - _start;
                return true;
            }

            if (s[i] == separator)
            {
                i++;
                continue;
            }

            // End of record: CR, LF or CRLF.
            if (s[i] == '\r')
            {
                if (i + 1 >= _end && !_eof) return false;
                if (i + 1 < _end && s[i + 1] == '\n') i++;
            }

            consumed = i + 1 - _start;
            return true;
        }
    }

    // The next separator or line break at or after i (or the end of the buffer). Fields are short (~20 bytes): one vector
    // compare finds the stops of 32 bytes at once, and the fields after the first are found in its bit mask without a call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int NextStop(int i)
    {
        while (true)
        {
            var offset = i - _maskAt;
            if ((uint)offset < 32)
            {
                var bits = _mask & (uint.MaxValue << offset);
                if (bits != 0) return _maskAt + System.Numerics.BitOperations.TrailingZeroCount(bits);
                i = _maskAt + 32;
            }

            if (i + 32 > _end)
            {
                var stop = _buffer.AsSpan(i, _end - i).IndexOfAny(_stops);
                return stop < 0 ? _end : i + stop;
            }

            var v = Vector256.Create(_buffer.AsSpan(i, 32));
            _mask = (Vector256.Equals(v, Vector256.Create(_separator)) | Vector256.Equals(v, Vector256.Create((byte)'\n'))
                | Vector256.Equals(v, Vector256.Create((byte)'\r'))).ExtractMostSignificantBits();
            _maskAt = i;
        }
    }

    // Checked when a field ends and whenever the buffer runs out inside one, so a runaway field stops near the limit. The limit
    // is in characters: only a field of more bytes than that can pass it, and only then are its characters counted.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CheckLength(ReadOnlySpan<byte> field, bool unfinished)
    {
        if (field.Length > FieldLimit.MaxCharacters) CheckCharacters(field, unfinished);
    }

    private void CheckCharacters(ReadOnlySpan<byte> field, bool unfinished)
    {
        var length = _utf8 ? _encoding.GetCharCount(field) : field.Length;
        if (length > FieldLimit.MaxCharacters) throw new CsvFieldTooLongException(_nextLine, FieldCount, length, unfinished);
    }

    private void AppendScratch(ReadOnlySpan<byte> bytes)
    {
        if (_scratchUsed + bytes.Length > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + bytes.Length));
        bytes.CopyTo(_scratch.AsSpan(_scratchUsed));
        _scratchUsed += bytes.Length;
    }

    private bool Fill()
    {
        _maskAt = int.MinValue / 2;
        if (_eof) return false;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        // A record longer than the buffer: grow it.
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return _end > _start;
        }

        _end += read;
        return true;
    }
}
