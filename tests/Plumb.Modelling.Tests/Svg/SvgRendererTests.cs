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

    [Fact]
    public void Links_by_element_id_wrap_the_shape_with_a_title_and_every_id_takes_the_prefix()
    {
        // Given one procedure's model and a link for its first step
        var handbook = GeneratedHandbook.Create(40);
        var process = handbook.FindProcess("generated")!;
        var procedure = process.Procedures[0];
        var definitions = ProcedureModeller.Model(handbook, process, [procedure]);
        var step = BpmnIds.Step(procedure.Id, procedure.Steps[0].Id);
        var options = new RenderOptions
        {
            Links = new Dictionary<string, ElementLink> { [step] = new("/steps/first", "Step 1: the first") },
            IdPrefix = "p1-",
            Description = "What the diagram shows, in words.",
            Stylesheet = false,
        };

        // When it is drawn
        var svg = XDocument.Parse(SvgRenderer.Render(definitions, options)).Root!;

        // Then the step sits in a titled link, the picture is a labelled group, and every id and reference carries the prefix
        var link = Assert.Single(svg.Descendants(S + "a"));
        Assert.Equal("/steps/first", (string?)link.Attribute("href"));
        Assert.Equal("Step 1: the first", link.Elements().First().Value);
        Assert.Equal("p1-" + step, (string?)link.Element(S + "g")!.Attribute("id"));
        Assert.Equal("group", (string?)svg.Attribute("role"));
        Assert.Equal(procedure.Name, svg.Descendants().Single(e => (string?)e.Attribute("id") == (string?)svg.Attribute("aria-labelledby")).Value);
        Assert.Equal(options.Description, svg.Descendants().Single(e => (string?)e.Attribute("id") == (string?)svg.Attribute("aria-describedby")).Value);
        var ids = svg.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.All(ids, id => Assert.StartsWith("p1-", id, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var references = svg.Descendants().SelectMany(e => e.Attributes()).Select(a => System.Text.RegularExpressions.Regex.Match(a.Value, @"url\(#([^)]+)\)"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, ids));
        Assert.Empty(svg.Descendants(S + "style"));
    }

    [Fact]
    public void A_picture_without_links_is_one_image_with_its_own_stylesheet()
    {
        var handbook = GeneratedHandbook.Create(40);
        var process = handbook.FindProcess("generated")!;

        var svg = XDocument.Parse(SvgRenderer.Render(ProcedureModeller.Model(handbook, process, [process.Procedures[0]]))).Root!;

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Empty(svg.Descendants(S + "a"));
        Assert.Single(svg.Descendants(S + "style"));
        Assert.Null(svg.Attribute("aria-describedby"));
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
