using GraphIntel.Api.Auth;
using GraphIntel.Api.Errors;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Resolvers;

/// <summary>
/// Writes: each mutation needs an API key with the editor role, becomes one atomic change set (validated by the
/// store: endpoints, kinds, intervals, quotes verbatim in their sources) and is audited under the key's name.
/// Asserts and upserts are patches (<see cref="ChangeSet.EntityPatches"/> and the like): an omitted field is kept,
/// null clears a scalar, aliases and citations given are added and removed only when named; RETRACTED is set only by
/// the retract mutations, asserting a retracted fact again revives it (with a reason); <c>revert</c> undoes a write.
/// </summary>
internal sealed partial class GraphIntelSchema
{
    /// <summary>The user-context entry holding the request's <see cref="ApiPrincipal"/>.</summary>
    public const string PrincipalKey = "principal";

    private void BindMutation(SchemaBuilder b)
    {
        Mutation(b, "assertRelationship", async c =>
        {
            var input = InputObject(c, "input");
            var patch = RelationshipPatchFrom(input,
                Input.Get<RelationshipType>(input, "type"), Input.Get<string>(input, "fromId")!, Input.Get<string>(input, "toId")!,
                IntervalFrom(input, "validFrom", "validTo"));
            await WriteAsync(c, new ChangeSet { RelationshipPatches = [patch] }, OptionalReason(c));
            return await ReadBackAsync(_store.GetRelationshipsByIdAsync([patch.Id], c.CancellationToken), patch.Id);
        });
        Mutation(b, "assertLeadershipTerm", async c =>
        {
            var input = InputObject(c, "input");
            var patch = RelationshipPatchFrom(input, RelationshipType.Leads,
                Input.Get<string>(input, "personId")!, Input.Get<string>(input, "organizationId")!,
                IntervalFrom(input, "from", "to")) with
            {
                Role = Given<string?>(input, "role"),
                EndReason = Given<string?>(input, "endReason"),
            };
            await WriteAsync(c, new ChangeSet { RelationshipPatches = [patch] }, OptionalReason(c));
            return new LeadershipTermView(await ReadBackAsync(_store.GetRelationshipsByIdAsync([patch.Id], c.CancellationToken), patch.Id));
        });
        Mutation(b, "retractRelationship", async c =>
        {
            var id = c.GetArgument<string>("id");
            var reason = RequiredReason(c);
            // The kind is checked before anything is written: a strength estimate's id is not a relationship's.
            if (!(await _store.GetRelationshipsByIdAsync([id], c.CancellationToken)).ContainsKey(id))
                throw await FactNotFoundAsync(c, id, "relationship", "retractStrengthEstimate");
            await WriteAsync(c, new ChangeSet { Retractions = [id] }, reason);
            return await ReadBackAsync(_store.GetRelationshipsByIdAsync([id], c.CancellationToken), id);
        });
        Mutation(b, "assertStrengthEstimate", async c =>
        {
            var input = InputObject(c, "input");
            var organizationId = Input.Get<string>(input, "organizationId")!;
            var asOf = Input.Get<PartialDate?>(input, "asOf");
            var estimatedBy = Input.Get<string>(input, "estimatedBy");
            var patch = new StrengthEstimatePatch(FactIdentity.Estimate(organizationId, asOf, estimatedBy), organizationId, asOf, estimatedBy)
            {
                Min = Given<int?>(input, "min"),
                Max = Given<int?>(input, "max"),
                Status = GivenStatus(input),
                Note = Given<string?>(input, "note"),
                AddCitations = CitationsFrom(input),
                RemoveCitations = CitationsFrom(input, "removeCitations"),
            };
            await WriteAsync(c, new ChangeSet { StrengthEstimatePatches = [patch] }, OptionalReason(c));
            return await ReadBackAsync(_store.GetStrengthEstimatesByIdAsync([patch.Id], c.CancellationToken), patch.Id);
        });
        Mutation(b, "retractStrengthEstimate", async c =>
        {
            var id = c.GetArgument<string>("id");
            var reason = RequiredReason(c);
            if (!(await _store.GetStrengthEstimatesByIdAsync([id], c.CancellationToken)).ContainsKey(id))
                throw await FactNotFoundAsync(c, id, "strength estimate", "retractRelationship");
            await WriteAsync(c, new ChangeSet { Retractions = [id] }, reason);
            return await ReadBackAsync(_store.GetStrengthEstimatesByIdAsync([id], c.CancellationToken), id);
        });
        foreach (var (field, kind) in new[] { ("upsertOrganization", EntityKind.Organization), ("upsertPerson", EntityKind.Person), ("upsertPlace", EntityKind.Place) })
        {
            Mutation(b, field, async c =>
            {
                var patch = EntityPatchFrom(InputObject(c, "input"), kind);
                await WriteAsync(c, new ChangeSet { EntityPatches = [patch] }, OptionalReason(c));
                return await ReadBackAsync(_store.GetEntitiesAsync([patch.Id], c.CancellationToken), patch.Id);
            });
        }
        Mutation(b, "upsertSource", async c =>
        {
            var input = InputObject(c, "input");
            var patch = new SourcePatch(Input.Get<string>(input, "id")!)
            {
                Title = NonNull<string>(input, "title"),
                Publisher = Given<string?>(input, "publisher"),
                Author = Given<string?>(input, "author"),
                Published = Given<PartialDate?>(input, "published"),
                Url = Given<string?>(input, "url"),
                Text = NonNull<string>(input, "text"),
            };
            var retract = c.GetArgument<IReadOnlyList<object?>?>("retract", null)?.Select(id => (string)id!).ToList() ?? [];
            var reason = retract.Count > 0 ? RequiredReason(c) : OptionalReason(c);
            // Facts are retracted; an entity (whose attributes cannot be retracted) loses the citations the new text strands.
            var entities = retract.Where(EntityIds.IsEntityId).ToList();
            await WriteAsync(c, new ChangeSet
            {
                SourcePatches = [patch], Retractions = retract.Where(id => !EntityIds.IsEntityId(id)).ToList(), CitationRetractions = entities,
            }, reason);
            return await ReadBackAsync(_store.GetSourcesAsync([patch.Id], c.CancellationToken), patch.Id);
        });
        Mutation(b, "mergeEntities", async c =>
        {
            var survivorId = c.GetArgument<string>("survivorId");
            var mergedId = c.GetArgument<string>("mergedId");
            await WriteAsync(c, new ChangeSet { Merges = [new EntityMerge(survivorId, mergedId)] }, RequiredReason(c));
            return await ReadBackAsync(_store.GetEntitiesAsync([survivorId], c.CancellationToken), survivorId);
        });
        Mutation(b, "revert", async c =>
        {
            var sequence = c.GetArgument<int>("auditSequence");
            var reason = RequiredReason(c);
            var entry = (await _store.GetAuditAsync(new AuditQuery { Before = sequence + 1L, First = 1 }, c.CancellationToken))
                .FirstOrDefault(e => e.Sequence == sequence)
                ?? throw ApiErrors.Error($"No audit entry has the sequence number {sequence}.", ErrorCodes.NotFound);
            await WriteAsync(c, new ChangeSet { RevertAuditSequence = sequence }, reason);
            return (await _store.GetAuditAsync(new AuditQuery { TargetId = entry.TargetId, First = 1 }, c.CancellationToken))[0];
        });
    }

