using System.Text.Json;
using System.Text.RegularExpressions;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Issue #11, "writes never destroy what they don't name": one test per finding, on the real host over a real SQLite
/// file seeded with the curated data set. Expected values come from the data set (read with the seed reader) and the
/// source texts, never from the API's own output.
/// </summary>
public sealed class WritesChangeOnlyWhatTheyNameTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string Shay = "source/shay-2024-afghanistan-terror-threat";
    private static readonly Lazy<ChangeSet> Dataset = new(() => DatasetReader.Read(RepoPaths.Root).ChangeSet);

    private static Entity DataEntity(string id) => Dataset.Value.Entities.Single(e => e.Id == id);
    private static Relationship DataRelationship(string id) => Dataset.Value.Relationships.Single(r => r.Id == id);
    private static StrengthEstimate DataEstimate(string id) => Dataset.Value.StrengthEstimates.Single(s => s.Id == id);

    private async Task<long> LastAuditSequence() =>
        (await api.QueryAsync("{ auditLog(first: 1) { sequence } }")).Ok().GetProperty("auditLog")[0].GetProperty("sequence").GetInt64();

    private static string[] Problems(GraphQLResponse response) =>
        response.Errors[0].GetProperty("extensions").GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToArray();

    [Fact]
    public async Task Upserting_an_organization_without_aliases_keeps_its_aliases_founding_date_description_and_citations()
    {
        var kib = DataEntity("org/kib");
        Assert.Equal(5, kib.Aliases.Count); // the premise, from the data set

        (await api.QueryAsync("mutation($input: EntityInput!) { upsertOrganization(input: $input) { id } }", new
        {
            input = new
            {
                id = "org/kib", name = "Katibat Imam al-Bukhari", organizationKind = "ARMED_GROUP",
                citations = new[] { new { sourceId = Shay, quote = "The KIB group is led by Dilshod Dekhanov, a Tajik national." } },
            },
        }, key: ApiHost.EditorKey)).Ok();

        var found = (await api.QueryAsync("""
            { entity(name: "KIB") { id aliases description citations { source { id } quote } ... on Organization { founded } } }
            """)).Ok().GetProperty("entity");
        Assert.Equal(JsonValueKind.Object, found.ValueKind);
        Assert.Equal("org/kib", found.GetProperty("id").GetString());
        Assert.Equal(kib.Aliases, found.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(kib.Description, found.GetProperty("description").GetString());
        Assert.Equal(kib.Founded.ToString(), found.GetProperty("founded").GetString());
        var quotes = found.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToList();
        Assert.Equal([.. kib.Citations.Select(c => c.Quote), "The KIB group is led by Dilshod Dekhanov, a Tajik national."], quotes);
    }

    [Fact]
    public async Task Reasserting_a_relationship_with_one_new_citation_keeps_its_curated_citations_and_note()
    {
        var id = FactIdentity.Relationship(RelationshipType.OperatesIn, "org/isis-k", "place/kunar", Validity.Between(PartialDate.Parse("2015"), null));
        var curated = DataRelationship(id);
        Assert.Equal(3, curated.Citations.Count); // the premise
        const string NewQuote = "Abu Sayed, only lasted about two months before he and a bunch of cronies were killed in an airstrike on the group's headquarters in Kunar province";

        var asserted = (await api.QueryAsync("""
            mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id note status citations { source { id } quote } } }
            """, new
        {
            input = new
            {
                type = "OPERATES_IN", fromId = "org/isis-k", toId = "place/kunar", validFrom = "2015",
                citations = new[] { new { sourceId = Shay, quote = NewQuote } },
            },
        }, key: ApiHost.EditorKey)).Ok().GetProperty("assertRelationship");

        Assert.Equal(id, asserted.GetProperty("id").GetString());
        Assert.Equal(curated.Note, asserted.GetProperty("note").GetString());
        Assert.Equal(EnumNames.ToContractName(curated.Status), asserted.GetProperty("status").GetString());
        var citations = asserted.GetProperty("citations").EnumerateArray()
            .Select(c => (c.GetProperty("source").GetProperty("id").GetString()!, c.GetProperty("quote").GetString()!)).ToList();
        Assert.Equal([.. curated.Citations.Select(c => (c.SourceId, c.Quote)), (Shay, NewQuote)], citations);
    }

    /// <summary>The data set's citations of <paramref name="sourceId"/> that <paramref name="text"/> no longer contains, as owner ids.</summary>
    private static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    private static string[] StrandedBy(string sourceId, string text)
    {
        var squashed = Squash(text);
        var set = Dataset.Value;
        return set.Entities.Select(e => (e.Id, e.Citations)).Concat(set.Relationships.Select(r => (r.Id, r.Citations)))
            .Concat(set.StrengthEstimates.Select(s => (s.Id, s.Citations)))
            .SelectMany(x => x.Citations.Where(c => c.SourceId == sourceId && !squashed.Contains(Squash(c.Quote), StringComparison.Ordinal)).Select(_ => x.Id))
            .Order(StringComparer.Ordinal).ToArray();
    }

    private async Task<string> SourceText(string id) =>
        (await api.QueryAsync("query($id: ID!) { source(id: $id) { text } }", new { id })).Ok().GetProperty("source").GetProperty("text").GetString()!;

    private const string UpsertSource = """
        mutation($input: SourceInput!, $reason: String, $retract: [ID!]) { upsertSource(input: $input, reason: $reason, retract: $retract) { id title text } }
        """;

    [Fact]
    public async Task A_new_source_text_that_strands_citations_is_refused_listing_every_one_and_writes_nothing()
    {
        // Its own source: another test of this class changes Shay's text.
        const string Azizi = "source/azizi-isis-k-central-asia";
        var text = await SourceText(Azizi);
        var edited = text.Replace("IS-K", "ISKP", StringComparison.Ordinal);
        var expected = StrandedBy(Azizi, edited);
        Assert.True(expected.Length > 10, $"the premise: many citations quote 'IS-K' ({expected.Length})");
        var lastAudit = await LastAuditSequence();

        var refused = await api.QueryAsync("mutation($input: SourceInput!) { upsertSource(input: $input) { id } }",
            new { input = new { id = Azizi, title = "Azizi", text = edited } }, key: ApiHost.EditorKey);

        Assert.Equal("INVALID_INPUT", refused.ErrorCode());
        var listed = Problems(refused).Select(p => p[..p.IndexOf(": its citation of " + Azizi, StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, listed);
        Assert.Equal(text, await SourceText(Azizi));
        Assert.Equal(lastAudit, await LastAuditSequence());
    }

    [Fact]
    public async Task A_new_source_text_is_accepted_when_the_records_it_strands_are_named_in_the_same_write()
    {
        var text = await SourceText(Shay);
        // A sentence no event quotes (the killing of Hasib, say, is an event citing only its sentence).
        const string Sentence = "The first leader of ISIS - K, was a Pakistani national, Hafiz Saeed Khan.";
        var at = text.IndexOf(Sentence, StringComparison.Ordinal);
        Assert.True(at >= 0, "the premise: the sentence is in the source text");
        var edited = text.Remove(at, Sentence.Length);
        var stranded = StrandedBy(Shay, edited).Distinct().ToArray();
        var facts = stranded.Where(id => id.StartsWith("rel/", StringComparison.Ordinal)).ToArray();
        var khan = DataEntity("person/hafiz-saeed-khan");
        // The premise, from the data set: facts and one person (who keeps other citations) quote the sentence.
        Assert.NotEmpty(facts);
        Assert.Equal([khan.Id], stranded.Except(facts));
        var kept = khan.Citations.Where(c => c.SourceId != Shay || Squash(edited).Contains(Squash(c.Quote), StringComparison.Ordinal)).Select(c => c.Quote).ToList();
        Assert.NotEmpty(kept);

        var withoutReason = await api.QueryAsync(UpsertSource, new { input = new { id = Shay, text = edited }, retract = stranded }, key: ApiHost.EditorKey);
        Assert.Equal("BAD_USER_INPUT", withoutReason.ErrorCode());
        var factsOnly = await api.QueryAsync(UpsertSource, new { input = new { id = Shay, text = edited }, retract = facts, reason = "r" }, key: ApiHost.EditorKey);
        Assert.Equal([$"{khan.Id}"], Problems(factsOnly).Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));

        var written = (await api.QueryAsync(UpsertSource, new { input = new { id = Shay, text = edited }, retract = stranded, reason = "sentence mis-transcribed" },
            key: ApiHost.EditorKey)).Ok().GetProperty("upsertSource");
        Assert.Equal(edited, written.GetProperty("text").GetString());
        Assert.Equal("AFGHANISTAN AND THE TERROR THREAT IN CENTRAL ASIA", written.GetProperty("title").GetString()); // omitted: kept

        Assert.Equal([ClaimStatus.Retracted], (await api.Store.GetRelationshipsByIdAsync(facts)).Values.Select(r => r.Status).Distinct());
        var remaining = (await api.Store.GetEntitiesAsync([khan.Id]))[khan.Id].Citations.Select(c => c.Quote);
        Assert.Equal(kept, remaining);
    }

    [Fact]
    public async Task A_second_estimator_whose_name_derives_the_same_id_is_refused_and_the_curated_estimate_kept()
    {
        var id = FactIdentity.Estimate("org/isis-k", PartialDate.Parse("2022-02"), "U.N. Security Council");
        var curated = DataEstimate(id);
        var lastAudit = await LastAuditSequence();

        var refused = await api.QueryAsync("mutation($input: StrengthEstimateInput!) { assertStrengthEstimate(input: $input) { id } }", new
        {
            input = new
            {
                organizationId = "org/isis-k", asOf = "2022-02", estimatedBy = "u n security-council", min = 1, max = 2,
                citations = new[] { new { sourceId = Shay, quote = "The U.N. Security Council in February 2022 estimated that ISIS-K had 1,000 to 3,000 fighters." } },
            },
        }, key: ApiHost.EditorKey);

        Assert.Equal("INVALID_INPUT", refused.ErrorCode());
        Assert.Contains("'U.N. Security Council'", refused.Errors[0].GetProperty("message").GetString());
        var kept = (await api.Store.GetStrengthEstimatesByIdAsync([id]))[id];
        Assert.Equal((curated.EstimatedBy, curated.Min, curated.Max, curated.Note), (kept.EstimatedBy, kept.Min, kept.Max, kept.Note));
        Assert.Equal(lastAudit, await LastAuditSequence());
    }

    private const string AssertSupports = """
        mutation($input: RelationshipInput!, $reason: String) { assertRelationship(input: $input, reason: $reason) { id status } }
        """;

    private static object SupportsInput(string? status = null) => new
    {
        type = "SUPPORTS", fromId = "org/al-nusrah-front", toId = "org/kib", status,
        citations = new[] { new { sourceId = Shay, quote = "KIB fighters supported by Jabhat Al-Nusrah committed terrorist attacks against military and civilian installations in the Syrian Arab Republic." } },
    };

    [Fact]
    public async Task RETRACTED_is_set_only_by_retraction_and_reviving_a_retracted_fact_needs_a_reason_and_is_audited()
    {
        var id = FactIdentity.Relationship(RelationshipType.Supports, "org/al-nusrah-front", "org/kib", Validity.Unknown);
        Assert.Equal(ClaimStatus.Asserted, DataRelationship(id).Status);
        var lastAudit = await LastAuditSequence();

        var retractedByAssert = await api.QueryAsync("mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id } }",
            new { input = SupportsInput("RETRACTED") }, key: ApiHost.EditorKey);
        Assert.Equal("INVALID_INPUT", retractedByAssert.ErrorCode());
        Assert.Contains("retractRelationship", retractedByAssert.Errors[0].GetProperty("message").GetString());
        Assert.Equal(ClaimStatus.Asserted, (await api.Store.GetRelationshipsByIdAsync([id]))[id].Status);
        Assert.Equal(lastAudit, await LastAuditSequence());

        (await api.QueryAsync("mutation($id: ID!) { retractRelationship(id: $id, reason: \"test\") { status } }", new { id }, key: ApiHost.EditorKey)).Ok();
        var silent = await api.QueryAsync("mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id } }",
            new { input = SupportsInput() }, key: ApiHost.EditorKey);
        Assert.Equal("INVALID_INPUT", silent.ErrorCode());
        Assert.Contains("reason", silent.Errors[0].GetProperty("message").GetString());
        Assert.Equal(ClaimStatus.Retracted, (await api.Store.GetRelationshipsByIdAsync([id]))[id].Status);

        var revived = (await api.QueryAsync(AssertSupports, new { input = SupportsInput(), reason = "the retraction was a mistake" }, key: ApiHost.EditorKey))
            .Ok().GetProperty("assertRelationship");
        Assert.Equal("ASSERTED", revived.GetProperty("status").GetString());
        var entry = (await api.QueryAsync("query($id: ID!) { auditLog(targetId: $id, first: 1) { action reason } }", new { id })).Ok().GetProperty("auditLog")[0];
        Assert.Equal(("revive", "the retraction was a mistake"), (entry.GetProperty("action").GetString(), entry.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Retracting_a_strength_estimate_as_a_relationship_is_NOT_FOUND_and_retracts_and_audits_nothing()
    {
        var id = FactIdentity.Estimate("org/imu", null, "U.N. member states");
        var status = DataEstimate(id).Status;
        var lastAudit = await LastAuditSequence();

        var anonymous = await api.QueryAsync("mutation($id: ID!) { retractRelationship(id: $id, reason: \"wrong kind\") { id } }", new { id });
        Assert.Equal("FORBIDDEN", anonymous.ErrorCode()); // the key is checked before the id
        var response = await api.QueryAsync("mutation($id: ID!) { retractRelationship(id: $id, reason: \"wrong kind\") { id } }", new { id }, key: ApiHost.EditorKey);

        Assert.Equal("NOT_FOUND", response.ErrorCode());
        Assert.Contains(id, response.Errors[0].GetProperty("message").GetString());
        Assert.Contains("retractStrengthEstimate", response.Errors[0].GetProperty("message").GetString());
        Assert.Equal(status, (await api.Store.GetStrengthEstimatesByIdAsync([id]))[id].Status);
        Assert.Equal(lastAudit, await LastAuditSequence());
    }

    [Fact]
    public async Task Revert_restores_an_audited_writes_before_state_is_audited_and_refuses_a_record_changed_since()
    {
        var ktj = DataEntity("org/ktj");
        (await api.QueryAsync("mutation($input: EntityInput!) { upsertOrganization(input: $input, reason: \"vandal\") { id } }", new
        {
            input = new { id = "org/ktj", description = (string?)null, removeAliases = new[] { ktj.Aliases[0] } },
        }, key: ApiHost.EditorKey)).Ok();
        var vandalism = (await api.QueryAsync("{ auditLog(targetId: \"org/ktj\", first: 1) { sequence action } }")).Ok().GetProperty("auditLog")[0];
        Assert.Equal("update", vandalism.GetProperty("action").GetString());
        var sequence = vandalism.GetProperty("sequence").GetInt64();

        var anonymous = await api.QueryAsync("mutation($s: Int!) { revert(auditSequence: $s, reason: \"undo\") { sequence } }", new { s = sequence });
        Assert.Equal("FORBIDDEN", anonymous.ErrorCode());
        var reader = await api.QueryAsync("mutation { revert(auditSequence: 99999999, reason: \"undo\") { sequence } }", key: ApiHost.ReaderKey);
        Assert.Equal("FORBIDDEN", reader.ErrorCode()); // before any lookup: a reader learns nothing of the audit trail

        var revert = (await api.QueryAsync("mutation($s: Int!) { revert(auditSequence: $s, reason: \"undo vandalism\") { sequence action targetId reason } }",
            new { s = sequence }, key: ApiHost.EditorKey)).Ok().GetProperty("revert");
        Assert.Equal(("revert", "org/ktj", "undo vandalism"),
            (revert.GetProperty("action").GetString(), revert.GetProperty("targetId").GetString(), revert.GetProperty("reason").GetString()));
        Assert.True(revert.GetProperty("sequence").GetInt64() > sequence);
        var restored = (await api.Store.GetEntitiesAsync(["org/ktj"]))["org/ktj"];
        Assert.Equal((ktj.Description, ktj.Aliases.Count), (restored.Description, restored.Aliases.Count));
        Assert.Equal(ktj.Aliases, restored.Aliases);

        var again = await api.QueryAsync("mutation($s: Int!) { revert(auditSequence: $s, reason: \"twice\") { sequence } }", new { s = sequence }, key: ApiHost.EditorKey);
        Assert.Equal("INVALID_INPUT", again.ErrorCode());
        Assert.Contains("changed since", again.Errors[0].GetProperty("message").GetString());

        var unknown = await api.QueryAsync("mutation { revert(auditSequence: 99999999, reason: \"none\") { sequence } }", key: ApiHost.EditorKey);
        Assert.Equal("NOT_FOUND", unknown.ErrorCode());
    }
}
