using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using GraphIntel.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Reads the request parameters of GraphQL over HTTP: from the query string of a GET ("GET" section, with
/// <c>variables</c> and <c>extensions</c> as JSON text) or from the <c>application/json</c> body of a POST
/// ("POST" section). Anything else is a <see cref="GraphQLHttpRequestProblem"/> with a 4xx status.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads the parameters from the query string of a GET request.</summary>
    public static (GraphQLHttpRequestParameters? Parameters, GraphQLHttpRequestProblem? Problem) ReadQueryString(
        HttpRequest request, GraphQLHttpOptions options)
    {
        if (request.QueryString.Value is { } queryString && queryString.Length > options.MaxRequestBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge,
                $"The query string is {queryString.Length} bytes long; this endpoint accepts at most {options.MaxRequestBytes} bytes.");
        }

        var query = request.Query;
        if (Single(query, "query", out var text) is { } queryProblem)
        {
            return (null, queryProblem);
        }
        if (text is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "The query string has no \"query\" parameter: a GET request must carry the GraphQL document in ?query=.");
        }
        if (Single(query, "operationName", out var operationName) is { } operationNameProblem)
        {
            return (null, operationNameProblem);
        }
        if (MapFromJsonText(query, "variables", out var variables) is { } variablesProblem)
        {
            return (null, variablesProblem);
        }
        if (MapFromJsonText(query, "extensions", out var extensions) is { } extensionsProblem)
        {
            return (null, extensionsProblem);
        }
        return (new GraphQLHttpRequestParameters(text, NullIfEmpty(operationName), variables, extensions), null);
    }

    /// <summary>
    /// Reads the raw JSON body of a POST request (without a byte order mark), enforcing the media type and the size
    /// limit; <see cref="ParseBody"/> reads the parameters from it.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Body, GraphQLHttpRequestProblem? Problem)> ReadRawBodyAsync(
        HttpRequest request, GraphQLHttpOptions options, CancellationToken cancellationToken)
    {
        if (CheckContentType(request.ContentType) is { } mediaTypeProblem)
        {
            return (default, mediaTypeProblem);
        }
        if (request.ContentLength is { } declared && declared > options.MaxRequestBytes)
        {
            return (default, new GraphQLHttpRequestProblem(StatusCodes.Status413PayloadTooLarge,
                TooLarge(declared.ToString(System.Globalization.CultureInfo.InvariantCulture), options)));
        }

        var body = await ReadBodyAsync(request.BodyReader, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (default, new GraphQLHttpRequestProblem(StatusCodes.Status413PayloadTooLarge, TooLarge("more than " + options.MaxRequestBytes, options)));
        }
        if (body.Length == 0)
        {
            return (default, new GraphQLHttpRequestProblem(StatusCodes.Status400BadRequest,
                "The request body is empty: a POST request must carry a JSON object with a \"query\"."));
        }
        return (WithoutByteOrderMark(body), null);
    }

    /// <summary>Reads the parameters from the JSON body of a POST request (as <see cref="ReadRawBodyAsync"/> returned it).</summary>
    public static (GraphQLHttpRequestParameters? Parameters, GraphQLHttpRequestProblem? Problem) ParseBody(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $" at line {line + 1}, byte {exception.BytePositionInLine + 1}"
                : "";
            return Fail(StatusCodes.Status400BadRequest, $"The request body is not valid JSON{where}: {FirstSentence(exception.Message)}");
        }

        using (document)
        {
            try
            {
                return ReadBodyObject(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                return Fail(StatusCodes.Status400BadRequest, $"The request body holds a JSON string that is not text: {NotText}");
            }
        }
    }

    private static (GraphQLHttpRequestParameters?, GraphQLHttpRequestProblem?) ReadBodyObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"The request body is {Describe(root.ValueKind)}; expected a JSON object with a \"query\" (batched requests are not supported).");
        }

        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "query":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        return Fail(StatusCodes.Status400BadRequest,
                            $"The \"query\" in the request body is {Describe(value.ValueKind)}; it must be a string holding the GraphQL document.");
                    }
                    query = value.GetString();
                    break;
                case "operationName":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return Fail(StatusCodes.Status400BadRequest,
                            $"The \"operationName\" in the request body is {Describe(value.ValueKind)}; it must be a string or null.");
                    }
                    operationName = value.GetString();
                    break;
                case "variables":
                case "extensions":
                    if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        return Fail(StatusCodes.Status400BadRequest,
                            $"The \"{property.Name}\" in the request body is {Describe(value.ValueKind)}; it must be a JSON object or null.");
                    }
                    var map = value.ValueKind == JsonValueKind.Object ? ToMap(value) : null;
                    if (property.Name == "variables")
                    {
                        variables = map;
                    }
                    else
                    {
                        extensions = map;
                    }
                    break;
            }
        }

        if (query is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "The request body has no \"query\": it must be a JSON object with the GraphQL document as a string in \"query\".");
        }
        return (new GraphQLHttpRequestParameters(query, NullIfEmpty(operationName), variables, extensions), null);
    }

    private static GraphQLHttpRequestProblem? CheckContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return new(StatusCodes.Status415UnsupportedMediaType,
                $"The request has no Content-Type: send the POST body as {GraphQLMediaTypes.Json}.");
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return new(StatusCodes.Status415UnsupportedMediaType,
                $"The Content-Type \"{contentType}\" is not supported: send the POST body as {GraphQLMediaTypes.Json}.");
        }
        if (mediaType.Charset.HasValue
            && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return new(StatusCodes.Status415UnsupportedMediaType,
                $"The charset \"{mediaType.Charset}\" is not supported: send the POST body encoded as utf-8.");
        }
        return null;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body;

    private static GraphQLHttpRequestProblem? Single(IQueryCollection query, string name, out string? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            return new(StatusCodes.Status400BadRequest, $"The query string has {values.Count} \"{name}\" parameters; give it at most once.");
        }
        value = values[0];
        return null;
    }

    private static GraphQLHttpRequestProblem? MapFromJsonText(IQueryCollection query, string name, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        if (Single(query, name, out var text) is { } problem)
        {
            return problem;
        }
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    map = ToMap(root);
                    return null;
                case JsonValueKind.Null:
                    return null;
                default:
                    return new(StatusCodes.Status400BadRequest,
                        $"The \"{name}\" query parameter is {Describe(root.ValueKind)}; it must be a JSON object (URL-encoded) or null.");
            }
        }
        catch (InvalidOperationException)
        {
            return new(StatusCodes.Status400BadRequest, $"The \"{name}\" query parameter holds a JSON string that is not text: {NotText}");
        }
        catch (JsonException exception)
        {
            return new(StatusCodes.Status400BadRequest,
                $"The \"{name}\" query parameter is not valid JSON: {FirstSentence(exception.Message)}");
        }
    }

    /// <summary>
    /// Why System.Text.Json, having parsed the JSON, throws <see cref="InvalidOperationException"/> when a string of it is
    /// read: the JSON was well-formed but its text is not — the client's error, not the server's.
    /// </summary>
    private const string NotText = "invalid UTF-8, or an escape of half a UTF-16 surrogate pair alone (such as \\uD800 without a low surrogate after it).";

    private static string TooLarge(string size, GraphQLHttpOptions options) =>
        $"The request body is {size} bytes long; this endpoint accepts at most {options.MaxRequestBytes} bytes.";

    /// <summary>A JSON object as the plain values the engine coerces (see <see cref="JsonValues.ToClr"/>).</summary>
    private static Dictionary<string, object?> ToMap(JsonElement element) => (Dictionary<string, object?>)JsonValues.ToClr(element)!;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " LineNumber: … | BytePositionInLine: …." and " Path: …"; the position is reported separately.
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var end = message.IndexOf(marker, StringComparison.Ordinal);
            if (end > 0)
            {
                message = message[..end];
            }
        }
        return message;
    }

    private static (GraphQLHttpRequestParameters?, GraphQLHttpRequestProblem?) Fail(int statusCode, string message) =>
        (null, new GraphQLHttpRequestProblem(statusCode, message));
}
