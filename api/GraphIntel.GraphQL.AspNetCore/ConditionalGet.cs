using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Validators of GET answers (RFC 9110 §8.8.3, §13.1.2): a weak <c>ETag</c> computed before execution from the data's
/// version (<see cref="GraphQLHttpOptions.DataVersion"/>) and everything else the answer depends on — the query string
/// (document or hash, variables, operation name, extensions), the negotiated media type and the caller's headers
/// (<see cref="GraphQLHttpOptions.CallerHeaders"/>) — so that <c>If-None-Match</c> can be answered
/// <c>304 Not Modified</c> without executing anything.
/// <para>
/// Weak, not strong: the tag is computed from what the answer is made of, not from its bytes, so it promises the same
/// answer, not the same octets. The same request in the same version does serialize to the same bytes today
/// (executor and writer are deterministic), but a strong tag would also have to change with anything that re-encodes
/// the body (response compression) and would break the day a serializer detail changed — while If-None-Match, the only
/// use here, compares weakly anyway (§13.1.2). Only answers that would carry a tag are ever validated: a client can only
/// hold one from a 200 answer without errors to the same request, caller and version.
/// </para>
/// </summary>
internal static class ConditionalGet
{
    /// <summary>How many bytes of the SHA-256 go into a tag (144 bits, 24 base64url characters).</summary>
    private const int TagBytes = 18;

    /// <summary>The weak ETag of a GET answer to <paramref name="request"/> as <paramref name="mediaType"/> in <paramref name="version"/>.</summary>
    public static string ETagOf(HttpRequest request, string mediaType, string version, GraphQLHttpOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, version);
        Append(hash, mediaType);
        Append(hash, request.QueryString.Value ?? "");
        foreach (var header in options.CallerHeaders)
        {
            Append(hash, header);
            Append(hash, request.Headers[header].ToString());
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return "W/\"" + Base64Url.EncodeToString(digest[..TagBytes]) + "\"";
    }

    /// <summary>What <c>If-None-Match</c> says about an answer tagged <paramref name="etag"/>.</summary>
    public static IfNoneMatch Evaluate(HttpRequest request, string etag)
    {
        var field = request.Headers.IfNoneMatch;
        if (field.Count == 0)
        {
            return IfNoneMatch.Absent;
        }
        // A field that does not parse as "*" or a list of entity-tags is ignored: the answer is sent as if it were absent.
        if (!EntityTagHeaderValue.TryParseList(field, out var tags))
        {
            return IfNoneMatch.Absent;
        }
        var ours = EntityTagHeaderValue.Parse(etag);
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                return IfNoneMatch.Any;
            }
            if (tag.Compare(ours, useStrongComparison: false))
            {
                return IfNoneMatch.Matches;
            }
        }
        return IfNoneMatch.NoMatch;
    }

    /// <summary>The validator headers of a tagged answer (and of its 304): ETag, Cache-Control, Vary.</summary>
    public static void SetHeaders(HttpRequest request, HttpResponse response, string etag, GraphQLHttpOptions options)
    {
        var identified = false;
        foreach (var header in options.CallerHeaders)
        {
            identified |= request.Headers.ContainsKey(header);
        }
        response.Headers.ETag = etag;
        // no-cache: a cache may keep the answer but must ask again (with the tag) before each reuse, since any write
        // may change it. private: an answer to an identified caller is not for shared caches.
        response.Headers.CacheControl = identified ? "private, no-cache" : "no-cache";
        response.Headers.Vary = options.CallerHeaders.Count == 0 ? "Accept" : "Accept, " + string.Join(", ", options.CallerHeaders);
    }

    /// <summary>Answers 304 Not Modified: the validator headers, no body.</summary>
    public static void NotModified(HttpRequest request, HttpResponse response, string etag, GraphQLHttpOptions options)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        SetHeaders(request, response, etag, options);
    }

    /// <summary>Length-prefixed, so no two sequences of fields hash the same input.</summary>
    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}

/// <summary>The outcome of evaluating <c>If-None-Match</c> against an answer's tag.</summary>
internal enum IfNoneMatch
{
    /// <summary>No (usable) field: send the answer.</summary>
    Absent,

    /// <summary>The field lists other tags only: send the answer.</summary>
    NoMatch,

    /// <summary>The field lists the answer's tag (weak comparison): 304.</summary>
    Matches,

    /// <summary><c>*</c>: 304 when there is a current answer to tag (a successful one), else the answer.</summary>
    Any,
}
