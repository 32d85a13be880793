namespace Plumb.Modelling.Layout;

/// <summary>Approximate text measurement for 11px sans-serif labels, deterministic and independent of installed fonts.</summary>
public static class TextMetrics
{
    /// <summary>Height of one label line in pixels.</summary>
    public const double LineHeight = 14;

    /// <summary>Width of a string in pixels.</summary>
    public static double Width(string text)
    {
        double width = 0;
        foreach (var c in text)
        {
            width += c switch
            {
                'i' or 'l' or 'j' or '.' or ',' or '\'' or '!' or '|' or ':' or ';' => 3,
                'f' or 't' or 'r' or ' ' or '(' or ')' or '-' or '/' => 4,
                'm' or 'w' or 'M' or 'W' => 9.5,
                >= 'A' and <= 'Z' => 7.5,
                _ => 6.2,
            };
        }

        return width;
    }

    /// <summary>Splits text into lines no wider than <paramref name="maxWidth"/>, breaking at spaces (long words are cut).</summary>
    public static List<string> Wrap(string text, double maxWidth, int maxLines = 4)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (Width(candidate) <= maxWidth || current.Length == 0)
            {
                current = candidate;
                continue;
            }

            lines.Add(current);
            current = word;
        }

        if (current.Length > 0) lines.Add(current);
        for (var i = 0; i < lines.Count; i++)
        {
            while (Width(lines[i]) > maxWidth && lines[i].Length > 2) lines[i] = lines[i][..^2] + "…";
        }

        if (lines.Count > maxLines)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            lines[^1] = lines[^1].Length > 2 ? lines[^1][..^1] + "…" : lines[^1];
        }

        return lines;
    }

    /// <summary>The size of a wrapped label.</summary>
    public static (double Width, double Height) Measure(string text, double maxWidth)
    {
        var lines = Wrap(text, maxWidth);
        var width = lines.Count == 0 ? 0 : lines.Max(Width);
        return (Math.Ceiling(width) + 2, Math.Max(1, lines.Count) * LineHeight);
    }
}