    /// <summary>The record a write just wrote, read back by id; a store that can't answer for it is a STORE_ERROR.</summary>
    private static async Task<T> ReadBackAsync<T>(Task<IReadOnlyDictionary<string, T>> read, string id) =>
        (await read).TryGetValue(id, out var found)
            ? found : throw ApiErrors.Error($"{id} was written but cannot be read back", ErrorCodes.StoreError);

    /// <summary>NOT_FOUND for an id that is not a <paramref name="what"/>, saying what it is when it is the other kind of fact.</summary>
    private async Task<GraphQLException> FactNotFoundAsync(IResolveFieldContext c, string id, string what, string otherField)
    {
        var other = what == "relationship"
            ? (await _store.GetStrengthEstimatesByIdAsync([id], c.CancellationToken)).ContainsKey(id)
            : (await _store.GetRelationshipsByIdAsync([id], c.CancellationToken)).ContainsKey(id);
        var hint = other ? $" ({id} is a {(what == "relationship" ? "strength estimate" : "relationship")}: use {otherField})" : "";
        return ApiErrors.Error($"No {what} has the id \"{id}\"{hint}; nothing was written.", ErrorCodes.NotFound);
    }

    /// <summary>Refuses the write unless the request's key has the editor role; else applies it as the key's name.</summary>
    private async Task WriteAsync(IResolveFieldContext c, ChangeSet changes, string? reason)
    {
        var principal = RequireEditor(c);
        await _store.ApplyAsync(changes, new WriteContext(principal.Name, reason, _time.GetUtcNow()), c.CancellationToken);
    }

