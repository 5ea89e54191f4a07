using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Testing.Fuzz;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Property-based fuzzing of the whole GraphQL endpoint on the real API host (Kestrel, a real SQLite file, the curated
/// data set): generated and mutated requests (tests/Shared/Fuzz: documents from the grammar and from the README's
/// queries and the API's schema, wrongly shaped and byte-mutated JSON bodies, invalid UTF-8, odd media types,
/// encodings and Accept headers, broken GET query strings). Every request is answered — never with a 5xx — with a
/// JSON body (or an empty 4xx when Kestrel itself refuses an over-long URI), and every refusal carries GraphQL errors with messages.
/// </summary>
public sealed class EndpointFuzzTests(ApiHost api) : IClassFixture<ApiHost>
{
    private static readonly Gen<string> Documents = GraphQLDocumentGen.Any(FuzzCorpus.Documents());

    [Fact]
    public Task Any_request_is_answered_or_refused_cleanly_and_never_with_a_5xx() =>
        HttpRequestGen.Request(Documents).SampleAsync(async request => Holds(await AnsweredCleanly(api.Http, request)), iter: 1_500);

    /// <summary>Sends <paramref name="fuzz"/> to /graphql; the failure, or null when it was answered cleanly. (Shared with the long run's HTTP mode in spirit: see tests/GraphIntel.Benchmarks/Fuzz.)</summary>
    internal static async Task<string?> AnsweredCleanly(HttpClient http, FuzzRequest fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), "/graphql" + (fuzz.QueryString is null ? "" : "?" + fuzz.QueryString));
        if (fuzz.Method == "POST")
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            if (fuzz.ContentEncoding is not null) request.Content.Headers.TryAddWithoutValidation("Content-Encoding", fuzz.ContentEncoding);
        }
        if (fuzz.Accept is not null) request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"HTTP {status}: {text}";
        // Kestrel's own refusals, before any endpoint runs (a request line or header too long): a status, no body.
        if (status is 400 or 414 or 431 && text.Length == 0) return null;
        // A browser's GET (Accept: text/html) is answered with the GraphiQL page.
        if (status == 200 && fuzz.Method == "GET" && response.Content.Headers.ContentType?.MediaType == "text/html") return null;
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return $"HTTP {status} with a body that is not JSON: {text}";
        }
        if (status == 200 && (body.TryGetProperty("data", out _) || body.TryGetProperty("errors", out _))) return null;
        if (!body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return $"HTTP {status} without GraphQL errors: {text}";
        foreach (var error in errors.EnumerateArray())
        {
            if (!error.TryGetProperty("message", out var message) || message.GetString() is not { Length: > 0 }) return $"HTTP {status}, an error without a message: {text}";
        }
        return null;
    }

    private static void Holds(string? failure) => Assert.True(failure is null, failure);
}
