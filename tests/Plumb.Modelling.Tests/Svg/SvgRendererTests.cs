namespace Plumb.Modelling.Tests.Svg;

using System.Xml.Linq;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.Png;
using Plumb.Modelling.Samples;
using Plumb.Modelling.Svg;

public class SvgRendererTests
{
    private static readonly XNamespace S = "http://www.w3.org/2000/svg";

    [Fact]
    public void Every_model_element_is_drawn_in_a_group_with_its_id_and_call_activities_link_to_the_called_procedure()
    {
        var handbook = GeneratedHandbook.Create(40);
        var definitions = ProcedureModeller.Model(handbook, handbook.FindProcess("generated")!);
        var options = ProcedureModeller.RenderOptionsFor(handbook, new ModelOptions { LinkTemplate = "https://portal/p/{process}/{procedure}" });

        var svg = XDocument.Parse(SvgRenderer.Render(definitions, options));

        var groups = svg.Descendants(S + "g").ToDictionary(g => (string)g.Attribute("id")!);
        foreach (var shape in definitions.Diagrams[0].Shapes) Assert.True(groups.ContainsKey(shape.Element), $"{shape.Element} is not drawn");
        foreach (var edge in definitions.Diagrams[0].Edges) Assert.True(groups.ContainsKey(edge.Element), $"{edge.Element} is not drawn");
        Assert.Equal("s1", (string?)groups["Step_p40_s1"].Attribute("data-step"));
        var call = groups.Values.First(g => ((string?)g.Attribute("class"))?.EndsWith("callActivity", StringComparison.Ordinal) == true);
        Assert.Equal("https://portal/p/incident/handle-incident", (string?)call.Parent!.Attribute("href"));
        Assert.Contains(svg.Descendants(S + "tspan"), t => t.Value == "Work is done");
    }

    public static TheoryData<string> ReferenceModels() => Plumb.Modelling.Tests.Bpmn.BpmnReaderTests.ReferenceModels();

    [Theory]
    [MemberData(nameof(ReferenceModels))]
    public void Every_MIWG_reference_model_renders_to_SVG_and_PNG(string model)
    {
        var definitions = BpmnReader.Read(File.ReadAllText(Path.Combine(TestData.Miwg, "Reference", model)), model).Definitions!;

        var svg = XDocument.Parse(SvgRenderer.Render(definitions));
        var png = PngRenderer.Render(definitions, scale: 0.5);

        var drawn = svg.Descendants(S + "g").Select(g => (string?)g.Attribute("id")).ToHashSet();
        var index = definitions.IndexById();
        Assert.All(definitions.Diagrams[0].Shapes.Where(s => index.ContainsKey(s.Element)), s => Assert.Contains(s.Element, drawn));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
