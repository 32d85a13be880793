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
        int[] sizes = [36, 30, 26, 22];
        for (var level = 1; level <= 4; level++)
        {
            styles.Append(WordParts.Heading($"Heading{level}", $"heading {level}", sizes[level - 1], level - 1, level == 1 ? "0" : "240", "80"));
        }

        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleRunProperties(new FontSize { Val = "16" }),
            new StyleTableProperties(WordParts.GridBorders("A6A6A6")))
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
        });
        return styles;
    }
}
