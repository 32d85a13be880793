namespace Plumb.Modelling.Bpmn;

using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Plumb.Handbook.Diagnostics;

/// <summary>
/// Reads BPMN 2.0 XML written by any tool into a <see cref="BpmnDefinitions"/>. DTDs and external entities are refused,
/// never fetched; vendor extensions are skipped; names outside BPMN 2.0 and dangling references are errors.
/// </summary>
public static partial class BpmnReader
{
    // Attributes whose values are QNames: a prefix (tns:Process_1) names the target namespace, so it is dropped.
    private static readonly HashSet<string> QNameAttributes = new(StringComparer.Ordinal)
    {
        "processRef", "calledElement", "messageRef", "itemSubjectRef", "dataStoreRef", "errorRef", "signalRef", "escalationRef",
        "structureRef", "operationRef", "dataObjectRef", "calledChoreographyRef", "definitionalCollaborationRef", "bpmnElement",
        "sourceElement", "targetElement", "categoryValueRef", "partnerRoleRef", "partnerEntityRef", "evaluatesToTypeRef", "inMessageRef",
        "outMessageRef", "activityRef", "attachedToRef", "sourceRef", "targetRef", "default",
    };

    /// <summary>The deepest element nesting accepted; BPMN from any modeller stays well below 50 levels.</summary>
    public const int MaxDepth = 256;

    /// <summary>The longest attribute value accepted, in characters (ids, names and conditions are far shorter).</summary>
    public const int MaxAttributeLength = 65_536;

    /// <summary>The longest text of one element accepted, in characters (documentation, scripts).</summary>
    public const int MaxTextLength = 1_048_576;

    /// <summary>Reads a file's text; <paramref name="document"/> names it in diagnostics.</summary>
    public static BpmnReadResult Read(string text, string document, BpmnReadOptions? options = null) =>
        Read(new StringReader(text), document, options);

