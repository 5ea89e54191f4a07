using GraphIntel.Api.Tests.Support;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GraphIntel.Api.Tests;

/// <summary>The served schema keeps every name of the contract (api/GraphIntel.Api/Schema/contract.graphql) with its meaning.</summary>
public sealed class ContractTests(ApiHost api) : IClassFixture<ApiHost>
{
    private Schema Served => api.Services.GetRequiredService<GraphQLService>().Schema;

    [Fact]
    public void Every_contract_type_field_argument_and_enum_value_is_served_with_the_same_type()
    {
        var contract = Parser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "api/GraphIntel.Api/Schema/contract.graphql")));
        var missing = new List<string>();
        foreach (var definition in contract.Definitions)
        {
            switch (definition)
            {
                case ObjectTypeDefinitionNode o: CheckFields(o.Name.Value, o.Fields, missing); break;
                case InterfaceTypeDefinitionNode i: CheckFields(i.Name.Value, i.Fields, missing); break;
                case EnumTypeDefinitionNode e:
                    if (Served.GetType(e.Name.Value) is not EnumType served) { missing.Add($"enum {e.Name.Value}"); break; }
                    foreach (var v in e.Values)
                        if (served.Values.All(x => x.Name != v.Name.Value)) missing.Add($"{e.Name.Value}.{v.Name.Value}");
                    break;
                case InputObjectTypeDefinitionNode input:
                    if (Served.GetType(input.Name.Value) is not InputObjectType servedInput) { missing.Add($"input {input.Name.Value}"); break; }
                    foreach (var f in input.Fields)
                        if (servedInput.Fields.All(x => x.Name != f.Name.Value || Printer.Print(f.Type) != x.Type.ToString()))
                            missing.Add($"{input.Name.Value}.{f.Name.Value}: {Printer.Print(f.Type)}");
                    break;
                case ScalarTypeDefinitionNode s:
                    if (Served.GetType(s.Name.Value) is not ScalarType) missing.Add($"scalar {s.Name.Value}");
                    break;
            }
        }
        Assert.True(missing.Count == 0, "the served schema lacks: " + string.Join(", ", missing));
    }

    private void CheckFields(string typeName, IReadOnlyList<FieldDefinitionNode> fields, List<string> missing)
    {
        if (Served.GetType(typeName) is not FieldsType served) { missing.Add($"type {typeName}"); return; }
        foreach (var field in fields)
        {
            var servedField = served.Fields.FirstOrDefault(f => f.Name == field.Name.Value);
            if (servedField is null || servedField.Type.ToString() != Printer.Print(field.Type))
            {
                missing.Add($"{typeName}.{field.Name.Value}: {Printer.Print(field.Type)}");
                continue;
            }
            foreach (var argument in field.Arguments)
                if (servedField.Arguments.All(a => a.Name != argument.Name.Value || a.Type.ToString() != Printer.Print(argument.Type)))
                    missing.Add($"{typeName}.{field.Name.Value}({argument.Name.Value}: {Printer.Print(argument.Type)})");
        }
    }

    [Fact]
    public async Task A_query_over_every_contract_field_runs_without_errors()
    {
        var data = (await api.QueryAsync("""
            fragment E on Entity { id kind name aliases description citations { source { id title publisher author published url } quote }
              relationships(direction: BOTH) { id type validFrom validTo status note from { id } to { id } citations { quote } } }
            {
              n: node(id: "org/isis-k") { id ... on Organization { name } }
              entity(name: "IS-K") { ...E }
              organization(id: "org/isis-k") { ...E organizationKind founded dissolved
                leaders { person { id } organization { id } from to endReason status citations { quote }
                  predecessor { from } successor { from } }
                leadershipHistory { person { name } from to }
                umbrella(asOf: "2020") { id } subgroups { id }
                strengthEstimates { organization { id } min max asOf estimatedBy citations { quote } } }
              person: entity(id: "person/dilshod-dekhanov") { ...E ... on Person { leadershipTerms { organization { name } from to } } }
              place: entity(id: "place/idlib") { ...E }
              search(text: "Khorasan", kinds: [ORGANIZATION], first: 3) { entity { id } score matched }
              lineage(id: "org/ttt", direction: BOTH, maxDepth: 3) { nodes { id } relationships { id } }
              paths(from: "org/ttt", to: "org/uto", maxHops: 3, first: 2) { length nodes { id } relationships { id } }
              neighborhood(id: "org/kib", depth: 1) { nodes { id } relationships { id } }
              organizations(filter: { nameContains: "islamic", organizationKinds: [ARMED_GROUP], activeAt: "2015" }, first: 5) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name } } }
              sources { id title citations { quote } }
            }
            """)).Ok();
        Assert.Equal("org/isis-k", data.GetProperty("entity").GetProperty("id").GetString());
        Assert.Equal("ORGANIZATION", data.GetProperty("organization").GetProperty("kind").GetString());
        Assert.Equal(5, data.GetProperty("sources").GetArrayLength());
        Assert.Equal("PERSON", data.GetProperty("person").GetProperty("kind").GetString());
        Assert.True(data.GetProperty("organizations").GetProperty("totalCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Organizations_page_through_with_cursors_without_gaps_or_repeats()
    {
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = (await api.QueryAsync("query($after: String) { organizations(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }",
                new { after })).Ok().GetProperty("organizations");
            total = page.GetProperty("totalCount").GetInt32();
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        } while (after is not null);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    /// <summary>The cursor a sourcesConnection edge carries: the source id behind "source:", in base64.</summary>
    private static string SourceCursor(string id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("source:" + id));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(7)]
    public async Task Sources_connection_pages_the_sources_in_id_order_after_any_cursor(int first)
    {
        // The expected pages come from the unpaged list, sorted here and sliced by position.
        var ids = (await api.QueryAsync("{ sources { id } }")).Ok().GetProperty("sources").EnumerateArray()
            .Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.True(ids.Count > 2, "the fixture needs sources to page through");
        for (var start = 0; start <= ids.Count; start++)
        {
            var after = start == 0 ? null : SourceCursor(ids[start - 1]);
            var page = (await api.QueryAsync(
                "query($first: Int, $after: String) { sourcesConnection(first: $first, after: $after) { totalCount " +
                "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }",
                new { first, after })).Ok().GetProperty("sourcesConnection");
            var expected = ids.Skip(start).Take(first).ToList();
            var edges = page.GetProperty("edges").EnumerateArray().ToList();
            var info = page.GetProperty("pageInfo");
            Assert.Equal(expected, edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()));
            Assert.Equal(expected.Select(SourceCursor), edges.Select(e => e.GetProperty("cursor").GetString()));
            Assert.Equal(ids.Count, page.GetProperty("totalCount").GetInt32());
            Assert.Equal(start + expected.Count < ids.Count, info.GetProperty("hasNextPage").GetBoolean());
            Assert.Equal(start > 0, info.GetProperty("hasPreviousPage").GetBoolean());
            Assert.Equal(expected.Count > 0 ? SourceCursor(expected[0]) : null, info.GetProperty("startCursor").GetString());
            Assert.Equal(expected.Count > 0 ? SourceCursor(expected[^1]) : null, info.GetProperty("endCursor").GetString());
        }
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("c291cmNlOnNvdXJjZS9uby1zdWNo")] // "source:source/no-such": well formed, but no source has that id
    [InlineData("c291cmNlOnNvdXJjZS9uby1zdWNo====")]
    public async Task Sources_connection_refuses_a_cursor_that_is_not_one_of_its_own(string after)
    {
        var response = await api.QueryAsync("query($after: String) { sourcesConnection(first: 2, after: $after) { totalCount } }", new { after });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal($"Argument \"after\": '{after}' is not a cursor of this list.", response.Errors[0].GetProperty("message").GetString());
    }
}
