using System.Text;
using System.Text.Json;
using CsCheck;

namespace GraphIntel.Testing.Fuzz;

/// <summary>One fuzzed GraphQL-over-HTTP request: a POST with headers and body bytes, or a GET with a raw query string.</summary>
public sealed record FuzzRequest(string Method, string? ContentType, string? ContentEncoding, string? Accept, byte[] Body, string? QueryString)
{
    /// <summary>For failure reports: the request with its body as text (invalid UTF-8 replaced) and the first bytes in hex.</summary>
    public override string ToString() =>
        $"{Method} ?{QueryString} Content-Type: {ContentType} Content-Encoding: {ContentEncoding} Accept: {Accept}\n" +
        $"body ({Body.Length} bytes): {Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 600)])}\n" +
        $"hex: {Convert.ToHexString(Body[..Math.Min(Body.Length, 64)])}";
}

/// <summary>
/// CsCheck generators of GraphQL-over-HTTP requests for fuzzing the request reader and the endpoint: well-formed
/// bodies carrying generated and mutated documents (<see cref="GraphQLDocumentGen"/>) and variables; JSON whose
/// shape is wrong (arrays, wrong member types, deep nesting, duplicate members, huge numbers); byte-level mutations
/// (invalid UTF-8 of every kind, truncation, a BOM, NULs); odd media types, charsets, encodings and Accept headers;
/// and GET query strings, including broken percent-encoding and repeated parameters.
/// </summary>
public static class HttpRequestGen
{
    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/json;charset=UTF8",
        "application/graphql-response+json", "application/json; charset=latin1", "text/plain", null, "", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=\"utf-8\"", "application/json;;;", "*/*", "application/graphql",
        "application/json; charset=utf-16", "application/jsonx", "application/json; boundary",
    ];

    private static readonly string?[] Accepts =
    [
        null, "application/graphql-response+json", "application/json", "application/json; charset=utf-8", "*/*", "text/html",
        "application/graphql-response+json;q=0.5, application/json;q=0.9", "application/json; charset=latin1", "", ";;", "application/*",
    ];

    private static readonly string?[] Encodings = [null, null, null, null, null, null, "gzip", "identity", "br", "deflate", "x-unknown"];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0x80], [0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3], [0x00], [0xEF, 0xBB, 0xBF],
    ];

    /// <summary>JSON string escapes, lone surrogates among them (System.Text.Json never writes those, so they are written by hand).</summary>
    private static readonly string[] JsonEscapes = ["\\uD800", "\\uDC00", "\\uDBFF\\uDFFF", "\\ud83d", "\\u0000", "\\u001f", "\\uFFFF", "\\uFEFF", "\\n", "\\\\", "\\/", "\\x", "\\u12", "é", ""];

    private static readonly Gen<object?> JsonScalar = Gen.Frequency<object?>(
        (3, Gen.Int.Select(i => (object?)i)), (2, Gen.String.Select(s => (object?)s)), (1, Gen.Bool.Select(b => (object?)b)),
        (1, Gen.Bool.Select(_ => (object?)null)), (1, Gen.Double.Select(d => double.IsFinite(d) ? (object?)d : 0.5)),
        (1, Gen.OneOf<object?>(long.MaxValue, decimal.MaxValue, "\u0000", "\uD800", "2011", "org/kib", "")));

    private static readonly Gen<object?> JsonValue = Gen.Recursive<object?>((depth, inner) => depth >= 3
        ? JsonScalar
        : Gen.Frequency<object?>(
            (4, JsonScalar),
            (1, inner.Array[0, 4].Select(a => (object?)a)),
            (1, GraphQLDocumentGen.Name.Select(inner, (k, v) => KeyValuePair.Create(k, v)).Array[0, 4]
                .Select(kv => (object?)kv.DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value)))));

    private static readonly Gen<object?> Variables = Gen.Frequency<object?>(
        (3, Gen.Bool.Select(_ => (object?)null)),
        (3, GraphQLDocumentGen.Name.Select(JsonValue, (k, v) => KeyValuePair.Create(k, v)).Array[0, 4]
            .Select(kv => (object?)kv.DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value))),
        (1, JsonValue));

    /// <summary>A JSON body: {query, variables, operationName} with the document, often well-formed, sometimes of the wrong shape.</summary>
    private static Gen<byte[]> JsonBody(Gen<string> documents) => Gen.Frequency<byte[]>(
        (6, Gen.Select(documents, Variables, Gen.OneOf<string?>(null, null, "a", "", "query", "dashboard"),
            (q, v, op) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = q, ["variables"] = v, ["operationName"] = op }))),
        (2, Gen.Select(JsonValue, JsonValue, JsonValue,
            (q, v, op) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = q, ["variables"] = v, ["operationName"] = op }))),
        (1, JsonValue.Select(v => JsonSerializer.SerializeToUtf8Bytes(v))),
        (1, documents.Select(q => JsonSerializer.SerializeToUtf8Bytes(new[] { new { query = q } }))),
        (1, Gen.Int[1, 2000].Select(depth => Encoding.UTF8.GetBytes("{\"query\":\"{a}\",\"variables\":{\"v\":" + new string('[', depth) + new string(']', depth) + "}}"))),
        (1, documents.Select(q => Encoding.UTF8.GetBytes("{\"query\":" + JsonSerializer.Serialize(q) + ",\"query\":1,\"extensions\":{\"persistedQuery\":{}}}"))),
        (1, Gen.OneOf(JsonEscapes).Select(Gen.OneOf(JsonEscapes), Gen.OneOf(JsonEscapes), (a, b, c) =>
            Encoding.UTF8.GetBytes("{\"query\":\"{ a(s: \\\"" + a + "\\\") }" + b + "\",\"operationName\":\"" + c + "\",\"variables\":{\"" + b + "\":\"" + c + "\"}}"))),
        (1, Gen.Int[0, 400].Select(n => Encoding.UTF8.GetBytes("{\"query\":\"{ a(n: 1" + new string('0', n) + ") }\",\"variables\":{\"n\":1" + new string('0', n) + "e99999}}"))));

    private static readonly Gen<Func<byte[], byte[]>> ByteEdit = Gen.Frequency<Func<byte[], byte[]>>(
        (4, Gen.Int[0, int.MaxValue].Select(Gen.OneOf(InvalidUtf8), (at, bytes) => (Func<byte[], byte[]>)(b => Insert(b, at, bytes)))),
        (2, Gen.Int[0, int.MaxValue].Select(Gen.Byte, (at, x) => (Func<byte[], byte[]>)(b => Replace(b, at, x)))),
        (1, Gen.Int[0, int.MaxValue].Select(at => (Func<byte[], byte[]>)(b => b[..(at % (b.Length + 1))]))),
        (1, Gen.Const<Func<byte[], byte[]>>(b => [0xEF, 0xBB, 0xBF, .. b])),
        (1, Gen.Int[0, int.MaxValue].Select(Gen.Int[1, 16], (at, n) => (Func<byte[], byte[]>)(b => b.Length == 0 ? b : [.. b[..(at % b.Length)], .. b[Math.Min(b.Length, at % b.Length + n)..]]))));

    /// <summary>A body with one to three byte-level edits (half of them invalid UTF-8).</summary>
    private static Gen<byte[]> MutatedBody(Gen<string> documents) =>
        JsonBody(documents).Select(ByteEdit.Array[1, 3], (body, edits) => edits.Aggregate(body, (b, edit) => edit(b)));

    private static readonly string[] QueryStringNoise = ["%", "%G0", "%FF", "%C0%80", "%ED%A0%80", "&", "=", "&query=", "&variables=", "+", "#", "%00", "&operationName="];

    /// <summary>A GET's query string: the document and variables URL-encoded, sometimes broken.</summary>
    private static Gen<string> QueryString(Gen<string> documents) => Gen.Select(documents, Variables, Gen.OneOf(QueryStringNoise), Gen.Int[0, 4],
        (q, v, noise, how) => how switch
        {
            0 => "query=" + Uri.EscapeDataString(q),
            1 => "query=" + Uri.EscapeDataString(q) + "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(v)),
            2 => "query=" + Uri.EscapeDataString(q) + noise,
            3 => noise + "query=" + Uri.EscapeDataString(q) + "&query=" + Uri.EscapeDataString(q),
            _ => "variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(v)) + noise,
        });

    /// <summary>Any request: mostly POSTs (well-formed, wrongly shaped or mutated bodies), some GETs.</summary>
    public static Gen<FuzzRequest> Request(Gen<string> documents) => Gen.Frequency<FuzzRequest>(
        (7, Gen.Select(Gen.Frequency<byte[]>((3, JsonBody(documents)), (3, MutatedBody(documents))), Gen.OneOf(ContentTypes), Gen.OneOf(Encodings), Gen.OneOf(Accepts),
            (body, contentType, encoding, accept) => new FuzzRequest("POST", contentType, encoding, accept, body, null))),
        (2, Gen.Select(QueryString(documents), Gen.OneOf(Accepts),
            (query, accept) => new FuzzRequest("GET", null, null, accept, [], query))));

    /// <summary>POST bodies only (for the reader's body parsing in process).</summary>
    public static Gen<byte[]> Body(Gen<string> documents) => Gen.Frequency<byte[]>((1, JsonBody(documents)), (1, MutatedBody(documents)));

    private static byte[] Insert(byte[] body, int at, byte[] bytes)
    {
        var position = at % (body.Length + 1);
        return [.. body[..position], .. bytes, .. body[position..]];
    }

    private static byte[] Replace(byte[] body, int at, byte value)
    {
        if (body.Length == 0) return body;
        var copy = (byte[])body.Clone();
        copy[at % copy.Length] = value;
        return copy;
    }
}
