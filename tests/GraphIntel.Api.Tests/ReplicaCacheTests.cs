extern alias graphtesting;
using System.Diagnostics;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using graphtesting::GraphIntel.Graph.Testing;
using Fixture = graphtesting::GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Two real API hosts (each its own Kestrel, store cache and response cache) on one real Neo4j 3.1.1 of this class's own,
/// with both caches on (the default) and a short generation check interval: an answer B has cached is served from its
/// cache, and a write through A — or by another writer on the store, as the seed tool writes — is seen through B within
/// the interval plus slack. (Two API processes on one embedded store can't be: the first holds the file's writer lock,
/// and the seed tool is refused while an API runs; StoreLockTests.)
/// </summary>
[RequiresNeo4j]
public sealed class ReplicaCacheTests(OwnNeo4jServer neo4j) : IClassFixture<OwnNeo4jServer>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);
    /// <summary>What the assertion allows beyond the interval: a loaded CI machine, never what the code relies on.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(15);

    private const string NewPerson = "person/replica-newcomer";
    private const string PersonQuery = """{ node(id: "person/replica-newcomer") { id ... on Person { name } } }""";

    private sealed class Replica(Uri neo4jUrl) : ApiHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["GraphStore:Backend"] = "neo4j",
            ["GraphStore:Neo4j:Url"] = neo4jUrl.ToString(),
            ["GraphIntel:Startup:SeedWhenEmpty"] = "false",
            ["GraphIntel:Cache:GenerationCheckInterval"] = Interval.ToString("c"),
        };

        public GraphQLResponseCache ResponseCache =>
            Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.ResponseCache ?? throw new InvalidOperationException("response cache off");

        public CachingGraphStore StoreCache => (CachingGraphStore)Store;

        public async Task WaitReadyAsync()
        {
            var deadline = Stopwatch.StartNew();
            while ((await Http.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "the API did not become ready on Neo4j");
                await Task.Delay(100);
            }
        }
    }

    [StoreFact]
    public async Task A_write_through_one_replica_or_by_another_writer_is_seen_through_the_other_within_the_check_interval()
    {
        await using (var seed = new Neo4jGraphStore(new Neo4jOptions { Url = neo4j.Url }))
        {
            await seed.InitializeAsync();
            await seed.ApplyAsync(Fixture.WholeGraph, Fixture.Context);
        }
        var a = new Replica(neo4j.Url);
        var b = new Replica(neo4j.Url);
        await a.InitializeAsync();
        await b.InitializeAsync();
        try
        {
            await a.WaitReadyAsync();
            await b.WaitReadyAsync();

            // B answers, then answers again from its response cache: the answer is really cached.
            var first = await ResponseCacheTests.PostAsync(b.Http, PersonQuery);
            var again = await ResponseCacheTests.PostAsync(b.Http, PersonQuery);
            Assert.Equal(JsonValueKind.Null, first.Body.GetProperty("data").GetProperty("node").ValueKind);
            Assert.Equal(("miss", "hit"), (first.Cache, again.Cache));
            Assert.Equal(first.Raw, again.Raw);
            Assert.True(b.ResponseCache.Statistics.Hits >= 1, b.ResponseCache.Statistics.ToString());
            Assert.True(b.StoreCache.Statistics.GenerationChecks >= 1, b.StoreCache.Statistics.ToString());

            // A write through A: B sees it within the interval (plus slack), and its data version moves.
            var versionBefore = b.StoreCache.DataVersion;
            var write = await ResponseCacheTests.PostAsync(a.Http, """
                mutation($input: EntityInput!) { upsertPerson(input: $input, reason: "test: replicas") { id } }
                """, new
            {
                input = new
                {
                    id = NewPerson,
                    name = "Replica Newcomer",
                    citations = new[] { new { sourceId = Fixture.Alpha, quote = "Mahdi Arsalan led Jamaat Ansarullah" } },
                },
            }, ApiHost.EditorKey);
            Assert.False(write.Body.TryGetProperty("errors", out _), write.Raw);
            var seen = await PollUntilAsync(b, PersonQuery, body => body.GetProperty("data").GetProperty("node").ValueKind == JsonValueKind.Object);
            Assert.True(seen < Interval + Slack, $"B saw A's write after {seen}");
            Assert.NotEqual(versionBefore, b.StoreCache.DataVersion);
            Assert.Equal(a.StoreCache.DataVersion, b.StoreCache.DataVersion); // one store, one version

            // Both cache the new answer; then another writer on the store (as the seed tool writes) renames the person.
            foreach (var replica in new[] { a, b })
            {
                await ResponseCacheTests.PostAsync(replica.Http, PersonQuery);
                Assert.Equal("hit", (await ResponseCacheTests.PostAsync(replica.Http, PersonQuery)).Cache);
            }
            await using (var tool = new Neo4jGraphStore(new Neo4jOptions { Url = neo4j.Url }))
            {
                await tool.InitializeAsync();
                var person = (await tool.GetEntitiesAsync([NewPerson]))[NewPerson];
                await tool.ApplyAsync(new ChangeSet { Entities = [person with { Name = "Replica Renamed" }] },
                    new WriteContext("seed load", "test: another writer", DateTimeOffset.UtcNow));
            }
            foreach (var replica in new[] { a, b })
            {
                var renamed = await PollUntilAsync(replica, PersonQuery,
                    body => body.GetProperty("data").GetProperty("node").GetProperty("name").GetString() == "Replica Renamed");
                Assert.True(renamed < Interval + Slack, $"a replica saw the other writer's write after {renamed}");
            }
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    /// <summary>Asks <paramref name="replica"/> until the answer satisfies <paramref name="fresh"/>; how long that took.</summary>
    private static async Task<TimeSpan> PollUntilAsync(Replica replica, string query, Func<JsonElement, bool> fresh)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ResponseCacheTests.PostAsync(replica.Http, query);
            Assert.False(answer.Body.TryGetProperty("errors", out _), answer.Raw);
            if (fresh(answer.Body)) return clock.Elapsed;
            Assert.True(clock.Elapsed < Interval + Slack, $"still the old answer after {clock.Elapsed}: {answer.Raw}");
            await Task.Delay(20);
        }
    }
}
