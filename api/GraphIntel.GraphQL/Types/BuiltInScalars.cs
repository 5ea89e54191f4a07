using System.Globalization;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>The specified scalars Int, Float, String, Boolean and ID with the coercion rules of spec §3.5 and graphql-js's messages.</summary>
public static class BuiltInScalars
{
    private const string IntDescription =
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.";
    private const string FloatDescription =
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
    private const string StringDescription =
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.";
    private const string BooleanDescription = "The `Boolean` scalar type represents `true` or `false`.";
    private const string IdDescription =
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";

    /// <summary>Int: a signed 32-bit integer.</summary>
    public static ScalarType Int { get; } = new("Int", new IntCoercion(), IntDescription);

    /// <summary>Float: a double-precision number.</summary>
    public static ScalarType Float { get; } = new("Float", new FloatCoercion(), FloatDescription);

    /// <summary>String: UTF-8 text.</summary>
    public static ScalarType String { get; } = new("String", new StringCoercion(), StringDescription);

    /// <summary>Boolean: true or false.</summary>
    public static ScalarType Boolean { get; } = new("Boolean", new BooleanCoercion(), BooleanDescription);

    /// <summary>ID: a unique identifier, serialized as a string.</summary>
    public static ScalarType Id { get; } = new("ID", new IdCoercion(), IdDescription);

    /// <summary>The specified scalars in graphql-js order (String, Int, Float, Boolean, ID).</summary>
    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, Id];

    /// <summary>The specified scalar named <paramref name="name"/>, or null.</summary>
    public static ScalarType? Get(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => Id,
        _ => null,
    };

    internal static bool IsSpecified(ScalarType type) => ReferenceEquals(Get(type.Name), type);

    internal static GraphQLException Error(string message, Node? node = null) =>
        new(node is null ? new GraphQLError(message) : new GraphQLError(message, [node]));

    private static bool TryJsNumberFromString(string s, out double number)
    {
        // JavaScript Number(string): surrounding whitespace allowed, decimal or exponent notation.
        return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private sealed class IntCoercion : IScalarCoercion
    {
        public object? Serialize(object value)
        {
            if (value is int)
            {
                return value;
            }
            double number;
            if (value is bool b)
            {
                return b ? 1 : 0;
            }
            if (value is string s && s.Length > 0)
            {
                if (!TryJsNumberFromString(s, out number) || !JsNumber.IsInteger(number))
                {
                    throw Error("Int cannot represent non-integer value: " + Inspect.Value(value));
                }
            }
            else if (!JsNumber.TryGetDouble(value, out number) || !JsNumber.IsInteger(number))
            {
                throw Error("Int cannot represent non-integer value: " + Inspect.Value(value));
            }
            if (number is > int.MaxValue or < int.MinValue)
            {
                throw Error("Int cannot represent non 32-bit signed integer value: " + Inspect.Value(value));
            }
            return (int)number;
        }

        public object? ParseValue(object value)
        {
            if (value is int)
            {
                return value;
            }
            if (!JsNumber.TryGetDouble(value, out var number) || !JsNumber.IsInteger(number))
            {
                throw Error("Int cannot represent non-integer value: " + Inspect.Value(value));
            }
            if (number is > int.MaxValue or < int.MinValue)
            {
                throw Error("Int cannot represent non 32-bit signed integer value: " + JsNumber.ToString(number));
            }
            return (int)number;
        }

        public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables)
        {
            if (valueNode is not IntValueNode intValue)
            {
                throw Error("Int cannot represent non-integer value: " + Printer.Print(valueNode), valueNode);
            }
            if (!int.TryParse(intValue.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                throw Error("Int cannot represent non 32-bit signed integer value: " + intValue.Value, valueNode);
            }
            return number;
        }
    }

    private sealed class FloatCoercion : IScalarCoercion
    {
        public object? Serialize(object value)
        {
            if (value is double d && double.IsFinite(d))
            {
                return value;
            }
            double number;
            if (value is bool b)
            {
                return b ? 1d : 0d;
            }
            if (value is string s && s.Length > 0)
            {
                if (!TryJsNumberFromString(s, out number))
                {
                    number = double.NaN;
                }
            }
            else if (!JsNumber.TryGetDouble(value, out number))
            {
                number = double.NaN;
            }
            if (!double.IsFinite(number))
            {
                throw Error("Float cannot represent non numeric value: " + Inspect.Value(value));
            }
            return number;
        }

        public object? ParseValue(object value)
        {
            if (!JsNumber.TryGetDouble(value, out var number) || !double.IsFinite(number))
            {
                throw Error("Float cannot represent non numeric value: " + Inspect.Value(value));
            }
            return number;
        }

        public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables)
        {
            var text = valueNode switch
            {
                FloatValueNode f => f.Value,
                IntValueNode i => i.Value,
                _ => throw Error("Float cannot represent non numeric value: " + Printer.Print(valueNode), valueNode),
            };
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    private sealed class StringCoercion : IScalarCoercion
    {
        public object? Serialize(object value)
        {
            switch (value)
            {
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case char c: return c.ToString();
                case Guid g: return g.ToString();
            }
            if (JsNumber.TryGetDouble(value, out var number) && double.IsFinite(number))
            {
                return JsNumber.ToString(number);
            }
            throw Error("String cannot represent value: " + Inspect.Value(value));
        }

        public object? ParseValue(object value) =>
            value as string ?? throw Error("String cannot represent a non string value: " + Inspect.Value(value));

        public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
            valueNode is StringValueNode s
                ? s.Value
                : throw Error("String cannot represent a non string value: " + Printer.Print(valueNode), valueNode);
    }

    private sealed class BooleanCoercion : IScalarCoercion
    {
        public object? Serialize(object value)
        {
            if (value is bool)
            {
                return value;
            }
            if (JsNumber.TryGetDouble(value, out var number) && double.IsFinite(number))
            {
                return number != 0;
            }
            throw Error("Boolean cannot represent a non boolean value: " + Inspect.Value(value));
        }

        public object? ParseValue(object value) =>
            value is bool b ? b : throw Error("Boolean cannot represent a non boolean value: " + Inspect.Value(value));

        public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
            valueNode is BooleanValueNode b
                ? b.Value
                : throw Error("Boolean cannot represent a non boolean value: " + Printer.Print(valueNode), valueNode);
    }

    private sealed class IdCoercion : IScalarCoercion
    {
        public object? Serialize(object value)
        {
            switch (value)
            {
                case string s: return s;
                case Guid g: return g.ToString();
            }
            if (JsNumber.TryGetDouble(value, out var number) && JsNumber.IsInteger(number))
            {
                return JsNumber.ToString(number);
            }
            throw Error("ID cannot represent value: " + Inspect.Value(value));
        }

        public object? ParseValue(object value)
        {
            if (value is string s)
            {
                return s;
            }
            if (JsNumber.TryGetDouble(value, out var number) && JsNumber.IsInteger(number))
            {
                return JsNumber.ToString(number);
            }
            throw Error("ID cannot represent value: " + Inspect.Value(value));
        }

        public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) => valueNode switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw Error("ID cannot represent a non-string and non-integer value: " + Printer.Print(valueNode), valueNode),
        };
    }
}
