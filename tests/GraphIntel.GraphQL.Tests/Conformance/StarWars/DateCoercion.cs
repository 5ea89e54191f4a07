using System.Globalization;
using System.Text.RegularExpressions;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Conformance.StarWars;

/// <summary>
/// The starwars <c>Date</c> scalar: an ISO-8601 calendar date <c>YYYY-MM-DD</c>, kept as that string. The twin
/// of parseDate in starwars/resolvers.mjs, which throws plain (non-GraphQL) errors; so does this, with the same
/// messages, leaving the "Expected type …" prefixes to the engine as graphql-js does.
/// </summary>
internal sealed partial class DateCoercion : IScalarCoercion
{
    public static DateCoercion Instance { get; } = new();

    public object? Serialize(object value) => Parse(value);

    public object? ParseValue(object value) => Parse(value);

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is StringValueNode text ? Parse(text.Value) : throw new ArgumentException("Date must be a string.");

    private static string Parse(object value)
    {
        if (value is not string text)
        {
            throw new ArgumentException("Date must be a string.");
        }
        if (!IsoDate().IsMatch(text))
        {
            throw new ArgumentException("Date must be in the form YYYY-MM-DD.");
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException("Date must be a real calendar date.");
        }
        return text;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
