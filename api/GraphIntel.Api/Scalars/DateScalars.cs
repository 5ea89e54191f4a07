using System.Globalization;
using GraphIntel.Graph.Model;
using GraphIntel.GraphQL;
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
        _ => throw Invalid($"Date cannot represent value: {value}"),
    };

    public object? ParseValue(object value) => value is string s ? Parse(s) : throw Invalid($"Date cannot represent a non-string value: {Describe(value)}");

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is StringValueNode s ? Parse(s.Value) : throw Invalid("Date cannot represent a non-string value", valueNode);

    private static PartialDate Parse(string text) =>
        PartialDate.TryParse(text, out var date, out var error) ? date : throw Invalid($"Date cannot represent {error}");

    internal static GraphQLException Invalid(string message, Node? node = null) =>
        new(node is null ? new GraphQLError(message) : new GraphQLError(message, [node]));

    internal static string Describe(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name,
    };
}

/// <summary>The <c>DateTime</c> scalar: an ISO-8601 instant with offset, held as a <see cref="DateTimeOffset"/>.</summary>
internal sealed class DateTimeScalar : IScalarCoercion
{
    public static readonly DateTimeScalar Instance = new();

    public object? Serialize(object value) => value switch
    {
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => throw DateScalar.Invalid($"DateTime cannot represent value: {value}"),
    };

    public object? ParseValue(object value) => value is string s ? Parse(s) : throw DateScalar.Invalid($"DateTime cannot represent a non-string value: {DateScalar.Describe(value)}");

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is StringValueNode s ? Parse(s.Value) : throw DateScalar.Invalid("DateTime cannot represent a non-string value", valueNode);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && text.Contains('T')
            ? value
            : throw DateScalar.Invalid($"DateTime cannot represent \"{text}\": expected an ISO-8601 instant such as 2026-11-21T13:45:00Z");
}
