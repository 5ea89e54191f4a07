using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Malformed requests get a 4xx that says what was wrong, in words for the caller (no type or parameter names of the
/// code), and nothing at error level in the server log.
/// </summary>
public sealed class CleanRefusalTests(ErrorLogHost api) : IClassFixture<ErrorLogHost>
{
    private async Task<(int Status, JsonElement Body, string Raw)> PostBytesAsync(byte[] body, Action<HttpContentHeaders>? headers = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        headers?.Invoke(content.Headers);
        using var response = await api.Http.PostAsync("/graphql", content);
        var raw = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    private static string Message(JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    [Fact]
    public async Task Invalid_utf8_in_the_body_is_a_400_naming_the_byte_and_logs_no_error()
    {
        var errorsBefore = api.ErrorLog.Count;
        // {"query":"{ entity(name: \"K<0xFF>B\") { id } }"}: 0xFF never occurs in UTF-8.
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ entity(name: \\\"K").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("B\\\") { id } }\"}")).ToArray();
        var offset = Array.IndexOf(body, (byte)0xFF);

        var (status, response, raw) = await PostBytesAsync(body);

        Assert.Equal(400, status);
        Assert.Equal($"The request body is not valid UTF-8: the bytes at offset {offset} are not a UTF-8 sequence (send the body encoded as utf-8).", Message(response));
        Assert.Equal(errorsBefore, api.ErrorLog.Count);
        Assert.DoesNotContain("Exception", raw);
    }

    [Fact]
    public async Task A_truncated_utf8_sequence_in_a_variable_is_a_400()
    {
        // "\xC3" starts a two-byte sequence ("é" is C3 A9) that never ends.
        var body = Encoding.UTF8.GetBytes("{\"query\":\"query($n: String!) { entity(name: $n) { id } }\",\"variables\":{\"n\":\"Caf")
            .Concat(new byte[] { 0xC3 }).Concat(Encoding.UTF8.GetBytes("\"}}")).ToArray();

        var (status, response, _) = await PostBytesAsync(body);

        Assert.Equal(400, status);
        Assert.StartsWith("The request body is not valid UTF-8", Message(response));
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_the_body_is_a_400()
    {
        var errorsBefore = api.ErrorLog.Count;
        var body = Encoding.UTF8.GetBytes("{\"query\":\"query($n: String!) { entity(name: $n) { id } }\",\"variables\":{\"n\":\"\\ud800\"}}");

        var (status, response, _) = await PostBytesAsync(body);

        Assert.Equal(400, status);
        Assert.StartsWith("The request body holds a string that is not valid Unicode", Message(response));
        Assert.Equal(errorsBefore, api.ErrorLog.Count);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_query_string_is_a_400()
    {
        var errorsBefore = api.ErrorLog.Count;
        const string queryString = "query=%7B%20entity(name%3A%20%22K%FFB%22)%20%7B%20id%20%7D%20%7D";
        using var response = await api.Http.GetAsync("/graphql?" + queryString);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The query string is not valid UTF-8: its percent-encoded bytes at character {queryString.IndexOf("%FF", StringComparison.Ordinal) + 1} are not a UTF-8 sequence.", Message(body));
        Assert.Equal(errorsBefore, api.ErrorLog.Count);
    }

    [Fact]
    public async Task Valid_percent_encoded_utf8_in_the_query_string_is_read()
    {
        // "Islamic State – Khorasan" has an en dash (E2 80 93): a three-byte sequence must pass the check.
        var query = Uri.EscapeDataString("{ search(text: \"Khorasan – Islamic State\") { entity { id } } }");
        using var response = await api.Http.GetAsync("/graphql?query=" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task A_compressed_body_is_refused_with_415(string coding)
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ statistics { sources } }\"}");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add(coding);
        using var response = await api.Http.PostAsync("/graphql", content);
        var message = Message(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal($"The Content-Encoding \"{coding}\" is not supported: send the request body uncompressed.", message);
        Assert.Equal("identity", response.Headers.GetValues("Accept-Encoding").Single());
    }

    [Fact]
    public async Task A_bad_cursor_is_named_without_the_code_behind_it()
    {
        var response = await api.QueryAsync("{ organizations(first: 2, after: \"zzz\") { totalCount } }");

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("Argument \"after\": 'zzz' is not a cursor of this list.", response.Errors[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{ paths(from: \"org/no-such\", to: \"org/uto\") { length } }", "from", "org/no-such")]
    [InlineData("{ paths(from: \"org/ttt\", to: \"org/no-such\") { length } }", "to", "org/no-such")]
    [InlineData("{ lineage(id: \"org/no-such\") { nodes { id } } }", "id", "org/no-such")]
    [InlineData("{ neighborhood(id: \"person/no-such\") { nodes { id } } }", "id", "person/no-such")]
    [InlineData("{ neighborhood(id: \"source/shay-2024-afghanistan-terror-threat\") { nodes { id } } }", "id", "source/shay-2024-afghanistan-terror-threat")]
    public async Task A_traversal_from_an_unknown_id_is_not_found_naming_the_id(string query, string argument, string id)
    {
        var response = await api.QueryAsync(query);

        var error = Assert.Single(response.Errors);
        Assert.Equal("NOT_FOUND", response.ErrorCode());
        Assert.Equal($"Argument \"{argument}\": no entity has the id '{id}'.", error.GetProperty("message").GetString());
        Assert.Equal(id, error.GetProperty("extensions").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_traversal_between_known_but_unconnected_entities_is_still_an_empty_answer()
    {
        var data = (await api.QueryAsync("{ paths(from: \"org/ttt\", to: \"org/uto\", maxHops: 1, types: [RIVAL_OF]) { length } }")).Ok();
        Assert.Equal(JsonValueKind.Array, data.GetProperty("paths").ValueKind);
    }
}

/// <summary>The real host, keeping every log entry at error level or above.</summary>
public sealed class ErrorLogHost : ApiHost
{
    public ConcurrentQueue<string> ErrorLog { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ILoggerProvider>(new ErrorLogProvider(ErrorLog));

    private sealed class ErrorLogProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ErrorLogger(categoryName, log);
        public void Dispose() { }
    }

    private sealed class ErrorLogger(string category, ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
