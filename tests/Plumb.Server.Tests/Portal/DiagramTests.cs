namespace Plumb.Server.Tests.Portal;

using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Plumb.Handbook.Baseline;
using Plumb.Modelling.Bpmn;
using Plumb.Server.Handbooks;
using Plumb.Server.Portal;
using Plumb.Server.Storage;
using Plumb.Server.Tests.Support;

/// <summary>The portal's procedure diagrams: the BPMN pictures of Plumb.Modelling, linked to the portal's pages, and their .bpmn downloads.</summary>
public sealed partial class DiagramTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly XNamespace S = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Handbooks() => ["test", "baseline"];

    [Theory]
    [MemberData(nameof(Handbooks))]
    public void Every_step_of_every_procedure_links_to_its_page_or_to_the_procedure_it_calls(string name)
    {
        // Given a handbook, including the baseline with its calls between procedures
        var handbook = name == "baseline" ? BaselineLibrary.Load() : TestHandbooks.Create();
        var request = new PageRequest(new Snapshot(new VersionInfo(1, "", DateTimeOffset.UnixEpoch, "test"), [], handbook),
            new ClaimsPrincipal(new ClaimsIdentity()), PortalSite.Live("/"));
        var calls = 0;
        foreach (var process in handbook.Processes)
        {
            foreach (var procedure in process.Procedures.Where(p => p.Steps.Count > 0))
            {
                // When the portal draws the procedure
                var svg = XDocument.Parse(ProcedureDiagrams.Svg(request, process, procedure)!.Svg).Root!;

                // Then it is a BPMN picture that scales, has a text alternative, and links every step
                Assert.Matches(@"^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$", (string?)svg.Attribute("viewBox"));
                Assert.Equal(procedure.Name, svg.Elements(S + "title").Single(t => (string?)t.Attribute("id") == (string?)svg.Attribute("aria-labelledby")).Value);
                Assert.Contains(procedure.Steps[0].Name, svg.Elements(S + "desc").Single(d => (string?)d.Attribute("id") == (string?)svg.Attribute("aria-describedby")).Value,
                    StringComparison.Ordinal);
                Assert.Empty(svg.Descendants(S + "style")); // the content policy allows no inline style
                var links = svg.Descendants(S + "a").ToDictionary(a => (string)a.Element(S + "g")!.Attribute("data-element-id")!);
                foreach (var step in procedure.Steps)
                {
                    var link = links[BpmnIds.Step(procedure.Id, step.Id)];
                    var target = step.Call is { } call ? ProcedureModeller.CallTarget(handbook, process, call) : null;
                    calls += target is null ? 0 : 1;
                    var expected = target is { } t ? Links.Procedure(t.Process.Id, t.Procedure.Id) : Links.Step(process.Id, procedure.Id, step.Id);
                    Assert.Equal(expected, (string?)link.Attribute("href"));
                    Assert.Contains(step.Name, link.Element(S + "title")!.Value, StringComparison.Ordinal);
                }
            }
        }

        if (name == "baseline") Assert.True(calls > 0, "the baseline should call procedures from steps");
    }

    [Fact]
    public void The_text_alternative_tells_the_steps_in_order_with_roles_and_decisions()
    {
        var handbook = TestHandbooks.Create();
        var process = handbook.FindProcess("problem")!;

        var text = ProcedureDiagrams.Describe(handbook, process, process.Procedures[0]);

        Assert.Equal("BPMN diagram of Investigate a problem, one lane per responsible role. 1. Record the problem (Problem Manager); " +
            "Is the cause known? known: Publish the known error; unknown: Analyse the root cause. 2. Analyse the root cause (Problem Manager). " +
            "3. Publish the known error (Problem Manager).", text);
    }

    [Theory]
    [InlineData("/processes/incident")]
    [InlineData("/processes/problem")]
    [InlineData("/processes/problem/procedures/investigate")]
    public async Task A_page_with_diagrams_has_well_formed_SVG_unique_ids_and_a_BPMN_download_next_to_each(string url)
    {
        var html = await portal.Factory.CreateClient().GetStringAsync(url, TestContext.Current.CancellationToken);

        var figures = Figure().Matches(html);
        Assert.NotEmpty(figures);
        foreach (Match figure in figures)
        {
            var svg = XDocument.Parse(figure.Groups["svg"].Value).Root!;
            Assert.Equal("group", (string?)svg.Attribute("role"));
            Assert.All(svg.Descendants(S + "a"), a => Assert.StartsWith("/processes/", (string?)a.Attribute("href"), StringComparison.Ordinal));
            Assert.Matches("^/processes/[^/]+/procedures/[^/]+/diagram\\.bpmn$", figure.Groups["bpmn"].Value);
        }

        var ids = Id().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (Match reference in UrlReference().Matches(html)) Assert.Contains(reference.Groups[1].Value, ids);
    }

    [Fact]
    public async Task The_BPMN_download_is_an_attachment_that_validates_against_the_OMG_schema()
    {
        var client = portal.Factory.CreateClient();

        using var response = await client.GetAsync("/processes/incident/procedures/handle-incident/diagram.bpmn", TestContext.Current.CancellationToken);
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("incident-handle-incident.bpmn", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Empty(BpmnSchema.Validate(xml));
        Assert.Contains("Step_handle-incident_log", xml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.GetAsync("/processes/incident/procedures/nope/diagram.bpmn", TestContext.Current.CancellationToken)).StatusCode);
    }

    [GeneratedRegex("<figure class=\"diagram bpmn[^\"]*\">.*?<div class=\"canvas\"[^>]*>(?<svg><svg.*?</svg>)\\s*</div>.*?<figcaption>.*?<a class=\"download\" href=\"(?<bpmn>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex Figure();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex UrlReference();
}
