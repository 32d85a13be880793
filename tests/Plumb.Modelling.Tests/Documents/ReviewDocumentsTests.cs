namespace Plumb.Modelling.Tests.Documents;

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Plumb.Handbook.Review;
using Plumb.Modelling.Excel;
using Plumb.Modelling.Word;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

public sealed class ReviewDocumentsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "plumb-docs-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly ReviewWorkbook _workbook = SampleWorkbook.Create();

    public ReviewDocumentsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void The_docx_workbook_has_no_Open_XML_validation_errors()
    {
        using var stream = new MemoryStream();
        ReviewDocx.Write(_workbook, stream);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void The_docx_workbook_holds_the_step_review_RACI_and_findings_tables()
    {
        using var stream = new MemoryStream();
        ReviewDocx.Write(_workbook, stream);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Word.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText).ToList();
        Assert.Contains("2. Procedure review", headings);
        Assert.Contains("Manage a major incident", headings);
        var tables = body.Elements<Word.Table>().ToList();
        var procedures = _workbook.Processes.Sum(p => p.Procedures.Count);
        Assert.Equal(procedures, tables.Count(t => Header(t).StartsWith("#|Step|Necessary|", StringComparison.Ordinal)));
        Assert.Equal(procedures, tables.Count(t => Header(t).StartsWith("Role|", StringComparison.Ordinal)
            && Header(t) != string.Join('|', ReviewLayout.CoverageColumns)));
        var findings = tables.Single(t => Header(t) == string.Join('|', ReviewLayout.FindingColumns));
        Assert.Equal(3, findings.Elements<Word.TableRow>().Count());
        Assert.Contains("Callers wait > 5 min & hang up <often>", findings.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xlsx_workbook_has_no_Open_XML_validation_errors()
    {
        using var stream = new MemoryStream();
        ReviewXlsx.Write(_workbook, stream);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void The_xlsx_workbook_has_one_sheet_per_register_with_a_row_per_step()
    {
        using var stream = new MemoryStream();
        ReviewXlsx.Write(_workbook, stream);
        using var document = SpreadsheetDocument.Open(stream, false);
        var book = document.WorkbookPart!;
        var sheets = book.Workbook!.Sheets!.Elements<Spreadsheet.Sheet>().ToList();
        Assert.Equal(["Processes", "KPIs", "Procedure review", "RACI", "Role coverage", "Data flows", "Findings"], sheets.Select(s => s.Name!.Value));
        var review = (WorksheetPart)book.GetPartById(sheets[2].Id!);
        var rows = review.Worksheet!.Descendants<Spreadsheet.Row>().ToList();
        Assert.Equal(1 + _workbook.Processes.Sum(p => p.Procedures.Sum(x => x.Steps.Count)), rows.Count);
        Assert.Equal("Log the incident", Text(rows[1], "D2"));
        Assert.Equal("no", Text(rows[1], "F2"));
    }

    [Fact]
    public void Every_cell_of_the_review_workbook_is_cleaned_and_cut_to_what_Excel_keeps()
    {
        // Given a finding longer than an Excel cell holds, with a control character in it
        var handbook = Plumb.Handbook.Baseline.BaselineLibrary.Load();
        handbook.FindProcess("incident")!.Findings.Add(new Plumb.Handbook.Model.Finding { Id = "F-9", Text = "\u0003" + new string('x', 40_000) });

        // When the review workbook is written
        using var stream = new MemoryStream();
        ReviewXlsx.Write(ReviewWorkbookBuilder.Build(handbook), stream);

        // Then the cell holds the text without the character, cut to the most Excel keeps
        using var document = SpreadsheetDocument.Open(stream, false);
        var texts = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<Spreadsheet.Text>()).Select(t => t.Text).ToList();
        Assert.Contains(new string('x', Plumb.Modelling.Office.OfficeText.MaxCellLength), texts);
        Assert.DoesNotContain(texts, t => t.Any(c => c < ' ' && c is not '\t' and not '\n'));
    }

    [Fact]
    public void The_docx_and_xlsx_workbooks_convert_to_PDF_with_LibreOffice()
    {
        var libreOffice = Tools.Require("libreoffice", "install libreoffice-writer and libreoffice-calc (scripts/install-test-deps.sh)");
        var docx = Path.Combine(_folder, "review-document.docx");
        var xlsx = Path.Combine(_folder, "review-sheets.xlsx");
        using (var stream = File.Create(docx)) ReviewDocx.Write(_workbook, stream);
        using (var stream = File.Create(xlsx)) ReviewXlsx.Write(_workbook, stream);

        // A private LibreOffice profile, so parallel runs do not share a lock.
        var (exit, output, error) = Tools.Run(libreOffice,
            ["--headless", $"-env:UserInstallation=file://{_folder}/profile", "--convert-to", "pdf", "--outdir", _folder, docx, xlsx], _folder, 180);
        Assert.True(exit == 0, $"LibreOffice exited with {exit}: {output} {error}");

        foreach (var pdf in new[] { "review-document.pdf", "review-sheets.pdf" })
        {
            var path = Path.Combine(_folder, pdf);
            Assert.True(File.Exists(path), $"LibreOffice wrote no {pdf}");
            var head = new byte[5];
            using var file = File.OpenRead(path);
            file.ReadExactly(head);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
            Assert.True(file.Length > 10_000, $"{pdf} is only {file.Length} bytes");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string Header(Word.Table table) =>
        string.Join('|', table.Elements<Word.TableRow>().First().Elements<Word.TableCell>().Select(c => c.InnerText));

    private static string Text(Spreadsheet.Row row, string reference) =>
        row.Elements<Spreadsheet.Cell>().Single(c => c.CellReference == reference).InlineString!.InnerText;
}
