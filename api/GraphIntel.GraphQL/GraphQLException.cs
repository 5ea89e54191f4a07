namespace GraphIntel.GraphQL;

/// <summary>An exception carrying one or more <see cref="GraphQLError"/>s, to be reported in a response's <c>errors</c>.</summary>
public class GraphQLException : Exception
{
    /// <summary>Creates an exception carrying one error.</summary>
    public GraphQLException(GraphQLError error, Exception? innerException = null)
        : base(error?.Message, innerException ?? error?.OriginalError)
    {
        ArgumentNullException.ThrowIfNull(error);
        Errors = [error];
    }

    /// <summary>Creates an exception carrying one or more errors.</summary>
    public GraphQLException(IReadOnlyList<GraphQLError> errors, Exception? innerException = null)
        : base(FirstMessage(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>The errors (at least one).</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    private static string FirstMessage(IReadOnlyList<GraphQLError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A GraphQLException needs at least one error.", nameof(errors));
        }
        return errors.Count == 1 ? errors[0].Message : $"{errors[0].Message} (and {errors.Count - 1} more errors)";
    }
}
