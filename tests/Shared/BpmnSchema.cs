namespace Plumb.Tests;

using System.Xml;
using System.Xml.Schema;

/// <summary>The OMG BPMN 2.0 schema set in tests/data, loaded once, and a validator that lists every problem with its line.</summary>
internal static class BpmnSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, RepoPaths.TestData("bpmn-xsd", "BPMN20.xsd"));
        set.Compile();
        return set;
    });

    public static List<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Exception.LineNumber}:{e.Exception.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }
}
