using System.Text.Json;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Introspection;

/// <summary>__schema, __type and __typename, bound like any other fields.</summary>
public sealed class IntrospectionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl(RichSchema.Sdl).UseDefaultFieldResolver().Build();

    private static async Task<JsonElement> QueryAsync(string query)
    {
        var json = await ExecuteJsonAsync(Schema, query);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.False(root.TryGetProperty("errors", out var errors), errors.ToString());
        return root.GetProperty("data");
    }

    [Fact]
    public async Task Schema_lists_roots_types_and_directives()
    {
        var data = await QueryAsync("{ __schema { description queryType { name } mutationType { name } subscriptionType { name } types { name } directives { name isRepeatable locations } } }");
        var schema = data.GetProperty("__schema");
        Assert.Equal("The schema", schema.GetProperty("description").GetString());
        Assert.Equal("Root", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Mut", schema.GetProperty("mutationType").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, schema.GetProperty("subscriptionType").ValueKind);
        var types = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("__Schema", types);
        Assert.Contains("Date", types);
        Assert.Equal(types.Count, types.Distinct().Count());
        var directives = schema.GetProperty("directives").EnumerateArray().ToList();
        Assert.Equal(["cached", "include", "skip", "deprecated", "specifiedBy", "oneOf"], directives.Select(d => d.GetProperty("name").GetString()));
        Assert.True(directives[0].GetProperty("isRepeatable").GetBoolean());
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], directives[0].GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Deprecated_members_are_hidden_unless_asked_for()
    {
        var data = await QueryAsync("""
            {
              root: __type(name: "Root") {
                fields { name }
                all: fields(includeDeprecated: true) { name isDeprecated deprecationReason }
                heroes: fields { name args { name } allArgs: args(includeDeprecated: true) { name isDeprecated } }
              }
              episode: __type(name: "Episode") { enumValues { name } all: enumValues(includeDeprecated: true) { name deprecationReason } }
              filter: __type(name: "Filter") { inputFields { name } all: inputFields(includeDeprecated: true) { name defaultValue } }
            }
            """);
        var root = data.GetProperty("root");
        Assert.DoesNotContain("hero", Names(root.GetProperty("fields")));
        var hero = root.GetProperty("all").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "hero");
        Assert.Equal("use heroes", hero.GetProperty("deprecationReason").GetString());
        var heroes = root.GetProperty("heroes").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "heroes");
        Assert.Equal(["flag"], Names(heroes.GetProperty("args")));
        Assert.Equal(["old", "flag"], Names(heroes.GetProperty("allArgs")));
        Assert.Equal(["NEWHOPE", "EMPIRE"], Names(data.GetProperty("episode").GetProperty("enumValues")));
        Assert.Equal("old", data.GetProperty("episode").GetProperty("all")[2].GetProperty("deprecationReason").GetString());
        Assert.Equal(["name", "tags", "nested"], Names(data.GetProperty("filter").GetProperty("inputFields")));
        Assert.Equal("[]", data.GetProperty("filter").GetProperty("all")[1].GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task Types_describe_kinds_wrappers_and_possible_types()
    {
        var data = await QueryAsync("""
            {
              character: __type(name: "Character") { kind interfaces { name } possibleTypes { name } }
              result: __type(name: "SearchResult") { kind possibleTypes { name } fields { name } }
              by: __type(name: "SearchBy") { kind isOneOf }
              date: __type(name: "Date") { kind specifiedByURL }
              root: __type(name: "Root") { fields { name type { kind name ofType { kind name ofType { kind name ofType { name } } } } } }
              missing: __type(name: "Missing") { name }
            }
            """);
        AssertJson("""{"kind":"INTERFACE","interfaces":[{"name":"Node"}],"possibleTypes":[{"name":"Human"},{"name":"Droid"}]}""", data.GetProperty("character").GetRawText());
        AssertJson("""{"kind":"UNION","possibleTypes":[{"name":"Human"},{"name":"Droid"}],"fields":null}""", data.GetProperty("result").GetRawText());
        AssertJson("""{"kind":"INPUT_OBJECT","isOneOf":true}""", data.GetProperty("by").GetRawText());
        AssertJson("""{"kind":"SCALAR","specifiedByURL":"https://tools.ietf.org/html/rfc3339"}""", data.GetProperty("date").GetRawText());
        var heroes = data.GetProperty("root").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "heroes");
        AssertJson(
            """{"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","name":null,"ofType":{"kind":"NON_NULL","name":null,"ofType":{"name":"Character"}}}}""",
            heroes.GetProperty("type").GetRawText());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
    }

    [Fact]
    public async Task Typename_answers_on_every_composite_type()
    {
        var data = await QueryAsync("{ __typename search(by: {name: \"x\"}) { __typename } }");
        Assert.Equal("Root", data.GetProperty("__typename").GetString());
    }

    private static List<string?> Names(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
}
