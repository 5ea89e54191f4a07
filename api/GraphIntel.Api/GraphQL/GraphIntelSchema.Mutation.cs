using GraphIntel.Api.Auth;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.GraphQL;

/// <summary>
/// Writes: each mutation needs an API key with the editor role, becomes one atomic change set (validated by the
/// store: endpoints, kinds, intervals, quotes verbatim in their sources) and is audited under the key's name.
/// </summary>
public sealed partial class GraphIntelSchema
{
    /// <summary>The user-context entry holding the request's <see cref="ApiPrincipal"/>.</summary>
    public const string PrincipalKey = "principal";

    private void BindMutation(SchemaBuilder b)
    {
        Async(b, "Mutation", "assertRelationship", async c =>
        {
            var input = InputObject(c, "input");
            var r = RelationshipFrom(input,
                Input.Get<RelationshipType>(input, "type"), Input.Get<string>(input, "fromId")!, Input.Get<string>(input, "toId")!,
                Input.Get<PartialDate?>(input, "validFrom"), Input.Get<PartialDate?>(input, "validTo"));
            await WriteAsync(c, new ChangeSet { Relationships = [r] }, reason: null);
            return await _store.GetRelationshipsByIdAsync([r.Id], c.CancellationToken) is var written && written.TryGetValue(r.Id, out var found)
                ? found : throw ApiErrors.Error($"relationship {r.Id} was written but cannot be read back", ApiErrors.StoreError);
        });
        Async(b, "Mutation", "assertLeadershipTerm", async c =>
        {
            var input = InputObject(c, "input");
            var r = RelationshipFrom(input, RelationshipType.Leads,
                Input.Get<string>(input, "personId")!, Input.Get<string>(input, "organizationId")!,
                Input.Get<PartialDate?>(input, "from"), Input.Get<PartialDate?>(input, "to")) with
            {
                Role = Input.Get<string>(input, "role"),
                EndReason = Input.Get<string>(input, "endReason"),
            };
            await WriteAsync(c, new ChangeSet { Relationships = [r] }, reason: null);
            return new LeadershipTermView((await _store.GetRelationshipsByIdAsync([r.Id], c.CancellationToken))[r.Id]);
        });
        Async(b, "Mutation", "retractRelationship", async c =>
        {
            var id = c.GetArgument<string>("id");
            await WriteAsync(c, new ChangeSet { Retractions = [id] }, RequiredReason(c));
            return (await _store.GetRelationshipsByIdAsync([id], c.CancellationToken))[id];
        });
        Async(b, "Mutation", "assertStrengthEstimate", async c =>
        {
            var input = InputObject(c, "input");
            var organizationId = Input.Get<string>(input, "organizationId")!;
            var asOf = Input.Get<PartialDate?>(input, "asOf");
            var estimatedBy = Input.Get<string>(input, "estimatedBy");
            var estimate = new StrengthEstimate(
                FactIdentity.Estimate(organizationId, asOf, estimatedBy), organizationId,
                Input.Get<int?>(input, "min"), Input.Get<int?>(input, "max"), asOf, estimatedBy,
                Input.Get<ClaimStatus?>(input, "status") ?? ClaimStatus.Asserted, CitationsFrom(input))
            {
                Note = Input.Get<string>(input, "note"),
            };
            await WriteAsync(c, new ChangeSet { StrengthEstimates = [estimate] }, reason: null);
            return (await _store.GetStrengthEstimatesByIdAsync([estimate.Id], c.CancellationToken))[estimate.Id];
        });
        Async(b, "Mutation", "retractStrengthEstimate", async c =>
        {
            var id = c.GetArgument<string>("id");
            await WriteAsync(c, new ChangeSet { Retractions = [id] }, RequiredReason(c));
            return (await _store.GetStrengthEstimatesByIdAsync([id], c.CancellationToken))[id];
        });
        foreach (var (field, kind) in new[] { ("upsertOrganization", EntityKind.Organization), ("upsertPerson", EntityKind.Person), ("upsertPlace", EntityKind.Place) })
        {
            Async(b, "Mutation", field, async c =>
            {
                var entity = EntityFrom(InputObject(c, "input"), kind);
                await WriteAsync(c, new ChangeSet { Entities = [entity] }, c.GetArgument<string?>("reason", null));
                return (await _store.GetEntitiesAsync([entity.Id], c.CancellationToken))[entity.Id];
            });
        }
        Async(b, "Mutation", "upsertSource", async c =>
        {
            var input = InputObject(c, "input");
            var source = new Source(Input.Get<string>(input, "id")!, Input.Get<string>(input, "title")!,
                Input.Get<string>(input, "publisher"), Input.Get<string>(input, "author"), Input.Get<PartialDate?>(input, "published"),
                Input.Get<string>(input, "url"), Input.Get<string>(input, "text")!);
            await WriteAsync(c, new ChangeSet { Sources = [source] }, c.GetArgument<string?>("reason", null));
            return (await _store.GetSourcesAsync([source.Id], c.CancellationToken))[source.Id];
        });
        Async(b, "Mutation", "mergeEntities", async c =>
        {
            var survivorId = c.GetArgument<string>("survivorId");
            var mergedId = c.GetArgument<string>("mergedId");
            await WriteAsync(c, new ChangeSet { Merges = [new EntityMerge(survivorId, mergedId)] }, RequiredReason(c));
            return (await _store.GetEntitiesAsync([survivorId], c.CancellationToken))[survivorId];
        });
    }

