namespace Plumb.Mining.Readers;

using System.Xml;

/// <summary>
/// Turns the sys_ids of assignment groups and users into names: from the display values the export carries
/// (<c>sysparm_display_value=all</c> pairs a sys_id with its name), from <c>sys_user_group</c> and <c>sys_user</c> records in
/// the input, or from separate exports of those tables (Table API JSON or XML unload). A sys_id that stays unknown is kept
/// as it is and counted, so the notes say how many could not be named.
/// </summary>
internal sealed class SnowReferences
{
    /// <summary>The key under which a record keeps the sys_id of a reference field whose display value it shows.</summary>
    public const string SysIdPrefix = "\u0001";

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly string[] GroupFields = ["assignment_group"];
    private static readonly string[] UserFields = ["opened_by", "resolved_by", "closed_by", "assigned_to", "caller_id", "sys_created_by"];

    // The keys of their sys_ids beside display values, made once rather than per record.
    private static readonly string[] GroupIdFields = [.. GroupFields.Select(f => SysIdPrefix + f)];
    private static readonly string[] UserIdFields = [.. UserFields.Select(f => SysIdPrefix + f)];

    /// <summary>The record fields that tell a directory record from a task, and those whose display values name sys_ids.</summary>
    public static readonly IReadOnlyList<string> FieldsRead =
        [.. GroupFields, .. UserFields, "sys_id", "number", "documentkey", "sys_class_name", "user_name", "name", "opened_at"];

    private readonly Dictionary<string, string> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unknownGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unknownUsers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the text has the form of a sys_id: 32 hexadecimal digits.</summary>
    public static bool IsSysId(ReadOnlySpan<char> text) => text.Length == 32 && !text.ContainsAnyExcept(Hex);

    /// <summary>True when a record of the input is a group or user (a directory entry), not a task record.</summary>
    public bool TryAddDirectoryRecord(Dictionary<string, string> record)
    {
        var table = record.GetValueOrDefault("sys_class_name", "");
        if (record.ContainsKey("number") || record.ContainsKey("documentkey") || !record.TryGetValue("sys_id", out var id)) return false;
        if (table == "sys_user" || (table.Length == 0 && record.ContainsKey("user_name")))
        {
            AddUser(id, record.GetValueOrDefault("name") is { Length: > 0 } name ? name : record.GetValueOrDefault("user_name", ""));
            return true;
        }

        if (table == "sys_user_group" || (table.Length == 0 && record.ContainsKey("name") && !record.ContainsKey("opened_at")))
        {
            AddGroup(id, record.GetValueOrDefault("name", ""));
            return true;
        }

        return false;
    }

    /// <summary>Learns the names the export shows beside sys_ids (display values of reference fields).</summary>
    public void LearnFrom(Dictionary<string, string> record)
    {
        for (var f = 0; f < GroupFields.Length; f++)
        {
            if (record.TryGetValue(GroupIdFields[f], out var id) && record.TryGetValue(GroupFields[f], out var name)) AddGroup(id, name);
        }

        for (var f = 0; f < UserFields.Length; f++)
        {
            if (record.TryGetValue(UserIdFields[f], out var id) && record.TryGetValue(UserFields[f], out var name)) AddUser(id, name);
        }
    }

    /// <summary>Reads a separate export of sys_user_group or sys_user: Table API JSON or an XML unload.</summary>
    public void ReadDirectory(Stream stream)
    {
        var buffered = new BufferedStream(stream);
        var first = -1;
        while ((first = buffered.ReadByte()) is ' ' or '\n' or '\r' or '\t' or 0xEF or 0xBB or 0xBF) { }
        var rest = new FramedStream(new[] { (byte)first }, buffered);
        if (first == '<') ReadUnload(rest);
        else if (first >= 0)
        {
            foreach (var record in JsonRecordStream.ReadRecords(rest)) TryAddDirectoryRecord(record);
        }
    }

