using System.Text.Json;

namespace GraphIntel.Api.Tests.Support;

/// <summary>
/// A request that calls one Mutation field with valid-looking arguments, built generically from the introspected
/// argument and input types, so a mutation added later is covered without touching the tests: every argument and
/// input field without a default gets a value of its type — real ids of the kind its name or the field's return type
/// names (<c>id</c> → the return type, <c>personId</c> → a Person, <c>fromId</c> → an Organization), a real citation
/// for <c>sourceId</c> + <c>quote</c>, a source's own text for <c>text</c>, an EDTF interval for <c>interval</c>, the
/// first value of an enum, a date.
/// Optional input fields of the plain scalars (String, Int, Float, Boolean) are given too; other optional ones are
/// left out (dates and kinds that apply to one kind of entity only; lists such as <c>removeAliases</c> or
/// <c>retract</c>, which must name something held), except an enum named after the return type
/// (<c>organizationKind</c> for an Organization). An <c>auditSequence</c> is the newest audited update whose target
/// was not written after it (what <c>revert</c> can undo), read when the request is built.
/// </summary>
public sealed class MutationRequests
{
    private readonly IntrospectedSchema _schema;
    private readonly Dictionary<string, List<string>> _ids;
    private readonly Dictionary<string, string> _sourceTexts;
    private readonly (string SourceId, string Quote) _citation;

    private MutationRequests(IntrospectedSchema schema, Dictionary<string, List<string>> ids, Dictionary<string, string> sourceTexts, (string, string) citation)
    {
        _schema = schema;
        _ids = ids;
        _sourceTexts = sourceTexts;
        _citation = citation;
    }