    /// <summary>Refuses the write unless the request's key has the editor role; else applies it as the key's name.</summary>
    private async Task WriteAsync(IResolveFieldContext c, ChangeSet changes, string? reason)
    {
        var principal = c.UserContext.TryGetValue(PrincipalKey, out var p) ? p as ApiPrincipal : null;
        if (principal is null)
            throw ApiErrors.Error($"{c.FieldName} is a write: it needs an API key with the {Roles.Editor} role (send `Authorization: Bearer <key>`).", ApiErrors.Forbidden);
        if (!principal.IsEditor)
            throw ApiErrors.Error($"{c.FieldName} is a write: the API key '{principal.Name}' lacks the {Roles.Editor} role.", ApiErrors.Forbidden);
        await _store.ApplyAsync(changes, new WriteContext(principal.Name, reason, _time.GetUtcNow()), c.CancellationToken);
    }

    private static string RequiredReason(IResolveFieldContext c) =>
        c.GetArgument<string?>("reason", null) is { Length: > 0 } reason && !string.IsNullOrWhiteSpace(reason)
            ? reason
            : throw ApiErrors.BadArgument($"{c.FieldName} needs a non-empty \"reason\": it is recorded in the audit trail.");

    private static IReadOnlyDictionary<string, object?> InputObject(IResolveFieldContext c, string name) =>
        c.GetArgument<IReadOnlyDictionary<string, object?>?>(name, null) ?? throw ApiErrors.BadArgument($"Argument \"{name}\" is required.");

    private static Relationship RelationshipFrom(IReadOnlyDictionary<string, object?> input, RelationshipType type, string fromId, string toId, PartialDate? validFrom, PartialDate? validTo) =>
        new(FactIdentity.Relationship(type, fromId, toId, validFrom, validTo), type, fromId, toId,
            new Validity(validFrom, validTo), Input.Get<ClaimStatus?>(input, "status") ?? ClaimStatus.Asserted, CitationsFrom(input))
        {
            Note = Input.Get<string>(input, "note"),
        };

    private static IReadOnlyList<Citation> CitationsFrom(IReadOnlyDictionary<string, object?> input) =>
        Input.Objects(input, "citations").Select(c => new Citation(Input.Get<string>(c, "sourceId")!, Input.Get<string>(c, "quote")!)).ToList();

    private static Entity EntityFrom(IReadOnlyDictionary<string, object?> input, EntityKind kind)
    {
        var organizationKind = Input.Get<OrganizationKind?>(input, "organizationKind");
        if (kind == EntityKind.Organization && organizationKind is null)
            throw ApiErrors.BadArgument("An organization needs \"organizationKind\".");
        if (kind != EntityKind.Organization && (organizationKind is not null || input.GetValueOrDefault("founded") is not null || input.GetValueOrDefault("dissolved") is not null))
            throw ApiErrors.BadArgument("\"organizationKind\", \"founded\" and \"dissolved\" apply to organizations only.");
        return new Entity(Input.Get<string>(input, "id")!, kind, Input.Get<string>(input, "name")!,
            Input.GetList<string>(input, "aliases") ?? [], CitationsFrom(input))
        {
            OrganizationKind = organizationKind,
            Description = Input.Get<string>(input, "description"),
            Founded = Input.Get<PartialDate?>(input, "founded"),
            Dissolved = Input.Get<PartialDate?>(input, "dissolved"),
        };
    }
}
