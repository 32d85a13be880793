namespace Plumb.ServiceNow.Simulator;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// A ServiceNow encoded query (<c>sysparm_query</c>) as the simulator understands it: conditions joined by <c>^</c> (and),
/// <c>^OR</c> (or, with the condition before) and <c>^NQ</c> (a new query, or-ed with the others), the operators
/// <c>= != &gt; &gt;= &lt; &lt;= IN NOT IN STARTSWITH ENDSWITH LIKE NOTLIKE ISEMPTY ISNOTEMPTY</c>, values
/// <c>javascript:gs.dateGenerate('yyyy-MM-dd','HH:mm:ss')</c>, and <c>ORDERBY</c>/<c>ORDERBYDESC</c>.
/// Anything else is refused with <see cref="FormatException"/>: an instance ignores a condition it cannot read and
/// returns more rows, which would hide a client's mistake.
/// </summary>
public sealed partial class EncodedQuery
{
    // Longest operators first, so ">=" is not read as ">" and "NOT IN" not as "IN".
    private static readonly string[] Operators =
        ["ISNOTEMPTY", "ISEMPTY", "NOT IN", "NOTLIKE", "STARTSWITH", "ENDSWITH", "LIKE", "IN", "!=", ">=", "<=", ">", "<", "="];

    private readonly List<List<List<Condition>>> _queries;

    private EncodedQuery(List<List<List<Condition>>> queries, List<(string Field, bool Descending)> order)
    {
        _queries = queries;
        Order = order;
    }

    /// <summary>The sort keys, in order.</summary>
    public IReadOnlyList<(string Field, bool Descending)> Order { get; }

