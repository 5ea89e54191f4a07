using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>Writes need an editor key, are validated (quotes verbatim), lose nothing on refusal, and are audited.</summary>
public sealed class WriteAndAuthTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _api;
    public WriteAndAuthTests(ApiHost api) => _api = api;

    private const string Source = "source/shay-2024-afghanistan-terror-threat";
    private const string Quote = "Khatiba Imam al-Bukhari (KIB) was established in 2011 in the Afghanistan/Pakistan border area";

    private const string Assert_ = """
        mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id type status from { id } to { id } validFrom validTo citations { quote } } }
        """;

    private static object Input(string quote = Quote, string from = "org/kib", string to = "org/imu", string? validFrom = "2011") => new
    {
        input = new
        {
            type = "COOPERATES_WITH",
            fromId = from,
            toId = to,
            validFrom,
            note = "test fact",
            citations = new[] { new { sourceId = Source, quote } },
        },
    };

    [Fact]
    public async Task Without_a_key_a_write_is_forbidden_and_says_why()
    {
        var response = await _api.QueryAsync(Assert_, Input());
        Assert.Equal("FORBIDDEN", response.ErrorCode());
        Assert.Contains("editor", response.Errors[0].GetProperty("message").GetString());
        Assert.Equal(["assertRelationship"], response.Errors[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.True(response.Errors[0].TryGetProperty("locations", out _));
    }

    [Fact]
    public async Task A_reader_key_cannot_write()
    {
        var response = await _api.QueryAsync(Assert_, Input(), key: ApiHost.ReaderKey);
        Assert.Equal("FORBIDDEN", response.ErrorCode());
        Assert.Contains("'bob'", response.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_401()
    {
        var response = await _api.QueryAsync("{ statistics { sources } }", key: "not-a-key");
        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
    }

    [Fact]
    public async Task An_editor_asserts_a_relationship_and_the_audit_trail_records_who_what_and_when()
    {
        var created = (await _api.QueryAsync(Assert_, Input(validFrom: "2012"), key: ApiHost.EditorKey)).Ok().GetProperty("assertRelationship");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("ASSERTED", created.GetProperty("status").GetString());
        Assert.Equal("2012", created.GetProperty("validFrom").GetString());

        var audit = (await _api.QueryAsync("query($id: ID!) { auditLog(targetId: $id) { sequence at actor action targetId before after } }", new { id }))
            .Ok().GetProperty("auditLog").EnumerateArray().ToList();
        var entry = Assert.Single(audit);
        Assert.Equal("alice", entry.GetProperty("actor").GetString());
        Assert.Equal("create", entry.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
        Assert.Contains("COOPERATES_WITH", entry.GetProperty("after").GetString());

        // The same assertion again is the same fact: nothing changes, nothing new in the audit trail.
        (await _api.QueryAsync(Assert_, Input(validFrom: "2012"), key: ApiHost.EditorKey)).Ok();
        var again = (await _api.QueryAsync("query($id: ID!) { auditLog(targetId: $id) { sequence } }", new { id })).Ok().GetProperty("auditLog");
        Assert.Equal(1, again.GetArrayLength());
    }

    [Fact]
    public async Task A_quote_not_in_the_source_is_refused_and_nothing_is_written()
    {
        var before = (await _api.QueryAsync("{ statistics { relationships citations } }")).Ok().GetRawText();
        var response = await _api.QueryAsync(Assert_, Input(quote: "KIB was founded on the moon"), key: ApiHost.EditorKey);
        Assert.Equal("INVALID_INPUT", response.ErrorCode());
        Assert.Contains("quote", response.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        var after = (await _api.QueryAsync("{ statistics { relationships citations } }")).Ok().GetRawText();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_relationship_between_kinds_it_cannot_connect_is_refused()
    {
        var response = await _api.QueryAsync("""
            mutation($input: LeadershipTermInput!) { assertLeadershipTerm(input: $input) { id } }
            """, new { input = new { personId = "org/imu", organizationId = "org/kib", citations = new[] { new { sourceId = Source, quote = Quote } } } },
            key: ApiHost.EditorKey);
        Assert.Equal("INVALID_INPUT", response.ErrorCode());
        Assert.Contains("LEADS", response.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_retracted_relationship_is_kept_hidden_unless_asked_for_and_audited_with_its_reason()
    {
        var id = (await _api.QueryAsync(Assert_, Input(validFrom: "2013"), key: ApiHost.EditorKey)).Ok().GetProperty("assertRelationship").GetProperty("id").GetString()!;
        var retracted = (await _api.QueryAsync("mutation($id: ID!) { retractRelationship(id: $id, reason: \"test: mistaken\") { id status } }", new { id }, ApiHost.EditorKey))
            .Ok().GetProperty("retractRelationship");
        Assert.Equal("RETRACTED", retracted.GetProperty("status").GetString());

        var visible = (await _api.QueryAsync("""{ entity(id: "org/kib") { relationships(types: [COOPERATES_WITH]) { id } } }""")).Ok();
        Assert.DoesNotContain(id, visible.GetProperty("entity").GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var all = (await _api.QueryAsync("""{ entity(id: "org/kib") { relationships(types: [COOPERATES_WITH], status: [RETRACTED]) { id } } }""")).Ok();
        Assert.Contains(id, all.GetProperty("entity").GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var audit = (await _api.QueryAsync("query($id: ID!) { auditLog(targetId: $id) { action reason actor } }", new { id })).Ok().GetProperty("auditLog");
        var latest = audit[0];
        Assert.Equal("retract", latest.GetProperty("action").GetString());
        Assert.Equal("test: mistaken", latest.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Upserting_an_entity_then_merging_it_keeps_the_old_id_resolving()
    {
        var upsert = """
            mutation($input: EntityInput!) { upsertPerson(input: $input, reason: "test") { id name aliases } }
            """;
        (await _api.QueryAsync(upsert, new
        {
            input = new
            {
                id = "person/test-duplicate-dekhanov",
                name = "D. Dekhanov",
                citations = new[] { new { sourceId = Source, quote = "The KIB group is led by Dilshod Dekhanov" } },
            },
        }, ApiHost.EditorKey)).Ok();
        var merged = (await _api.QueryAsync("""
            mutation { mergeEntities(survivorId: "person/dilshod-dekhanov", mergedId: "person/test-duplicate-dekhanov", reason: "same man") { id aliases } }
            """, key: ApiHost.EditorKey)).Ok().GetProperty("mergeEntities");
        Assert.Equal("person/dilshod-dekhanov", merged.GetProperty("id").GetString());
        Assert.Contains("D. Dekhanov", merged.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        var old = (await _api.QueryAsync("""{ node(id: "person/test-duplicate-dekhanov") { id } }""")).Ok();
        Assert.Equal("person/dilshod-dekhanov", old.GetProperty("node").GetProperty("id").GetString());
        var audit = (await _api.QueryAsync("""{ auditLog(targetId: "person/test-duplicate-dekhanov") { action reason } }""")).Ok().GetProperty("auditLog");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "merge" && e.GetProperty("reason").GetString() == "same man");
    }

    [Fact]
    public async Task Mutations_over_GET_are_refused()
    {
        using var response = await _api.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { retractRelationship(id: \"x\", reason: \"y\") { id } }"));
        Assert.Equal(405, (int)response.StatusCode);
    }
}
