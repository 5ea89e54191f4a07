extern alias graphtesting;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphIntel.Api.Tests.Support;
using graphtesting::GraphIntel.Graph.Testing;
using Xunit.Abstractions;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The two backends agree (#13 item 6): the real API on Kestrel over the embedded store and over a real Neo4j 3.1.1 of
/// this class's own, both seeded from the repository's curated data set on start, answer a generated corpus of about
/// 3,500 GraphQL requests — every name and alias and spellings of them, searches, relationships by type, direction,
/// status and asOf, leaders, timelines, lineage, paths, neighbourhoods, whole page walks with cursors, sources,
/// statistics, bad input — and a sequence of writes with the reads after them, identically, after
/// <see cref="Normalize"/> (which undoes only what the schema leaves unordered or opaque). The corpus is drawn with a
/// fixed seed from the data as the embedded API lists it (the same listing on Neo4j is itself compared first). A
/// difference fails the test naming the request and both answers' line diff, the first <see cref="Shown"/> of them.
/// </summary>
[RequiresNeo4j]
public sealed class BackendDifferentialTests(OwnNeo4jServer neo4j, ITestOutputHelper output) : IClassFixture<OwnNeo4jServer>
{
    private const int Seed = 20_13_06;
    private const int Shown = 8;

    /// <summary>
    /// The same limits on both: large enough that the listing the corpus is drawn from fits one page and no answer
    /// depends on how long a loaded CI machine takes (a timed-out attempt retried would be a difference of timing).
    /// </summary>
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["GraphIntel:Limits:MaxPageSize"] = "1000",
        ["GraphIntel:Limits:MaxQueryCost"] = "100000000",
        ["GraphIntel:Limits:ExecutionTimeout"] = "00:03:00",
    };

    private sealed class EmbeddedApi : ApiHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Limits;
    }

    private sealed class Neo4jApi(Uri url) : ApiHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Limits)
        {
            ["GraphStore:Backend"] = "neo4j",
            ["GraphStore:Neo4j:Url"] = url.ToString(),
            ["GraphStore:Neo4j:AttemptTimeout"] = "00:02:00",
            ["GraphStore:Neo4j:OperationTimeout"] = "00:03:00",
        };
    }

    /// <summary>One request of the corpus.</summary>
    private sealed record Case(string Family, string Query, JsonObject? Variables = null, string? Key = null)
    {
        public override string ToString() => $"[{Family}] {Query.ReplaceLineEndings(" ")}  variables: {Variables?.ToJsonString() ?? "{}"}";
    }

    private sealed record Answer(int Status, string Normalized, JsonNode? Body);

    private readonly List<string> _differences = [];
    private readonly SortedDictionary<string, int> _families = new(StringComparer.Ordinal);
    private int _compared;

    [StoreFact]
    public async Task The_embedded_store_and_Neo4j_answer_a_generated_corpus_of_queries_and_writes_alike()
    {
        var clock = Stopwatch.StartNew();
        var embedded = new EmbeddedApi();
        var graph = new Neo4jApi(neo4j.Url);
        await Task.WhenAll(embedded.InitializeAsync(), graph.InitializeAsync());
        try
        {
            await Task.WhenAll(WaitReadyAsync(embedded), WaitReadyAsync(graph));
            output.WriteLine($"both ready after {clock.Elapsed}");
            var data = await DataSet.ReadAsync(this, embedded, graph);
            var random = new Random(Seed);

            var reads = Reads(data, random).ToList();
            await CompareAllAsync(embedded, graph, reads);
            var walks = Walks(data, random).ToList();
            foreach (var walk in walks) await WalkAsync(embedded, graph, walk);
            var readCount = _compared;
            output.WriteLine($"{readCount} reads and page requests compared after {clock.Elapsed}");

            foreach (var write in Writes(data)) await CompareAsync(embedded, graph, write);
            var touched = new[] { "person/differential-a", "person/differential-b", data.Orgs[0].Id, data.Orgs[1].Id, data.Orgs[2].Id };
            await CompareAllAsync(embedded, graph, touched.SelectMany(id => AfterWrites(id)).Concat(
            [
                new Case("after writes", "{ search(text: \"Differential Newcomer\", first: 5) { entity { id name } score matched } }"),
                new Case("after writes", "{ auditLog(first: 8) { action targetId actor reason } }"),
                new Case("after writes", "{ statistics { sources organizations people places events relationships strengthEstimates citations relationshipsByType { type count } relationshipsByStatus { status count } firstDate lastDate } }"),
            ]).ToList());
            foreach (var walk in Walks(data, new Random(Seed + 1)).Take(12)) await WalkAsync(embedded, graph, walk);
            foreach (var first in new[] { 1, 2, 3, 50 })
            {
                await WalkAsync(embedded, graph, new Walk("people walk after writes", "query($f: EntityFilter, $first: Int, $after: String) { people(filter: $f, first: $first, after: $after) { totalCount edges { cursor node { id name } } " + PageInfo + " } }",
                    new() { ["f"] = new JsonObject { ["nameContains"] = "differential" }, ["first"] = first }, "people"));
            }
            await CompareAsync(embedded, graph, new Case("after writes", "{ search(text: \"Differential\", first: 12) { entity { id name } score matched } }"));
            output.WriteLine($"{_compared} requests compared ({_compared - readCount} with or after the writes) in {clock.Elapsed}");
            output.WriteLine(string.Join("\n", _families.Select(f => $"  {f.Key}: {f.Value}")));
            Assert.True(_compared >= 3_000, $"only {_compared} requests were compared");
            Assert.True(_differences.Count == 0,
                $"{_differences.Count} of {_compared} requests answered differently on the embedded store and on Neo4j; the first {Math.Min(Shown, _differences.Count)}:\n\n" +
                string.Join("\n\n", _differences.Take(Shown)));
        }
        finally
        {
            await embedded.DisposeAsync();
            await graph.DisposeAsync();
        }
    }

    // ---- the corpus ---------------------------------------------------------------------------------------------

    private const string Cite = "citations { source { id } quote supports location { start end line } subjectId }";
    private const string Rel = "fragment Rel on Relationship { id type from { id } to { id } validFrom validTo status note role endReason " +
        "interval { edtf start { edtf earliest latest } end { edtf earliest latest } } statedInterval { edtf } endedBy { latest byId reason } " +
        "attestations { date source { id } } " + Cite + " temporalStatus }";
    private const string Term = "fragment Term on LeadershipTerm { id person { id } organization { id } from to role endReason predecessor { id } " +
        "successor { id } status interval { edtf } statedInterval { edtf } endedBy { latest byId reason } temporalStatus " + Cite + " }";
    private const string Ent = "fragment Ent on Entity { id kind name aliases description " + Cite + " " +
        "... on Organization { founded dissolved organizationKind leaders { ...Term } leadershipHistory { ...Term } umbrella { ...Rel } subgroups { ...Rel } " +
        "strengthEstimates { id min max asOf estimatedBy status note " + Cite + " } events { id } } " +
        "... on Person { leadershipTerms { ...Term } events { id } } ... on Place { events { id } } " +
        "... on Event { eventKind date dateEarliest dateLatest places { id } participants { entity { id } role attribution status relationship { id } } " +
        "casualties { kind min max of status note } } }";

    /// <summary>The query with the fragments it spreads appended (a document may not hold unused fragments).</summary>
    private static string Doc(string query)
    {
        var text = new StringBuilder(query);
        if (query.Contains("...Ent", StringComparison.Ordinal)) text.Append(' ').Append(Ent);
        if (query.Contains("...Ent", StringComparison.Ordinal) || query.Contains("...Rel", StringComparison.Ordinal)) text.Append(' ').Append(Rel);
        if (query.Contains("...Ent", StringComparison.Ordinal) || query.Contains("...Term", StringComparison.Ordinal)) text.Append(' ').Append(Term);
        return text.ToString();
    }

    private static readonly string[] Types =
        ["AFFILIATE_OF", "UNDER_UMBRELLA_OF", "SPLIT_FROM", "REBRANDED_AS", "MERGED_INTO", "ALLIED_WITH", "COOPERATES_WITH", "RIVAL_OF",
         "SUPPORTS", "HOSTS", "LEADS", "FOUNDED", "MEMBER_OF", "DESIGNATED", "OPERATES_IN", "BASED_IN", "PARTICIPATED_IN", "OCCURRED_IN"];
    private static readonly string[] Statuses = ["ASSERTED", "DISPUTED", "DENIED", "RETRACTED"];
    private static readonly string[] Dates = ["1990", "2001", "2006-10", "2010", "2014", "2015", "2015-01", "2015-06-30", "2016", "2017-05", "2018", "2019", "2020", "2021-08-15", "2023", "2024"];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static JsonArray? SomeTypes(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => [],
        _ => new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode?)Pick(random, Types)).Distinct().ToArray()),
    };

    private static string? SomeDate(Random random) => random.Next(3) == 0 ? null : Pick(random, Dates);
    private static string SomeCertainty(Random random) => random.Next(3) == 0 ? "POSSIBLE" : "KNOWN";

    private static IEnumerable<Case> Reads(DataSet data, Random random)
    {
        // Every entity whole, by id; and every name and alias, and spellings of them, by name and through search.
        foreach (var e in data.Entities)
            yield return new Case("entity", Doc("query($id: ID) { entity(id: $id) { ...Ent } }"), new() { ["id"] = e.Id });
        var kinds = new[] { "ORGANIZATION", "PERSON", "PLACE", "EVENT" };
        foreach (var e in data.Entities)
        {
            foreach (var name in e.Names)
            {
                yield return new Case("name", "query($n: String) { entity(name: $n) { id name } organization(name: $n) { id } person(name: $n) { id } place(name: $n) { id } }", new() { ["n"] = name });
                // One spelling of each name through search (the name itself, another case, or a misspelling).
                foreach (var spelling in Spellings(name, random).OrderBy(_ => random.Next()).Take(1))
                {
                    JsonNode? k = random.Next(3) switch { 0 => null, 1 => new JsonArray(), _ => new JsonArray(Pick(random, kinds)) };
                    yield return new Case("search", "query($t: String!, $k: [EntityKind!], $f: Int) { search(text: $t, kinds: $k, first: $f) { entity { id kind name } score matched } }",
                        new() { ["t"] = spelling, ["k"] = k, ["f"] = random.Next(1, 12) });
                }
            }
        }
        // Relationships by type, direction, status and asOf; timelines; leaders.
        var directions = new[] { "OUTGOING", "INCOMING", "BOTH" };
        for (var i = 0; i < 400; i++)
        {
            var e = Pick(random, data.Entities);
            var status = random.Next(3) == 0 ? null : new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => (JsonNode?)Pick(random, Statuses)).Distinct().ToArray());
            yield return new Case("relationships", Doc("query($id: ID, $t: [RelationshipType!], $d: Direction, $a: Date, $c: TemporalCertainty, $s: [ClaimStatus!]) { entity(id: $id) { relationships(types: $t, direction: $d, asOf: $a, certainty: $c, status: $s) { ...Rel } } }"),
                new() { ["id"] = e.Id, ["t"] = SomeTypes(random), ["d"] = Pick(random, directions), ["a"] = SomeDate(random), ["c"] = SomeCertainty(random), ["s"] = status });
        }
        foreach (var e in data.Entities.Where((_, i) => i % 2 == 0))
            yield return new Case("timeline", "query($id: ID, $t: [RelationshipType!]) { entity(id: $id) { timeline(types: $t) { date event relationship { id } occurrence { id } undated summary } } }",
                new() { ["id"] = e.Id, ["t"] = SomeTypes(random) });
        foreach (var o in data.Orgs)
        {
            yield return new Case("leaders", Doc("query($id: ID, $a: Date, $c: TemporalCertainty) { organization(id: $id) { leaders(asOf: $a, certainty: $c) { ...Term } umbrella(asOf: $a, certainty: $c) { id } subgroups(asOf: $a, certainty: $c) { id } events { id date } } }"),
                new() { ["id"] = o.Id, ["a"] = SomeDate(random), ["c"] = SomeCertainty(random) });
        }
        // Traversals.
        var lineageDirections = new[] { "ANCESTORS", "DESCENDANTS", "BOTH" };
        for (var i = 0; i < 200; i++)
        {
            var e = random.Next(4) == 0 ? Pick(random, data.Entities) : Pick(random, data.Orgs);
            yield return new Case("lineage", "query($id: ID!, $d: LineageDirection, $t: [RelationshipType!], $a: Date, $c: TemporalCertainty, $m: Int) { lineage(id: $id, direction: $d, types: $t, asOf: $a, certainty: $c, maxDepth: $m) { nodes { id } relationships { id type from { id } to { id } status temporalStatus } } }",
                new() { ["id"] = e.Id, ["d"] = Pick(random, lineageDirections), ["t"] = random.Next(3) == 0 ? SomeTypes(random) : null, ["a"] = SomeDate(random), ["c"] = SomeCertainty(random), ["m"] = random.Next(1, 7) });
            var n = Pick(random, data.Entities);
            yield return new Case("neighborhood", "query($id: ID!, $depth: Int, $t: [RelationshipType!], $a: Date, $c: TemporalCertainty) { neighborhood(id: $id, depth: $depth, types: $t, asOf: $a, certainty: $c) { nodes { id name } relationships { id type from { id } to { id } status temporalStatus } } }",
                new() { ["id"] = n.Id, ["depth"] = random.Next(1, 4), ["t"] = SomeTypes(random), ["a"] = SomeDate(random), ["c"] = SomeCertainty(random) });
        }
        for (var i = 0; i < 300; i++)
        {
            var from = random.Next(3) == 0 ? Pick(random, data.Entities) : Pick(random, data.Orgs);
            var to = random.Next(3) == 0 ? Pick(random, data.Entities) : Pick(random, data.Orgs);
            // Path fields under other keys: Path.nodes and Path.relationships are ordered, unlike Subgraph's (Normalize).
            yield return new Case("paths", "query($f: ID!, $to: ID!, $t: [RelationshipType!], $a: Date, $c: TemporalCertainty, $m: Int, $k: Int) { paths(from: $f, to: $to, types: $t, asOf: $a, certainty: $c, maxHops: $m, first: $k) { length pathNodes: nodes { id } pathRelationships: relationships { id status temporalStatus } } }",
                new() { ["f"] = from.Id, ["to"] = to.Id, ["t"] = random.Next(3) == 0 ? SomeTypes(random) : null, ["a"] = random.Next(4) == 0 ? SomeDate(random) : null, ["c"] = SomeCertainty(random), ["m"] = random.Next(1, 6), ["k"] = random.Next(1, 30) });
        }
        // Sources, records by id, statistics.
        yield return new Case("sources", "{ sources { id title publisher author published url } }");
        foreach (var s in data.Sources)
            yield return new Case("source", "query($id: ID!) { source(id: $id) { id title text citations { quote supports subjectId location { start end line } } } }", new() { ["id"] = s });
        foreach (var r in data.RelationshipIds.Where((_, i) => i % 2 == 0))
            yield return new Case("relationship", Doc("query($id: ID!) { relationship(id: $id) { ...Rel } node(id: $id) { id } }"), new() { ["id"] = r });
        foreach (var x in data.EstimateIds)
            yield return new Case("estimate", "query($id: ID!) { node(id: $id) { id ... on StrengthEstimate { organization { id } min max asOf estimatedBy status note } } }", new() { ["id"] = x });
        yield return new Case("statistics", "{ statistics { sources organizations people places events relationships strengthEstimates citations relationshipsByType { type count } relationshipsByStatus { status count } firstDate lastDate } }");
        foreach (var e in data.Entities.Where((_, i) => i % 3 == 0))
            yield return new Case("node", "query($id: ID!) { node(id: $id) { id ... on Entity { name kind } } }", new() { ["id"] = e.Id });
        // Bad input and what is not there.
        foreach (var c in Errors(data)) yield return c;
    }

    /// <summary>The name itself, lower and upper case, and three misspellings (a letter dropped, doubled, two swapped).</summary>
    private static IEnumerable<string> Spellings(string name, Random random)
    {
        yield return name;
        yield return name.ToLowerInvariant();
        if (random.Next(2) == 0) yield return name.ToUpperInvariant();
        if (name.Length < 4) yield break;
        var i = random.Next(1, name.Length - 2);
        if (char.IsSurrogate(name[i]) || char.IsSurrogate(name[i + 1])) yield break;
        yield return name.Remove(i, 1);
        yield return name.Insert(i, name[i].ToString());
        yield return string.Concat(name.AsSpan(0, i), name[i + 1].ToString(), name[i].ToString(), name.AsSpan(i + 2));
    }

    private static IEnumerable<Case> Errors(DataSet data)
    {
        var org = data.Orgs[0].Id;
        string[] bad =
        [
            "{ entity(id: \"org/no-such-thing\") { id } person(name: \"Nobody At All Here\") { id } node(id: \"rel/none\") { id } }",
            "{ entity { id } }",
            "{ entity(id: \"org/x\", name: \"y\") { id } }",
            "{ organizations(after: \"\") { edges { node { id } } } }",
            "{ people(after: \"not-a-cursor\") { edges { node { id } } } }",
            "{ places(first: -1) { edges { node { id } } } }",
            "{ organizations(first: 100000) { edges { node { id } } } }",
            "{ sourcesConnection(after: \"\") { edges { node { id } } } }",
            "{ events(after: \"zz\") { edges { node { id } } } }",
            "{ search(text: \"\") { entity { id } } }",
            "{ search(text: \"   \") { entity { id } } }",
            "{ search(text: \"isis\", first: 0) { entity { id } } }",
            "{ search(text: \"isis\", first: -3) { entity { id } } }",
            $"{{ lineage(id: \"{org}\", maxDepth: 0) {{ nodes {{ id }} }} }}",
            $"{{ lineage(id: \"{org}\", maxDepth: 99) {{ nodes {{ id }} }} }}",
            "{ lineage(id: \"org/no-such-thing\") { nodes { id } } }",
            $"{{ paths(from: \"{org}\", to: \"org/no-such-thing\") {{ length }} }}",
            $"{{ paths(from: \"{org}\", to: \"{org}\") {{ length }} }}",
            $"{{ paths(from: \"{org}\", to: \"{data.Orgs[1].Id}\", maxHops: 0) {{ length }} }}",
            $"{{ paths(from: \"{org}\", to: \"{data.Orgs[1].Id}\", maxHops: 50) {{ length }} }}",
            $"{{ paths(from: \"{org}\", to: \"{data.Orgs[1].Id}\", first: 0) {{ length }} }}",
            $"{{ neighborhood(id: \"{org}\", depth: 0) {{ nodes {{ id }} }} }}",
            $"{{ neighborhood(id: \"{org}\", depth: 12) {{ nodes {{ id }} }} }}",
            "{ neighborhood(id: \"person/no-such-one\") { nodes { id } } }",
            $"{{ entity(id: \"{org}\") {{ relationships(asOf: \"2015-13\") {{ id }} }} }}",
            $"{{ entity(id: \"{org}\") {{ relationships(asOf: \"yesterday\") {{ id }} }} }}",
            $"{{ organization(id: \"{org}\") {{ leaders(asOf: \"2015-02-30\") {{ id }} }} }}",
            "{ organizations(filter: { activeAt: \"15\" }) { totalCount } }",
            "{ events(from: \"2020\", to: \"2010\") { edges { node { id } } } }",
            "{ source(id: \"source/none\") { id } relationship(id: \"rel/none\") { id } event(id: \"event/none\") { id } }",
            "{ auditLog(first: -1) { sequence } }",
            "{ nope }",
            "query { organizations { edges { node { id name nope } } } }",
        ];
        foreach (var query in bad) yield return new Case("errors", query);
        yield return new Case("errors", "mutation { upsertPerson(input: { id: \"person/unauthorized\", name: \"No Key\", citations: [] }) { id } }");
    }

    /// <summary>A page walk: the query for one page (cursor in $after) and the path to its connection.</summary>
    private sealed record Walk(string Family, string Query, JsonObject Variables, string Field);

    private const string PageInfo = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

    private static IEnumerable<Walk> Walks(DataSet data, Random random)
    {
        var orgKinds = data.OrganizationKinds;
        for (var i = 0; i < 40; i++)
        {
            var filter = new JsonObject();
            if (random.Next(2) == 0) filter["nameContains"] = Fragment(Pick(random, data.Orgs).Name, random);
            if (random.Next(3) == 0) filter["organizationKinds"] = random.Next(3) == 0 ? new JsonArray() : new JsonArray(Pick(random, orgKinds));
            if (random.Next(3) == 0) { filter["activeAt"] = Pick(random, Dates); filter["certainty"] = SomeCertainty(random); }
            yield return new Walk("organizations walk", "query($f: OrganizationFilter, $first: Int, $after: String) { organizations(filter: $f, first: $first, after: $after) { totalCount edges { cursor node { id name } } " + PageInfo + " } }",
                new() { ["f"] = filter, ["first"] = random.Next(1, 25) }, "organizations");
        }
        foreach (var (field, sample) in new[] { ("people", data.People), ("places", data.Places) })
        {
            for (var i = 0; i < 25; i++)
            {
                JsonNode? filter = random.Next(2) == 0 ? new JsonObject { ["nameContains"] = Fragment(Pick(random, sample).Name, random) } : null;
                yield return new Walk(field + " walk", $"query($f: EntityFilter, $first: Int, $after: String) {{ {field}(filter: $f, first: $first, after: $after) {{ totalCount edges {{ cursor node {{ id name }} }} {PageInfo} }} }}",
                    new() { ["f"] = filter, ["first"] = random.Next(1, 20) }, field);
            }
        }
        for (var i = 0; i < 20; i++)
        {
            var v = new JsonObject { ["first"] = random.Next(1, 15) };
            if (random.Next(3) == 0) v["place"] = Pick(random, data.Places).Id;
            if (random.Next(3) == 0) v["participant"] = Pick(random, data.Orgs).Id;
            if (random.Next(4) == 0) v["kind"] = Pick(random, new[] { "ATTACK", "RAID", "ARREST", "CAPTURE", "KILLING", "DEATH", "MEETING", "CONFERENCE", "DESIGNATION", "OTHER" });
            if (random.Next(3) == 0) v["from"] = Pick(random, Dates);
            if (random.Next(3) == 0) v["to"] = Pick(random, Dates);
            yield return new Walk("events walk", "query($place: ID, $participant: ID, $kind: EventKind, $from: Date, $to: Date, $first: Int, $after: String) { events(place: $place, participant: $participant, kind: $kind, from: $from, to: $to, first: $first, after: $after) { totalCount edges { cursor node { id name date } } " + PageInfo + " } }",
                v, "events");
        }
        for (var i = 0; i < 6; i++)
            yield return new Walk("sources walk", "query($first: Int, $after: String) { sourcesConnection(first: $first, after: $after) { totalCount edges { cursor node { id title } } " + PageInfo + " } }",
                new() { ["first"] = random.Next(1, 9) }, "sourcesConnection");
    }

    /// <summary>A piece of a name to filter by: two to five of its characters, sometimes in other case.</summary>
    private static string Fragment(string name, Random random)
    {
        var runes = name.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var length = Math.Min(runes.Length, random.Next(2, 6));
        var start = random.Next(0, runes.Length - length + 1);
        var piece = string.Concat(runes.Skip(start).Take(length));
        return random.Next(3) == 0 ? piece.ToUpperInvariant() : piece;
    }

    /// <summary>Writes, each sent to both APIs in turn, the same on each: entities, relationships, a term, a retraction, a merge.</summary>
    private static IEnumerable<Case> Writes(DataSet data)
    {
        var (source, quote) = data.Quote;
        var cite = new JsonArray(new JsonObject { ["sourceId"] = source, ["quote"] = quote });
        JsonObject Person(string id, string name, params string[] aliases) => new()
        {
            ["input"] = new JsonObject { ["id"] = id, ["name"] = name, ["aliases"] = new JsonArray(aliases.Select(a => (JsonNode?)a).ToArray()), ["citations"] = cite.DeepClone() },
        };
        const string upsertPerson = "mutation($input: EntityInput!) { upsertPerson(input: $input, reason: \"differential\") { id name aliases } }";
        yield return new Case("write", upsertPerson, Person("person/differential-a", "Differential Newcomer", "D. Newcomer"), ApiHost.EditorKey);
        yield return new Case("write", upsertPerson, Person("person/differential-b", "Differential Second"), ApiHost.EditorKey);
        yield return new Case("write", upsertPerson, Person("person/differential-a", "Differential Newcomer", "Dif Newcomer"), ApiHost.EditorKey);
        const string assert = "mutation($input: RelationshipInput!) { assertRelationship(input: $input, reason: \"differential\") { id type from { id } to { id } status validFrom validTo } }";
        JsonObject Relationship(string type, string from, string to, string? validFrom = null) => new()
        {
            ["input"] = new JsonObject { ["type"] = type, ["fromId"] = from, ["toId"] = to, ["validFrom"] = validFrom, ["citations"] = cite.DeepClone() },
        };
        yield return new Case("write", assert, Relationship("MEMBER_OF", "person/differential-a", data.Orgs[0].Id, "2016"), ApiHost.EditorKey);
        yield return new Case("write", assert, Relationship("RIVAL_OF", data.Orgs[1].Id, data.Orgs[2].Id), ApiHost.EditorKey);
        yield return new Case("write", assert, Relationship("MEMBER_OF", "person/differential-b", data.Orgs[1].Id, "2018-03"), ApiHost.EditorKey);
        yield return new Case("write", assert, Relationship("RIVAL_OF", data.Orgs[1].Id, data.Orgs[2].Id), ApiHost.EditorKey); // the same again: a patch
        yield return new Case("write", "mutation($id: ID!) { retractRelationship(id: $id, reason: \"differential\") { id status } }",
            new() { ["id"] = data.RelationshipIds[3] }, ApiHost.EditorKey);
        yield return new Case("write", "mutation { retractRelationship(id: \"rel/no-such-fact\", reason: \"differential\") { id status } }", null, ApiHost.EditorKey);
        yield return new Case("write", "mutation { mergeEntities(survivorId: \"person/differential-a\", mergedId: \"person/differential-b\", reason: \"differential\") { id name aliases } }", null, ApiHost.EditorKey);
        yield return new Case("write", "mutation { mergeEntities(survivorId: \"person/differential-a\", mergedId: \"person/differential-a\", reason: \"differential\") { id } }", null, ApiHost.EditorKey);
        yield return new Case("write", upsertPerson, Person("person/differential-c", "Differential\u200BHidden"), ApiHost.EditorKey);
        // Names whose order differs between code points and UTF-16 code units (the contract's collation is code points).
        string[] collation = ["\U0001D538 Differential", "\uFF5A Differential", "\U0001F600 Differential", "\uE000 Differential", "\uFFE1 Differential", "Differential \U0001D537"];
        for (var i = 0; i < collation.Length; i++)
            yield return new Case("write", upsertPerson, Person($"person/differential-collation-{i}", collation[i]), ApiHost.EditorKey);
    }

    private static IEnumerable<Case> AfterWrites(string id) =>
    [
        new Case("after writes", Doc("query($id: ID) { entity(id: $id) { ...Ent relationships(status: [ASSERTED, RETRACTED]) { ...Rel } timeline { date event summary } } }"), new() { ["id"] = id }),
        new Case("after writes", "query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id } relationships { id status } } lineage(id: $id) { nodes { id } } }", new() { ["id"] = id }),
        new Case("after writes", "query($id: ID) { auditLog(targetId: $id, first: 10) { action targetId actor reason } }", new() { ["id"] = id }),
    ];

    // ---- sending and comparing ----------------------------------------------------------------------------------

    private async Task CompareAllAsync(ApiHost embedded, ApiHost graph, IReadOnlyList<Case> cases)
    {
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(cases.Select(async c =>
        {
            await gate.WaitAsync();
            try { await CompareAsync(embedded, graph, c); }
            finally { gate.Release(); }
        }));
    }

    private async Task<(Answer Embedded, Answer Neo4j)> CompareAsync(ApiHost embedded, ApiHost graph, Case c)
    {
        var a = await SendAsync(embedded, c);
        var b = await SendAsync(graph, c);
        Record(c.Family, c.ToString(), a, b);
        return (a, b);
    }

    private void Record(string family, string request, Answer a, Answer b)
    {
        lock (_differences)
        {
            _compared++;
            var outcome = a.Body?["errors"] is null ? "data" : a.Body?["data"] is JsonObject ? "data and errors" : "errors";
            _families[$"{family}: {outcome}"] = _families.GetValueOrDefault($"{family}: {outcome}") + 1;
            if (a.Status == b.Status && a.Normalized == b.Normalized) return;
            _differences.Add($"{request}\n  status: embedded {a.Status}, Neo4j {b.Status}\n" +
                LineDiff.Unified(a.Normalized, b.Normalized, "embedded", "neo4j"));
        }
    }

    private async Task WalkAsync(ApiHost embedded, ApiHost graph, Walk walk)
    {
        // Each backend is walked with its own cursors (cursors are opaque, per backend); page i is compared with page i.
        string? afterA = null, afterB = null;
        for (var page = 0; page < 200; page++)
        {
            var variables = (JsonObject)walk.Variables.DeepClone();
            variables["after"] = afterA;
            var a = await SendAsync(embedded, new Case(walk.Family, walk.Query, variables));
            variables = (JsonObject)walk.Variables.DeepClone();
            variables["after"] = afterB;
            var b = await SendAsync(graph, new Case(walk.Family, walk.Query, variables));
            Record(walk.Family, $"[{walk.Family}] page {page + 1} of {walk.Query}  variables: {walk.Variables.ToJsonString()}", a, b);
            afterA = NextCursor(a, walk.Field);
            afterB = NextCursor(b, walk.Field);
            if (afterA is null || afterB is null) return;
        }
        throw new InvalidOperationException($"the walk {walk.Family} {walk.Variables.ToJsonString()} did not end within 200 pages");
    }

    private static string? NextCursor(Answer answer, string field)
    {
        var connection = answer.Body?["data"]?[field];
        if (connection?["pageInfo"] is not { } info || info["hasNextPage"]?.GetValue<bool>() != true) return null;
        return info["endCursor"]?.GetValue<string>();
    }

    private static async Task<Answer> SendAsync(ApiHost host, Case c)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = c.Query, ["variables"] = c.Variables?.DeepClone() }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (c.Key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Key);
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body;
        try { body = JsonNode.Parse(text); }
        catch (JsonException) { return new Answer((int)response.StatusCode, text, null); }
        return new Answer((int)response.StatusCode, Normalize(body)?.ToJsonString(Indented) ?? "null", body);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Lists whose order the schema leaves open, each sorted (by its elements' normalized JSON) before comparing, with
    /// the contract text that leaves it open. Every other list keeps its order, and must agree as it is.
    /// <list type="bullet">
    /// <item><c>relationships</c> — Entity.relationships ("The entity's relationships, filtered by type, direction, date and
    /// status") and Subgraph.relationships ("The relationships followed"): no order stated. (Path.relationships is
    /// ordered — "nodes[i] and nodes[i+1] are joined by relationships[i]" — so the corpus asks for it as
    /// <c>pathRelationships</c>, and Path.nodes as <c>pathNodes</c>.)</item>
    /// <item><c>nodes</c> — Subgraph.nodes: "The entities reached, the starting entity first": the first stays first,
    /// the rest are sorted.</item>
    /// <item><c>umbrella</c>, <c>subgroups</c> ("Outgoing/Incoming UNDER_UMBRELLA_OF and AFFILIATE_OF relationships"),
    /// <c>leaders</c> ("Leadership terms KNOWN to be in force …"), <c>aliases</c> ("Every other name the sources use"),
    /// <c>citations</c> of records ("The sources that state it"; a Source's citations are ordered: "in the order of the
    /// facts they support", and stay as they are), <c>attestations</c> ("The dates at which a source says it held"),
    /// Event <c>places</c>, <c>participants</c> and <c>casualties</c>, and statistics' <c>relationshipsByType</c> and
    /// <c>relationshipsByStatus</c>: no order stated.</item>
    /// </list>
    /// Cursors (<c>cursor</c>, <c>startCursor</c>, <c>endCursor</c>) are opaque ("pass it as `after`"), each backend's
    /// own encoding, so only whether one is there is compared; each walk follows its own backend's cursors.
    /// </summary>
    private static JsonNode? Normalize(JsonNode? node, string? key = null, bool underSource = false)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var isSource = obj.ContainsKey("text") && obj.ContainsKey("title");
                var copy = new JsonObject();
                foreach (var (k, v) in obj)
                {
                    copy[k] = k is "cursor" or "startCursor" or "endCursor" && v is JsonValue
                        ? JsonValue.Create("<cursor>")
                        : Normalize(v, k, isSource);
                }
                return copy;
            }
            case JsonArray array:
            {
                var items = array.Select(item => Normalize(item)).ToList();
                if (key == "nodes" && items.Count > 1)
                    items = items.Take(1).Concat(items.Skip(1).OrderBy(i => i?.ToJsonString(), StringComparer.Ordinal)).ToList();
                else if (key is not null && Unordered.Contains(key) && !(key == "citations" && underSource))
                    items = items.OrderBy(i => i?.ToJsonString(), StringComparer.Ordinal).ToList();
                return new JsonArray(items.ToArray());
            }
            default:
                return node?.DeepClone();
        }
    }

    private static readonly HashSet<string> Unordered =
    [
        "relationships", "umbrella", "subgroups", "leaders", "aliases", "citations", "attestations", "places", "participants", "casualties",
        "relationshipsByType", "relationshipsByStatus",
    ];

    // ---- the data the corpus is drawn from ----------------------------------------------------------------------

    private sealed record Named(string Id, string Kind, string Name, IReadOnlyList<string> Names);

    private sealed record DataSet(
        IReadOnlyList<Named> Entities, IReadOnlyList<Named> Orgs, IReadOnlyList<Named> People, IReadOnlyList<Named> Places,
        IReadOnlyList<string> Sources, IReadOnlyList<string> RelationshipIds, IReadOnlyList<string> EstimateIds,
        IReadOnlyList<string> OrganizationKinds, (string Source, string Quote) Quote)
    {
        private const string AllQuery = """
            {
              organizations(first: 1000) { edges { node { id kind name aliases organizationKind relationships(status: [ASSERTED, DISPUTED, DENIED, RETRACTED]) { id } strengthEstimates { id } } } }
              people(first: 1000) { edges { node { id kind name aliases relationships(status: [ASSERTED, DISPUTED, DENIED, RETRACTED]) { id } } } }
              places(first: 1000) { edges { node { id kind name aliases } } }
              events(first: 1000) { edges { node { id kind name aliases } } }
              sources { id text }
            }
            """;

        /// <summary>Everything listed, from the embedded API — after checking Neo4j lists the same.</summary>
        public static async Task<DataSet> ReadAsync(BackendDifferentialTests test, ApiHost embedded, ApiHost graph)
        {
            var (a, _) = await test.CompareAsync(embedded, graph, new Case("listing", AllQuery));
            Assert.True(a.Body?["errors"] is null && a.Body?["data"] is JsonObject, "the listing failed: " + a.Normalized);
            var data = a.Body!["data"]!;
            Named Read(JsonNode n) => new(n["id"]!.GetValue<string>(), n["kind"]!.GetValue<string>(), n["name"]!.GetValue<string>(),
                n["aliases"]!.AsArray().Select(x => x!.GetValue<string>()).Prepend(n["name"]!.GetValue<string>()).ToList());
            List<Named> Nodes(string field) => data[field]!["edges"]!.AsArray().Select(e => Read(e!["node"]!)).ToList();
            var (orgs, people, places, events) = (Nodes("organizations"), Nodes("people"), Nodes("places"), Nodes("events"));
            var orgNodes = data["organizations"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
            var relationshipIds = orgNodes.Concat(data["people"]!["edges"]!.AsArray().Select(e => e!["node"]!))
                .SelectMany(n => n["relationships"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()))
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var estimateIds = orgNodes.SelectMany(n => n["strengthEstimates"]!.AsArray().Select(x => x!["id"]!.GetValue<string>())).ToList();
            var sources = data["sources"]!.AsArray().Select(s => (Id: s!["id"]!.GetValue<string>(), Text: s["text"]!.GetValue<string>())).ToList();
            // A quote for the writes: the first line of a source's text of eight words or more.
            var quote = sources.SelectMany(s => s.Text.Split('\n').Select(line => (s.Id, Line: line.Trim())))
                .First(x => x.Line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 8 && x.Line.Length < 300);
            Assert.True(orgs.Count > 20 && people.Count > 20 && relationshipIds.Count > 50, "the curated data set is smaller than the corpus expects");
            return new DataSet(orgs.Concat(people).Concat(places).Concat(events).ToList(), orgs, people, places,
                sources.Select(s => s.Id).ToList(), relationshipIds, estimateIds,
                orgNodes.Select(n => n["organizationKind"]?.GetValue<string>()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
                quote);
        }
    }

    private static async Task WaitReadyAsync(ApiHost host)
    {
        var clock = Stopwatch.StartNew();
        while ((await host.Http.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "an API did not become ready");
            await Task.Delay(200);
        }
    }
}
