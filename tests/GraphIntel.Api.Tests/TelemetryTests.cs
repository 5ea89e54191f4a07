using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphIntel.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Telemetry on the real host: GraphQL requests (queries, an error, a mutation with a key, persisted queries, a
/// response-cache hit), then <c>/metrics</c> scraped and read with our own parser of the Prometheus text format; spans
/// collected by OpenTelemetry's in-memory exporter. Counts are compared as differences between two scrapes, so the
/// seed load and the background statistics refresh (store calls of their own) don't enter them. Not run in parallel
/// with other classes: the instruments' names are process-wide.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetryTests(TelemetryTests.TracedApiHost api) : IClassFixture<TelemetryTests.TracedApiHost>
{
    private const string Secret = "Telemetry-secret-variable-value-7f3a";

    public sealed class TracedApiHost : ApiHost
    {
        public List<Activity> Spans { get; } = [];

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource("GraphIntel.GraphQL", "GraphIntel.Api")
                .AddAspNetCoreInstrumentation()
                .AddInMemoryExporter(Spans));

        public Activity[] SpansNow()
        {
            lock (Spans) return [.. Spans];
        }
    }

    [Fact]
    public async Task A_scrape_after_requests_shows_the_GraphQL_metrics_with_their_labels_and_counts()
    {
        var before = Parse(await ScrapeAsync());

        // Three runs of one named query (a comment varies the bytes, so none is a response-cache hit); its cost by hand:
        // statistics (1) + organizations (1).
        for (var i = 0; i < 3; i++) (await api.QueryAsync($"query TelemetryProbeQuery {{ statistics {{ organizations }} }} # {i}")).Ok();
        // The same bytes again: answered by the response cache, not executed.
        (await api.QueryAsync("query TelemetryProbeQuery { statistics { organizations } } # 0")).Ok();
        // A validation error (no code), a mutation without a key (FORBIDDEN), a mutation with the editor key.
        var invalid = await api.QueryAsync("query TelemetryProbeBad { statistics { nope } }", operationName: "TelemetryProbeBad");
        Assert.NotEmpty(invalid.Errors);
        const string write = "mutation TelemetryProbeWrite($d: String) { upsertOrganization(input: { id: \"org/kib\", description: $d }) { id } }";
        Assert.Equal("FORBIDDEN", (await api.QueryAsync(write.Replace("TelemetryProbeWrite", "TelemetryProbeForbidden"), new { d = Secret })).ErrorCode());
        (await api.QueryAsync(write, new { d = Secret }, ApiHost.EditorKey)).Ok();
        // Persisted queries: a miss, the registration, a hit.
        const string persisted = "query TelemetryProbePersisted { statistics { sources } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(persisted)));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostPersistedAsync(null, hash)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        await PostPersistedAsync(persisted, hash);
        await PostPersistedAsync(null, hash);

        // An entity read twice (different bytes): the second read is a store-cache hit.
        for (var i = 0; i < 2; i++) (await api.QueryAsync($"{{ entity(id: \"org/isis-k\") {{ id }} }} # cache {i}")).Ok();

        var text = await ScrapeAsync();
        var after = Parse(text);
        double Delta(string name, params (string Label, string Value)[] labels) => Sum(after, name, labels) - Sum(before, name, labels);

        (string, string) Name(string name) => ("graphql_operation_name", name);
        (string, string) Type(string type) => ("graphql_operation_type", type);
        Assert.Equal(3, Delta("graphql_server_operation_duration_seconds_count", Name("TelemetryProbeQuery"), Type("query")));
        Assert.Equal(3, Delta("graphql_server_operation_cost_count", Name("TelemetryProbeQuery"), Type("query")));
        Assert.Equal(3 * 2, Delta("graphql_server_operation_cost_sum", Name("TelemetryProbeQuery"), Type("query")));
        Assert.Equal(1, Delta("graphql_server_operation_duration_seconds_count", Name("TelemetryProbeWrite"), Type("mutation")));
        Assert.Equal(0, Delta("graphql_server_errors_total", Name("TelemetryProbeWrite")));
        Assert.Equal(1, Delta("graphql_server_errors_total", Name("TelemetryProbeForbidden"), Type("mutation"), ("graphql_error_code", "FORBIDDEN")));
        Assert.Equal(1, Delta("graphql_server_errors_total", Name("TelemetryProbeBad"), ("graphql_error_code", "NONE")));
        Assert.Equal(1, Delta("graphql_server_errors_total", ("graphql_error_code", "PERSISTED_QUERY_NOT_FOUND")));
        // Registered and then run by its hash: two executions.
        Assert.Equal(2, Delta("graphql_server_operation_duration_seconds_count", Name("TelemetryProbePersisted"), Type("query")));
        foreach (var result in new[] { "miss", "register", "hit" })
            Assert.Equal(1, Delta("graphql_server_persisted_query_lookups_total", ("graphintel_cache_result", result)));
        Assert.Equal(1, Delta("graphql_server_response_cache_lookups_total", ("graphintel_cache_result", "hit")));
        // The write reached the store once; the store cache counts its lookups.
        Assert.Equal(1, Delta("graphintel_store_call_duration_seconds_count", ("graphintel_store_method", "Apply"), ("graphintel_store_backend", "embedded")));
        Assert.True(Delta("graphintel_store_cache_lookups_total", ("graphintel_cache_result", "hit")) >= 1);
        // ASP.NET Core's own request metrics are there too.
        Assert.True(Sum(after, "http_server_request_duration_seconds_count") > 0);

        // Neither query text nor variable values are in any label.
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("statistics", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_span_parents_its_stages_under_the_request_span_and_carries_no_query_text()
    {
        const string query = "query TelemetryProbeSpan($id: ID!) { entity(id: $id) { id name } } # spans";
        (await api.QueryAsync(query, new { id = "org/isis-k" })).Ok();

        // Spans are exported as they end; the request span ends after the response is sent, so wait for it (bounded).
        Activity? operation = null, request = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var spans = api.SpansNow();
            operation = spans.LastOrDefault(s => s.DisplayName == "query TelemetryProbeSpan");
            request = operation is null ? null : spans.FirstOrDefault(s => s.SpanId == operation.ParentSpanId);
            if (request is not null) break;
            await Task.Delay(50);
        }
        Assert.NotNull(operation);
        Assert.NotNull(request);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal("GraphIntel.GraphQL", operation.Source.Name);
        Assert.Equal("TelemetryProbeSpan", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Null(operation.GetTagItem("graphql.document"));

        var all = api.SpansNow();
        var children = all.Where(s => s.ParentSpanId == operation.SpanId).Select(s => s.DisplayName).ToList();
        Assert.Equal(["graphql.parse", "graphql.validate", "graphql.execute"], children);
        var execute = all.Single(s => s.ParentSpanId == operation.SpanId && s.DisplayName == "graphql.execute");
        // The entity is read from the store (or its cache): any store call made is the execute span's child.
        Assert.All(all.Where(s => s.Source.Name == "GraphIntel.Api" && s.TraceId == operation.TraceId), s => Assert.Equal(execute.SpanId, s.ParentSpanId));

        foreach (var span in all.Where(s => s.TraceId == operation.TraceId))
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                Assert.False(shown.Contains("entity(", StringComparison.Ordinal) || shown.Contains("org/isis-k", StringComparison.Ordinal),
                    $"span {span.DisplayName} tag {key} carries query text or a variable value: {shown}");
            }
        }
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await api.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> PostPersistedAsync(string? query, string hash)
    {
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        var json = JsonSerializer.Serialize(query is null ? (object)new { extensions } : new { query, extensions });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await api.Http.PostAsync("/graphql", content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>The samples of a Prometheus text exposition: <c>name{label="value",…} number</c> lines, comments skipped.</summary>
    private static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
                labels[label.Groups[1].Value] = Regex.Unescape(label.Groups[2].Value);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }
        return samples;
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    private static double Sum(List<Sample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (process-wide instruments)";
}

/// <summary><c>/metrics</c> protection. Its own host, in its own non-parallel collection, so it is never up while <see cref="TelemetryTests"/> counts.</summary>
[Collection(TelemetryAccessCollection.Name)]
public sealed class TelemetryAccessTests
{
    [Fact]
    public async Task Metrics_need_a_key_when_access_is_key()
    {
        await using var host = new KeyOnlyMetricsHost();
        await host.InitializeAsync();
        using (var refused = await host.Http.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("UNAUTHENTICATED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.ReaderKey);
        using var scraped = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("# TYPE", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class KeyOnlyMetricsHost : ApiHost, IAsyncDisposable
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["GraphIntel:Telemetry:MetricsAccess"] = "key" };

        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }

}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryAccessCollection
{
    public const string Name = "Telemetry access (own host)";
}

