namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>graphql-js's problems with SDL documents (tests/conformance/schema-oracle.mjs), one node run per batch.</summary>
internal static class GraphqlJsProblems
{
    /// <summary>For each document in order, the messages graphql-js reports (none for a valid schema).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ForAsync(IReadOnlyList<string> sdls)
    {
        var output = await NodeRunner.AskAsync("schema-oracle.mjs", System.Text.Json.JsonSerializer.Serialize(sdls));
        var answers = output.EnumerateArray().Select(answer =>
        {
            Assert.False(answer.ValueKind == System.Text.Json.JsonValueKind.Object, $"graphql-js crashed: {answer}");
            return (IReadOnlyList<string>)[.. answer.EnumerateArray().Select(message => message.GetString()!)];
        }).ToList();
        Assert.Equal(sdls.Count, answers.Count);
        return answers;
    }
}
