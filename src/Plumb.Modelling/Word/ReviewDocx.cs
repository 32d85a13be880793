namespace Plumb.Modelling.Word;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Plumb.Handbook.Review;

/// <summary>Writes the review workbook as a Word document (.docx) in landscape, with real headings and tables.</summary>
public static class ReviewDocx
{
    /// <summary>Writes the workbook to <paramref name="stream"/>, which must be writable and seekable.</summary>
    public static void Write(ReviewWorkbook workbook, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = workbook.Title;
        package.PackageProperties.Creator = "Plumb";
        var main = package.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = DocxStyles.Create();
        var body = new Body();
        ReviewLayout.Write(workbook, new DocxBody(body));
        body.Append(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 851, Bottom = 851, Left = 851U, Right = 851U, Header = 425U, Footer = 425U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }
}
