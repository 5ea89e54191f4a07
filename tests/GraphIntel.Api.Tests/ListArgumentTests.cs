using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Every list-valued filter argument reads an empty list as the argument left out, and every `after` refuses the empty
/// string like any cursor the list did not issue.
/// </summary>
public sealed class ListArgumentTests(ApiHost api) : IClassFixture<ApiHost>
{
    /// <summary>Each field with a list filter, as <c>{0}</c> in a query: left out, and given as an empty list.</summary>
    public static TheoryData<string, string> EmptyLists => new()
    {
        { "{{ organizations(first: 200{0}) {{ totalCount edges {{ node {{ id }} }} }} }}", ", filter: { organizationKinds: [] }" },
        { """{{ search(text: "Taliban"{0}) {{ entity {{ id }} score }} }}""", ", kinds: []" },
        { """{{ organization(id: "org/isis-k") {{ relationships(direction: BOTH{0}) {{ id }} }} }}""", ", types: []" },
        { """{{ organization(id: "org/isis-k") {{ relationships(direction: BOTH{0}) {{ id }} }} }}""", ", status: []" },
        { """{{ entity(id: "org/isis-k") {{ relationships(direction: BOTH{0}) {{ id }} }} }}""", ", types: [], status: []" },
        { """{{ person(id: "person/mahdi-arsalan") {{ relationships(direction: BOTH{0}) {{ id }} }} }}""", ", types: []" },
        { """{{ organization(id: "org/isis-k") {{ timeline{0} {{ date summary relationship {{ id }} }} }} }}""", "(types: [])" },
        { """{{ person(id: "person/mahdi-arsalan") {{ timeline{0} {{ date summary relationship {{ id }} }} }} }}""", "(types: [])" },
        { """{{ lineage(id: "org/ttt"{0}) {{ nodes {{ id }} relationships {{ id }} }} }}""", ", types: []" },
        { """{{ paths(from: "org/ttt", to: "org/uto", first: 10{0}) {{ relationships {{ id }} }} }}""", ", types: []" },
        { """{{ neighborhood(id: "org/isis-k", depth: 2{0}) {{ nodes {{ id }} relationships {{ id }} }} }}""", ", types: []" },
    };

    [Theory]
    [MemberData(nameof(EmptyLists))]
    public async Task An_empty_list_filter_is_the_same_as_the_argument_left_out(string query, string emptyList)
    {
        var without = (await api.QueryAsync(string.Format(query, ""))).Ok().GetRawText();
        var with = (await api.QueryAsync(string.Format(query, emptyList))).Ok().GetRawText();

        Assert.Contains("\"id\"", without); // the answer it is compared with is not empty
        Assert.Equal(without, with);
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("people")]
    [InlineData("places")]
    [InlineData("events")]
    [InlineData("sourcesConnection")]
    public async Task An_empty_cursor_is_refused_like_any_other_the_list_did_not_issue(string field)
    {
        var response = await api.QueryAsync($"{{ {field}(after: \"\") {{ totalCount pageInfo {{ hasPreviousPage }} }} }}");

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("Argument \"after\": '' is not a cursor of this list.", response.Errors[0].GetProperty("message").GetString());
    }
}
