using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// asOf boundaries with partial dates. A fact that began within March 2016 and ended within 2018 certainly held from
/// 2016-03-31 through 2018-01-01; an asOf date stands for its whole span and asks whether the fact held at some moment
/// of it. KNOWN when every day the bounds allow for its start and end makes it so (or a bound lies wholly inside the
/// span), EXCLUDED when none does, POSSIBLE in between: 2016-03-01 is only POSSIBLE, because the fact may have begun later
/// that month (before #12 an interval's ends were read as exact days and 2016-03-01, 2018-12 and 2018-12-31 counted as
/// in force: the end "2018" only says the fact ended some time in 2018).
/// </summary>
public sealed class AsOfTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Source = "source/shay-2024-afghanistan-terror-threat";

    public async Task InitializeAsync() => (await api.QueryAsync("""
        mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id } }
        """, new
    {
        input = new
        {
            type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", validFrom = "2016-03", validTo = "2018",
            citations = new[] { new { sourceId = Source, quote = "KTJ also cooperates with such terrorist organizations as Khatiba Imam al-Bukhari and the Islamic Jihad Group" } },
        },
    }, ApiHost.EditorKey)).Ok();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2015", "EXCLUDED")]
    [InlineData("2016-02", "EXCLUDED")]
    [InlineData("2016-02-29", "EXCLUDED")]
    [InlineData("2016-03-01", "POSSIBLE")]
    [InlineData("2016-03-31", "KNOWN")]
    [InlineData("2016-03", "KNOWN")]
    [InlineData("2016", "KNOWN")]
    [InlineData("2017-07-04", "KNOWN")]
    [InlineData("2018-01-01", "KNOWN")]
    [InlineData("2018-01-02", "POSSIBLE")]
    [InlineData("2018-12", "POSSIBLE")]
    [InlineData("2018-12-31", "POSSIBLE")]
    [InlineData("2018", "KNOWN")]
    [InlineData("2019-01-01", "EXCLUDED")]
    [InlineData("2019", "EXCLUDED")]
    public async Task A_fact_is_seen_as_of_a_date_as_its_bounds_place_it_and_says_how(string asOf, string status)
    {
        Assert.Equal(status, TimeOracle.Status(Graph.Model.Validity.Parse("2016-03/2018"), [], null, Graph.Model.PartialDate.Parse(asOf)));
        foreach (var certainty in new[] { "KNOWN", "POSSIBLE" })
        {
            var seen = (await api.QueryAsync("""
                query($asOf: Date, $certainty: TemporalCertainty) { entity(id: "org/ktj") {
                  relationships(types: [ALLIED_WITH], direction: OUTGOING, asOf: $asOf, certainty: $certainty) { to { id } validFrom validTo temporalStatus } } }
                """, new { asOf, certainty })).Ok().GetProperty("entity").GetProperty("relationships").EnumerateArray()
                .Where(r => r.GetProperty("to").GetProperty("id").GetString() == "org/iju" && r.GetProperty("validFrom").GetString() == "2016-03")
                .ToList();
            var expected = status == "KNOWN" || (status == "POSSIBLE" && certainty == "POSSIBLE");
            Assert.True(expected == (seen.Count == 1), $"certainty {certainty}, asOf {asOf}: expected {(expected ? "" : "not ")}to see the {status} fact");
            if (expected) Assert.Equal(status, seen[0].GetProperty("temporalStatus").GetString());
        }
    }

    [Fact]
    public async Task Without_asOf_a_fact_has_no_temporal_status_and_certainty_defaults_to_KNOWN()
    {
        var data = (await api.QueryAsync("""
            { entity(id: "org/ktj") {
                all: relationships(types: [ALLIED_WITH], direction: OUTGOING) { validFrom temporalStatus }
                known: relationships(types: [ALLIED_WITH], direction: OUTGOING, asOf: "2016-03-01") { validFrom }
                possible: relationships(types: [ALLIED_WITH], direction: OUTGOING, asOf: "2016-03-01", certainty: POSSIBLE) { validFrom temporalStatus } } }
            """)).Ok().GetProperty("entity");
        Assert.All(data.GetProperty("all").EnumerateArray(), r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("temporalStatus").ValueKind));
        Assert.DoesNotContain(data.GetProperty("known").EnumerateArray(), r => r.GetProperty("validFrom").GetString() == "2016-03");
        Assert.Contains(data.GetProperty("possible").EnumerateArray(), r => r.GetProperty("validFrom").GetString() == "2016-03" && r.GetProperty("temporalStatus").GetString() == "POSSIBLE");
    }

    [Fact]
    public async Task A_malformed_date_is_an_error_at_its_location()
    {
        var response = await api.QueryAsync("""{ entity(id: "org/ktj") { relationships(asOf: "2016-13") { id } } }""");
        var error = Assert.Single(response.Errors);
        Assert.Contains("2016-13", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }
}
