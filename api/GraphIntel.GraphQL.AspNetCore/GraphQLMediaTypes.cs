namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>The media types of GraphQL over HTTP.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>
    /// <c>application/graphql-response+json</c>: the GraphQL response media type. With it, request errors
    /// (unparsable, invalid, bad variables) are answered with 4xx status codes.
    /// </summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary><c>application/json</c>: the legacy response media type (always 200 for well-formed requests) and the request media type.</summary>
    public const string Json = "application/json";
}