    /// <summary>Reads an encoded query; the empty string matches every record.</summary>
    public static EncodedQuery Parse(string? text)
    {
        var queries = new List<List<List<Condition>>>();
        var order = new List<(string, bool)>();
        var current = new List<List<Condition>>();
        foreach (var part in (text ?? "").Split('^'))
        {
            if (part.Length == 0) continue;
            // "^NQ" ends one query and starts the next; field names are lower case, so "NQ" cannot begin one.
            var term = part;
            if (term.StartsWith("NQ", StringComparison.Ordinal))
            {
                if (current.Count > 0) queries.Add(current);
                current = [];
                term = term[2..];
                if (term.Length == 0) continue;
            }

            if (term.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
            {
                order.Add((Field(term["ORDERBYDESC".Length..], term), true));
                continue;
            }

            if (term.StartsWith("ORDERBY", StringComparison.Ordinal))
            {
                order.Add((Field(term["ORDERBY".Length..], term), false));
                continue;
            }

            // Field names are lower case, so an upper-case "OR" can only be the or-joiner ("order" is a field).
            var or = term.StartsWith("OR", StringComparison.Ordinal) && current.Count > 0;
            var condition = ParseCondition(or ? term[2..] : term);
            if (or) current[^1].Add(condition);
            else current.Add([condition]);
        }

        if (current.Count > 0) queries.Add(current);
        return new EncodedQuery(queries, order);
    }

    /// <summary>True when the record matches (a field the record lacks counts as empty).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> record) =>
        _queries.Count == 0 || _queries.Exists(query => query.TrueForAll(any => any.Exists(c => c.Matches(record.GetValueOrDefault(c.Field, "")))));

    /// <summary>The records that match, sorted by the query's <c>ORDERBY</c> keys (stable: ties keep their order).</summary>
    public List<IReadOnlyDictionary<string, string>> Apply(IEnumerable<IReadOnlyDictionary<string, string>> records) => Sorted(records.Where(Matches).ToList()).ToList();

    /// <summary>
    /// One page of <see cref="Apply"/> and the number of matching records. Only the page is put in order (a partial sort),
    /// so the first page of a keyset query over a million rows costs a scan, not a full sort.
    /// </summary>
    public List<IReadOnlyDictionary<string, string>> Page(IEnumerable<IReadOnlyDictionary<string, string>> records, int offset, int limit, out int total)
    {
        var matched = records.Where(Matches).ToList();
        total = matched.Count;
        return Sorted(matched).Skip(offset).Take(limit).ToList();
    }

    private IEnumerable<IReadOnlyDictionary<string, string>> Sorted(List<IReadOnlyDictionary<string, string>> matched)
    {
        if (Order.Count == 0) return matched;
        IOrderedEnumerable<IReadOnlyDictionary<string, string>>? sorted = null;
        foreach (var (field, descending) in Order)
        {
            Func<IReadOnlyDictionary<string, string>, string> key = r => r.GetValueOrDefault(field, "");
            sorted = sorted is null
                ? descending ? matched.OrderByDescending(key, ValueComparer.Instance) : matched.OrderBy(key, ValueComparer.Instance)
                : descending ? sorted.ThenByDescending(key, ValueComparer.Instance) : sorted.ThenBy(key, ValueComparer.Instance);
        }

        return sorted!;
    }

    private static Condition ParseCondition(string part)
    {
        var field = FieldPattern().Match(part);
        if (!field.Success) throw new FormatException($"'{part}' does not start with a field name");
        var rest = part[field.Length..];
        var op = Array.Find(Operators, o => rest.StartsWith(o, StringComparison.Ordinal))
            ?? throw new FormatException($"'{part}': unknown operator after '{field.Value}'");
        var value = Value(rest[op.Length..], part);
        if (op is "ISEMPTY" or "ISNOTEMPTY" && value.Length > 0) throw new FormatException($"'{part}': {op} takes no value");
        return new Condition(field.Value, op, value);
    }

    private static string Field(string name, string part) =>
        FieldPattern().Match(name) is { Success: true } m && m.Length == name.Length ? name : throw new FormatException($"'{part}': '{name}' is not a field name");

    private static string Value(string value, string part)
    {
        if (!value.StartsWith("javascript:", StringComparison.Ordinal)) return value;
        var date = DateGeneratePattern().Match(value);
        if (!date.Success) throw new FormatException($"'{part}': only javascript:gs.dateGenerate('yyyy-MM-dd','HH:mm:ss') is understood");
        return $"{date.Groups[1].Value} {date.Groups[2].Value}";
    }

    // Field names are lower case on an instance, which is what separates "stateIN1,2" into field and operator.
    [GeneratedRegex("^[a-z_][a-z0-9_.]*")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^javascript:gs\.dateGenerate\('(\d{4}-\d{2}-\d{2})',\s*'(\d{2}:\d{2}:\d{2})'\)$")]
    private static partial Regex DateGeneratePattern();

    private sealed record Condition(string Field, string Operator, string Value)
    {
        private readonly HashSet<string>? _list = Operator is "IN" or "NOT IN" ? [.. Value.Split(',')] : null;

        public bool Matches(string actual) => Operator switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            ">" => ValueComparer.Instance.Compare(actual, Value) > 0 && actual.Length > 0,
            ">=" => ValueComparer.Instance.Compare(actual, Value) >= 0 && actual.Length > 0,
            "<" => ValueComparer.Instance.Compare(actual, Value) < 0 && actual.Length > 0,
            "<=" => ValueComparer.Instance.Compare(actual, Value) <= 0 && actual.Length > 0,
            "IN" => _list!.Contains(actual),
            "NOT IN" => !_list!.Contains(actual),
            "STARTSWITH" => actual.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
            "ENDSWITH" => actual.EndsWith(Value, StringComparison.OrdinalIgnoreCase),
            "LIKE" => actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
            "NOTLIKE" => !actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
            "ISEMPTY" => actual.Length == 0,
            "ISNOTEMPTY" => actual.Length > 0,
            _ => false,
        };
    }

    // Numbers compare as numbers (state 10 after state 7); everything else, dates in "yyyy-MM-dd HH:mm:ss" included, ordinally.
    private sealed class ValueComparer : IComparer<string>
    {
        public static readonly ValueComparer Instance = new();

        // Only text made of digits, signs, separators and spaces can be a number; timestamps and sys_ids skip the parse.
        private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789.,+- ");

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null || x.AsSpan().ContainsAnyExcept(NumberChars) || y.AsSpan().ContainsAnyExcept(NumberChars)) return string.CompareOrdinal(x, y);
            if (decimal.TryParse(x, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                && decimal.TryParse(y, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)) return a.CompareTo(b);
            return string.CompareOrdinal(x, y);
        }
    }
}
