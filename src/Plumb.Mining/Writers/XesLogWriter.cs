namespace Plumb.Mining.Writers;

using System.Globalization;
using System.Xml;
using Plumb.Mining.EventLogs;

/// <summary>Writes a log as IEEE 1849 XES with the concept, time, lifecycle and org extensions; case attributes on the trace.</summary>
public static class XesLogWriter
{
    private const string Ns = "http://www.xes-standard.org/";

    /// <summary>Writes the log.</summary>
    public static void Write(EventLog log, Stream stream)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("log", Ns);
        xml.WriteAttributeString("xes.version", "1849-2016");
        xml.WriteAttributeString("xes.features", "");
        foreach (var (name, prefix) in new[] { ("Concept", "concept"), ("Time", "time"), ("Lifecycle", "lifecycle"), ("Organizational", "org") })
        {
            xml.WriteStartElement("extension", Ns);
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("prefix", prefix);
            xml.WriteAttributeString("uri", $"http://www.xes-standard.org/{prefix}.xesext");
            xml.WriteEndElement();
        }

        for (var c = 0; c < log.CaseCount; c++)
        {
            xml.WriteStartElement("trace", Ns);
            Attribute(xml, "string", "concept:name", log.CaseIds[c]);
            foreach (var a in log.Attributes.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                if (a.ValueOf(c) is { } value) Attribute(xml, "string", a.Name, value);
            }

            for (var e = log.Start(c); e < log.End(c); e++)
            {
                xml.WriteStartElement("event", Ns);
                Attribute(xml, "string", "concept:name", log.ActivityNames[log.Activities[e]]);
                Attribute(xml, "string", "lifecycle:transition", "complete");
                Attribute(xml, "date", "time:timestamp", Time(log.Timestamps[e]));
                if (log.ResourceNames.NameOf(log.Resources?[e] ?? -1) is { } resource) Attribute(xml, "string", "org:resource", resource);
                if (log.GroupNames.NameOf(log.Groups?[e] ?? -1) is { } group) Attribute(xml, "string", "org:group", group);
                if (log.StateValues.NameOf(log.States?[e] ?? -1) is { } state) Attribute(xml, "string", "state", state);
                if (log.PriorityValues.NameOf(log.Priorities?[e] ?? -1) is { } priority) Attribute(xml, "string", "priority", priority);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    // Milliseconds as most XES tools write them; the seven digits of a tick only when the time has them, so nothing read from
    // a CSV with microseconds is lost on the way through XES (xs:dateTime allows any number of fraction digits).
    private static string Time(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString(
        ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'",
        CultureInfo.InvariantCulture);

    private static void Attribute(XmlWriter xml, string type, string key, string value)
    {
        xml.WriteStartElement(type, Ns);
        xml.WriteAttributeString("key", key);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
