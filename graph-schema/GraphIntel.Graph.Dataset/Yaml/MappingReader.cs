using System.Globalization;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Yaml;

/// <summary>A value and where it was written.</summary>
internal readonly record struct Located<T>(T Value, DatasetLocation At);

/// <summary>
/// Typed, reporting access to one YAML mapping of the data set: unknown keys (with a did-you-mean), missing
/// required fields and malformed values become problems prefixed with the record's label
/// ("relationship LEADS from org/isis-k: …"); every accessor returns null rather than throwing.
/// </summary>
internal sealed class MappingReader
{
    private readonly YMapping _node;
    private readonly ICollection<DatasetProblem> _problems;

    public MappingReader(YMapping node, ICollection<DatasetProblem> problems)
    {
        _node = node;
        _problems = problems;
    }

    /// <summary>What the record is, for messages. Set it once the fields that name the record are known.</summary>
    public string Label { get; set; } = "record";

    public DatasetLocation At => _node.At;

    /// <summary>The raw text of a scalar field, without reporting anything; for building the label.</summary>
    public string? Peek(string key) => Find(key) is YScalar { IsNull: false } s ? s.Value : null;

    /// <summary>Reports every key that is not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(IReadOnlyList<string> allowed, Func<string, string?>? explain = null)
    {
        foreach (var (key, _) in _node.Entries)
        {
            if (allowed.Contains(key.Value, StringComparer.Ordinal)) continue;
            var why = explain?.Invoke(key.Value);
            Report(key.At, why ?? $"unknown key '{key.Value}'{DidYouMean.Suffix(key.Value, allowed)} (allowed: {string.Join(", ", allowed)})");
        }
    }

    public void Report(DatasetLocation at, string message) => _problems.Add(new DatasetProblem(at, $"{Label}: {message}"));

    public YNode? Find(string key)
    {
        foreach (var (k, v) in _node.Entries)
            if (k.Value == key) return v;
        return null;
    }

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => Find(key) is { } n && n is not YScalar { IsNull: true };

    public Located<string>? Text(string key, bool required = false)
    {
        switch (Find(key))
        {
            case null or YScalar { IsNull: true }:
                if (required) Report(_node.At, $"missing required field '{key}'");
                return null;
            case YScalar s when s.Value.Trim().Length == 0:
                Report(s.At, $"'{key}' is empty");
                return null;
            case YScalar s:
                return new Located<string>(s.Value.Trim(), s.At);
            case var other:
                Report(other.At, $"'{key}' must be text, not {other.Describe()}");
                return null;
        }
    }

    public PartialDate? Date(string key)
    {
        if (Text(key) is not { } text) return null;
        if (PartialDate.TryParse(text.Value, out var date, out var error)) return date;
        Report(text.At, $"{key}: {error}");
        return null;
    }

    /// <summary>One end of an interval in EDTF (<see cref="DateBound"/>); absent is unknown.</summary>
    public DateBound Bound(string key)
    {
        if (Text(key) is not { } text) return DateBound.Unknown;
        if (DateBound.TryParse(text.Value, out var bound, out var error)) return bound;
        Report(text.At, $"{key}: {error}");
        return DateBound.Unknown;
    }

    public int? Int(string key)
    {
        if (Text(key) is not { } text) return null;
        if (!int.TryParse(text.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Report(text.At, $"{key}: '{text.Value}' is not a whole number of 0 or more (write 6000, not 6,000 or ~6000)");
            return null;
        }
        return value;
    }

    /// <summary>A contract enum name (SCREAMING_SNAKE_CASE).</summary>
    public T? Enum<T>(string key, bool required = false) where T : struct, Enum
    {
        if (Text(key, required) is not { } text) return null;
        if (EnumNames.TryParse<T>(text.Value, out var value)) return value;
        var names = EnumNames.ContractNames<T>();
        var typeName = typeof(T).Name;
        var article = "AEIOU".Contains(typeName[0]) ? "an" : "a";
        Report(text.At, $"{key}: '{text.Value}' is not {article} {typeName}{DidYouMean.Suffix(text.Value, names)} (expected one of {string.Join(", ", names)})");
        return null;
    }

    /// <summary>A list of texts; a single text is accepted as a list of one.</summary>
    public List<Located<string>> TextList(string key)
    {
        var result = new List<Located<string>>();
        switch (Find(key))
        {
            case null or YScalar { IsNull: true }:
                break;
            case YScalar s:
                Report(s.At, $"'{key}' must be a list, e.g. [{s.Value}]");
                break;
            case YSequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is YScalar { IsNull: false } text && text.Value.Trim().Length > 0)
                        result.Add(new Located<string>(text.Value.Trim(), text.At));
                    else
                        Report(item.At, $"'{key}' must list texts, not {item.Describe()}");
                }
                break;
            case var other:
                Report(other.At, $"'{key}' must be a list, not {other.Describe()}");
                break;
        }
        return result;
    }

    /// <summary>The mappings of a list of records; anything else in the list is reported.</summary>
    public List<YMapping> MappingList(string key, string itemName) => ReadMappingList(Find(key), key, itemName, Report);

    internal static List<YMapping> ReadMappingList(YNode? node, string key, string itemName, Action<DatasetLocation, string> report)
    {
        var result = new List<YMapping>();
        switch (node)
        {
            case null or YScalar { IsNull: true }:
                break;
            case YSequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is YMapping m) result.Add(m);
                    else report(item.At, $"each entry of '{key}' must be {itemName} (a mapping), not {item.Describe()}");
                }
                break;
            case var other:
                report(other.At, $"'{key}' must be a list of {itemName}s, not {other.Describe()}");
                break;
        }
        return result;
    }
}
