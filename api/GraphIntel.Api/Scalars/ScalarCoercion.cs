using System.Globalization;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.Api.Scalars;

/// <summary>What the API's scalars share: the errors they raise for values they cannot represent.</summary>
internal static class ScalarCoercion
{
    /// <summary>The error a value the scalar cannot represent raises, at <paramref name="node"/> when it is a literal.</summary>
    public static GraphQLException Invalid(string message, Node? node = null) =>
        new(node is null ? new GraphQLError(message) : new GraphQLError(message, [node]));

    /// <summary>A value as a coercion error names it: a boolean or number as written, else its type's name.</summary>
    public static string Describe(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name,
    };
}
