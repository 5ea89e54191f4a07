using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Chooses the response media type from a request's <c>Accept</c> header (GraphQL over HTTP, "Accept"):
/// the acceptable type with the highest quality of <see cref="GraphQLMediaTypes.GraphQLResponseJson"/> and
/// <see cref="GraphQLMediaTypes.Json"/>, the former on a tie; wildcards (<c>*/*</c>, <c>application/*</c>)
/// and a missing header mean <c>application/json</c>. A type asking for a charset other than UTF-8 is not
/// acceptable.
/// </summary>
internal static class ResponseMediaTypeNegotiation
{
    /// <summary>The media type to answer with, or null when nothing acceptable is on offer (406).</summary>
    public static string? Select(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || IsBlank(accept))
        {
            return GraphQLMediaTypes.Json;
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || !AcceptsUtf8(range) || Offer(range) is not { } offer)
            {
                continue;
            }
            if (quality > bestQuality || (quality == bestQuality && offer == GraphQLMediaTypes.GraphQLResponseJson))
            {
                best = offer;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static string? Offer(MediaTypeHeaderValue range)
    {
        var type = range.Type;
        var subType = range.SubType;
        if (type.Equals("*", StringComparison.Ordinal) && subType.Equals("*", StringComparison.Ordinal))
        {
            return GraphQLMediaTypes.Json;
        }
        if (!type.Equals("application", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (subType.Equals("*", StringComparison.Ordinal) || subType.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return GraphQLMediaTypes.Json;
        }
        return subType.Equals("graphql-response+json", StringComparison.OrdinalIgnoreCase)
            ? GraphQLMediaTypes.GraphQLResponseJson
            : null;
    }

    private static bool AcceptsUtf8(MediaTypeHeaderValue range) =>
        !range.Charset.HasValue
        || range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || range.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static bool IsBlank(StringValues values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return false;
            }
        }
        return true;
    }
}
