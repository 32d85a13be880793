namespace Plumb.Mining.Readers;

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

internal static partial class JsonRecordStream
{
    /// <summary>
    /// The fields of the record being read, as places in the read buffer (a value the file escaped is unescaped only when it is
    /// used: an export's fields a record does not keep, such as dates with <c>\u002B</c>, never are), so a record becomes an
    /// audit row or a field map only once it is read whole and known to be one or the other.
    /// </summary>
    private sealed class RecordFields(SnowJsonInput input)
    {
        private static readonly SearchValues<byte> Hex = SearchValues.Create("0123456789abcdefABCDEF"u8);
        private Field[] _fields = new Field[32];
        private int _count;
        private char[] _chars = new char[256];

        /// <summary>Reads the record the reader stands at the start of; false when the buffer ends inside it.</summary>
        public bool Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            _count = 0;
            var depth = reader.CurrentDepth;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return true;
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var name = TextOf(ref reader, data);
                if (!reader.Read()) return false;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                        Add(new Field(name, TextOf(ref reader, data), Text.None));
                        break;
                    case JsonTokenType.StartObject:
                        if (!ReadReference(ref reader, data, out var value, out var display)) return false;

                        // A reference (a sys_id) shows its display value and keeps the sys_id aside; a choice or date under
                        // sysparm_display_value=all keeps its stored value (state "2", UTC times), not the localised display.
                        if (!display.IsNone && (value.IsNone || IsSysId(value, data))) Add(new Field(name, display, value));
                        else Add(new Field(name, value.IsNone ? Text.Empty : value, Text.None));
                        break;
                    case JsonTokenType.StartArray:
                        if (!reader.TrySkip()) return false;
                        break;
                }
            }
        }

        /// <summary>Hands the record read to the input: an audit row when it has documentkey and fieldname. False when it stopped reading.</summary>
        public bool Emit(ReadOnlySpan<byte> data)
        {
            input.Index++;
            var key = Find("documentkey"u8, data);
            var field = Find("fieldname"u8, data);
            if (key >= 0 && field >= 0)
            {
                var time = Find("sys_created_on"u8, data);
                var old = Find("oldvalue"u8, data);
                var value = Find("newvalue"u8, data);
                var user = Find("user"u8, data);
                EnsureChars(ValueBytes(key) + ValueBytes(time) + ValueBytes(field) + ValueBytes(old) + ValueBytes(value) + ValueBytes(user));
                var at = 0;
                return input.AddAudit(Chars(key, data, ref at), Chars(time, data, ref at), Chars(field, data, ref at), Chars(old, data, ref at),
                    Chars(value, data, ref at), Chars(user, data, ref at));
            }

            var part = input.Current;
            for (var i = 0; i < _count; i++)
            {
                ref var f = ref _fields[i];
                var name = Intern(part.Names, f.Name, data);
                if (!part.Keeps(name)) continue;
                part.AddField(name, Decoded(f.Value, data));
                if (!f.SysId.IsNone) part.AddField(SysIdName(part, part.Names[name]), part.ValueCode(Decoded(f.SysId, data)));
            }

            part.EndRecord();
            return true;
        }

        // The key of a reference's sys_id beside its display value, in the pool of names.
        private int SysIdName(SnowJsonPart part, string name)
        {
            EnsureChars(name.Length + SnowReferences.SysIdPrefix.Length);
            SnowReferences.SysIdPrefix.CopyTo(_chars);
            name.CopyTo(_chars.AsSpan(SnowReferences.SysIdPrefix.Length));
            return part.Names.Intern(_chars.AsSpan(0, name.Length + SnowReferences.SysIdPrefix.Length));
        }

        private bool ReadReference(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, out Text value, out Text display)
        {
            var depth = reader.CurrentDepth;
            (value, display) = (Text.None, Text.None);
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return true;
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var isValue = Is(ref reader, "value"u8);
                var isDisplay = !isValue && Is(ref reader, "display_value"u8);
                if (!reader.Read()) return false;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (!reader.TrySkip()) return false;
                }
                else if (reader.TokenType == JsonTokenType.String && isValue)
                {
                    value = TextOf(ref reader, data);
                }
                else if (reader.TokenType == JsonTokenType.String && isDisplay)
                {
                    display = TextOf(ref reader, data);
                }
            }
        }

        private void Add(Field field)
        {
            if (_count == _fields.Length) Array.Resize(ref _fields, _count * 2);
            _fields[_count++] = field;
        }

        // Where the token's value lies in the buffer, as the file wrote it (an escaped string still escaped).
        private static Text TextOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            var value = reader.ValueSpan;
            if (value.IsEmpty) return Text.Empty;
            var start = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(value));
            return new Text(start, value.Length, reader.ValueIsEscaped);
        }

        // The last field of that name, as a dictionary would keep it; -1 when there is none.
        private int Find(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
        {
            for (var i = _count - 1; i >= 0; i--)
            {
                var n = _fields[i].Name;
                if (n.IsInBuffer ? data.Slice(n.Start, n.Length).SequenceEqual(name) : Encoding.UTF8.GetString(name) == Of(n, data)) return i;
            }

            return -1;
        }

        // An escaped string unescaped: its bytes with the quotes around them, read as the JSON string token they are.
        private static string Of(Text text, ReadOnlySpan<byte> data)
        {
            if (text.IsInBuffer) throw new InvalidOperationException("the text is in the buffer");
            if (text.IsEmpty) return "";
            var token = new Utf8JsonReader(data.Slice(text.Start - 1, text.Length + 2));
            token.Read();
            return token.GetString()!;
        }

        // The characters a value takes at most (an escaped one's unescaped are fewer than its bytes).
        private int ValueBytes(int field) => field < 0 || _fields[field].Value is not { Start: >= 0 } value ? 0 : value.Length;

        private void EnsureChars(int bytes)
        {
            if (_chars.Length < bytes) _chars = new char[Math.Max(bytes, _chars.Length * 2)];
        }

        // The value of a field as characters (empty when the record has no such field), decoded into the scratch at `at`.
        private ReadOnlySpan<char> Chars(int field, ReadOnlySpan<byte> data, ref int at)
        {
            if (field < 0) return [];
            var text = _fields[field].Value;
            var chars = text.IsInBuffer ? _chars.AsSpan(at, Encoding.UTF8.GetChars(data.Slice(text.Start, text.Length), _chars.AsSpan(at))) : Unescaped(text, data, at);
            at += chars.Length;
            return chars;
        }

        private int Intern(EventLogs.StringTable pool, Text text, ReadOnlySpan<byte> data) => pool.Intern(Decoded(text, data));

        // The characters of a value or name, decoded or unescaped into the scratch.
        private ReadOnlySpan<char> Decoded(Text text, ReadOnlySpan<byte> data)
        {
            EnsureChars(text.Length);
            return text.IsInBuffer ? _chars.AsSpan(0, Encoding.UTF8.GetChars(data.Slice(text.Start, text.Length), _chars)) : Unescaped(text, data, 0);
        }

        // An escaped value unescaped into the scratch from `at`, which has room for its bytes, as the JSON string token it is: no
        // string made (an export's escaped dates, \u002B for '+', in every record's display values: 740k strings of 185k records).
        private ReadOnlySpan<char> Unescaped(Text text, ReadOnlySpan<byte> data, int at)
        {
            if (text.IsEmpty) return [];
            var token = new Utf8JsonReader(data.Slice(text.Start - 1, text.Length + 2));
            token.Read();
            return _chars.AsSpan(at, token.CopyString(_chars.AsSpan(at)));
        }

        private bool IsSysId(Text text, ReadOnlySpan<byte> data) => text.IsInBuffer
            ? text.Length == 32 && data.Slice(text.Start, text.Length).IndexOfAnyExcept(Hex) < 0
            : text.Length >= 32 && SnowReferences.IsSysId(Decoded(text, data));
    }

    private readonly record struct Field(Text Name, Text Value, Text SysId);

    /// <summary>
    /// A value of a record: a place in the read buffer (Start ≥ 0; <paramref name="IsEscaped"/> when the file escaped it, as
    /// it wrote it between the quotes), empty (-1), or none (int.MinValue).
    /// </summary>
    private readonly record struct Text(int Start, int Length, bool IsEscaped = false)
    {
        public static Text None => new(int.MinValue, 0);

        public static Text Empty => new(-1, 0);

        public bool IsNone => Start == int.MinValue;

        public bool IsEmpty => Start == -1;

        /// <summary>Whether the value's characters are its bytes in the buffer (not escaped, not empty, not none).</summary>
        public bool IsInBuffer => Start >= 0 && !IsEscaped;
    }
}
