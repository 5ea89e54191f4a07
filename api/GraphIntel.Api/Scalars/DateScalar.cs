using GraphIntel.Graph.Model;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Scalars;

/// <summary>The <c>Date</c> scalar: an ISO-8601 date of year, month or day precision, held as a <see cref="PartialDate"/>.</summary>
internal sealed class DateScalar : IScalarCoercion
{
    public static readonly DateScalar Instance = new();

    public object? Serialize(object value) => value switch
    {
        PartialDate d => d.ToString(),
        DateOnly d => PartialDate.FromDate(d).ToString(),
        string s when PartialDate.TryParse(s, out var d) => d.ToString(),
        _ => throw ScalarCoercion.Invalid($"Date cannot represent value: {value}"),
    };

    public object? ParseValue(object value) => value is string s ? Parse(s) : throw ScalarCoercion.Invalid($"Date cannot represent a non-string value: {ScalarCoercion.Describe(value)}");

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is StringValueNode s ? Parse(s.Value) : throw ScalarCoercion.Invalid("Date cannot represent a non-string value", valueNode);

    private static PartialDate Parse(string text) =>
        PartialDate.TryParse(text, out var date, out var error) ? date : throw ScalarCoercion.Invalid($"Date cannot represent {error}");
}
