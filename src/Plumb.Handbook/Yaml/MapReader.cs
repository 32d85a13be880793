namespace Plumb.Handbook.Yaml;

using System.Globalization;
using Plumb.Handbook.Diagnostics;

/// <summary>Reads the fields of one YAML mapping, reporting wrong types and, when done, unknown fields.</summary>
internal sealed class MapReader
{
    private readonly YamlBinding _binding;
    private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public MapReader(YamlBinding binding, YamlMapping? mapping, string path, string what)
    {
        _binding = binding;
        Path = path;
        What = what;
        At = mapping?.At;
        if (mapping is null) return;

        // A missing field is reported where its parent starts; the root needs a place too.
        binding.Map.Add(path, mapping.At);
        foreach (var entry in mapping.Entries) _entries[entry.Key.Value] = entry;
    }

    public string Path { get; }

    public string What { get; }

    public SourceLocation? At { get; }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Node(string key)
    {
        _known.Add(key);
        if (!_entries.TryGetValue(key, out var entry)) return null;
        // A block list or set of fields starts on the line after its key; the key is where a reader looks.
        _binding.Map.Add(Child(key), entry.Value.At.Line > entry.Key.At.Line ? entry.Key.At : entry.Value.At);
        return entry.Value is YamlScalar { IsNull: true } ? null : entry.Value;
    }

    public string? String(string key) => _binding.Scalar(Node(key), Child(key), key, What);

    public string RequiredString(string key)
    {
        var value = String(key);
        if (value is null && At is { } at && !_entries.ContainsKey(key))
        {
            _binding.Error(LoadError.MissingFieldCode, $"{What} needs '{key}'", Path, at);
        }

        return value ?? "";
    }

    public bool? Bool(string key)
    {
        var node = Node(key);
        var text = _binding.Scalar(node, Child(key), key, What);
        if (text is null) return null;
        if (text is "true" or "True" or "TRUE" or "yes" or "Yes") return true;
        if (text is "false" or "False" or "FALSE" or "no" or "No") return false;
        _binding.Error(LoadError.WrongTypeCode, $"'{key}' of {What} must be true or false, not '{text}'", Child(key), node!.At);
        return null;
    }

    public double? Number(string key)
    {
        var node = Node(key);
        var text = _binding.Scalar(node, Child(key), key, What);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        _binding.Error(LoadError.WrongTypeCode, $"'{key}' of {What} must be a number, not '{text}'", Child(key), node!.At);
        return null;
    }

    public T Enum<T>(string key, T fallback, params (string Word, T Value)[] words)
    {
        var node = Node(key);
        var text = _binding.Scalar(node, Child(key), key, What);
        if (text is null) return fallback;
        foreach (var (word, value) in words)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase)) return value;
        }

        var allowed = string.Join(", ", words.Select(w => w.Word));
        _binding.Error(LoadError.InvalidValueCode, $"'{key}' of {What} must be one of {allowed}, not '{text}'", Child(key), node!.At);
        return fallback;
    }

    /// <summary>A list of single values; one value on its own is taken as a list of one.</summary>
    public List<string> Strings(string key)
    {
        var node = Node(key);
        var path = Child(key);
        var result = new List<string>();
        switch (node)
        {
            case null:
                break;
            case YamlScalar scalar:
                result.Add(scalar.Value);
                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    _binding.Map.Add(itemPath, sequence.Items[i].At);
                    var text = _binding.Scalar(sequence.Items[i], itemPath, key, What);
                    if (text is not null) result.Add(text);
                }

                break;
            default:
                _binding.WrongType(node, path, $"'{key}' of {What}", "a list of values");
                break;
        }

        return result;
    }

    /// <summary>The items of a list of mappings, each with its path.</summary>
    public List<MapReader> Maps(string key, string itemWhat)
    {
        var node = Node(key);
        var path = Child(key);
        var result = new List<MapReader>();
        if (node is null) return result;
        if (node is not YamlSequence sequence)
        {
            _binding.WrongType(node, path, $"'{key}' of {What}", "a list");
            return result;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            _binding.Map.Add(itemPath, sequence.Items[i].At);
            if (_binding.AsMapping(sequence.Items[i], itemPath, $"each entry of '{key}'") is { } mapping)
            {
                result.Add(new MapReader(_binding, mapping, itemPath, itemWhat));
            }
        }

        return result;
    }

    public MapReader? Map(string key, string what)
    {
        var node = Node(key);
        if (node is null) return null;
        var mapping = _binding.AsMapping(node, Child(key), $"'{key}' of {What}");
        return mapping is null ? null : new MapReader(_binding, mapping, Child(key), what);
    }

    /// <summary>Reports every field that was not asked for, suggesting the closest known one.</summary>
    public void Done()
    {
        foreach (var (key, entry) in _entries)
        {
            if (_known.Contains(key)) continue;
            var suggestion = Suggest.Closest(key, _known);
            var hint = suggestion is null ? $"known fields are {string.Join(", ", _known)}" : $"did you mean '{suggestion}'?";
            _binding.Error(LoadError.UnknownFieldCode, $"{What} has no field '{key}'; {hint}", Child(key), entry.Key.At);
        }
    }
}
