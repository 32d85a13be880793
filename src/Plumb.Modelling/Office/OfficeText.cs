namespace Plumb.Modelling.Office;

/// <summary>
/// Text as the Office files Plumb writes (Word, Excel) can carry it: the one place for the rules every run and every cell
/// goes through, so a control character in a handbook never makes a document that Word or Excel refuses to open.
/// </summary>
public static class OfficeText
{
    /// <summary>The most characters Excel keeps in one cell.</summary>
    public const int MaxCellLength = 32767;

    /// <summary>Text for a Word run: characters XML 1.0 cannot carry (and carriage returns) are dropped; tabs and line ends stay.</summary>
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? "" : new([.. text.Replace("\r", "", StringComparison.Ordinal).Where(c => c >= ' ' || c is '\t' or '\n')]);

    /// <summary>Text for an Excel cell: <see cref="Clean"/>, cut to <see cref="MaxCellLength"/> characters.</summary>
    public static string Cell(string? text)
    {
        var clean = Clean(text);
        return clean.Length > MaxCellLength ? clean[..MaxCellLength] : clean;
    }
}
