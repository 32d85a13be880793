namespace Plumb.Mining.Readers;

using System.Xml;
using Plumb.Mining.EventLogs;

/// <summary>
/// Reads an IEEE 1849 XES log (plain or gzip) in one streaming pass with DTDs and external entities off. Concept, time,
/// lifecycle and org extensions give the case id, activity, timestamp, lifecycle transition, resource and group; trace
/// attributes and other event attributes become case attributes (the last value wins). Nested attributes are skipped.
/// </summary>
public static class XesEventLogReader
{
    /// <summary>Reads the log; a problem that stops reading is returned with its line, never thrown.</summary>
    public static LogReadResult Read(Stream stream, XesLogOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= new XesLogOptions();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            NameTable = XesTraceState.NameTable(),
        };
        var builder = new EventLogBuilder { DropDuplicates = options.DropDuplicates, CaseAttributes = options.CaseAttributes };
        try
        {
            var input = GzipDetection.Unwrap(stream);
            if (input is not System.IO.Compression.GZipStream && stream.CanSeek && stream.Length == 0) return LogReadResult.Fail(0, null, "the file is empty: not an XES log (no <log> element)");
            using var xml = XmlReader.Create(input, settings);
            var state = new XesTraceState(builder, options, (IXmlLineInfo)xml);
            if (!xml.ReadToFollowing("log")) return LogReadResult.Fail(1, null, "not an XES log: no <log> element (the file may be empty)");
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                if (xml.LocalName == "trace")
                {
                    if (state.ReadTrace(xml) is { } problem) return new LogReadResult(null, problem);
                    if (progress is not null && builder.CaseIds.Count % 10_000 == 0) progress.Report(builder.EventCount);
                }
                else
                {
                    xml.Skip();
                }
            }

            return new LogReadResult(builder.Build(), null);
        }
        catch (XmlException e)
        {
            return LogReadResult.Fail(e.LineNumber, null, $"not well-formed XML: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return LogReadResult.Fail(0, null, $"the compressed data is damaged: {e.Message}");
        }
    }
}
