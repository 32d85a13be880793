namespace Plumb.Handbook.Tool;

/// <summary>The number prefixes ServiceNow gives records of the ticket tables (INC0010001 is an incident), both ways.</summary>
public static class TicketNumbers
{
    private static readonly (string Prefix, string Table)[] Known =
    [
        ("INC", "incident"), ("PRB", "problem"), ("CHG", "change_request"), ("RITM", "sc_req_item"), ("IMS", "interaction"),
        ("REQ", "sc_request"), ("SCTASK", "sc_task"), ("PTASK", "problem_task"), ("CTASK", "change_task"), ("KB", "kb_knowledge"),
    ];

    /// <summary>The number prefix of a table's records ("CHG" for change_request), or null for a table without a known prefix.</summary>
    public static string? PrefixOf(string? table)
    {
        foreach (var (prefix, name) in Known)
        {
            if (string.Equals(name, table, StringComparison.OrdinalIgnoreCase)) return prefix;
        }

        return null;
    }

    /// <summary>The table a record number belongs to, from its letters ("PRB0040001" → problem), or null when not known.</summary>
    public static string? TableOf(ReadOnlySpan<char> number)
    {
        number = number.Trim();
        var letters = 0;
        while (letters < number.Length && char.IsAsciiLetter(number[letters])) letters++;
        if (letters == 0 || letters == number.Length || !char.IsAsciiDigit(number[letters])) return null;
        foreach (var (prefix, name) in Known)
        {
            if (number[..letters].Equals(prefix, StringComparison.OrdinalIgnoreCase)) return name;
        }

        return null;
    }
}
