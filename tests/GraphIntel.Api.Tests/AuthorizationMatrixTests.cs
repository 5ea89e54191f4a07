using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The authorization matrix: every Mutation field the API serves — listed by introspection, not by hand, so a mutation
/// added later is covered — is refused to a caller without a key and to a reader's key with FORBIDDEN, and the refused
/// call writes nothing: the audit log, the statistics and every target the call named read the same before and after.
/// The arguments are built generically from the introspected types (<see cref="MutationRequests"/>); the second test
/// shows they are good enough that an editor's identical call goes through, so the refusal is the key's doing.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Every_mutation_is_forbidden_without_a_key_and_with_a_reader_key_and_writes_nothing()
    {
        var schema = await IntrospectedSchema.LoadAsync(api, ApiHost.ReaderKey);
        var requests = await MutationRequests.LoadAsync(api, schema);
        var fields = schema.MutationFields;
        Assert.NotEmpty(fields);

        var failures = new List<string>();
        foreach (var field in fields)
        {
            var name = field.GetProperty("name").GetString()!;
            var (document, variables, targets) = await requests.ForAsync(api, field);
            foreach (var (caller, key) in new[] { ("no key", (string?)null), ("a reader key", ApiHost.ReaderKey) })
            {
                var before = await SnapshotAsync(schema, targets);
                var response = await api.QueryAsync(document, variables, key);
                if (Refusal(name, response) is { } problem) failures.Add($"{name} with {caller}: {problem}\n  {document}\n  {JsonSerializer.Serialize(variables)}");
                var after = await SnapshotAsync(schema, targets);
                if (after != before) failures.Add($"{name} with {caller} wrote: the audit log, statistics or targets changed\n  before: {before}\n  after:  {after}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures over {fields.Count} mutations:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_key_is_checked_before_the_arguments_so_a_caller_without_one_learns_nothing_of_them()
    {
        // A person with an organizationKind is bad input; a caller without an editor key must hear only that it needs one.
        const string document = """mutation { upsertPerson(input: { id: "person/nobody-at-all", name: "Nobody", organizationKind: ARMED_GROUP }) { id } }""";
        foreach (var key in new[] { null, ApiHost.ReaderKey })
        {
            var response = await api.QueryAsync(document, key: key);
            Assert.Null(Refusal("upsertPerson", response));
        }
        var editor = await api.QueryAsync(document, key: ApiHost.EditorKey);
        Assert.Equal("BAD_USER_INPUT", editor.Errors[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>Why <paramref name="response"/> is not a clean FORBIDDEN refusal of <paramref name="field"/>; null when it is.</summary>
    private static string? Refusal(string field, GraphQLResponse response)
    {
        if (response.Errors.Length == 0) return "not refused: " + response.Raw;
        var error = response.Errors[0];
        var code = error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var c) ? c.GetString() : null;
        if (code != "FORBIDDEN") return $"refused with {code ?? "no code"}, not FORBIDDEN: {response.Raw}";
        if (response.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            return "refused, yet it returned data: " + response.Raw;
        return null;
    }

    /// <summary>What a write could change: the newest audit entries, the statistics, and every target read through node(id:).</summary>
    internal static async Task<string> SnapshotAsync(ApiHost host, IntrospectedSchema schema, IReadOnlyList<string> targets)
    {
        var nodeSelection = "{ " + string.Join(" ", schema.PossibleTypes("Node").Select(t => $"... on {t} {schema.SelectionOf(t)}")) + " }";
        var definitions = string.Join(", ", targets.Select((_, i) => $"$t{i}: ID!"));
        var nodes = string.Join(" ", targets.Select((_, i) => $"t{i}: node(id: $t{i}) {nodeSelection}"));
        var variables = targets.Select((id, i) => (id, i)).ToDictionary(x => $"t{x.i}", x => (object?)x.id);
        var query = $"query{(targets.Count > 0 ? "(" + definitions + ")" : "")} {{ auditLog(first: 3) {{ sequence action targetId }} statistics {schema.SelectionOf("GraphStatistics")} {nodes} }}";
        return (await host.QueryAsync(query, variables, ApiHost.ReaderKey)).Ok().GetRawText();
    }

    private Task<string> SnapshotAsync(IntrospectedSchema schema, IReadOnlyList<string> targets) => SnapshotAsync(api, schema, targets);
}

/// <summary>
/// The control of the matrix, on a host of its own: an editor's call with the same generated arguments goes through
/// and changes what the snapshot reads — so the arguments are valid and the snapshot would see a write.
/// </summary>
public sealed class AuthorizationMatrixControlTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task An_editor_making_the_same_calls_is_not_refused_and_the_snapshot_sees_each_write()
    {
        var schema = await IntrospectedSchema.LoadAsync(api, ApiHost.ReaderKey);
        var requests = await MutationRequests.LoadAsync(api, schema);
        var failures = new List<string>();
        foreach (var field in schema.MutationFields)
        {
            var name = field.GetProperty("name").GetString()!;
            var (document, variables, targets) = await requests.ForAsync(api, field);
            var before = await AuthorizationMatrixTests.SnapshotAsync(api, schema, targets);
            var response = await api.QueryAsync(document, variables, ApiHost.EditorKey);
            if (response.Errors.Length > 0) { failures.Add($"{name}: {response.Raw}\n  {document}\n  {JsonSerializer.Serialize(variables)}"); continue; }
            if (await AuthorizationMatrixTests.SnapshotAsync(api, schema, targets) == before) failures.Add($"{name}: the editor's write changed nothing the snapshot reads");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