    /// <summary>
    /// Binds a Mutation field whose resolver runs only for an editor: the key is checked before the arguments are read,
    /// so a caller without one learns nothing about the write but that it needs a key.
    /// </summary>
    private static void Mutation<T>(SchemaBuilder b, string field, Func<IResolveFieldContext, Task<T>> resolver) =>
        Async(b, "Mutation", field, c =>
        {
            RequireEditor(c);
            return resolver(c);
        });

    /// <summary>The request's principal when its key has the editor role, else FORBIDDEN.</summary>
    private static ApiPrincipal RequireEditor(IResolveFieldContext c)
    {
        var principal = c.UserContext.TryGetValue(PrincipalKey, out var p) ? p as ApiPrincipal : null;
        if (principal is null)
            throw ApiErrors.Error($"{c.FieldName} is a write: it needs an API key with the {Roles.Editor} role (send `Authorization: Bearer <key>`).", ErrorCodes.Forbidden);
        if (!principal.IsEditor)
            throw ApiErrors.Error($"{c.FieldName} is a write: the API key '{principal.Name}' lacks the {Roles.Editor} role.", ErrorCodes.Forbidden);
        return principal;
    }

    private static string RequiredReason(IResolveFieldContext c) =>
        c.GetArgument<string?>("reason", null) is { Length: > 0 } reason && !string.IsNullOrWhiteSpace(reason)
            ? reason
            : throw ApiErrors.BadArgument($"{c.FieldName} needs a non-empty \"reason\": it is recorded in the audit trail.");

    private static string? OptionalReason(IResolveFieldContext c) => c.GetArgument<string?>("reason", null);

    private static IReadOnlyDictionary<string, object?> InputObject(IResolveFieldContext c, string name) =>
        c.GetArgument<IReadOnlyDictionary<string, object?>?>(name, null) ?? throw ApiErrors.BadArgument($"Argument \"{name}\" is required.");

    /// <summary>A patch field: unset when the input omits it, else its value (null clears).</summary>
    private static Optional<T> Given<T>(IReadOnlyDictionary<string, object?> input, string name) =>
        input.ContainsKey(name) ? Input.Get<T>(input, name)! : Optional<T>.Unset;

    /// <summary>A patch field that cannot be cleared: omitted or null keeps the stored value.</summary>
    private static Optional<T> NonNull<T>(IReadOnlyDictionary<string, object?> input, string name) where T : class =>
        Input.Get<T>(input, name) is { } value ? value : Optional<T>.Unset;

    private static Optional<ClaimStatus> GivenStatus(IReadOnlyDictionary<string, object?> input) =>
        Input.Get<ClaimStatus?>(input, "status") is { } status ? status : Optional<ClaimStatus>.Unset;

