using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// <c>statistics { firstDate lastDate }</c>, the span a time slider covers, through the real host: on the seeded data set
/// it is what <see cref="TimeOracle.DatedSpan"/> reads off the data set's own dates, and a write that dates something
/// earlier (or a retraction of it) moves it.
/// </summary>
public sealed class StatisticsDatesTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string Shay = "source/shay-2024-afghanistan-terror-threat";
    private const string KtjQuote = "KTJ also cooperates with such terrorist organizations as Khatiba Imam al-Bukhari and the Islamic Jihad Group";

    private async Task<(string? First, string? Last)> Span()
    {
        var stats = (await api.QueryAsync("{ statistics { firstDate lastDate } }")).Ok().GetProperty("statistics");
        static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
        return (Text(stats.GetProperty("firstDate")), Text(stats.GetProperty("lastDate")));
    }

    [Fact]
    public async Task The_seeded_span_is_the_first_and_last_day_of_the_data_sets_dates_and_a_write_moves_it()
    {
        // The lifecycle ends are derived by the store (a dissolution, a successor's start): taken from it, the dates from the data set.
        var endedBy = (await api.Store.ExportAsync()).Relationships.ToDictionary(r => r.Id, r => r.EndedBy?.Latest);
        var expected = TimeOracle.DatedSpan(TimeOracle.Dataset.Value, endedBy);
        Assert.NotNull(expected.First);
        Assert.Equal(expected, await Span());

        var earlier = (await api.QueryAsync("""
            mutation($input: RelationshipInput!) { assertRelationship(input: $input, reason: "span test") { id } }
            """, new
        {
            input = new
            {
                type = "ALLIED_WITH", fromId = "org/ktj", toId = "org/iju", interval = "1950-03/1951",
                citations = new[] { new { sourceId = Shay, quote = KtjQuote } },
            },
        }, ApiHost.EditorKey)).Ok().GetProperty("assertRelationship").GetProperty("id").GetString();
        Assert.Equal(("1950-03-01", expected.Last), await Span());

        (await api.QueryAsync("""mutation($id: ID!) { retractRelationship(id: $id, reason: "span test") { id } }""", new { id = earlier }, ApiHost.EditorKey)).Ok();
        Assert.Equal(expected, await Span());
    }
}
