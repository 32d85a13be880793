namespace Plumb.Modelling.Tests.Documents;

using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Plumb.Modelling.Bpmn;
using Plumb.Modelling.DrawIo;
using Plumb.Modelling.Excel;
using Plumb.Modelling.Samples;
using Plumb.Modelling.Visio;
using Plumb.Modelling.Word;

public class DocumentTests
{
    private static readonly Plumb.Handbook.Model.Handbook Handbook = GeneratedHandbook.Create(12);

    [Fact]
    public void The_Word_handbook_is_valid_Open_XML_with_a_contents_field_diagrams_and_RACI_tables()
    {
        var bytes = HandbookDocument.Write(Handbook);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains("TOC", body.InnerText + string.Concat(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>().Select(f => f.Text)), StringComparison.Ordinal);
        Assert.Equal(2, document.MainDocumentPart.ImageParts.Count());
        Assert.Contains("Median time to resolve", body.InnerText, StringComparison.Ordinal);
        Assert.NotEmpty(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());
    }

    [Fact]
    public void The_RACI_workbook_is_valid_Open_XML_with_a_sheet_per_process()
    {
        var bytes = RaciWorkbook.Write(Handbook);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        Assert.Equal(2, document.WorkbookPart!.Workbook.Sheets!.Count());
    }

    [Fact]
    public void Control_characters_and_overlong_text_in_the_handbook_still_make_files_Office_opens()
    {
        // Given a role name with a control character pasted in, and an instruction longer than an Excel cell holds
        var handbook = Plumb.Handbook.Samples.ExampleHandbook.Create("Acme\u0001 IT");
        handbook.Roles[0].Name = "Service\u0007 Desk\u001b Agent";
        handbook.Processes[0].Procedures[0].Steps[0].Instruction = new string('x', 40_000) + "\u0002";

        // When the RACI workbook and the Word handbook are written
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(RaciWorkbook.Write(handbook)), false);
        using var word = WordprocessingDocument.Open(new MemoryStream(HandbookDocument.Write(handbook)), false);

        // Then both are valid Open XML, with the characters dropped
        Assert.Empty(new OpenXmlValidator().Validate(workbook, TestContext.Current.CancellationToken));
        Assert.Empty(new OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken));
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()),
            t => t.Text == "Service Desk Agent");
    }

    [Fact]
    public void The_draw_io_file_is_an_uncompressed_mxfile_with_BPMN_library_shapes_and_connected_edges()
    {
        var process = Handbook.FindProcess("generated")!;

        var xml = XDocument.Parse(DrawIoWriter.Write(ProcedureModeller.Model(Handbook, process)));

        var cells = xml.Descendants("mxCell").ToList();
        Assert.Contains(cells, c => ((string?)c.Attribute("style"))?.Contains("shape=mxgraph.bpmn.task", StringComparison.Ordinal) == true);
        Assert.Contains(cells, c => ((string?)c.Attribute("style"))?.Contains("shape=mxgraph.bpmn.gateway2", StringComparison.Ordinal) == true);
        var ids = cells.Select(c => (string)c.Attribute("id")!).ToHashSet();
        Assert.All(cells.Where(c => (string?)c.Attribute("edge") == "1" && c.Attribute("source") is not null), c => Assert.Contains((string)c.Attribute("source")!, ids));
    }

    [Fact]
    public void The_Visio_file_is_an_OPC_package_with_a_page_of_shapes_and_glued_connectors()
    {
        var bytes = VisioWriter.Write(ProcedureModeller.Model(Handbook, Handbook.FindProcess("generated")!));

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        var page = XDocument.Load(zip.GetEntry("visio/pages/page1.xml")!.Open());
        XNamespace v = VisioWriter.Main;
        Assert.True(page.Descendants(v + "Shape").Count() > 20);
        Assert.NotEmpty(page.Descendants(v + "Connect"));
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("vsdx")]
    [InlineData("xlsx")]
    public void LibreOffice_converts_the_document_to_PDF(string kind)
    {
        var office = Tools.Require("libreoffice", "install libreoffice-writer, -calc and -draw (scripts/install-test-deps.sh)");
        if (kind == "vsdx" && !File.Exists("/usr/lib/libreoffice/program/sdraw")) Tools.Require("sdraw", "install libreoffice-draw, which reads Visio files (scripts/install-test-deps.sh)");
        var folder = Tools.TempDirectory("office");
        var file = Path.Combine(folder, $"handbook.{kind}");
        File.WriteAllBytes(file, kind switch
        {
            "docx" => HandbookDocument.Write(Handbook),
            "xlsx" => RaciWorkbook.Write(Handbook),
            _ => VisioWriter.Write(ProcedureModeller.Model(Handbook, Handbook.FindProcess("incident")!)),
        });

        var (exit, output, error) = Tools.Run(office, ["--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf", "--outdir", folder, file], folder, 180);

        var pdf = Path.Combine(folder, "handbook.pdf");
        Assert.True(exit == 0 && File.Exists(pdf), $"conversion failed: {output} {error}");
        Assert.True(new FileInfo(pdf).Length > 1000);
        Directory.Delete(folder, recursive: true);
    }
}
