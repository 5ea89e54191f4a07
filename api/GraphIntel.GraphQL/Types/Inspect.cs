using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// Formats runtime values for error messages the way graphql-js <c>inspect</c> does
/// (strings JSON-quoted, numbers as JavaScript prints them, lists as <c>[1, 2]</c>, objects as <c>{ a: 1 }</c>).
/// </summary>
public static class Inspect
{
    private const int MaxDepth = 2;
    private const int MaxListItems = 10;

    /// <summary>The value as graphql-js would show it in a message.</summary>
    public static string Value(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case JsonElement element:
                Append(text, JsonValues.ToClr(element), depth);
                return;
        }
        if (JsNumber.TryGetDouble(value, out var number))
        {
            text.Append(JsNumber.ToString(number));
            return;
        }
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> map:
                if (depth > MaxDepth)
                {
                    text.Append("[Object]");
                    return;
                }
                var first = true;
                foreach (var (key, item) in map)
                {
                    text.Append(first ? "{ " : ", ").Append(key).Append(": ");
                    Append(text, item, depth + 1);
                    first = false;
                }
                text.Append(first ? "{}" : " }");
                return;
            case IEnumerable list:
                if (depth > MaxDepth)
                {
                    text.Append("[Array]");
                    return;
                }
                text.Append('[');
                var count = 0;
                foreach (var item in list)
                {
                    if (count == MaxListItems)
                    {
                        text.Append(", ... more items");
                        break;
                    }
                    if (count > 0)
                    {
                        text.Append(", ");
                    }
                    Append(text, item, depth + 1);
                    count++;
                }
                text.Append(']');
                return;
            case Enum e:
                text.Append(JsonSerializer.Serialize(e.ToString()));
                return;
            default:
                text.Append('{').Append(value.GetType().Name).Append('}');
                return;
        }
    }
}

/// <summary>JavaScript number semantics for CLR numeric values.</summary>
public static class JsNumber
{
    /// <summary>Whether <paramref name="value"/> is a CLR number; gives it as a double.</summary>
    public static bool TryGetDouble(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            default: number = 0; return false;
        }
    }

    /// <summary>Whether <paramref name="number"/> is finite and has no fractional part (JavaScript <c>Number.isInteger</c>).</summary>
    public static bool IsInteger(double number) => double.IsFinite(number) && Math.Floor(number) == number;

    /// <summary>The number as JavaScript's <c>String(number)</c> prints it (e.g. <c>1.5</c>, <c>1e+21</c>, <c>1e-7</c>).</summary>
    public static string ToString(double number)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }
        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }
        if (number == 0)
        {
            return "0";
        }
        // Shortest round-trip digits and decimal exponent, then JavaScript's Number::toString layout.
        var shortest = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var sign = number < 0 ? "-" : "";
        var k = digits.Length;
        var n = exponent + 1; // position of the decimal point relative to the digits
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }
        var e = n - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + mantissa + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
    }

    private static (string Digits, int Exponent) Decompose(string roundTrip)
    {
        var mantissa = roundTrip;
        var exponent = 0;
        var e = roundTrip.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = roundTrip[..e];
            exponent = int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = intPart + fracPart;
        var pointExponent = intPart.Length - 1 + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }
        all = all[leading..].TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }
        return (all, pointExponent - leading);
    }
}

/// <summary>Converts <see cref="JsonElement"/> values into the plain CLR values the engine coerces.</summary>
public static class JsonValues
{
    /// <summary>
    /// string, long or double (decimal for numbers a double cannot hold exactly is not needed: JSON numbers are doubles in JavaScript),
    /// bool, null, <see cref="List{T}"/> of values, <see cref="Dictionary{TKey,TValue}"/> of values.
    /// </summary>
    public static object? ToClr(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var l) ? (object)l : element.GetDouble();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToClr(item));
                }
                return list;
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToClr(property.Value);
                }
                return map;
            default:
                return null;
        }
    }
}
