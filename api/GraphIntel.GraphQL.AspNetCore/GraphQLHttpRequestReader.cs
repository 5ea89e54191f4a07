using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using GraphIntel.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Reads the request parameters of GraphQL over HTTP: from the query string of a GET ("GET" section, with
/// <c>variables</c> and <c>extensions</c> as JSON text) or from the <c>application/json</c> body of a POST
/// ("POST" section). Anything else is a <see cref="GraphQLHttpRequestProblem"/> with a 4xx status: among them bytes
/// that are not UTF-8 (in the body or a percent-encoded query parameter), JSON escapes that are not Unicode (a lone
/// surrogate such as <c>"\ud800"</c>) and compressed bodies (<c>Content-Encoding</c> other than identity: 415).
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

        if (InvalidPercentEncodedUtf8(request.QueryString.Value?.TrimStart('?')) is { } offset)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"The query string is not valid UTF-8: its percent-encoded bytes at character {offset + 1} are not a UTF-8 sequence.");
        }

        var query = request.Query;
        if (Single(query, "query", out var text) is { } queryProblem)
        {
            return (null, queryProblem);
        }
        if (Single(query, "operationName", out var operationName) is { } operationNameProblem)
        {
            return (null, operationNameProblem);
        }
        if (Single(query, "documentId", out var documentId) is { } documentIdProblem)
        {
            return (null, documentIdProblem);
        }
        if (MapFromJsonText(query, "variables", out var variables) is { } variablesProblem)
        {
            return (null, variablesProblem);
        }
        if (MapFromJsonText(query, "extensions", out var extensions) is { } extensionsProblem)
        {
            return (null, extensionsProblem);
        }
        if (text is null && string.IsNullOrEmpty(documentId) && !PersistedQueries.IsRequested(extensions))
        {
            return Fail(StatusCodes.Status400BadRequest, "The query string has no \"query\" parameter: a GET request must carry the GraphQL document in ?query= (or a persisted document's ?documentId=).");
        }
        return (new GraphQLHttpRequestParameters(text, NullIfEmpty(operationName), variables, extensions, NullIfEmpty(documentId)), null);
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
        if (CheckContentEncoding(request.Headers.ContentEncoding) is { } encodingProblem)
        {
            request.HttpContext.Response.Headers.AcceptEncoding = "identity"; // RFC 7694: the codings this endpoint takes
            return (default, encodingProblem);
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
        var withoutMark = WithoutByteOrderMark(body);
        if (InvalidUtf8(withoutMark.Span) is { } offset)
        {
            return (default, new GraphQLHttpRequestProblem(StatusCodes.Status400BadRequest,
                $"The request body is not valid UTF-8: the bytes at offset {offset} are not a UTF-8 sequence (send the body encoded as utf-8)."));
        }
        return (withoutMark, null);
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
            catch (InvalidOperationException exception) when (exception.InnerException is DecoderFallbackException or null)
            {
                // System.Text.Json decodes strings lazily: a "\ud800" escape (a lone surrogate) fails only here.
                return Fail(StatusCodes.Status400BadRequest, NotUnicode("The request body"));
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
        string? documentId = null;
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
                case "documentId":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return Fail(StatusCodes.Status400BadRequest,
                            $"The \"documentId\" in the request body is {Describe(value.ValueKind)}; it must be a string such as \"sha256:<64 lowercase hex digits>\".");
                    }
                    documentId = value.GetString();
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

        if (query is null && string.IsNullOrEmpty(documentId) && !PersistedQueries.IsRequested(extensions))
        {
            return Fail(StatusCodes.Status400BadRequest, "The request body has no \"query\": it must be a JSON object with the GraphQL document as a string in \"query\" (or a persisted document's \"documentId\").");
        }
        return (new GraphQLHttpRequestParameters(query, NullIfEmpty(operationName), variables, extensions, NullIfEmpty(documentId)), null);
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

    /// <summary>
    /// Compressed bodies are refused (415 with <c>Accept-Encoding: identity</c> set by the writer's caller): decoding them
    /// would let a few kilobytes expand past <see cref="GraphQLHttpOptions.MaxRequestBytes"/> before anything is read,
    /// and GraphQL requests are small enough to send as they are.
    /// </summary>
    private static GraphQLHttpRequestProblem? CheckContentEncoding(Microsoft.Extensions.Primitives.StringValues contentEncoding)
    {
        foreach (var value in contentEncoding)
        {
            foreach (var coding in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    return new(StatusCodes.Status415UnsupportedMediaType,
                        $"The Content-Encoding \"{coding}\" is not supported: send the request body uncompressed.");
                }
            }
        }
        return null;
    }

    /// <summary>The offset of the first byte of <paramref name="bytes"/> that does not start a valid UTF-8 sequence, or null when all are valid.</summary>
    private static int? InvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return offset;
    }

    /// <summary>
    /// Where the percent-encoded bytes of <paramref name="queryString"/> stop being UTF-8 (the index of the first <c>%</c>
    /// of the bad sequence), or null when they are valid. ASP.NET Core would otherwise silently keep such escapes as text.
    /// </summary>
    private static int? InvalidPercentEncodedUtf8(string? queryString)
    {
        if (string.IsNullOrEmpty(queryString) || !queryString.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }
        Span<byte> run = stackalloc byte[4];
        var i = 0;
        while (i < queryString.Length)
        {
            if (queryString[i] != '%' || !IsEscape(queryString, i) || HexByte(queryString, i) < 0x80)
            {
                i++;
                continue;
            }
            // A run of escaped non-ASCII bytes: decode it as UTF-8, one sequence at a time.
            var start = i;
            var length = 0;
            while (length < run.Length && i < queryString.Length && queryString[i] == '%' && IsEscape(queryString, i) && HexByte(queryString, i) >= 0x80)
            {
                run[length++] = (byte)HexByte(queryString, i);
                i += 3;
                if (Rune.DecodeFromUtf8(run[..length], out _, out var consumed) == System.Buffers.OperationStatus.Done && consumed == length)
                {
                    length = 0;
                    start = i;
                }
            }
            if (length > 0)
            {
                return start;
            }
        }
        return null;

        static bool IsEscape(string text, int at) => at + 2 < text.Length && Uri.IsHexDigit(text[at + 1]) && Uri.IsHexDigit(text[at + 2]);
        static int HexByte(string text, int at) => int.Parse(text.AsSpan(at + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static string NotUnicode(string where) =>
        $"{where} holds a string that is not valid Unicode: a \\u escape of a lone surrogate (\\ud800–\\udfff must come in high–low pairs).";

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
                    try
                    {
                        map = ToMap(root);
                    }
                    catch (InvalidOperationException exception) when (exception.InnerException is DecoderFallbackException or null)
                    {
                        return new(StatusCodes.Status400BadRequest, NotUnicode($"The \"{name}\" query parameter"));
                    }
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
