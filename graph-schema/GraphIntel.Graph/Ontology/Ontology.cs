using System.Collections.Frozen;

namespace GraphIntel.Graph.Ontology;

/// <summary>Which entity kinds a relationship type may connect, and which types make up lineage.</summary>
public static class GraphOntology
{
    private static readonly EntityKind[] Org = [EntityKind.Organization];
    private static readonly EntityKind[] OrgOrPerson = [EntityKind.Organization, EntityKind.Person];
    private static readonly EntityKind[] OrgOrPlace = [EntityKind.Organization, EntityKind.Place];
    private static readonly EntityKind[] Person = [EntityKind.Person];
    private static readonly EntityKind[] Place = [EntityKind.Place];
    private static readonly EntityKind[] Event = [EntityKind.Event];
    private static readonly EntityKind[] Actor = [EntityKind.Organization, EntityKind.Person, EntityKind.Place];

    /// <summary>The kinds each type may start from and end at.</summary>
    public static readonly FrozenDictionary<RelationshipType, (EntityKind[] From, EntityKind[] To)> Endpoints =
        new Dictionary<RelationshipType, (EntityKind[], EntityKind[])>
        {
            [RelationshipType.AffiliateOf] = (Org, Org),
            [RelationshipType.UnderUmbrellaOf] = (Org, Org),
            [RelationshipType.SplitFrom] = (Org, Org),
            [RelationshipType.RebrandedAs] = (Org, Org),
            [RelationshipType.MergedInto] = (Org, Org),
            [RelationshipType.AlliedWith] = (OrgOrPerson, OrgOrPerson),
            [RelationshipType.CooperatesWith] = (OrgOrPerson, OrgOrPerson),
            [RelationshipType.RivalOf] = (OrgOrPerson, OrgOrPerson),
            [RelationshipType.Supports] = (OrgOrPerson, OrgOrPerson),
            [RelationshipType.Hosts] = (OrgOrPlace, OrgOrPerson),
            [RelationshipType.Leads] = (Person, Org),
            [RelationshipType.Founded] = (Person, Org),
            [RelationshipType.MemberOf] = (OrgOrPerson, Org),
            [RelationshipType.Designated] = (Org, OrgOrPerson),
            [RelationshipType.OperatesIn] = (OrgOrPerson, Place),
            [RelationshipType.BasedIn] = (OrgOrPerson, Place),
            [RelationshipType.ParticipatedIn] = (Actor, Event),
            [RelationshipType.OccurredIn] = (Event, Place),
        }.ToFrozenDictionary();

    /// <summary>The types lineage follows unless told otherwise.</summary>
    public static readonly IReadOnlyList<RelationshipType> LineageTypes =
    [
        RelationshipType.SplitFrom, RelationshipType.RebrandedAs, RelationshipType.MergedInto,
        RelationshipType.AffiliateOf, RelationshipType.UnderUmbrellaOf,
    ];

    /// <summary>
    /// Which way an edge of this type points to the earlier body (the ancestor). Child-to-parent types (SPLIT_FROM,
    /// AFFILIATE_OF, UNDER_UMBRELLA_OF, and any non-lineage type) point at the ancestor: follow them outgoing.
    /// Old-to-new types (REBRANDED_AS: old REBRANDED_AS new; MERGED_INTO: absorbed MERGED_INTO absorber) point at
    /// the successor: the ancestor is at the incoming end. Descendants are the other way round.
    /// </summary>
    public static Direction AncestorDirection(RelationshipType type) =>
        type is RelationshipType.RebrandedAs or RelationshipType.MergedInto ? Direction.Incoming : Direction.Outgoing;

    /// <summary>
    /// Whether following <paramref name="r"/> from <paramref name="entityId"/> walks towards ancestors
    /// (<paramref name="towardsAncestors"/> true) or descendants (false).
    /// </summary>
    public static bool LeadsTowards(Model.Relationship r, string entityId, bool towardsAncestors)
    {
        var outgoing = r.FromId == entityId;
        var ancestorIsOutgoing = AncestorDirection(r.Type) == Direction.Outgoing;
        return towardsAncestors ? outgoing == ancestorIsOutgoing : outgoing != ancestorIsOutgoing;
    }

    /// <summary>Umbrella ties: outgoing ones are an organization's umbrella, incoming ones its subgroups.</summary>
    public static readonly IReadOnlyList<RelationshipType> UmbrellaTypes =
        [RelationshipType.UnderUmbrellaOf, RelationshipType.AffiliateOf];

    /// <summary>Null when <paramref name="type"/> may connect <paramref name="from"/> to <paramref name="to"/>; else why not.</summary>
    public static string? CheckEndpoints(RelationshipType type, EntityKind from, EntityKind to)
    {
        var (allowedFrom, allowedTo) = Endpoints[type];
        if (Array.IndexOf(allowedFrom, from) < 0 || Array.IndexOf(allowedTo, to) < 0)
        {
            return $"{EnumNames.ToContractName(type)} connects {Describe(allowedFrom)} to {Describe(allowedTo)}, " +
                   $"not {Describe([from])} to {Describe([to])}";
        }
        return null;
    }

    private static string Describe(EntityKind[] kinds) =>
        string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()));
}
