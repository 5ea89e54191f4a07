using System.Text.Json;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>
/// Null propagation through list items (spec, "Handling Execution Errors" and "Errors and Non-Null Types"; CompleteValue
/// for List and Non-Null): a null item of a non-null item type is a field error at the item's path, and the null
/// propagates to the list — null when the list is nullable, on to the list's parent when the list is non-null; a null
/// item of a nullable type is just null; one error per propagated null. The expected responses are written from those
/// rules and re-checked against graphql-js (tests/conformance/execute-oracle.mjs) by the last test.
/// </summary>
public sealed class ListNullPropagationTests
{
    private const string Sdl = """
        type Query {
          nullableListOfNonNull: [String!]
          twoNullsInNullableListOfNonNull: [String!]
          nonNullListOfNullable: [String]!
          nonNullListOfNonNull: [String!]!
          nestedNullableLists: [[String!]]
          nestedNonNullInnerLists: [[String!]!]
          items: [Item!]
          looseItems: [Item]
          holder: Holder
        }
        type Item { value: String! }
        type Holder { list: [String!]! other: String }
        """;

    /// <summary>The root value, read by the default resolvers of both engines.</summary>
    private const string Root = """
        {
          "nullableListOfNonNull": ["a", null, "c"],
          "twoNullsInNullableListOfNonNull": [null, "b", null],
          "nonNullListOfNullable": ["a", null],
          "nonNullListOfNonNull": ["a", null],
          "nestedNullableLists": [["a"], ["b", null], null],
          "nestedNonNullInnerLists": [["a"], ["b", null]],
          "items": [{ "value": "a" }, { "value": null }],
          "looseItems": [{ "value": "a" }, null],
          "holder": { "list": ["a", null], "other": "o" }
        }
        """;

    public static TheoryData<string, string> Cases => new()
    {
        // A non-null item in a nullable list: the item's null is an error at its index; the list becomes null.
        { "{ nullableListOfNonNull }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Query.nullableListOfNonNull.","locations":[{"line":1,"column":3}],"path":["nullableListOfNonNull",1]}],"data":{"nullableListOfNonNull":null}}""" },
        // Two null items: the list is nulled by the first; one error, not two.
        { "{ twoNullsInNullableListOfNonNull }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Query.twoNullsInNullableListOfNonNull.","locations":[{"line":1,"column":3}],"path":["twoNullsInNullableListOfNonNull",0]}],"data":{"twoNullsInNullableListOfNonNull":null}}""" },
        // A nullable item in a non-null list: just null, no error.
        { "{ nonNullListOfNullable }", """{"data":{"nonNullListOfNullable":["a",null]}}""" },
        // A non-null item in a non-null list: the list cannot be null either, so the null reaches the (nullable) data.
        { "{ nonNullListOfNonNull }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullListOfNonNull.","locations":[{"line":1,"column":3}],"path":["nonNullListOfNonNull",1]}],"data":null}""" },
        // Nested: the inner list is nullable, so it absorbs its item's null; the outer list keeps its other items.
        { "{ nestedNullableLists }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Query.nestedNullableLists.","locations":[{"line":1,"column":3}],"path":["nestedNullableLists",1,1]}],"data":{"nestedNullableLists":[["a"],null,null]}}""" },
        // Nested: the inner list is non-null, so the null goes on to the outer (nullable) list.
        { "{ nestedNonNullInnerLists }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Query.nestedNonNullInnerLists.","locations":[{"line":1,"column":3}],"path":["nestedNonNullInnerLists",1,1]}],"data":{"nestedNonNullInnerLists":null}}""" },
        // An object item whose non-null field is null: the item becomes null, and being non-null, nulls the list.
        { "{ items { value } }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Item.value.","locations":[{"line":1,"column":11}],"path":["items",1,"value"]}],"data":{"items":null}}""" },
        // A nullable object item: null, no error; its siblings complete.
        { "{ looseItems { value } }", """{"data":{"looseItems":[{"value":"a"},null]}}""" },
        // Inside an object: the non-null list's null propagates to the holder, not past it; the sibling root field stays.
        { "{ holder { other list } nonNullListOfNullable }",
          """{"errors":[{"message":"Cannot return null for non-nullable field Holder.list.","locations":[{"line":1,"column":18}],"path":["holder","list",1]}],"data":{"holder":null,"nonNullListOfNullable":["a",null]}}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Null_items_propagate_as_the_spec_says(string query, string expected) =>
        AssertJson(expected, await ExecuteJsonAsync(Schema(), query, rootValue: RootValue()));

    [Fact]
    public async Task Graphql_js_answers_every_case_alike()
    {
        var cases = Cases.Select(row => ((string)row[0], (string)row[1])).ToArray();
        var answers = await GraphqlJsResponsesAsync(new
        {
            sdl = Sdl,
            root = JsonDocument.Parse(Root).RootElement,
            queries = cases.Select(c => c.Item1),
        });
        Assert.Equal(cases.Length, answers.Length);
        for (var i = 0; i < cases.Length; i++) Assert.True(Compact(cases[i].Item2) == Compact(answers[i]), $"{cases[i].Item1}: graphql-js answers {answers[i]}");
    }

    private static Schema Schema() => SchemaBuilder.FromSdl(Sdl).UseDefaultFieldResolver().Build();

    private static object? RootValue() => ToValue(JsonDocument.Parse(Root).RootElement);

    /// <summary>JSON as the default resolver reads it: objects as dictionaries, arrays as lists.</summary>
    private static object? ToValue(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => json.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Null => null,
        _ => throw new ArgumentException($"no {json.ValueKind} in the root value"),
    };
}
