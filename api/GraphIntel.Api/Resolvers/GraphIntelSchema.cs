using System.Reflection;
using GraphIntel.Api.Errors;
using GraphIntel.Api.Limits;
using GraphIntel.Api.Loading;
using GraphIntel.Api.Scalars;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Resolvers;

/// <summary>
/// Binds the schema file (<c>Schema/schema.graphql</c>, embedded) to the store. Domain records serve as GraphQL
/// objects where their properties match the fields; everything that needs the store goes through the batch
/// <see cref="Loaders"/>. The engine checks the bindings both ways at start-up.
/// </summary>
internal sealed partial class GraphIntelSchema
{
    private readonly IGraphStore _store;
    private readonly Loaders _load;
    private readonly TimeProvider _time;
    private readonly ApiLimits _limits;
    private readonly SourceTexts _texts = new();
    private readonly Subscriptions.ChangeFeed _feed;

    private GraphIntelSchema(IGraphStore store, TimeProvider time, ApiLimits limits, Subscriptions.ChangeFeed? feed)
    {
        _feed = feed ?? new Subscriptions.ChangeFeed(limits);
        _store = store;
        _load = new Loaders(store);
        _time = time;
        _limits = limits;
    }

    /// <summary>The SDL the API serves.</summary>
    public static string Sdl { get; } = ReadSdl();

    public static Schema Build(IGraphStore store, TimeProvider time, ApiLimits limits, Subscriptions.ChangeFeed? feed = null) =>
        new GraphIntelSchema(store, time, limits, feed).Bind(SchemaBuilder.FromSdl(Sdl, "schema.graphql")).Build();

    private SchemaBuilder Bind(SchemaBuilder b)
    {
        b.BindScalar("Date", DateScalar.Instance)
            .BindScalar("DateTime", DateTimeScalar.Instance)
            .BindEnum<EntityKind>("EntityKind")
            .BindEnum<OrganizationKind>("OrganizationKind")
            .BindEnum<RelationshipType>("RelationshipType")
            .BindEnum<ClaimStatus>("ClaimStatus")
            .BindEnum<Direction>("Direction")
            .BindEnum<LineageDirection>("LineageDirection")
            .BindEnum<TimelineEventKind>("TimelineEventKind")
            .BindEnum<EventKind>("EventKind")
            .BindEnum<ParticipantRole>("ParticipantRole")
            .BindEnum<Attribution>("Attribution")
            .BindEnum<CasualtyKind>("CasualtyKind")
            .BindEnum<TemporalStatus>("TemporalStatus")
            .BindEnum<TemporalCertainty>("TemporalCertainty")
            .BindTypeResolver("Node", (value, _) => TypeNameOf(value))
            .BindTypeResolver("Entity", (value, _) => TypeNameOf(value));
        BindEntities(b);
        BindFacts(b);
        BindSources(b);
        BindPages(b);
        BindEvents(b);
        BindQuery(b);
        BindMutation(b);
        BindSubscription(b);
        return b;
    }

    private static string? TypeNameOf(object value) => value switch
    {
        Entity { Kind: EntityKind.Organization } => "Organization",
        Entity { Kind: EntityKind.Person } => "Person",
        Entity { Kind: EntityKind.Place } => "Place",
        Entity { Kind: EntityKind.Event } => "Event",
        Source => "Source",
        Relationship => "Relationship",
        StrengthEstimate => "StrengthEstimate",
        _ => null,
    };

    private static string ReadSdl()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GraphIntel.Api.schema.graphql")
            ?? throw new InvalidOperationException("the schema resource GraphIntel.Api.schema.graphql is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Binds an async resolver that may touch the store, guarded so failures become coded GraphQL errors.</summary>
    private static void Async<T>(SchemaBuilder b, string type, string field, Func<IResolveFieldContext, Task<T>> resolver) =>
        b.BindResolver(type, field, ApiErrors.Guard(resolver));

    /// <summary>
    /// Binds a resolver that reads through the <see cref="Loaders"/>, guarded like <see cref="Async{T}"/>: a
    /// <see cref="ValueTask{TResult}"/>, because a warm loader answers from memory and then nothing is allocated.
    /// </summary>
    private static void Load<T>(SchemaBuilder b, string type, string field, Func<IResolveFieldContext, ValueTask<T>> resolver) =>
        b.BindResolver(type, field, ApiErrors.Guard(resolver));

    /// <summary>
    /// <see cref="Load{T}(SchemaBuilder, string, string, Func{IResolveFieldContext, ValueTask{T}})"/> behind a first
    /// try from the parent value alone (a value in memory), which spares the field its resolver context.
    /// </summary>
    private static void Load<TSource, T>(SchemaBuilder b, string type, string field,
        TryResolveFromSource<TSource, T> tryFromSource, Func<IResolveFieldContext, ValueTask<T>> resolver) =>
        b.BindResolver(type, field, tryFromSource, ApiErrors.Guard(resolver));

    /// <summary>The field's `certainty` argument: KNOWN unless asked for POSSIBLE.</summary>
    private static TemporalCertainty Certainty(IResolveFieldContext c) => c.GetArgument("certainty", TemporalCertainty.Known);

    private static T Parent<T>(IResolveFieldContext context) => (T)context.Source!;

    /// <summary>The relationship filter of a `relationships(types, direction, asOf, certainty, status)` style field.</summary>
    private static RelationshipFilter FilterFrom(IResolveFieldContext c, Direction direction = Direction.Both, IReadOnlyCollection<RelationshipType>? types = null) => new()
    {
        Types = c.GetArgument<RelationshipType[]?>("types", null) ?? types,
        Direction = c.HasArgument("direction") ? c.GetArgument("direction", direction) : direction,
        AsOf = c.GetArgument<PartialDate?>("asOf", null),
        Certainty = Certainty(c),
        Statuses = c.GetArgument<ClaimStatus[]?>("status", null),
    };
}
