namespace Plumb.Handbook.Review;

/// <summary>A document format the review workbook can be written to: headings, paragraphs, facts, bullet lists and tables.</summary>
public interface IDocumentWriter
{
    /// <summary>A heading; level 1 is the title, 2 a chapter, 3 and 4 sections within it.</summary>
    void Heading(int level, string text);

    /// <summary>A paragraph of plain text.</summary>
    void Paragraph(string text);

    /// <summary>Labelled values, such as "Owner: Incident Manager"; empty values are left out.</summary>
    void Facts(IReadOnlyList<(string Label, string Value)> facts);

    /// <summary>A labelled bullet list; nothing is written when it is empty.</summary>
    void Bullets(string label, IReadOnlyList<string> items);

    /// <summary>A table with a header row.</summary>
    void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);
}
