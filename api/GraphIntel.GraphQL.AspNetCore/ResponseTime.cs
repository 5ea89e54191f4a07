namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// The time one request has from when its parameters are read to its serialized response: the execution timeout
/// (<see cref="GraphQLServiceOptions.ExecutionTimeout"/>, null for none) and the token cancelled when it is up.
/// </summary>
internal readonly record struct ResponseTime(TimeSpan? Limit, CancellationToken Deadline);
