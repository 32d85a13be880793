namespace Plumb.Handbook.Tests.Review;

using System.Xml;
using System.Xml.Linq;
using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Handbook.Review;

public sealed class ReviewWorkbookTests
{
    [Fact]
    public void The_workbook_of_the_baseline_has_a_row_per_step_and_a_RACI_matrix_per_procedure()
    {
        var handbook = BaselineLibrary.Load();
        var workbook = ReviewWorkbookBuilder.Build(handbook);

        Assert.Equal(handbook.Processes.Count, workbook.Processes.Count);
        var steps = handbook.Processes.SelectMany(p => p.Procedures).Sum(p => p.Steps.Count);
        Assert.Equal(steps, workbook.Processes.SelectMany(p => p.Procedures).Sum(p => p.Steps.Count));
        Assert.Equal(handbook.Processes.Sum(p => p.Procedures.Count), workbook.Raci.Count);
        var major = workbook.Raci.Single(m => m.Procedure == "Manage a major incident");
        var row = major.Roles.ToList().IndexOf("Major Incident Manager");
        Assert.Equal("RA", major.Cells[row][0]);
    }

    [Fact]
    public void The_step_review_names_parties_and_derives_role_in_place()
    {
        var handbook = BaselineLibrary.Load();
        handbook.FindRole("resolver")!.InPlace = false;
        var workbook = ReviewWorkbookBuilder.Build(handbook);

        var handle = workbook.Processes[0].Procedures.Single(p => p.Id == "handle-incident");
        var log = handle.Steps[0];
        Assert.Equal("Incident record from Caller; Alert from Monitoring and Event Management", log.InputsFrom);
        Assert.Equal("Incident record to step 'Categorise and prioritise'", log.OutputsTo);
        Assert.Equal("yes", log.RoleInPlace);
        Assert.Equal("no", handle.Steps.Single(s => s.Step == "Investigate and diagnose").RoleInPlace);
        var resolver = workbook.Coverage.Single(c => c.Role == "Resolver Group Agent");
        Assert.Equal("no", resolver.InPlace);
        Assert.StartsWith("not in place but responsible or accountable in", resolver.Issue, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_flows_of_the_baseline_all_close_and_a_one_sided_flow_is_flagged()
    {
        var handbook = BaselineLibrary.Load();
        string[] fine = ["closed", "from outside the processes", "to outside the processes"];
        Assert.All(ReviewWorkbookBuilder.Build(handbook).DataFlows, f => Assert.Contains(f.Status, fine));

        handbook.FindProcess("problem")!.Inputs.RemoveAll(f => f.Record == "major-incident-review");
        var open = Assert.Single(ReviewWorkbookBuilder.Build(handbook).DataFlows, f => !fine.Contains(f.Status));
        Assert.Equal(("Incident Management", "Major incident review", "Problem Management"), (open.From, open.Record, open.To));
        Assert.Equal("Problem Management does not list it as an input", open.Status);
    }

    [Fact]
    public void Findings_and_planned_updates_reach_the_register_and_the_step_table()
    {
        var handbook = BaselineLibrary.Load();
        var step = handbook.FindProcess("change")!.FindProcedure("normal-change")!.FindStep("authorise")!;
        step.Findings.Add(new Finding
        {
            Id = "F-7",
            Text = "CAB meets weekly only.",
            PlannedUpdate = "Let the change manager approve low risk.",
            Status = FindingStatus.Planned,
        });

        var workbook = ReviewWorkbookBuilder.Build(handbook);
        var row = workbook.Processes.Single(p => p.Id == "change").Procedures.Single(p => p.Id == "normal-change").Steps
            .Single(s => s.Step == "Authorise the change");
        Assert.Equal("F-7: CAB meets weekly only.", row.Findings);
        Assert.Equal("F-7: Let the change manager approve low risk. (planned)", row.PlannedUpdates);
        var finding = Assert.Single(workbook.Findings);
        Assert.Equal("step 'Authorise the change' of procedure 'Assess, authorise and implement a normal change' (Change Enablement)", finding.Where);
    }

    [Fact]
    public void The_HTML_workbook_is_well_formed_XML_with_a_table_per_procedure()
    {
        var handbook = BaselineLibrary.Load();
        handbook.FindProcess("incident")!.Findings.Add(new Finding { Id = "F-1", Text = "Tags <b> & \"quotes\" 'here'\u0007 stay text." });
        var html = HtmlDocument.Render(ReviewWorkbookBuilder.Build(handbook));

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        var page = XDocument.Load(reader);
        XNamespace x = "http://www.w3.org/1999/xhtml";
        var stepTables = page.Descendants(x + "table").Count(t => t.Descendants(x + "th").FirstOrDefault()?.Value == "#");
        Assert.Equal(handbook.Processes.Sum(p => p.Procedures.Count), stepTables);
        Assert.Contains(page.Descendants(x + "td"), td => td.Value == "Tags <b> & \"quotes\" 'here' stay text.");
    }

    [Fact]
    public void Every_Markdown_table_row_has_as_many_cells_as_its_header()
    {
        var markdown = MarkdownDocument.Render(ReviewWorkbookBuilder.Build(BaselineLibrary.Load()));
        var tables = 0;
        string? header = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                header = null;
                continue;
            }

            if (header is null)
            {
                header = line;
                tables++;
                continue;
            }

            Assert.True(Cells(line) == Cells(header), $"row has {Cells(line)} cells, header {Cells(header)}: {line}");
        }

        Assert.True(tables > 40, $"only {tables} tables");

        static int Cells(string row) => row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|') - 1;
    }
}
