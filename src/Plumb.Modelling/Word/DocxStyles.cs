namespace Plumb.Modelling.Word;

using DocumentFormat.OpenXml.Wordprocessing;

/// <summary>The paragraph and table styles of the review document: Normal, four headings and a grid table.</summary>
internal static class DocxStyles
{
    public static Styles Create()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "20" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        string[] sizes = ["36", "30", "26", "22"];
        for (var level = 1; level <= 4; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = level == 1 ? "0" : "240", After = "80" },
                    new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = sizes[level - 1] }))
            {
                Type = StyleValues.Paragraph,
                StyleId = $"Heading{level}",
            });
        }

        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleRunProperties(new FontSize { Val = "16" }),
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "A6A6A6" },
                new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "A6A6A6" },
                new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "A6A6A6" },
                new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "A6A6A6" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "A6A6A6" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "A6A6A6" })))
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
        });
        return styles;
    }
}
