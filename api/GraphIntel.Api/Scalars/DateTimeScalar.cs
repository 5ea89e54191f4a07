using System.Globalization;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Scalars;

/// <summary>The <c>DateTime</c> scalar: an ISO-8601 instant with offset, held as a <see cref="DateTimeOffset"/>.</summary>
internal sealed class DateTimeScalar : IScalarCoercion
{
    public static readonly DateTimeScalar Instance = new();

    public object? Serialize(object value) => value switch
    {
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => throw ScalarCoercion.Invalid($"DateTime cannot represent value: {value}"),
    };

    public object? ParseValue(object value) => value is string s ? Parse(s) : throw ScalarCoercion.Invalid($"DateTime cannot represent a non-string value: {ScalarCoercion.Describe(value)}");

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is StringValueNode s ? Parse(s.Value) : throw ScalarCoercion.Invalid("DateTime cannot represent a non-string value", valueNode);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && text.Contains('T')
            ? value
            : throw ScalarCoercion.Invalid($"DateTime cannot represent \"{text}\": expected an ISO-8601 instant such as 2026-11-21T13:45:00Z");
}
