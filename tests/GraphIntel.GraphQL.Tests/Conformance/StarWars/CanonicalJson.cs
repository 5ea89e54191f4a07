using System.Collections;
using System.Globalization;
using System.Text;

namespace GraphIntel.GraphQL.Tests.Conformance.StarWars;

/// <summary>
/// The <c>echo</c> field's text: coerced argument values as JSON with object keys sorted (ordinal, as JavaScript's
/// sort), strings escaped and numbers printed as JavaScript's <c>JSON.stringify</c> does — the twin of
/// canonicalJson in starwars/resolvers.mjs, so that both engines print the same text for the same coerced values.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case string s: AppendString(text, s); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case int or long or short or byte: text.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)); break;
            case double or float or decimal: text.Append(JavaScriptNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture))); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }
                    first = false;
                    AppendString(text, key);
                    text.Append(':');
                    Append(text, item);
                }
                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        text.Append(',');
                    }
                    firstItem = false;
                    Append(text, item);
                }
                text.Append(']');
                break;
            default:
                throw new InvalidOperationException($"echo cannot print a {value.GetType().Name}.");
        }
    }

    /// <summary>Number.prototype.toString for finite doubles: shortest round-trip digits, exponent only from 1e21 and below 1e-6.</summary>
    private static string JavaScriptNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return "null";
        }
        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("F0", CultureInfo.InvariantCulture);
        }
        var roundTrip = number.ToString("R", CultureInfo.InvariantCulture);
        var exponent = roundTrip.IndexOf('E', StringComparison.Ordinal);
        if (exponent < 0)
        {
            return roundTrip;
        }
        var power = int.Parse(roundTrip.AsSpan(exponent + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (power is >= -7 and < 21 && Math.Abs(number) >= 1e-6)
        {
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }
        return string.Concat(roundTrip.AsSpan(0, exponent), "e", power >= 0 ? "+" : "-", Math.Abs(power).ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    var loneSurrogate = char.IsSurrogate(c)
                        && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                    if (c < ' ' || loneSurrogate)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