    /// <summary>Reads real ids of every kind from the API (organizations, people, places, sources, relationships, estimates) and one real citation.</summary>
    public static async Task<MutationRequests> LoadAsync(ApiHost api, IntrospectedSchema schema)
    {
        var data = (await api.QueryAsync("""
            {
              organizations(first: 30) { edges { node { id relationships { id } strengthEstimates { id } } } }
              people(first: 3) { edges { node { id } } }
              places(first: 3) { edges { node { id } } }
              sources { id text citations { quote } }
              spare: organizations(first: 80) { edges { node { id relationships(status: [ASSERTED, DISPUTED, DENIED, RETRACTED]) { from { id } to { id } } } } }
            }
            """, key: ApiHost.ReaderKey)).Ok();
        List<string> Nodes(string connection) => [.. data.GetProperty(connection).GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];
        var organizations = data.GetProperty("organizations").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        var sources = data.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("citations").GetArrayLength() > 0).ToList();
        var ids = new Dictionary<string, List<string>>
        {
            ["Organization"] = Nodes("organizations"),
            ["Person"] = Nodes("people"),
            ["Place"] = Nodes("places"),
            ["Source"] = [.. sources.Select(s => s.GetProperty("id").GetString()!)],
            ["Relationship"] = [.. organizations.SelectMany(o => o.GetProperty("relationships").EnumerateArray()).Select(r => r.GetProperty("id").GetString()!).Distinct()],
            ["StrengthEstimate"] = [.. organizations.SelectMany(o => o.GetProperty("strengthEstimates").EnumerateArray()).Select(r => r.GetProperty("id").GetString()!).Distinct()],
        };
        // A merge's two organizations: beyond those other mutations aim at (so none of them links the two first), and
        // with no relationship between them in any status (a merge that would make it a self-loop is refused).
        var spare = data.GetProperty("spare").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            .Where(o => !ids["Organization"].Contains(o.GetProperty("id").GetString()!)).ToList();
        var linked = spare.SelectMany(o => o.GetProperty("relationships").EnumerateArray())
            .Select(r => (r.GetProperty("from").GetProperty("id").GetString()!, r.GetProperty("to").GetProperty("id").GetString()!)).ToHashSet();
        var pair = (from a in spare.Select(o => o.GetProperty("id").GetString()!)
                    from b in spare.Select(o => o.GetProperty("id").GetString()!)
                    where a != b && !linked.Contains((a, b)) && !linked.Contains((b, a))
                    select (Survivor: a, Merged: b)).First();
        ids["Survivor"] = [pair.Survivor];
        ids["Merged"] = [pair.Merged];
        ids["Entity"] = [.. ids["Organization"], .. ids["Person"], .. ids["Place"]];
        ids["Node"] = [.. ids["Entity"], .. ids["Source"], .. ids["Relationship"], .. ids["StrengthEstimate"]];
        foreach (var (kind, list) in ids) Assert.True(list.Count > 0, $"the seeded store has no {kind} to aim a mutation at");
        var texts = sources.ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("text").GetString()!);
        var citation = (ids["Source"][0], sources[0].GetProperty("citations")[0].GetProperty("quote").GetString()!);
        return new MutationRequests(schema, ids, texts, citation);
    }

    /// <summary>The ids of every kind the requests aim at (for snapshots of their targets).</summary>
    public IReadOnlyList<string> NodeIds => _ids["Node"];

    /// <summary>A document calling <paramref name="field"/> with variables for its arguments; the ids it names are its targets.</summary>
    public async Task<(string Document, Dictionary<string, object?> Variables, IReadOnlyList<string> Targets)> ForAsync(ApiHost api, JsonElement field)
    {
        var name = field.GetProperty("name").GetString()!;
        var returnType = IntrospectedSchema.Named(field.GetProperty("type"));
        var builder = new Builder(this, returnType.GetProperty("name").GetString()!, await RevertableSequenceAsync(api));
        var definitions = new List<string>();
        var arguments = new List<string>();
        var variables = new Dictionary<string, object?>();
        foreach (var argument in field.GetProperty("args").EnumerateArray())
        {
            if (argument.GetProperty("defaultValue").ValueKind != JsonValueKind.Null) continue;
            if (IsOptionalList(argument.GetProperty("type"))) continue;
            var argumentName = argument.GetProperty("name").GetString()!;
            definitions.Add($"${argumentName}: {Print(argument.GetProperty("type"))}");
            arguments.Add($"{argumentName}: ${argumentName}");
            variables[argumentName] = builder.Value(argumentName, argument.GetProperty("type"));
        }
        var selection = returnType.GetProperty("kind").GetString() is "SCALAR" or "ENUM" ? "" : " { __typename }";
        var document = $"mutation{(definitions.Count > 0 ? "(" + string.Join(", ", definitions) + ")" : "")} {{ {name}{(arguments.Count > 0 ? "(" + string.Join(", ", arguments) + ")" : "")}{selection} }}";
        return (document, variables, builder.Targets);
    }

    /// <summary>The newest audited update whose target no later entry wrote: a write <c>revert</c> can undo.</summary>
    private static async Task<long> RevertableSequenceAsync(ApiHost api)
    {
        var entries = (await api.QueryAsync("{ auditLog(first: 200) { sequence action targetId } }", key: ApiHost.ReaderKey)).Ok()
            .GetProperty("auditLog").EnumerateArray().ToList();
        var writtenLater = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var target = entry.GetProperty("targetId").GetString()!;
            if (entry.GetProperty("action").GetString() == "update" && !writtenLater.Contains(target)) return entry.GetProperty("sequence").GetInt64();
            writtenLater.Add(target);
        }
        return entries.Count > 0 ? entries[0].GetProperty("sequence").GetInt64() : 1;
    }

    /// <summary>A list that may be left out: optional lists name things that must be held (aliases to remove, facts to retract).</summary>
    private static bool IsOptionalList(JsonElement typeRef) => typeRef.GetProperty("kind").GetString() == "LIST";

    private static string Print(JsonElement typeRef) => typeRef.GetProperty("kind").GetString() switch
    {
        "NON_NULL" => Print(typeRef.GetProperty("ofType")) + "!",
        "LIST" => "[" + Print(typeRef.GetProperty("ofType")) + "]",
        _ => typeRef.GetProperty("name").GetString()!,
    };

    /// <summary>Values for one request; remembers the ids it used.</summary>
    private sealed class Builder(MutationRequests pool, string returnType, long revertableSequence)
    {
        private readonly Dictionary<string, int> _next = [];
        private string? _lastSourceId;

        public List<string> Targets { get; } = [];

        public object? Value(string name, JsonElement typeRef)
        {
            switch (typeRef.GetProperty("kind").GetString())
            {
                case "NON_NULL":
                    return Value(name, typeRef.GetProperty("ofType"));
                case "LIST":
                    return new[] { Value(name, typeRef.GetProperty("ofType")) };
            }
            var typeName = typeRef.GetProperty("name").GetString()!;
            var type = pool._schema.Type(typeName);
            return type.GetProperty("kind").GetString() switch
            {
                "INPUT_OBJECT" => InputObject(type),
                "ENUM" => type.GetProperty("enumValues")[0].GetProperty("name").GetString(),
                _ => Scalar(name, typeName),
            };
        }

        private Dictionary<string, object?> InputObject(JsonElement type)
        {
            var value = new Dictionary<string, object?>();
            foreach (var field in type.GetProperty("inputFields").EnumerateArray())
            {
                if (field.GetProperty("defaultValue").ValueKind != JsonValueKind.Null) continue;
                var fieldType = field.GetProperty("type");
                var named = IntrospectedSchema.Named(fieldType).GetProperty("name").GetString()!;
                var required = fieldType.GetProperty("kind").GetString() == "NON_NULL";
                if (IsOptionalList(fieldType)) continue;
                if (!required && named is not ("String" or "Int" or "Float" or "Boolean") && !named.StartsWith(returnType, StringComparison.Ordinal)) continue;
                value[field.GetProperty("name").GetString()!] = Value(field.GetProperty("name").GetString()!, fieldType);
            }
            return value;
        }

        private object? Scalar(string name, string typeName) => typeName switch
        {
            "ID" => Id(name),
            "String" => String(name),
            "Int" when name == "auditSequence" => revertableSequence,
            "Int" => 1,
            "Float" => 1.5,
            "Boolean" => true,
            "DateTime" => "2011-01-01T00:00:00Z",
            _ => "2011", // Date, or any other custom scalar: a year is the most widely accepted literal
        };

        private string Id(string name)
        {
            // "id" is the thing the mutation returns; "personId" a Person; "sourceId" the cited source; others an organization.
            var kind = name == "id" ? returnType : name.EndsWith("Id", StringComparison.Ordinal) ? char.ToUpperInvariant(name[0]) + name[1..^2] : "";
            if (!pool._ids.ContainsKey(kind)) kind = "Organization";
            if (kind == "Source")
            {
                _lastSourceId = pool._citation.SourceId;
                Targets.Add(_lastSourceId);
                return _lastSourceId;
            }
            var index = _next.GetValueOrDefault(kind);
            _next[kind] = index + 1;
            var id = pool._ids[kind][index % pool._ids[kind].Count];
            if (kind == returnType && returnType == "Source") _lastSourceId = id;
            Targets.Add(id);
            return id;
        }

        private string String(string name) => name switch
        {
            "quote" => pool._citation.Quote,
            "text" when _lastSourceId is not null => pool._sourceTexts[_lastSourceId],
            "url" => "https://example.org/authorization-matrix",
            "interval" => "2015/..",
            _ => "authorization matrix probe (" + name + ")",
        };
    }
}
