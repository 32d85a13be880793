namespace Plumb.Mining.Readers;

/// <summary>
/// Streams RFC 4180 records from a TextReader: quoted fields with doubled quotes and line breaks, CRLF or LF,
/// blank lines skipped. Fields are spans into an internal buffer, valid until the next <see cref="Read"/>.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly System.Buffers.SearchValues<char> _stops;
    private char[] _buffer = new char[1 << 16];
    private char[] _scratch = new char[256];
    private int _start, _end, _scratchUsed;
    private bool _eof;
    private int _nextLine = 1;
    private (bool Scratch, int Start, int Length)[] _fields = new (bool, int, int)[32];

    public CsvRecordReader(TextReader reader, char separator, int firstLine = 1)
    {
        _stops = System.Buffers.SearchValues.Create([separator, '\n', '\r']);
        _nextLine = firstLine;
        _reader = reader;
        _separator = separator;
    }

    /// <summary>The one-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>A field of the current record.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var (scratch, start, length) = _fields[index];
            return (scratch ? _scratch : _buffer).AsSpan(start, length);
        }
    }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            if (_start >= _end && !Fill()) return false;
            var c = _buffer[_start];
            if (c is '\n' or '\r')
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

    private bool TryParse(out int consumed, out int lines)
    {
        consumed = 0;
        lines = 1;
        FieldCount = 0;
        _scratchUsed = 0;
        var i = _start;
        var s = _buffer;
        while (true)
        {
            if (FieldCount == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
            if (i < _end && s[i] == '"')
            {
                var from = _scratchUsed;
                i++;
                while (true)
                {
                    if (i >= _end)
                    {
                        CheckLength(_scratchUsed - from, !_eof);
                        if (!_eof) return false;
                        break; // An unclosed quote at end of input: take what there is.
                    }

                    var c = s[i];
                    if (c == '"')
                    {
                        if (i + 1 >= _end && !_eof) return false;
                        if (i + 1 < _end && s[i + 1] == '"')
                        {
                            AppendScratch('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (c == '\n') lines++;
                    AppendScratch(c);
                    i++;
                }

                // Text after the closing quote up to the separator is kept, as lenient readers do.
                while (i < _end && s[i] != _separator && s[i] != '\n' && s[i] != '\r') AppendScratch(s[i++]);
                CheckLength(_scratchUsed - from, false);
                _fields[FieldCount++] = (true, from, _scratchUsed - from);
            }
            else
            {
                var from = i;
                var stop = s.AsSpan(i, _end - i).IndexOfAny(_stops);
                i = stop < 0 ? _end : i + stop;
                CheckLength(i - from, i >= _end && !_eof);
                _fields[FieldCount++] = (false, from, i - from);
            }

            if (i >= _end)
            {
                if (!_eof) return false;
                consumed = i - _start;
                return true;
            }

            if (s[i] == _separator)
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

    // Checked when a field ends and whenever the buffer runs out inside one, so a runaway field stops near the limit.
    private void CheckLength(int length, bool unfinished)
    {
        if (length > FieldLimit.MaxCharacters) throw new CsvFieldTooLongException(_nextLine, FieldCount, length, unfinished);
    }

    private void AppendScratch(char c)
    {
        if (_scratchUsed == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        _scratch[_scratchUsed++] = c;
    }

    private bool Fill()
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        // A record longer than the buffer: grow it.
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return _end > _start;
        }

        _end += read;
        return true;
    }
}
