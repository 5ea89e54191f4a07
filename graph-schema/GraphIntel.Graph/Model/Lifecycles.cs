using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Model;

/// <summary>
/// Derives each relationship's <see cref="Relationship.EndedBy"/>: the lifecycles that end facts. The one place these
/// rules live; the data set reader and both backends' writes call <see cref="Derive"/>, <c>seed validate</c> reports
/// <see cref="Contradictions"/>.
/// <list type="bullet">
/// <item>A person's death or capture ends every fact of theirs: an EVENT of kind KILLING, DEATH, CAPTURE or ARREST in
/// which they are VICTIM or TARGET (an ASSERTED PARTICIPATED_IN) ends them no later than the event's latest date.</item>
/// <item>An organization's dissolution or absorption ends every fact of its: its <see cref="Entity.Dissolved"/> date,
/// and the start of an ASSERTED MERGED_INTO from it.</item>
/// <item>A single-holder office (<see cref="SingleHolderRoles"/>): a successor's start ends the predecessor's term. The
/// successor is an ASSERTED LEADS of the same organization and office by another person that certainly began after
/// the predecessor's term began; a DISPUTED term on either side is a contest and bounds nothing.</item>
/// </list>
/// What is not bounded: participations and places of events (an event's time is its own date), the record that states
/// the end itself (the MERGED_INTO), a DESIGNATED naming the entity (a listing outlives its subject until lifted), and
/// a SPLIT_FROM naming it as the parent (a group may form from a dissolved one's former members).
/// A lifecycle only tightens: it bounds a fact whose stated end may fall later than it, never widens one. A fact that
/// certainly held after the end (its stated start or end is later, or an attestation is) contradicts it: it is not
/// bounded but reported.
/// Ends follow from each other (a successor's start is itself bounded by the successor's death), so the derivation
/// runs to a fixed point over the effective intervals; input <see cref="Relationship.EndedBy"/> values are ignored.
/// </summary>
public static class Lifecycles
{
    /// <summary>The relationships, in order, each with its <see cref="Relationship.EndedBy"/> derived (set, changed or cleared).</summary>
    public static IReadOnlyList<Relationship> Derive(IEnumerable<Entity> entities, IEnumerable<Relationship> relationships) =>
        new Derivation(entities, relationships).Relationships();

    /// <summary>Every ASSERTED or DISPUTED fact that certainly held after a lifecycle end that applies to it.</summary>
    public static IReadOnlyList<LifecycleContradiction> Contradictions(IEnumerable<Entity> entities, IEnumerable<Relationship> relationships) =>
        new Derivation(entities, relationships).Contradictions();

    /// <summary>
    /// Whether <paramref name="fact"/> contradicts <paramref name="end"/>: by its stated bounds or an attestation it
    /// certainly held on a day after the end's latest day (it began after, or it ended no earlier than a later day).
    /// </summary>
    public static bool Contradicts(Relationship fact, LifecycleEnd end)
    {
        var last = end.Latest.End;
        return fact.Validity.Start.EarliestDay > last || fact.Validity.End.EarliestDay > last ||
               fact.Attestations.Any(a => a.Date.Start > last);
    }

    /// <summary>The phrase for an event that ends a person's facts, or null when its kind ends nothing.</summary>
    public static string? EndingEventReason(EventKind kind) => kind switch
    {
        EventKind.Killing => "killed",
        EventKind.Death => "died",
        EventKind.Capture => "captured",
        EventKind.Arrest => "arrested",
        _ => null,
    };

    /// <summary>One derivation over a graph: the facts, their effective intervals and ends, computed to a fixed point.</summary>
    private sealed class Derivation
    {
        // Enough rounds for any chain of ends seen in practice; a contradiction can make ends alternate, the cap stops it.
        private const int MaxRounds = 32;

        private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
        private readonly List<Relationship> _facts;
        private readonly Dictionary<string, List<int>> _factsOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _termsOf = new(StringComparer.Ordinal);
        // Each entity's ends as of the current round's effective intervals: a hub's ends are computed once, not per fact.
        private readonly Dictionary<string, List<(LifecycleEnd End, string? StatedBy)>> _endsOf = new(StringComparer.Ordinal);
        private readonly Validity[] _effective;
        private readonly LifecycleEnd?[] _endedBy;

        public Derivation(IEnumerable<Entity> entities, IEnumerable<Relationship> relationships)
        {
            foreach (var e in entities) _entities[e.Id] = e;
            _facts = relationships.ToList();
            _effective = _facts.Select(f => f.Validity).ToArray();
            _endedBy = new LifecycleEnd?[_facts.Count];
            for (var i = 0; i < _facts.Count; i++)
            {
                Add(_factsOf, _facts[i].FromId, i);
                if (_facts[i].ToId != _facts[i].FromId) Add(_factsOf, _facts[i].ToId, i);
                if (_facts[i].Type == RelationshipType.Leads) Add(_termsOf, _facts[i].ToId, i);
            }
            Run();

            static void Add(Dictionary<string, List<int>> index, string id, int i)
            {
                if (!index.TryGetValue(id, out var list)) index[id] = list = [];
                list.Add(i);
            }
        }

        public IReadOnlyList<Relationship> Relationships() =>
            _facts.Select((f, i) => f.EndedBy == _endedBy[i] ? f : f with { EndedBy = _endedBy[i] }).ToList();

        public IReadOnlyList<LifecycleContradiction> Contradictions()
        {
            var result = new List<LifecycleContradiction>();
            for (var i = 0; i < _facts.Count; i++)
            {
                var f = _facts[i];
                if (f.Status is not (ClaimStatus.Asserted or ClaimStatus.Disputed)) continue;
                result.AddRange(Candidates(i)
                    .Where(c => Contradicts(f, c.End))
                    .DistinctBy(c => c.End.ById)
                    .Select(c => new LifecycleContradiction(f, c.End, c.EntityId)));
            }
            return result;
        }