    /// <summary>The name of a group value: itself unless it is a sys_id, which is looked up (and counted when unknown).</summary>
    public string Group(string value) => Resolve(value, _groups, _unknownGroups);

    /// <summary>The name of a user value: itself unless it is a sys_id, which is looked up (and counted when unknown).</summary>
    public string User(string value) => Resolve(value, _users, _unknownUsers);

    /// <summary>What could not be resolved, in words for the notes of the log.</summary>
    public IEnumerable<string> Remarks()
    {
        if (_unknownGroups.Count > 0)
        {
            yield return $"{_unknownGroups.Count:N0} assignment group sys_id(s) have no name (shown as the sys_id; give a sys_user_group export with --groups, "
                + $"or export with sysparm_display_value=all): {string.Join(", ", _unknownGroups.Order(StringComparer.Ordinal).Take(3))}";
        }

        if (_unknownUsers.Count > 0)
        {
            yield return $"{_unknownUsers.Count:N0} user sys_id(s) have no name (shown as the sys_id; give a sys_user export with --users): "
                + string.Join(", ", _unknownUsers.Order(StringComparer.Ordinal).Take(3));
        }
    }

    private static string Resolve(string value, Dictionary<string, string> names, HashSet<string> unknown)
    {
        if (!IsSysId(value)) return value;
        if (names.TryGetValue(value, out var name)) return name;
        unknown.Add(value);
        return value;
    }

    private void AddGroup(string id, string name)
    {
        if (IsSysId(id) && name.Length > 0 && !IsSysId(name)) _groups.TryAdd(id, name);
    }

    private void AddUser(string id, string name)
    {
        if (IsSysId(id) && name.Length > 0 && !IsSysId(name)) _users.TryAdd(id, name);
    }

    // An XML unload of groups or users; other tables in it are ignored.
    private void ReadUnload(Stream stream)
    {
        foreach (var fields in UnloadRecords(stream, references: false))
        {
            if (fields["sys_class_name"] is "sys_user_group" or "sys_user") TryAddDirectoryRecord(fields);
        }
    }

    /// <summary>
    /// The records of an XML unload (<c>&lt;unload&gt;&lt;incident action="..."&gt;&lt;number&gt;..&lt;/number&gt;...&lt;/incident&gt;...&lt;/unload&gt;</c>),
    /// with DTDs and external entities off; each has its element name as <c>sys_class_name</c>. With <paramref name="references"/>, a
    /// reference field (<c>&lt;assignment_group display_value="Service Desk"&gt;sys_id&lt;/assignment_group&gt;</c>) gives its display
    /// value and keeps its sys_id under <see cref="SysIdPrefix"/> + name, as the JSON reader does; without, fields with attributes are skipped.
    /// </summary>
    internal static IEnumerable<Dictionary<string, string>> UnloadRecords(Stream stream, bool references)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        using var reader = XmlReader.Create(stream, settings);
        if (!reader.ReadToFollowing("unload")) yield break;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1) continue;
            var table = reader.LocalName;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["sys_class_name"] = table };
            using (var record = reader.ReadSubtree())
            {
                record.Read();
                record.Read();
                while (!record.EOF)
                {
                    if (record.NodeType == XmlNodeType.Element && record.Depth == 1 && !record.IsEmptyElement && !record.HasAttributes)
                    {
                        var name = record.LocalName;
                        fields[name] = record.ReadElementContentAsString();
                    }
                    else if (references && record.NodeType == XmlNodeType.Element && record.Depth == 1 && !record.IsEmptyElement
                        && record.GetAttribute("display_value") is { } display)
                    {
                        var name = record.LocalName;
                        var value = record.ReadElementContentAsString();
                        fields[SysIdPrefix + name] = value;
                        fields[name] = display.Length > 0 ? display : value;
                    }
                    else
                    {
                        record.Read();
                    }
                }
            }

            // The table a record belongs to is its element; a sys_class_name field inside names the subclass.
            yield return fields;
        }
    }
}
