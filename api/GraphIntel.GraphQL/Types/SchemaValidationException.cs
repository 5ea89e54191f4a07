using System.Text;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// Thrown by <see cref="SchemaBuilder.Build"/> when the SDL or the bindings are invalid; lists every problem found,
/// each with its location in the SDL where there is one.
/// </summary>
public sealed class SchemaValidationException : GraphQLException
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public SchemaValidationException(IReadOnlyList<GraphQLError> errors, string sourceName = "schema")
        : base(errors)
    {
        SourceName = sourceName;
    }

    /// <summary>The name of the SDL source the locations refer to.</summary>
    public string SourceName { get; }

    /// <summary>One line per problem: <c>schema (3:5): Unknown type "Foo".</c></summary>
    public override string Message
    {
        get
        {
            var text = new StringBuilder();
            text.Append("The schema is invalid (").Append(Errors.Count).Append(Errors.Count == 1 ? " problem):" : " problems):");
            foreach (var error in Errors)
            {
                text.AppendLine().Append("  ").Append(SourceName);
                if (error.Locations is { Count: > 0 } locations)
                {
                    text.Append(" (").Append(locations[0].Line).Append(':').Append(locations[0].Column).Append(')');
                }
                text.Append(": ").Append(error.Message);
            }
            return text.ToString();
        }
    }
}
