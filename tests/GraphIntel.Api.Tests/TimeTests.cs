using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Issue #12's time through the real host: intervals in and out as EDTF, attestations that make a fact KNOWN, and patches
/// that leave the time of a fact (and everything else they don't name) as it was. Expected values come from the EDTF
/// forms themselves and <see cref="TimeOracle"/>, never from the API's own output.
/// </summary>
public sealed class TimeTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string Shay = "source/shay-2024-afghanistan-terror-threat";
    private const string KtjQuote = "KTJ also cooperates with such terrorist organizations as Khatiba Imam al-Bukhari and the Islamic Jihad Group";
    private const string FirstLeader = "The first leader of ISIS - K, was a Pakistani national, Hafiz Saeed Khan.";
    private const string Killed = "the US carried out airstrikes to kill Aliza in 2015 and Hafiz Saeed Khan in Nangarhar Province, in 2016.";

    private const string Fields = """
        id type status note role endReason validFrom validTo
        interval { edtf start { edtf earliest latest } end { edtf earliest latest } }
        statedInterval { edtf } endedBy { latest byId reason }
        attestations { date source { id } } citations { source { id } quote }
        """;

    private Task<GraphQLResponse> AssertRelationship(object input) =>
        api.QueryAsync($$"""mutation($input: RelationshipInput!) { assertRelationship(input: $input) { {{Fields}} } }""", new { input }, ApiHost.EditorKey);

    private Task<GraphQLResponse> AssertTerm(object input) =>
        api.QueryAsync("mutation($input: LeadershipTermInput!) { assertLeadershipTerm(input: $input) { id } }", new { input }, ApiHost.EditorKey);

    private async Task<JsonElement> Read(string id) =>
        (await api.QueryAsync($$"""query($id: ID!) { relationship(id: $id) { {{Fields}} } }""", new { id })).Ok().GetProperty("relationship");

    private async Task<long> LastAuditSequence() =>
        (await api.QueryAsync("{ auditLog(first: 1) { sequence } }")).Ok().GetProperty("auditLog")[0].GetProperty("sequence").GetInt64();

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Theory]
    [InlineData("2015-01/2016-07", "2015-01/2016-07", "2015-01", "2015-01", "2016-07", "2016-07", "2015-01", "2016-07")]
    [InlineData("2019/..2024-01", "2019/[..2024-01]", "2019", "2019", null, "2024-01", "2019", null)]
    [InlineData("[2015..]/..", "[2015..]/..", "2015", null, null, null, null, null)]
    [InlineData("../[..2024]", "../[..2024]", null, null, null, "2024", null, null)]
    [InlineData(" [2016..2018-06] / 2019-05-03 ", "[2016..2018-06]/2019-05-03", "2016", "2018-06", "2019-05-03", "2019-05-03", null, "2019-05-03")]
    [InlineData("2013-05..2013-09/[2014-02..]", "[2013-05..2013-09]/[2014-02..]", "2013-05", "2013-09", "2014-02", null, null, null)]
    public async Task An_interval_goes_in_as_EDTF_and_comes_back_in_its_canonical_form_with_each_bound(
        string given, string canonical, string? startEarliest, string? startLatest, string? endEarliest, string? endLatest, string? validFrom, string? validTo)
    {
        var written = (await AssertRelationship(new
        {
            type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", interval = given,
            citations = new[] { new { sourceId = Shay, quote = KtjQuote } },
        })).Ok().GetProperty("assertRelationship");
        var read = await Read(written.GetProperty("id").GetString()!);
        foreach (var r in new[] { written, read })
        {
            var interval = r.GetProperty("interval");
            Assert.Equal(canonical, interval.GetProperty("edtf").GetString());
            Assert.Equal(canonical, r.GetProperty("statedInterval").GetProperty("edtf").GetString());
            Assert.Equal(canonical.Split('/')[0], interval.GetProperty("start").GetProperty("edtf").GetString());
            Assert.Equal(canonical.Split('/')[1], interval.GetProperty("end").GetProperty("edtf").GetString());
            Assert.Equal(new[] { startEarliest, startLatest, endEarliest, endLatest }.AsEnumerable(), new[]
            {
                Text(interval.GetProperty("start"), "earliest"), Text(interval.GetProperty("start"), "latest"),
                Text(interval.GetProperty("end"), "earliest"), Text(interval.GetProperty("end"), "latest"),
            });
            // The contract's validFrom/validTo carry an end only when it is one date.
            Assert.Equal(validFrom, Text(r, "validFrom"));
            Assert.Equal(validTo, Text(r, "validTo"));
        }
    }

    [Fact]
    public async Task An_exact_interval_names_the_same_fact_in_either_form()
    {
        var citations = new[] { new { sourceId = Shay, quote = KtjQuote } };
        var byDates = (await AssertRelationship(new { type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", validFrom = "2012-04", validTo = "2013", citations }))
            .Ok().GetProperty("assertRelationship").GetProperty("id").GetString();
        var byEdtf = (await AssertRelationship(new { type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", interval = "2012-04/2013", citations }))
            .Ok().GetProperty("assertRelationship").GetProperty("id").GetString();
        Assert.Equal(byDates, byEdtf);
    }

    [Theory]
    [InlineData("2016-13/..", "2016-13")]
    [InlineData("2016", "not an interval")]
    [InlineData("2016/2017/2018", "not an interval")]
    [InlineData("2019/2015", "before it starts")]
    [InlineData("[2016../..", "unmatched bracket")]
    [InlineData("[2018..2016]/..", "before it begins")]
    public async Task A_malformed_interval_is_refused_with_what_and_where_and_nothing_is_written(string interval, string says)
    {
        var before = await LastAuditSequence();
        var response = await AssertRelationship(new
        {
            type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", interval,
            citations = new[] { new { sourceId = Shay, quote = KtjQuote } },
        });
        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("input.interval", message);
        Assert.Contains(says, message);
        Assert.Equal(["assertRelationship"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(before, await LastAuditSequence());
    }

    [Fact]
    public async Task An_interval_given_in_both_forms_is_refused()
    {
        var response = await AssertTerm(new
        {
            personId = "person/hafiz-saeed-khan", organizationId = "org/isis-k", from = "2015-01", interval = "2015-01/2016-07",
            citations = new[] { new { sourceId = Shay, quote = FirstLeader } },
        });
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Contains("not both", response.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_attestation_makes_a_fact_KNOWN_in_its_year_and_its_source_must_be_cited()
    {
        // Began some time in 2015, end unknown: in 2016 only POSSIBLE, until a source says it held in 2017.
        var input = new
        {
            type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", interval = "2015/..",
            citations = new[] { new { sourceId = Shay, quote = KtjQuote } },
            attestations = new[] { new { date = "2017", sourceId = Shay } },
        };
        var id = (await AssertRelationship(input)).Ok().GetProperty("assertRelationship").GetProperty("id").GetString()!;
        foreach (var asOf in new[] { "2014", "2015", "2016", "2017", "2017-06", "2018" })
        {
            var expected = TimeOracle.Status(Graph.Model.Validity.Parse("2015/.."), [Graph.Model.PartialDate.Parse("2017")], null, Graph.Model.PartialDate.Parse(asOf));
            var seen = (await api.QueryAsync("""
                query($asOf: Date) { entity(id: "org/ktj") { relationships(types: [ALLIED_WITH], asOf: $asOf, certainty: POSSIBLE) { id temporalStatus } } }
                """, new { asOf })).Ok().GetProperty("entity").GetProperty("relationships").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString() == id).Select(r => r.GetProperty("temporalStatus").GetString()).SingleOrDefault() ?? "EXCLUDED";
            Assert.True(expected == seen, $"asOf {asOf}: expected {expected}, got {seen}");
        }
        Assert.Equal("KNOWN", TimeOracle.Status(Graph.Model.Validity.Parse("2015/.."), [Graph.Model.PartialDate.Parse("2017")], null, Graph.Model.PartialDate.Parse("2016")));

        var before = await LastAuditSequence();
        var uncited = await AssertRelationship(input with { attestations = new[] { new { date = "2019", sourceId = "source/azizi-isis-k-central-asia" } } });
        Assert.NotEmpty(uncited.Errors);
        Assert.Contains("source/azizi-isis-k-central-asia", uncited.Raw);
        Assert.Equal(before, await LastAuditSequence());
    }

    /// <summary>
    /// The README's truth table ("Time"), row by row through the API and <see cref="TimeOracle"/>. Unattested facts are
    /// KTJ allied with KIB, attested ones KTJ allied with the IJU (attestations are evidence, not identity, so the two kinds
    /// of row must not share a fact).
    /// </summary>
    [Theory]
    [InlineData("2016-03/2018", null, "2015", "EXCLUDED")]
    [InlineData("2016-03/2018", null, "2016-02-29", "EXCLUDED")]
    [InlineData("2016-03/2018", null, "2016-03-01", "POSSIBLE")]
    [InlineData("2016-03/2018", null, "2016-03", "KNOWN")]
    [InlineData("2016-03/2018", null, "2016-03-31", "KNOWN")]
    [InlineData("2016-03/2018", null, "2017", "KNOWN")]
    [InlineData("2016-03/2018", null, "2018-01-01", "KNOWN")]
    [InlineData("2016-03/2018", null, "2018-01-02", "POSSIBLE")]
    [InlineData("2016-03/2018", null, "2018-12", "POSSIBLE")]
    [InlineData("2016-03/2018", null, "2018", "KNOWN")]
    [InlineData("2016-03/2018", null, "2019-01-01", "EXCLUDED")]
    [InlineData("2015/..", null, "2014", "EXCLUDED")]
    [InlineData("2015/..", null, "2015", "KNOWN")]
    [InlineData("2015/..", null, "2016", "POSSIBLE")]
    [InlineData("2015/..", "2017", "2016", "KNOWN")]
    [InlineData("2015/..", "2017", "2017", "KNOWN")]
    [InlineData("2015/..", "2017", "2017-06", "POSSIBLE")]
    [InlineData("2015/..", "2017", "2018", "POSSIBLE")]
    [InlineData("../2020-04", null, "2017", "POSSIBLE")]
    [InlineData("../2020-04", null, "2020", "KNOWN")]
    [InlineData("../2020-04", null, "2020-04-30", "POSSIBLE")]
    [InlineData("../2020-04", null, "2020-05", "EXCLUDED")]
    [InlineData("[2016..2018]/2019", null, "2017", "POSSIBLE")]
    [InlineData("[2016..2018]/2019", null, "2018-12-31", "KNOWN")]
    [InlineData("[2016..2018]/2019", null, "2019", "KNOWN")]
    [InlineData("../..", "2019", "2019", "KNOWN")]
    [InlineData("../..", "2019", "2020", "POSSIBLE")]
    public async Task The_truth_table_of_the_README_row_by_row(string interval, string? attested, string asOf, string status)
    {
        var attestations = attested is null ? [] : new[] { Graph.Model.PartialDate.Parse(attested) };
        Assert.Equal(status, TimeOracle.Status(Graph.Model.Validity.Parse(interval), attestations, null, Graph.Model.PartialDate.Parse(asOf)));
        var to = attested is null ? "org/kib" : "org/iju";
        var id = (await AssertRelationship(new
        {
            type = "ALLIED_WITH", fromId = "org/ktj", toId = to, interval,
            citations = new[] { new { sourceId = Shay, quote = KtjQuote } },
            attestations = attested is null ? [] : new[] { new { date = attested, sourceId = Shay } },
        })).Ok().GetProperty("assertRelationship").GetProperty("id").GetString()!;
        foreach (var certainty in new[] { "KNOWN", "POSSIBLE" })
        {
            var seen = (await api.QueryAsync("""
                query($asOf: Date, $certainty: TemporalCertainty) { entity(id: "org/ktj") {
                  relationships(types: [ALLIED_WITH], asOf: $asOf, certainty: $certainty) { id temporalStatus } } }
                """, new { asOf, certainty })).Ok().GetProperty("entity").GetProperty("relationships").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString() == id).Select(r => r.GetProperty("temporalStatus").GetString()).ToList();
            var returned = status == "KNOWN" || (status == "POSSIBLE" && certainty == "POSSIBLE");
            Assert.Equal(returned ? [status] : [], seen);
        }
    }

    /// <summary>
    /// activeAt reads an organization's founding and dissolution as the ends of an interval: ISIS-K (founded January 2015,
    /// no dissolution in the sources) is KNOWN to exist in 2015, only POSSIBLY in 2020, and not at all in 2014.
    /// </summary>
    [Theory]
    [InlineData("2014")]
    [InlineData("2015")]
    [InlineData("2015-01-01")]
    [InlineData("2020")]
    public async Task ActiveAt_returns_organizations_known_to_exist_then_or_possibly_with_certainty(string activeAt)
    {
        var isisK = TimeOracle.Dataset.Value.Entities.Single(e => e.Id == "org/isis-k");
        var status = TimeOracle.Status(isisK.Existence, [], null, Graph.Model.PartialDate.Parse(activeAt));
        foreach (var certainty in new[] { "KNOWN", "POSSIBLE" })
        {
            var ids = (await api.QueryAsync("""
                query($activeAt: Date, $certainty: TemporalCertainty) {
                  organizations(filter: { nameContains: "khorasan", activeAt: $activeAt, certainty: $certainty }) { edges { node { id } } } }
                """, new { activeAt, certainty })).Ok().GetProperty("organizations").GetProperty("edges").EnumerateArray()
                .Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToList();
            var returned = status == "KNOWN" || (status == "POSSIBLE" && certainty == "POSSIBLE");
            Assert.True(returned == ids.Contains("org/isis-k"), $"activeAt {activeAt} ({status}), certainty {certainty}: got [{string.Join(", ", ids)}]");
        }
    }

    [Fact]
    public async Task A_patch_changes_only_what_it_names_the_time_of_a_fact_included()
    {
        var interval = "[2014..2015-01]/[2016..2016-07]";
        var created = new
        {
            personId = "person/hafiz-saeed-khan", organizationId = "org/isis-k", interval, role = "emir", endReason = "killed",
            status = "DISPUTED", note = "written by the time test",
            citations = new[] { new { sourceId = Shay, quote = FirstLeader } },
            attestations = new[] { new { date = "2015", sourceId = Shay }, new { date = "2016-02", sourceId = Shay } },
        };
        var id = (await api.QueryAsync("mutation($input: LeadershipTermInput!) { assertLeadershipTerm(input: $input) { id interval { edtf } } }",
            new { input = created }, ApiHost.EditorKey)).Ok().GetProperty("assertLeadershipTerm").GetProperty("id").GetString()!;
        var original = await Read(id);

        // Patch: one more citation, nothing else named.
        (await AssertTerm(new { personId = created.personId, organizationId = created.organizationId, interval,
            citations = new[] { new { sourceId = Shay, quote = Killed } } })).Ok();
        var patched = await Read(id);
        foreach (var field in new[] { "type", "status", "note", "role", "endReason", "validFrom", "validTo", "interval", "statedInterval", "endedBy", "attestations" })
            Assert.True(original.GetProperty(field).GetRawText() == patched.GetProperty(field).GetRawText(), $"{field} changed: {original.GetProperty(field)} -> {patched.GetProperty(field)}");
        Assert.Equal([FirstLeader, Killed], patched.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("quote").GetString()));
        Assert.Equal(new[] { "emir", "killed", "DISPUTED", "written by the time test", interval }.AsEnumerable(),
            new[] { Text(patched, "role"), Text(patched, "endReason"), Text(patched, "status"), Text(patched, "note"), patched.GetProperty("statedInterval").GetProperty("edtf").GetString() });
        Assert.Equal(["2015 source/shay-2024-afghanistan-terror-threat", "2016-02 source/shay-2024-afghanistan-terror-threat"],
            patched.GetProperty("attestations").EnumerateArray().Select(a => $"{a.GetProperty("date").GetString()} {a.GetProperty("source").GetProperty("id").GetString()}"));

        // Patch through the generic mutation, naming only the note: role, endReason, status and attestations stay.
        (await AssertRelationship(new { type = "LEADS", fromId = created.personId, toId = created.organizationId, interval, note = "a second note",
            citations = new[] { new { sourceId = Shay, quote = FirstLeader } } })).Ok();
        var renoted = await Read(id);
        Assert.Equal("a second note", Text(renoted, "note"));
        foreach (var field in new[] { "status", "role", "endReason", "interval", "attestations", "citations" })
            Assert.Equal(patched.GetProperty(field).GetRawText(), renoted.GetProperty(field).GetRawText());

        // Attestations are removed only when named, and only when held.
        (await AssertTerm(new { personId = created.personId, organizationId = created.organizationId, interval,
            citations = new[] { new { sourceId = Shay, quote = FirstLeader } }, removeAttestations = new[] { new { date = "2015", sourceId = Shay } } })).Ok();
        Assert.Equal(["2016-02"], (await Read(id)).GetProperty("attestations").EnumerateArray().Select(a => a.GetProperty("date").GetString()));
        var before = await LastAuditSequence();
        var unheld = await AssertTerm(new { personId = created.personId, organizationId = created.organizationId, interval,
            citations = new[] { new { sourceId = Shay, quote = FirstLeader } }, removeAttestations = new[] { new { date = "2015", sourceId = Shay } } });
        Assert.NotEmpty(unheld.Errors);
        Assert.Contains("no such attestation", unheld.Raw);
        Assert.Equal(before, await LastAuditSequence());
    }
}
