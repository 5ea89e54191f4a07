using System.Diagnostics;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Introspection;

/// <summary>
/// Our introspection answer to graphql-js's <c>getIntrospectionQuery</c> (every option on) must equal, value for value
/// and key order included, the answer graphql-js gives for the same SDL; and <c>buildClientSchema</c> + <c>printSchema</c> must round-trip.
/// Runs the graphql-js installed under tests/conformance with the node on PATH.
/// </summary>
public sealed class GraphQLJsRoundTripTests
{
    private const string Script = """
        const g = require('graphql');
        const fs = require('fs');
        const [mode, sdlPath, oursPath] = process.argv.slice(2);
        const query = g.getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true,
          schemaDescription: true, inputValueDeprecation: true, oneOf: true });
        if (mode === 'query') { process.stdout.write(query); process.exit(0); }
        const reference = g.buildSchema(fs.readFileSync(sdlPath, 'utf8'));
        const expected = JSON.stringify(g.graphqlSync({ schema: reference, source: query }));
        const ours = JSON.stringify(JSON.parse(fs.readFileSync(oursPath, 'utf8')));
        const printedOurs = g.printSchema(g.buildClientSchema(JSON.parse(ours).data));
        const printedReference = g.printSchema(reference);
        process.stdout.write(JSON.stringify({ sameIntrospection: ours === expected, samePrintedSchema: printedOurs === printedReference, expected, printedOurs, printedReference }));
        """;

    [Fact]
    public async Task Introspection_matches_graphql_js_exactly()
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), $"graphintel-roundtrip-{Guid.NewGuid():N}.cjs");
        var oursPath = Path.ChangeExtension(scriptPath, ".json");
        var sdlPath = Path.ChangeExtension(scriptPath, ".graphql");
        await File.WriteAllTextAsync(scriptPath, Script);
        await File.WriteAllTextAsync(sdlPath, RichSchema.Sdl);
        try
        {
            var query = await RunNodeAsync(scriptPath, "query");
            var schema = SchemaBuilder.FromSdl(RichSchema.Sdl).UseDefaultFieldResolver().Build();
            var result = await new GraphQLService(schema).ExecuteAsync(new GraphQLRequest { Query = query });
            await File.WriteAllTextAsync(oursPath, result.ToJson());

            using var comparison = System.Text.Json.JsonDocument.Parse(await RunNodeAsync(scriptPath, "compare", sdlPath, oursPath));
            var root = comparison.RootElement;
            Assert.Equal(root.GetProperty("printedReference").GetString(), root.GetProperty("printedOurs").GetString());
            Assert.Equal(Execution.ExecutionHarness.Compact(root.GetProperty("expected").GetString()!), Execution.ExecutionHarness.Compact(result.ToJson()));
            Assert.True(root.GetProperty("sameIntrospection").GetBoolean());
        }
        finally
        {
            File.Delete(scriptPath);
            File.Delete(oursPath);
            File.Delete(sdlPath);
        }
    }

    private static async Task<string> RunNodeAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("node", arguments);
        startInfo.Environment["NODE_PATH"] = Path.Combine(RepoPaths.Root, "tests", "conformance", "node_modules");
        var run = await ChildProcess.RunAsync(startInfo, TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, $"node {string.Join(' ', arguments)} failed: {run}");
        return run.Stdout;
    }
}
