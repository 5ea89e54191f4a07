namespace GraphIntel.GraphQL.Execution;

/// <summary>The errors that end an execution as a whole (its data is null): the time limit and the result-size limit.</summary>
public static class ExecutionErrors
{
    /// <summary>The <c>extensions.code</c> of <see cref="Timeout"/>.</summary>
    public const string TimeoutCode = "EXECUTION_TIMEOUT";

    /// <summary>The <c>extensions.code</c> of <see cref="ResultTooLarge"/>.</summary>
    public const string ResultTooLargeCode = "RESPONSE_TOO_LARGE";

    /// <summary>The request ran longer than <paramref name="limit"/> and was cancelled.</summary>
    public static GraphQLError Timeout(TimeSpan limit) =>
        new($"Execution exceeded the time limit of {limit.TotalMilliseconds:0} ms and was cancelled.",
            (IReadOnlyList<SourceLocation>?)null, null,
            new Dictionary<string, object?> { ["code"] = TimeoutCode });

    /// <summary>The response would be larger than <paramref name="limitBytes"/>: nothing of it is sent.</summary>
    public static GraphQLError ResultTooLarge(long limitBytes) =>
        new($"The response is larger than the limit of {limitBytes} bytes and was not sent; select fewer fields, or page through lists with smaller pages.",
            (IReadOnlyList<SourceLocation>?)null, null,
            new Dictionary<string, object?> { ["code"] = ResultTooLargeCode, ["limit"] = limitBytes });

    /// <summary>A result whose data is null with one error.</summary>
    public static ExecutionResult Result(GraphQLError error) => new(null, [error]);
}
