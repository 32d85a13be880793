namespace Plumb.Modelling.Word;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Plumb.Modelling.Office;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

// Building blocks of the Word document: styles, headings, tables, the table-of-contents field and inline pictures.
internal static class WordParts
{
    public static Styles Styles()
    {
        var styles = new Styles();
        styles.Append(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "21" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(Heading("Title", "Title", 40, null));
        for (var level = 1; level <= 3; level++) styles.Append(Heading($"Heading{level}", $"heading {level}", 34 - (level * 4), level - 1));
        styles.Append(new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(GridBorders(null)))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    /// <summary>A heading paragraph style: bold, dark blue, kept with the next paragraph, at an outline level when given.</summary>
    public static Style Heading(string id, string name, int halfPoints, int? outline, string spaceBefore = "240", string spaceAfter = "120")
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = spaceBefore, After = spaceAfter });
        if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
        return new Style(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph,
            new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    /// <summary>Single half-point lines around and inside a table, in <paramref name="color"/> (Word's automatic colour when null).</summary>
    public static TableBorders GridBorders(string? color)
    {
        BorderType[] sides = [new TopBorder(), new LeftBorder(), new BottomBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder()];
        foreach (var side in sides)
        {
            side.Val = BorderValues.Single;
            if (color is not null) side.Color = color;
            side.Size = 4U;
        }

        return new TableBorders(sides);
    }

    public static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(OfficeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));

    public static Paragraph Text(string text, bool bold = false)
    {
        var run = new Run(new Text(OfficeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.PrependChild(new RunProperties(new Bold()));
        return new Paragraph(run);
    }

    public static Paragraph Labelled(string label, string text) => new(
        new Run(new RunProperties(new Bold()), new Text(OfficeText.Clean($"{label}: ")) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new Text(OfficeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));

    public static Paragraph Bullet(string text) => Text($"• {text}");

    // A TOC field Word fills in when the document opens (settings ask it to update fields).
    public static Paragraph TableOfContents() => new(
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
        new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("Table of contents: update the field to fill it in.")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    public static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        var grid = new TableGrid();
        foreach (var _ in header) grid.Append(new GridColumn { Width = (9000 / Math.Max(1, header.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);
        table.Append(Row(header, bold: true));
        foreach (var row in rows) table.Append(Row(row, bold: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells) row.Append(new TableCell(Text(cell, bold)));
        return row;
    }

    public static Paragraph Picture(MainDocumentPart main, byte[] png, int widthPx, int heightPx, uint id, string name)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png)) image.FeedData(stream);
        var relationship = main.GetIdOfPart(image);
        // Fit into the text width (6.3 in) keeping the aspect ratio; EMU = 914400 per inch.
        const long maxWidth = 6L * 914400;
        var cx = (long)widthPx * 9525;
        var cy = (long)heightPx * 9525;
        if (cx > maxWidth)
        {
            cy = cy * maxWidth / cx;
            cx = maxWidth;
        }

        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = $"{name}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new Run(new Drawing(inline)));
    }
}
