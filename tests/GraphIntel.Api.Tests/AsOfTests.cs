using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// asOf boundaries with partial dates: a fact valid from "2016-03" to "2018" holds from 2016-03-01 through
/// 2018-12-31 inclusive; a partial asOf ("2016", "2019-01") asks whether the fact held at any time in its span.
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
    [InlineData("2016-02-29", false)]
    [InlineData("2016-03-01", true)]
    [InlineData("2016-02", false)]
    [InlineData("2016-03", true)]
    [InlineData("2016", true)]
    [InlineData("2015", false)]
    [InlineData("2018-12-31", true)]
    [InlineData("2018-12", true)]
    [InlineData("2019-01-01", false)]
    [InlineData("2019", false)]
    public async Task A_fact_is_seen_as_of_a_date_exactly_when_its_interval_covers_it(string asOf, bool seen)
    {
        var relationships = (await api.QueryAsync("""
            query($asOf: Date) { entity(id: "org/ktj") { relationships(types: [ALLIED_WITH], direction: OUTGOING, asOf: $asOf) { to { id } validFrom validTo } } }
            """, new { asOf })).Ok().GetProperty("entity").GetProperty("relationships").EnumerateArray()
            .Where(r => r.GetProperty("to").GetProperty("id").GetString() == "org/iju" && r.GetProperty("validFrom").GetString() == "2016-03")
            .ToList();
        Assert.Equal(seen, relationships.Count == 1);
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
