using System.Collections;
using System.Globalization;
using System.Text;

namespace GraphIntel.Graph.Neo4j.Export;

/// <summary>
/// Values written as Cypher literals, for scripts that run without parameters (cypher-shell -f): strings in single
/// quotes with backslash escapes and no raw line breaks (one statement per line), numbers in invariant culture,
/// lists and maps of those.
/// </summary>
internal static class CypherLiterals
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    public static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case string s: AppendString(text, s); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case int i: text.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case long l: text.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d when double.IsFinite(d): text.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, object?> map:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    text.Append(Key(key)).Append(": ");
                    Append(text, item);
                }
                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) text.Append(", ");
                    firstItem = false;
                    Append(text, item);
                }
                text.Append(']');
                break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name} as a Cypher literal");
        }
    }

    /// <summary>A map key or property name: bare when it is a plain identifier, else in backticks.</summary>
    public static string Key(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    private static void AppendString(StringBuilder text, string s)
    {
        text.Append('\'');
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\'': text.Append(@"\'"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                case < ' ' or '\u2028' or '\u2029':
                    text.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(c); break;
            }
        }
        text.Append('\'');
    }
}
