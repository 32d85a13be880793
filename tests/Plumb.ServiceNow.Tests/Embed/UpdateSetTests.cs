namespace Plumb.ServiceNow.Tests.Embed;

using System.Xml;
using System.Xml.Linq;
using Plumb.Handbook.Model;
using Plumb.Handbook.Samples;
using Plumb.ServiceNow.Embed;
using Plumb.ServiceNow.Snapshot;

public sealed class UpdateSetTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 10, 30, 0, TimeSpan.Zero);

    private static string Write(Handbook handbook)
    {
        var text = new StringWriter();
        UpdateSetWriter.Write(text, "Plumb: test", "Test update set", EmbedPlan.Build(handbook, new PlainProcedureDiagram(), At), At);
        return text.ToString();
    }

    private static XElement Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), SafeXml.Settings());
        return XElement.Load(reader);
    }

    // Update sets in the shape ServiceNow's "Export to XML" writes: Plumb's own, in tests/data/servicenow/update-sets.
    private static IEnumerable<string> Exports() =>
        Directory.GetFiles(RepoPaths.TestData("servicenow", "update-sets"), "*.xml").Order(StringComparer.Ordinal);

    [Fact]
    public void The_update_set_has_the_structure_of_exported_ones()
    {
        var ours = Parse(Write(ExampleHandbook.Create("Example")));

        Assert.NotEmpty(Exports());
        foreach (var file in Exports())
        {
            var exported = XElement.Load(XmlReader.Create(file, SafeXml.Settings()));
            Assert.Equal(exported.Name, ours.Name);
            Assert.Equal(exported.Attributes().Select(a => a.Name), ours.Attributes().Select(a => a.Name));
            Assert.Equal(exported.Elements().First().Name, ours.Elements().First().Name);
            Assert.Single(ours.Elements("sys_remote_update_set"));
            Assert.Equal(Children(exported.Element("sys_remote_update_set")!), Children(ours.Element("sys_remote_update_set")!));
            var exportedUpdate = Children(exported.Elements("sys_update_xml").First());
            Assert.All(ours.Elements("sys_update_xml"), u => Assert.Equal(exportedUpdate, Children(u)));
            Assert.Equal(Attributes(exported), Attributes(ours));
        }
    }

    private static List<string> Children(XElement element) => element.Elements().Select(e => e.Name.LocalName).ToList();

    // Which fields carry display_value, per record kind: the same fields must be references in ours.
    private static List<string> Attributes(XElement root) =>
        root.Elements().Take(2).SelectMany(r => r.Elements().Where(e => e.Attribute("display_value") is not null).Select(e => $"{r.Name}.{e.Name}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_payload_parses_and_names_its_record()
    {
        var root = Parse(Write(ExampleHandbook.Create("Example")));
        var setId = root.Element("sys_remote_update_set")!.Element("sys_id")!.Value;

        foreach (var update in root.Elements("sys_update_xml"))
        {
            var payload = Parse(update.Element("payload")!.Value);
            Assert.Equal("record_update", payload.Name.LocalName);
            var record = Assert.Single(payload.Elements());
            Assert.Equal(payload.Attribute("table")!.Value, record.Name.LocalName);
            Assert.Equal($"{record.Name.LocalName}_{record.Element("sys_id")!.Value}", update.Element("name")!.Value);
            Assert.Equal(setId, update.Element("remote_update_set")!.Value);
            Assert.Equal(SysIds.JavaHash(update.Element("payload")!.Value).ToString(), update.Element("payload_hash")!.Value);
        }
    }

    [Fact]
    public void Each_process_gets_a_Jelly_UI_page_with_inline_diagrams_and_instructions()
    {
        var root = Parse(Write(ExampleHandbook.Create("Example")));
        var pages = Records(root, "sys_ui_page").ToList();

        var page = Assert.Single(pages);
        Assert.Equal("plumb_incident", page.Element("name")!.Value);
        var jelly = Parse(page.Element("html")!.Value);
        Assert.Equal(XName.Get("jelly", "jelly:core"), jelly.Name);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Single(jelly.Descendants(svg + "svg"));
        Assert.Contains(jelly.Descendants("h3"), h => h.Value == "Log the incident");
        Assert.Contains("Create an incident record with the caller", jelly.Value);
        Assert.Single(Records(root, "kb_knowledge"));
        Assert.Equal(["stateIN1^EQ", "stateIN2,6^EQ", "stateIN7^EQ"], Records(root, "sys_process_flow").Select(f => f.Element("condition")!.Value));
    }

    private static IEnumerable<XElement> Records(XElement root, string table) =>
        root.Elements("sys_update_xml").Select(u => Parse(u.Element("payload")!.Value).Elements().Single()).Where(r => r.Name.LocalName == table);

    [Fact]
    public void Content_cannot_become_Jelly_expressions_or_markup()
    {
        var handbook = ExampleHandbook.Create("Example");
        var step = handbook.Processes[0].Procedures[0].Steps[0];
        step.Name = "Log ${gs.getUser()} & <b>bold</b>";
        step.Instruction = "Run $[gs.log('x')] then <script>alert(1)</script> and [click](javascript:alert(2)) ]]> done";

        var root = Parse(Write(handbook));
        var html = Records(root, "sys_ui_page").Single().Element("html")!.Value;
        Assert.DoesNotContain("${gs", html);
        Assert.DoesNotContain("$[gs", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("Log ${AMP}#36;{gs.getUser()} ${AMP}amp; ${AMP}lt;b${AMP}gt;bold", html);
        Assert.DoesNotMatch(@"\$(?!\{AMP\})", html);
        var article = Records(root, "kb_knowledge").Single().Element("text")!.Value;
        Assert.Contains("Log ${gs.getUser()} &amp; &lt;b&gt;bold", article);
        Assert.DoesNotContain("<script", article);
    }

    [Fact]
    public void Embedding_twice_keeps_the_same_ids_so_a_second_import_updates()
    {
        var first = EmbedPlan.Build(ExampleHandbook.Create("Example"), new PlainProcedureDiagram(), At).Select(r => r.SysId);
        var second = EmbedPlan.Build(ExampleHandbook.Create("Example"), new PlainProcedureDiagram(), At.AddDays(1)).Select(r => r.SysId);

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_update_set_reads_back_as_an_unload_export()
    {
        var errors = new List<SnapshotError>();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Write(ExampleHandbook.Create("Example"))));
        var records = UnloadXmlReader.Read(stream, "plumb.xml", errors);

        Assert.Empty(errors);
        Assert.Equal(3, records.Count(r => r.Table == "sys_process_flow"));
        Assert.Equal("incident", records.First(r => r.Table == "sys_process_flow").Get("table"));
    }
}
