using System.Diagnostics;
using System.Text.Json;
using GraphIntel.Api.Limits;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Issue #11, "one anonymous 2.4 KB read took the server down": reads are bounded by what they produce. The shapes of
/// the finding, on the real host over the seeded SQLite file, are refused by the cost check or answered with
/// RESPONSE_TOO_LARGE — a small body, quickly — while dashboard queries still work. The expected sizes are counted
/// from the store's own export, not from the code under test.
/// </summary>
public sealed class HostileReadTests(ApiHost api) : IClassFixture<ApiHost>
{
    internal const long DefaultLimit = 16 * 1024 * 1024;
    private const string Shay = "source/shay-2024-afghanistan-terror-threat";

    [Fact]
    public async Task Fifty_aliases_of_every_citation_with_its_source_text_are_refused_by_the_cost_check()
    {
        await Statistics(api).RefreshAsync(force: true);
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 50).Select(i => $"a{i}: sources {{ citations {{ source {{ text }} }} }}")) + " }";
        Assert.InRange(query.Length, 2_000, 2_600); // the 2.4 KB read of the finding

        var (response, elapsed) = await Timed(() => api.QueryAsync(query));

        var error = Assert.Single(response.Errors);
        Assert.Equal("QUERY_TOO_COMPLEX", response.ErrorCode());
        Assert.True(error.GetProperty("extensions").GetProperty("value").GetInt64() > 100_000);
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.True(response.Raw.Length < 1_000, $"{response.Raw.Length} bytes");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}"); // generous: a refusal, not a timing benchmark
    }

    [Fact]
    public async Task The_120_byte_round_trip_through_a_sources_citations_is_refused_by_the_cost_check()
    {
        await Statistics(api).RefreshAsync(force: true);
        // source → its citations → each citation's source (the same one) → all its citations again: n × n quotes.
        var snapshot = await api.Store.ExportAsync();
        var quotes = AllCitations(snapshot).Where(c => c.SourceId == Shay).Select(c => (long)c.Quote.Length).ToList();
        var wouldBe = quotes.Count * quotes.Sum();
        Assert.True(wouldBe > DefaultLimit, $"the data no longer makes this shape large ({wouldBe} characters)");

        var query = $$"""{ source(id: "{{Shay}}") { citations { source { citations { quote } } } } }""";
        var (response, elapsed) = await Timed(() => api.QueryAsync(query));

        Assert.Single(response.Errors);
        Assert.Equal("QUERY_TOO_COMPLEX", response.ErrorCode());
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.True(response.Raw.Length < 1_000, $"{response.Raw.Length} bytes");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public async Task A_dashboard_query_over_every_organization_is_answered()
    {
        var data = (await api.QueryAsync("""
            { organizations(first: 100) { totalCount edges { node {
                name
                umbrella(asOf: "2022") { type to { name } status note citations { source { title } quote } } } } } }
            """)).Ok();

        var organizations = data.GetProperty("organizations");
        var expected = (await api.Store.ExportAsync()).Entities.Count(e => e.Kind == EntityKind.Organization);
        Assert.Equal(expected, organizations.GetProperty("totalCount").GetInt32());
        Assert.Equal(Math.Min(100, expected), organizations.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task The_longest_source_text_with_its_citations_is_answered()
    {
        var source = (await api.Store.GetSourcesAsync([Shay]))[Shay];

        var data = (await api.QueryAsync($$"""{ source(id: "{{Shay}}") { text citations { quote subjectId } } }""")).Ok();

        Assert.Equal(source.Text, data.GetProperty("source").GetProperty("text").GetString());
    }

    internal static void AssertTooLarge(GraphQLResponse response, long limit)
    {
        var error = Assert.Single(response.Errors);
        Assert.Equal("RESPONSE_TOO_LARGE", response.ErrorCode());
        Assert.Equal(limit, error.GetProperty("extensions").GetProperty("limit").GetInt64());
        Assert.Contains($"larger than the limit of {limit} bytes", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal(200, response.Status);
        Assert.True(response.Raw.Length < 1_000, $"{response.Raw.Length} bytes");
    }

    internal static IEnumerable<Citation> AllCitations(GraphSnapshot snapshot) =>
        snapshot.Entities.SelectMany(e => e.Citations)
            .Concat(snapshot.Relationships.SelectMany(r => r.Citations))
            .Concat(snapshot.StrengthEstimates.SelectMany(x => x.Citations));

    internal static CostStatistics Statistics(ApiHost host) => host.Services.GetRequiredService<CostStatistics>();

    internal static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (result, clock.Elapsed);
    }
}

/// <summary>The API with a 4 KiB response limit.</summary>
public sealed class SmallResponseHost : ApiHost
{
    public const long Limit = 4096;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:MaxResponseBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary><c>GraphIntel:Limits:MaxResponseBytes</c> is the configured bound of every response.</summary>
public sealed class ResponseByteLimitTests(SmallResponseHost api) : IClassFixture<SmallResponseHost>
{
    [Fact]
    public async Task A_response_over_the_configured_limit_is_RESPONSE_TOO_LARGE_naming_it()
    {
        const string shay = "source/shay-2024-afghanistan-terror-threat";
        var text = (await api.Store.GetSourcesAsync([shay]))[shay].Text;
        Assert.True(text.Length > SmallResponseHost.Limit);

        var response = await api.QueryAsync($$"""{ source(id: "{{shay}}") { text } }""");

        var error = Assert.Single(response.Errors);
        Assert.Equal("RESPONSE_TOO_LARGE", response.ErrorCode());
        Assert.Equal(SmallResponseHost.Limit, error.GetProperty("extensions").GetProperty("limit").GetInt64());
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
    }

    [Fact]
    public async Task A_response_under_the_configured_limit_is_answered()
    {
        var data = (await api.QueryAsync("{ statistics { sources organizations } }")).Ok();
        var expected = (await api.Store.ExportAsync()).Sources.Count;
        Assert.Equal(expected, data.GetProperty("statistics").GetProperty("sources").GetInt32());
    }
}

/// <summary>The API with a low cost limit, so that the cost the statistics give a query shows.</summary>
/// <summary>
/// The response-size guard on its own: with the cost check set high, a read the cost estimate lets through still may
/// not build an answer above the size limit (the seed data's citations grew past the default cost of this shape).
/// </summary>
public sealed class ResponseSizeTests(HighCostLimitHost api) : IClassFixture<HighCostLimitHost>
{
    [Fact]
    public async Task Every_citation_with_its_source_text_once_is_too_large_to_send()
    {
        // What the answer would weigh: each citation carries its source's whole text.
        var snapshot = await api.Store.ExportAsync();
        var textLength = snapshot.Sources.ToDictionary(s => s.Id, s => (long)s.Text.Length);
        var wouldBe = HostileReadTests.AllCitations(snapshot).Sum(c => textLength[c.SourceId]);
        Assert.True(wouldBe > HostileReadTests.DefaultLimit, $"the data no longer makes this shape large ({wouldBe} characters)");

        var (response, elapsed) = await HostileReadTests.Timed(() => api.QueryAsync("{ sources { citations { source { text } } } }"));

        HostileReadTests.AssertTooLarge(response, HostileReadTests.DefaultLimit);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

}

/// <summary>The API with a cost limit no seed-data query reaches, so the response-size guard is what answers.</summary>
public sealed class HighCostLimitHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:MaxQueryCost"] = "100000000",
    };
}

public sealed class LowCostLimitHost : ApiHost
{
    public const long Limit = 5_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:MaxQueryCost"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The cost of a list the query can't bound follows the data: a query that was cheap is refused once a source has
/// many citations. Expected costs are worked out here from the store's export: for <c>{ sources { citations { quote } } }</c>
/// 1 (sources) + S (citations, once per source) + the quotes, estimated as S lists of the length-biased mean
/// m = Σ n² / Σ n (n the citations of each source) and one as long as the longest (max):
/// min(S × max, ⌈S × m + (max − m)⌉).
/// </summary>
public sealed class CostFromStatisticsTests(LowCostLimitHost api) : IClassFixture<LowCostLimitHost>
{
    private const string Query = "{ sources { citations { quote } } }";

    [Fact]
    public async Task A_query_that_was_cheap_is_refused_once_one_source_has_many_citations()
    {
        var statistics = HostileReadTests.Statistics(api);
        await statistics.RefreshAsync(force: true);
        var before = ExpectedCost(await api.Store.ExportAsync());
        Assert.True(before <= LowCostLimitHost.Limit, $"the seed data already costs {before}");

        var answered = (await api.QueryAsync(Query)).Ok();
        Assert.Equal((await api.Store.ExportAsync()).Sources.Count, answered.GetProperty("sources").GetArrayLength());

        await api.Store.ApplyAsync(OneSourceWithManyCitations(3_000), new WriteContext("test", "cost statistics", DateTimeOffset.UtcNow));
        await statistics.RefreshAsync();
        var after = ExpectedCost(await api.Store.ExportAsync());
        Assert.True(after > LowCostLimitHost.Limit);

        var refused = await api.QueryAsync(Query);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("QUERY_TOO_COMPLEX", refused.ErrorCode());
        Assert.Equal(after, error.GetProperty("extensions").GetProperty("value").GetInt64());
        Assert.Equal($"Query cost {after} exceeds the maximum allowed cost of {LowCostLimitHost.Limit}.", error.GetProperty("message").GetString());
    }

    private static long ExpectedCost(GraphSnapshot snapshot)
    {
        var perSource = HostileReadTests.AllCitations(snapshot).GroupBy(c => c.SourceId).Select(g => (long)g.Count()).ToList();
        long sources = snapshot.Sources.Count;
        long longest = perSource.Max();
        var biasedMean = (double)perSource.Sum(n => n * n) / perSource.Sum();
        var quotes = Math.Min(sources * longest, (long)Math.Ceiling(sources * biasedMean + (longest - biasedMean)));
        return 1 + sources + quotes;
    }

    // A new place cited by `count` distinct passages of a new source.
    private static ChangeSet OneSourceWithManyCitations(int count)
    {
        const string sourceId = "source/test-costville-minutes";
        var lines = Enumerable.Range(1, count).Select(i => $"Entry {i}: the town council of Costville met on day {i} to discuss the border crossing.");
        var quotes = Enumerable.Range(1, count).Select(i => $"the town council of Costville met on day {i} to discuss the border crossing");
        return new ChangeSet
        {
            Sources = [new Source(sourceId, "Minutes of the Costville town council", null, null, null, null, string.Join("\n", lines))],
            Entities = [new Entity("place/costville", EntityKind.Place, "Costville", [], quotes.Select(q => new Citation(sourceId, q)).ToList())],
        };
    }
}
