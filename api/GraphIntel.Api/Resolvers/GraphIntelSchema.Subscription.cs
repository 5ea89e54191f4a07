using System.Runtime.CompilerServices;
using GraphIntel.Api.Subscriptions;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Resolvers;

/// <summary>The <c>Subscription</c> root: <c>changes</c>, fed by the <see cref="ChangeFeed"/>.</summary>
internal sealed partial class GraphIntelSchema
{
    private void BindSubscription(SchemaBuilder b)
    {
        b.BindEnum<ChangeTargetKind>("ChangeTargetKind");
        b.BindType<Change>("Change");
        b.BindSourceResolver<Change>("Change", "sequence", s => checked((int)s.Entry.Sequence));
        b.BindSourceResolver<Change>("Change", "at", s => s.Entry.At);
        b.BindSourceResolver<Change>("Change", "actor", s => s.Entry.Actor);
        b.BindSourceResolver<Change>("Change", "action", s => s.Entry.Action);
        b.BindSourceResolver<Change>("Change", "targetId", s => s.Entry.TargetId);
        b.BindSourceResolver<Change>("Change", "auditEntry", s => s.Entry);
        Load(b, "Change", "entity", async c => Parent<Change>(c) is { TargetKind: ChangeTargetKind.Entity } change ? await _load.Entity(c, change.Entry.TargetId) : null);
        Load(b, "Change", "relationship", async c => Parent<Change>(c) is { TargetKind: ChangeTargetKind.Relationship } change ? await _load.RelationshipById(c, change.Entry.TargetId) : null);
        Load(b, "Change", "strengthEstimate", async c => Parent<Change>(c) is { TargetKind: ChangeTargetKind.StrengthEstimate } change ? await _load.EstimateById(c, change.Entry.TargetId) : null);
        Load(b, "Change", "source", async c => Parent<Change>(c) is { TargetKind: ChangeTargetKind.Source } change ? await _load.Source(c, change.Entry.TargetId) : null);

        b.BindSubscriber("Subscription", "changes", c => Changes(ChangeFilter.From(c)));
    }

    private async IAsyncEnumerable<object?> Changes(ChangeFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var change in _feed.SubscribeAsync(ct).ConfigureAwait(false))
        {
            if (filter.Matches(change)) yield return change;
        }
    }

    private sealed record ChangeFilter(
        HashSet<string>? EntityIds, HashSet<RelationshipType>? Types, HashSet<ChangeTargetKind>? Kinds, HashSet<string>? Actions)
    {
        public static ChangeFilter From(IResolveFieldContext c) => new(
            c.GetArgument<string[]?>("entityIds", null)?.ToHashSet(StringComparer.Ordinal),
            c.GetArgument<RelationshipType[]?>("types", null)?.ToHashSet(),
            c.GetArgument<ChangeTargetKind[]?>("targetKinds", null)?.ToHashSet(),
            c.GetArgument<string[]?>("actions", null)?.ToHashSet(StringComparer.Ordinal));

        public bool Matches(Change change) =>
            (EntityIds is null || change.EntityIds.Any(EntityIds.Contains))
            && (Types is null || change.RelationshipType is { } type && Types.Contains(type))
            && (Kinds is null || Kinds.Contains(change.TargetKind))
            && (Actions is null || Actions.Contains(change.Entry.Action));
    }
}
