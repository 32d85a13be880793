namespace Plumb.Mining.EventLogs;

/// <summary>One attribute of every case (priority, category, ...), held as a code per case into its own value table.</summary>
public sealed class CaseAttribute
{
    internal CaseAttribute(string name, StringTable values, int[] codes)
    {
        Name = name;
        Values = values;
        Codes = codes;
    }

    /// <summary>The attribute name as the source named it.</summary>
    public string Name { get; }

    /// <summary>The distinct values.</summary>
    public StringTable Values { get; }

    /// <summary>Per case, the code of its value, or -1 when the case has none.</summary>
    public int[] Codes { get; }

    /// <summary>The value of a case, or null.</summary>
    public string? ValueOf(int caseIndex) => Values.NameOf(Codes[caseIndex]);
}
