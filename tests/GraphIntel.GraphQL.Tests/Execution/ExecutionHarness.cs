using System.Text.Json;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>Runs documents through the real pipeline and compares responses as JSON text (key order included).</summary>
internal static class ExecutionHarness
{
    public static async Task<ExecutionResult> ExecuteAsync(
        Schema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, object? rootValue = null, string? operationName = null)
    {
        var service = new GraphQLService(schema);
        return await service.ExecuteAsync(new GraphQLRequest
        {
            Query = query,
            Variables = variables,
            RootValue = rootValue,
            OperationName = operationName,
        });
    }

    public static async Task<string> ExecuteJsonAsync(
        Schema schema, string query, IReadOnlyDictionary<string, object?>? variables = null, object? rootValue = null, string? operationName = null) =>
        (await ExecuteAsync(schema, query, variables, rootValue, operationName)).ToJson();

    /// <summary>Asserts the response equals <paramref name="expectedJson"/> (whitespace-insensitive, order-sensitive).</summary>
    public static void AssertJson(string expectedJson, string actualJson) =>
        Assert.Equal(Compact(expectedJson), Compact(actualJson));

    /// <summary>
    /// graphql-js's response to each query of <paramref name="oracleCase"/> (<c>{sdl, root, echo?, queries}</c>, see
    /// tests/conformance/execute-oracle.mjs), as JSON text, from one node run.
    /// </summary>
    public static async Task<string[]> GraphqlJsResponsesAsync(object oracleCase)
    {
        var output = await NodeRunner.AskAsync("execute-oracle.mjs", JsonSerializer.Serialize(oracleCase));
        return [.. output.EnumerateArray().Select(a => a.GetRawText())];
    }

    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    public static Dictionary<string, object?> Variables(params (string Name, object? Value)[] entries)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            variables[name] = value;
        }
        return variables;
    }

    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => Variables(entries);
}