    /// <summary>Reads from a text reader; <paramref name="document"/> names it in diagnostics.</summary>
    public static BpmnReadResult Read(TextReader input, string document, BpmnReadOptions? options = null)
    {
        var diagnostics = new List<Diagnostic>();
        XDocument xml;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            var text = input.ReadToEnd();
            if (OverLimit(text, settings, document) is { } refused)
            {
                diagnostics.Add(refused);
                return new BpmnReadResult(null, diagnostics);
            }

            using var reader = XmlReader.Create(new StringReader(text), settings);
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var at = new SourceLocation(Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1));
            var dtd = e.Message.Contains("DTD", StringComparison.Ordinal);
            diagnostics.Add(dtd
                ? new Diagnostic(BpmnErrors.DtdRefused, Severity.Error,
                    "the file declares a DTD or entities; these are refused and never fetched (remove the <!DOCTYPE>)", document, "", at)
                : new Diagnostic(BpmnErrors.MalformedXml, Severity.Error, $"malformed XML: {FirstSentence(e.Message)}", document, "", at));
            return new BpmnReadResult(null, diagnostics);
        }

        var root = xml.Root!;
        if (root.Name != XName.Get("definitions", BpmnKinds.ModelNamespace))
        {
            diagnostics.Add(Error(BpmnErrors.NotBpmn, document, root,
                $"the root element is <{root.Name.LocalName}> in '{root.Name.NamespaceName}', not BPMN 2.0 <definitions>"));
            return new BpmnReadResult(null, diagnostics);
        }

        var definitions = new BpmnDefinitions
        {
            Id = (string?)root.Attribute("id") ?? "Definitions_1",
            TargetNamespace = (string?)root.Attribute("targetNamespace") ?? "",
            Exporter = (string?)root.Attribute("exporter"),
            ExporterVersion = (string?)root.Attribute("exporterVersion"),
        };
        var context = new ReadContext(document, diagnostics, options ?? new BpmnReadOptions());
        foreach (var child in root.Elements())
        {
            if (child.Name == XName.Get("BPMNDiagram", BpmnKinds.DiNamespace)) definitions.Diagrams.Add(ReadDiagram(child, context));
            else if (child.Name.NamespaceName == BpmnKinds.ModelNamespace && ReadElement(child, context) is { } element)
                definitions.RootElements.Add(element);
        }

        CheckReferences(definitions, context);
        return new BpmnReadResult(definitions, diagnostics);
    }

    // A streaming pass before the tree is built: the reader below recurses per level and copies values, so a file nested
    // 100,000 deep or holding a 30 MB attribute would cost far more than its size. This pass stops at the first excess.
    private static Diagnostic? OverLimit(string text, XmlReaderSettings settings, string document)
    {
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var info = (IXmlLineInfo)reader;
        Diagnostic Refuse(string message) =>
            new(BpmnErrors.TooLarge, Severity.Error, message, document, "", new SourceLocation(Math.Max(info.LineNumber, 1), Math.Max(info.LinePosition, 1)));

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= MaxDepth) return Refuse($"elements are nested more than {MaxDepth} levels deep; BPMN needs far fewer");
                    while (reader.MoveToNextAttribute())
                    {
                        if (reader.Value.Length > MaxAttributeLength)
                        {
                            return Refuse($"attribute '{reader.Name}' is {reader.Value.Length:N0} characters long; at most {MaxAttributeLength:N0} are accepted");
                        }
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (reader.Value.Length > MaxTextLength)
                    {
                        return Refuse($"an element's text is {reader.Value.Length:N0} characters long; at most {MaxTextLength:N0} are accepted");
                    }

                    break;
            }
        }

        return null;
    }

    private static BpmnElement? ReadElement(XElement xml, ReadContext context)
    {
        var kind = xml.Name.LocalName;
        if (kind is "extensionElements" or "import") return null;
        if (!BpmnKinds.IsKnown(kind))
        {
            var unknown = Error(BpmnErrors.UnknownElement, context.Document, xml,
                $"<{kind}> is not a BPMN 2.0 element{Near(kind)}{(context.Options.Lenient ? "; it is not carried over" : "")}");
            context.Diagnostics.Add(context.Options.Lenient ? unknown with { Severity = Severity.Warning } : unknown);
            return null;
        }

        var element = new BpmnElement(kind) { Line = LineOf(xml) };
        foreach (var attribute in xml.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            var name = attribute.Name;
            if (name == XName.Get("type", BpmnKinds.XsiNamespace)) element.Attributes["xsi:type"] = LocalPart(attribute.Value);
            else if (name.NamespaceName.Length > 0) continue;
            else if (name.LocalName == "id") element.Id = attribute.Value;
            else if (name.LocalName == "name") element.Name = attribute.Value;
            else element.Attributes[name.LocalName] = QNameAttributes.Contains(name.LocalName) ? LocalPart(attribute.Value) : attribute.Value;
        }

        var children = xml.Elements().Where(e => e.Name.NamespaceName == BpmnKinds.ModelNamespace).ToList();
        if (BpmnKinds.TextElements.Contains(kind) && children.Count == 0)
        {
            var text = string.Concat(xml.Nodes().OfType<XText>().Select(t => t.Value));
            element.Text = kind is "documentation" or "text" or "script" ? text.Trim() : LocalPartIfRef(kind, text.Trim());
        }

        foreach (var child in children)
        {
            if (ReadElement(child, context) is { } read) element.Children.Add(read);
        }

        return element;
    }

    private static string LocalPartIfRef(string kind, string text) =>
        kind.EndsWith("Ref", StringComparison.Ordinal) || kind.EndsWith("Refs", StringComparison.Ordinal) || kind is "incoming" or "outgoing"
            ? LocalPart(text)
            : text;

    private static string LocalPart(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && !value.Contains(' ', StringComparison.Ordinal) && !value.Contains('/', StringComparison.Ordinal)
            ? value[(colon + 1)..]
            : value;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Near(string kind)
    {
        var near = Plumb.Handbook.Yaml.Suggest.Closest(kind, KnownNames());
        return near is null ? "" : $" (did you mean <{near}>?)";
    }

    private static IEnumerable<string> KnownNames() =>
        ["task", "userTask", "manualTask", "serviceTask", "scriptTask", "sendTask", "receiveTask", "businessRuleTask", "subProcess",
         "callActivity", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
         "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway", "sequenceFlow",
         "messageFlow", "lane", "laneSet", "participant", "collaboration", "process", "dataObject", "dataObjectReference",
         "dataStoreReference", "documentation", "textAnnotation", "association", "conditionExpression"];

    internal static int LineOf(XObject xml) => xml is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    internal static Diagnostic Error(string code, string document, XObject at, string message) =>
        new(code, Severity.Error, message, document, "", At(at));

    internal static SourceLocation? At(XObject xml) =>
        xml is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(info.LineNumber, info.LinePosition) : null;

    internal static double Number(XElement xml, string attribute, ReadContext context)
    {
        var text = (string?)xml.Attribute(attribute);
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        context.Diagnostics.Add(Error(BpmnErrors.BadNumber, context.Document, xml,
            $"<{xml.Name.LocalName}> {attribute}=\"{text}\" is not a number"));
        return 0;
    }

    internal sealed record ReadContext(string Document, List<Diagnostic> Diagnostics, BpmnReadOptions Options);
}