    private static RelationshipPatch RelationshipPatchFrom(IReadOnlyDictionary<string, object?> input, RelationshipType type, string fromId, string toId, Validity validity) =>
        new(FactIdentity.Relationship(type, fromId, toId, validity), type, fromId, toId, validity)
        {
            Status = GivenStatus(input),
            Note = Given<string?>(input, "note"),
            AddCitations = CitationsFrom(input),
            RemoveCitations = CitationsFrom(input, "removeCitations"),
            AddAttestations = AttestationsFrom(input, "attestations"),
            RemoveAttestations = AttestationsFrom(input, "removeAttestations"),
        };

    /// <summary>
    /// A fact's interval: the EDTF text of <c>input.interval</c>, else the exact dates <paramref name="fromName"/> and
    /// <paramref name="toName"/> (either unknown when omitted); both forms at once, or a malformed text, is BAD_USER_INPUT.
    /// </summary>
    private static Validity IntervalFrom(IReadOnlyDictionary<string, object?> input, string fromName, string toName)
    {
        var from = Input.Get<PartialDate?>(input, fromName);
        var to = Input.Get<PartialDate?>(input, toName);
        if (Input.Get<string>(input, "interval") is not { } text) return Validity.Between(from, to);
        if (from is not null || to is not null)
            throw ApiErrors.BadArgument($"Argument \"input\": give the interval either as \"interval\" or as \"{fromName}\"/\"{toName}\", not both.");
        return Validity.TryParse(text, out var validity, out var error)
            ? validity
            : throw ApiErrors.BadArgument($"Argument \"input.interval\": {error}");
    }

    private static IReadOnlyList<Attestation> AttestationsFrom(IReadOnlyDictionary<string, object?> input, string name) =>
        Input.Objects(input, name).Select(a => new Attestation(Input.Get<PartialDate>(a, "date"), Input.Get<string>(a, "sourceId")!)).ToList();

    private static IReadOnlyList<Citation> CitationsFrom(IReadOnlyDictionary<string, object?> input, string name = "citations") =>
        Input.Objects(input, name).Select(c => new Citation(Input.Get<string>(c, "sourceId")!, Input.Get<string>(c, "quote")!)).ToList();

    private static EntityPatch EntityPatchFrom(IReadOnlyDictionary<string, object?> input, EntityKind kind)
    {
        if (kind != EntityKind.Organization && (input.GetValueOrDefault("organizationKind") is not null || input.GetValueOrDefault("founded") is not null || input.GetValueOrDefault("dissolved") is not null))
            throw ApiErrors.BadArgument("\"organizationKind\", \"founded\" and \"dissolved\" apply to organizations only.");
        if (input.ContainsKey("organizationKind") && input["organizationKind"] is null)
            throw ApiErrors.BadArgument("\"organizationKind\" cannot be cleared: an organization needs one.");
        return new EntityPatch(Input.Get<string>(input, "id")!, kind)
        {
            Name = NonNull<string>(input, "name"),
            OrganizationKind = kind == EntityKind.Organization && Input.Get<OrganizationKind?>(input, "organizationKind") is { } k
                ? (OrganizationKind?)k : Optional<OrganizationKind?>.Unset,
            Description = Given<string?>(input, "description"),
            Founded = kind == EntityKind.Organization ? Given<PartialDate?>(input, "founded") : Optional<PartialDate?>.Unset,
            Dissolved = kind == EntityKind.Organization ? Given<PartialDate?>(input, "dissolved") : Optional<PartialDate?>.Unset,
            AddAliases = [.. Input.GetList<string>(input, "aliases") ?? [], .. Input.GetList<string>(input, "addAliases") ?? []],
            RemoveAliases = Input.GetList<string>(input, "removeAliases") ?? [],
            AddCitations = CitationsFrom(input),
            RemoveCitations = CitationsFrom(input, "removeCitations"),
        };
    }
}
