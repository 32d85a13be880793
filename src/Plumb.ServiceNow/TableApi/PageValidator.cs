namespace Plumb.ServiceNow.TableApi;

using System.Buffers;
using System.Text.Json;

/// <summary>
/// Checks a page written to disk without loading it: it must be one JSON object whose <c>result</c> is a list of objects.
/// Reads with a small buffer so a page of any size costs the same memory.
/// </summary>
public static class PageValidator
{
    /// <summary>The outcome: the number of records, or what is wrong (a truncated or malformed body, an error object).</summary>
    public readonly record struct Result(int Records, string? Problem, string? ServerError, bool Permanent = false);

    /// <summary>The deepest nesting a page may have; a Table API page is 4 levels deep.</summary>
    public const int MaxDepth = 64;

    /// <summary>Validates the page in <paramref name="file"/>.</summary>
    public static Result Validate(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            return Scan(stream, ref buffer);
        }
        catch (JsonException e) when (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            // Not a broken transfer: asking again gets the same answer.
            return new Result(0, $"the page is nested more than {MaxDepth} levels deep (line {(e.LineNumber ?? 0) + 1}); a Table API page is 4 levels deep", null, Permanent: true);
        }
        catch (JsonException e)
        {
            return new Result(0, $"malformed JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}", null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // True when the bytes are a valid start of a JSON document that merely stops: a truncated body, not a malformed one.
    private static bool IsPrefix(ReadOnlySpan<byte> data, JsonReaderState state)
    {
        var probe = new Utf8JsonReader(data, isFinalBlock: false, state);
        try
        {
            while (probe.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Result Scan(Stream stream, ref byte[] buffer)
    {
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth });
        int filled = 0, records = 0;
        bool end = false, sawResult = false, inResult = false, rootDone = false;
        string? pendingProperty = null, serverError = null;
        var errorDepth = -1;
        while (true)
        {
            var read = end ? 0 : stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) end = true;
            filled += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), end, state);
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                            pendingProperty = reader.GetString();
                            break;
                        case JsonTokenType.StartArray when reader.CurrentDepth == 1 && pendingProperty == "result":
                            sawResult = inResult = true;
                            break;
                        case JsonTokenType.EndArray when reader.CurrentDepth == 1 && inResult:
                            inResult = false;
                            break;
                        case JsonTokenType.StartObject when reader.CurrentDepth == 2 && inResult:
                            records++;
                            break;
                        case JsonTokenType.StartObject when reader.CurrentDepth == 1 && pendingProperty == "error":
                            errorDepth = 1;
                            serverError = "";
                            break;
                        case JsonTokenType.String when errorDepth == 1 && reader.CurrentDepth == 2 && serverError is { Length: 0 }:
                            serverError = reader.GetString();
                            break;
                        case JsonTokenType.EndObject when reader.CurrentDepth == 0:
                            rootDone = true;
                            break;
                        case JsonTokenType.StartArray or JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True
                            or JsonTokenType.False or JsonTokenType.Null when reader.CurrentDepth == 0:
                            return new Result(0, "the body is not a JSON object", null);
                    }
                }
            }
            catch (JsonException) when (end && IsPrefix(buffer.AsSpan(0, filled), state))
            {
                return new Result(records, "the body ends early (truncated JSON)", null);
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            if (end)
            {
                if (!rootDone) return new Result(records, filled == 0 ? "the body is empty" : "the body ends early (truncated JSON)", null);
                if (serverError is not null) return new Result(0, null, serverError);
                return sawResult ? new Result(records, null, null) : new Result(0, "the body has no \"result\" list", null);
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                // One token (a long description, an attachment) fills the buffer: grow it rather than fail.
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }
    }
}
