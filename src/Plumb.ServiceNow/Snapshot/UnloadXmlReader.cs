namespace Plumb.ServiceNow.Snapshot;

using System.Xml;

/// <summary>
/// Reads ServiceNow XML exports (<c>&lt;unload&gt;</c>): each child element is a record of the table it is named after.
/// Update sets are unloads too: the records inside each <c>sys_update_xml</c> payload (<c>&lt;record_update&gt;</c>) are read as well.
/// </summary>
public static class UnloadXmlReader
{
    /// <summary>Reads every record of an unload document. DTDs are refused.</summary>
    public static IReadOnlyList<SnowRecord> Read(Stream xml, string source, List<SnapshotError> errors)
    {
        var records = new List<SnowRecord>();
        using var reader = XmlReader.Create(xml, SafeXml.Settings());
        var info = (IXmlLineInfo)reader;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "unload")
            {
                errors.Add(new SnapshotError(source, info.LineNumber, $"expected an <unload> export, found <{reader.LocalName}>"));
                return records;
            }

            if (reader.IsEmptyElement) return records;
            reader.Read();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                var record = ReadRecord(reader, reader.LocalName, source, info.LineNumber);
                records.Add(record);
                if (record.Table == "sys_update_xml") records.AddRange(PayloadRecords(record, errors));
            }
        }
        catch (XmlException e)
        {
            errors.Add(new SnapshotError(source, Math.Max(1, e.LineNumber), $"not well-formed XML: {e.Message}"));
        }

        return records;
    }

    /// <summary>The records inside an update record's payload (<c>&lt;record_update&gt;</c>); deletions are skipped.</summary>
    public static IReadOnlyList<SnowRecord> PayloadRecords(SnowRecord update, List<SnapshotError> errors)
    {
        var payload = update.Get("payload");
        var records = new List<SnowRecord>();
        if (payload.Length == 0) return records;
        var source = $"{update.Source}#{update.Get("name")}";
        try
        {
            using var reader = XmlReader.Create(new StringReader(payload), SafeXml.Settings());
            var info = (IXmlLineInfo)reader;
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "record_update" || reader.IsEmptyElement) return records;
            reader.Read();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                var action = reader.GetAttribute("action");
                if (action is "delete" or "delete_multiple" or "DELETE")
                {
                    reader.Skip();
                    continue;
                }

                records.Add(ReadRecord(reader, reader.LocalName, source, update.Line ?? info.LineNumber));
            }
        }
        catch (XmlException e)
        {
            errors.Add(new SnapshotError(update.Source, update.Line, $"payload of {update.Get("name")} is not well-formed XML: {e.Message}"));
        }

        return records;
    }

    // Reads <table action="..."><field display_value="...">value</field>...</table>; nested elements inside a field
    // (rare: lists in some payloads) are flattened to their text.
    private static SnowRecord ReadRecord(XmlReader reader, string table, string source, int line)
    {
        var record = new SnowRecord(table, source, line);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return record;
        }

        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            var name = reader.LocalName;
            var display = reader.GetAttribute("display_value");
            record.Set(name, new SnowValue(ReadText(reader), display));
        }

        reader.ReadEndElement();
        return record;
    }

    // The text of the current element (text and CDATA of any depth), leaving the reader after its end tag.
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }
        }

        reader.Read();
        return text.ToString();
    }
}