        private void Run()
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                _endsOf.Clear();
                var changed = false;
                for (var i = 0; i < _facts.Count; i++)
                {
                    var end = Tightest(i);
                    if (end == _endedBy[i]) continue;
                    _endedBy[i] = end;
                    _effective[i] = end is null ? _facts[i].Validity : _facts[i].Validity.NoLaterThan(end.Latest);
                    changed = true;
                }
                if (!changed) return;
            }
        }

        /// <summary>The earliest end that bounds fact <paramref name="i"/>: applies, does not contradict it, and tightens its stated end.</summary>
        private LifecycleEnd? Tightest(int i)
        {
            var f = _facts[i];
            var stated = f.Validity.End.LatestDay;
            return Candidates(i)
                .Select(c => c.End)
                .Where(e => !Contradicts(f, e) && (stated is null || e.Latest.End < stated))
                .OrderBy(e => e.Latest.End).ThenByDescending(e => e.Latest.Start).ThenBy(e => e.ById, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        /// <summary>Every end that applies to fact <paramref name="i"/>, with the entity whose lifecycle it is.</summary>
        private IEnumerable<(LifecycleEnd End, string EntityId)> Candidates(int i)
        {
            var f = _facts[i];
            if (f.Type is RelationshipType.ParticipatedIn or RelationshipType.OccurredIn) yield break;
            foreach (var id in f.FromId == f.ToId ? [f.FromId] : new[] { f.FromId, f.ToId })
            {
                if (f.Type is RelationshipType.Designated or RelationshipType.SplitFrom && id == f.ToId) continue;
                if (!_endsOf.TryGetValue(id, out var ends)) _endsOf[id] = ends = EndsOf(id).ToList();
                foreach (var (end, statedBy) in ends)
                    if (statedBy != f.Id) yield return (end, id);
            }
            foreach (var end in SuccessorEnds(i)) yield return (end, f.ToId);
        }

        /// <summary>The ends of an entity's lifecycle, each with the id of the fact that states it (null for an entity's date).</summary>
        private IEnumerable<(LifecycleEnd End, string? StatedBy)> EndsOf(string entityId)
        {
            if (!_entities.TryGetValue(entityId, out var entity)) yield break;
            if (entity.Kind == EntityKind.Organization && entity.Dissolved is { } dissolved)
                yield return (new LifecycleEnd(dissolved, entity.Id, "dissolved"), null);
            foreach (var j in _factsOf.GetValueOrDefault(entityId) ?? [])
            {
                var g = _facts[j];
                if (g.Status != ClaimStatus.Asserted || g.FromId != entityId) continue;
                if (entity.Kind == EntityKind.Organization && g.Type == RelationshipType.MergedInto && _effective[j].Start.Latest is { } merged)
                    yield return (new LifecycleEnd(merged, g.Id, "merged"), g.Id);
                if (entity.Kind == EntityKind.Person && g.Type == RelationshipType.ParticipatedIn &&
                    g.Participation?.Role is ParticipantRole.Victim or ParticipantRole.Target &&
                    _entities.TryGetValue(g.ToId, out var ev) && ev.Event is { } details &&
                    EndingEventReason(details.Kind) is { } reason && details.Date.Latest is { } on)
                    yield return (new LifecycleEnd(on, ev.Id, reason), g.Id);
            }
        }

        /// <summary>For a single-holder LEADS term: the starts of the terms that certainly began after it in the same office.</summary>
        private IEnumerable<LifecycleEnd> SuccessorEnds(int i)
        {
            var f = _facts[i];
            if (f.Type != RelationshipType.Leads || f.Status != ClaimStatus.Asserted || SingleHolderRoles.OfficeOf(f.Role) is not { } office) yield break;
            if (_effective[i].Start.LatestDay is not { } began) yield break;
            foreach (var j in _termsOf.GetValueOrDefault(f.ToId) ?? [])
            {
                var g = _facts[j];
                if (g.FromId == f.FromId || g.Status != ClaimStatus.Asserted) continue;
                if (SingleHolderRoles.OfficeOf(g.Role) != office) continue;
                if (_effective[j].Start is { EarliestDay: { } after, Latest: { } latest } && after > began)
                    yield return new LifecycleEnd(latest, g.Id, "succeeded");
            }
        }
    }
}

/// <summary>
/// A fact that certainly held after a lifecycle end of <see cref="EntityId"/>'s (<see cref="Lifecycles.Contradicts"/>): a
/// term after a death, a membership after a dissolution. It is not bounded by the end; the data is wrong on one side or the other.
/// </summary>
public sealed record LifecycleContradiction(Relationship Fact, LifecycleEnd End, string EntityId)
{
    /// <summary>What is wrong, after the fact's name: when it held, and the end it outlives.</summary>
    public string Message
    {
        get
        {
            var last = End.Latest.End;
            var when = Fact.Validity.Start.EarliestDay > last ? $"starts {Fact.Validity.Start}"
                : Fact.Validity.End.EarliestDay > last ? $"ends {Fact.Validity.End}"
                : $"is attested {string.Join(", ", Fact.Attestations.Where(a => a.Date.Start > last).Select(a => a.Date))}";
            return End.Reason == "succeeded"
                ? $"{when}, after its successor's term ({End.ById}) began, no later than {End.Latest}"
                : $"{when}, after {EntityId} was {End.Reason} ({End.ById}), no later than {End.Latest}";
        }
    }
}
