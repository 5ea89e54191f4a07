using System.Globalization;

namespace GraphIntel.GraphQL.Types;

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
