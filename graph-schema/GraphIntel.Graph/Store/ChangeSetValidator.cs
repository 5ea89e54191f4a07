using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// Checks a <see cref="ChangeSet"/> against itself and against what a store already holds, and reports every problem
/// found (never only the first): ids well-formed and unique, endpoints present with kinds the ontology allows,
/// intervals well-formed, a citation on every entity and fact whose quote is long enough to prove something and occurs
/// verbatim in its source, names free of invisible and bidi-control characters, source urls http(s) only, LEADS-only
/// fields only on LEADS, estimate ranges, names claimed by two entities of one kind, retraction and merge targets, and
/// the stored relationships a merge moves, as moved (<see cref="CheckMovedRelationships"/>): a merge never creates what
/// a direct write would refuse. Backend-agnostic: the store answers through <see cref="IChangeSetLookup"/>.
/// </summary>
public sealed class ChangeSetValidator
{
    private readonly ChangeSet _set;
    private readonly List<ValidationProblem> _problems = [];
    private readonly Dictionary<string, Entity> _entitiesInSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mergedInSet = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, ExistingEntity> _stored = new Dictionary<string, ExistingEntity>();
    private readonly Dictionary<string, QuoteMatcher?> _matchers = new(StringComparer.Ordinal);
    /// <summary>Quotes already checked: records often cite the same passage (an entity and its relationships).</summary>
    private readonly Dictionary<(string SourceId, string Quote), bool> _checkedQuotes = [];

    private ChangeSetValidator(ChangeSet set) => _set = set;

    /// <summary>Every problem with <paramref name="set"/>; empty when it may be written.</summary>
    public static Task<IReadOnlyList<ValidationProblem>> ValidateAsync(ChangeSet set, IChangeSetLookup store, CancellationToken ct = default) =>
        ValidateAsync(set, store, [], ct);

    /// <summary>
    /// Every problem with <paramref name="set"/>, given <paramref name="storedOfMerged"/>: the stored relationships
    /// touching the ids the set merges away (retracted ones included; others are ignored), which the merges move.
    /// </summary>
    public static async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(ChangeSet set, IChangeSetLookup store,
        IReadOnlyList<Relationship> storedOfMerged, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(storedOfMerged);
        ArgumentNullException.ThrowIfNull(store);
        var validator = new ChangeSetValidator(set);
        await validator.LoadAsync(store, storedOfMerged, ct).ConfigureAwait(false);
        validator.CheckSources();
        validator.CheckEntities();
        validator.CheckRelationships();
        validator.CheckEstimates();
        validator.CheckMerges();
        validator.CheckMovedRelationships(storedOfMerged);
        await validator.CheckRetractionsAsync(store, ct).ConfigureAwait(false);
        await validator.CheckNameClaimsAsync(store, ct).ConfigureAwait(false);
        return validator._problems;
    }

    /// <summary>Throws <see cref="GraphValidationException"/> with every problem, if there is any.</summary>
    public static async Task EnsureValidAsync(ChangeSet set, IChangeSetLookup store, CancellationToken ct = default)
    {
        var problems = await ValidateAsync(set, store, ct).ConfigureAwait(false);
        if (problems.Count > 0) throw new GraphValidationException(problems);
    }

    private async Task LoadAsync(IChangeSetLookup store, IReadOnlyList<Relationship> storedOfMerged, CancellationToken ct)
    {
        foreach (var e in _set.Entities) _entitiesInSet.TryAdd(e.Id ?? "", e);
        foreach (var m in _set.Merges) _mergedInSet.TryAdd(m.MergedId ?? "", m.SurvivorId ?? "");

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _set.Entities) referenced.Add(e.Id ?? "");
        foreach (var r in _set.Relationships) { referenced.Add(r.FromId ?? ""); referenced.Add(r.ToId ?? ""); }
        foreach (var s in _set.StrengthEstimates) referenced.Add(s.OrganizationId ?? "");
        foreach (var m in _set.Merges) { referenced.Add(m.SurvivorId ?? ""); referenced.Add(m.MergedId ?? ""); }
        // The far ends of relationships a merge moves, for the endpoint rules (they are stored: the relationship is).
        foreach (var r in storedOfMerged) { referenced.Add(r.FromId ?? ""); referenced.Add(r.ToId ?? ""); }
        referenced.Remove("");
        _stored = await store.GetEntitiesAsync(referenced, ct).ConfigureAwait(false);

        var sourcesInSet = _set.Sources.Where(s => s.Id is not null).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Text);
        var cited = AllCitations().Select(c => c.SourceId ?? "").Where(id => id.Length > 0 && !sourcesInSet.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var storedTexts = await store.GetSourceTextsAsync(cited, ct).ConfigureAwait(false);
        foreach (var (id, text) in sourcesInSet) _matchers[id] = text is null ? null : new QuoteMatcher(text);
        foreach (var (id, text) in storedTexts) _matchers.TryAdd(id, new QuoteMatcher(text));
    }

    private IEnumerable<Citation> AllCitations() =>
        _set.Entities.SelectMany(e => e.Citations ?? [])
            .Concat(_set.Relationships.SelectMany(r => r.Citations ?? []))
            .Concat(_set.StrengthEstimates.SelectMany(s => s.Citations ?? []));

    private void CheckSources()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in _set.Sources)
        {
            var id = s.Id ?? "";
            Report(id, EntityIds.CheckSourceId(s.Id));
            if (id.Length > 0 && !seen.Add(id)) Report(id, "the source appears twice in the change set");
            if (string.IsNullOrWhiteSpace(s.Title)) Report(id, "the source has no title");
            if (string.IsNullOrWhiteSpace(s.Text)) Report(id, "the source has no text, so no quote can be checked against it");
            Report(id, NameCharacters.Check("the source's title", s.Title));
            Report(id, NameCharacters.Check("the source's publisher", s.Publisher));
            Report(id, NameCharacters.Check("the source's author", s.Author));
            Report(id, SourceUrls.Check(s.Url));
        }
    }

    private void CheckEntities()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _set.Entities)
        {
            var id = e.Id ?? "";
            Report(id, EntityIds.CheckEntityId(e.Id, e.Kind));
            if (id.Length > 0 && !seen.Add(id)) Report(id, "the entity appears twice in the change set");
            if (_stored.TryGetValue(id, out var stored) && stored.MergedInto is { } survivor)
                Report(id, $"the id was merged into '{survivor}'; write to the survivor instead");
            else if (stored is not null && stored.Kind != e.Kind)
                Report(id, $"the entity is stored as a {Describe(stored.Kind)}, not a {Describe(e.Kind)}");
            if (string.IsNullOrWhiteSpace(e.Name)) Report(id, "the entity has no name");
            if (e.Aliases is null || e.Aliases.Any(string.IsNullOrWhiteSpace)) Report(id, "an alias is empty");
            Report(id, NameCharacters.Check("the name", e.Name));
            foreach (var alias in e.Aliases ?? []) Report(id, NameCharacters.Check("the alias", alias));
            if (e.Kind == EntityKind.Organization && e.OrganizationKind is null)
                Report(id, "an organization needs an organizationKind");
            if (e.Kind != EntityKind.Organization && e.OrganizationKind is not null)
                Report(id, $"organizationKind is for organizations, not a {Describe(e.Kind)}");
            if (e.Existence.Problem() is { } interval) Report(id, $"founded/dissolved: {interval}");
            CheckEvent(id, e);
            CheckCitations(id, e.Citations, "entity");
        }
    }

    private void CheckRelationships()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in _set.Relationships)
        {
            var id = r.Id ?? "";
            Report(id, EntityIds.CheckFactId(r.Id));
            if (id.Length > 0 && !seen.Add(id)) Report(id, "the relationship appears twice in the change set");
            if (!Enum.IsDefined(r.Type)) { Report(id, $"unknown relationship type {(int)r.Type}"); continue; }
            var typeName = EnumNames.ToContractName(r.Type);
            CheckEndpoints(id, r, "");
            if (r.Validity.Problem() is { } interval) Report(id, $"validity: {interval}");
            CheckAttestations(id, r);
            if (r.Type != RelationshipType.Leads)
            {
                if (r.Role is not null) Report(id, $"role is for LEADS relationships, not {typeName}");
                if (r.EndReason is not null) Report(id, $"endReason is for LEADS relationships, not {typeName}");
            }
            Report(id, NameCharacters.Check("the role", r.Role));
            Report(id, NameCharacters.Check("the endReason", r.EndReason));
            CheckParticipation(id, r, typeName);
            CheckCitations(id, r.Citations, "relationship");
        }
    }

    /// <summary>
    /// The endpoint rules of a relationship: both ends exist, with kinds the ontology allows for its type, and are not one
    /// entity (through merges). <paramref name="prefix"/> starts each problem (why the relationship is checked).
    /// </summary>
    private void CheckEndpoints(string id, Relationship r, string prefix)
    {
        var typeName = EnumNames.ToContractName(r.Type);
        var from = KindOf(r.FromId, id, $"{prefix}{typeName} from");
        var to = KindOf(r.ToId, id, $"{prefix}{typeName} to");
        if (from is not null && to is not null && GraphOntology.CheckEndpoints(r.Type, from.Value, to.Value) is { } endpoints)
            Report(id, $"{prefix}{r.FromId} -> {r.ToId}: {endpoints}");
        if (r.FromId is not null && Canonical(r.FromId) == Canonical(r.ToId ?? ""))
            Report(id, $"{prefix}the relationship connects {r.FromId} to itself");
    }

    /// <summary>
    /// The stored relationships the set's merges move (those it does not also write whole), checked as moved, with
    /// the endpoint rules of a direct write: moving A -MEMBER_OF-> B by merging B into A would make a self-loop that
    /// <c>assertRelationship</c> refuses, so the merge is refused, naming the relationship and the merge.
    /// </summary>
    private void CheckMovedRelationships(IReadOnlyList<Relationship> storedOfMerged)
    {
        var written = _set.Relationships.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in storedOfMerged.DistinctBy(r => r.Id))
        {
            if (written.Contains(r.Id) || !Enum.IsDefined(r.Type)) continue;
            var merged = new[] { r.FromId, r.ToId }.Where(end => end is not null && _mergedInSet.ContainsKey(end)).Distinct().ToList();
            if (merged.Count == 0) continue;
            var moved = r with { FromId = Canonical(r.FromId), ToId = Canonical(r.ToId) };
            var merges = string.Join(" and ", merged.Select(m => $"{m} into {_mergedInSet[m!]}"));
            CheckEndpoints(r.Id, moved, $"merging {merges} moves {r.FromId} -> {r.ToId} to {moved.FromId} -> {moved.ToId}: ");
        }
    }

    /// <summary>An event has its details (kind, a well-formed date, casualty figures each cited, min ≤ max); nothing else has any.</summary>
    private void CheckEvent(string id, Entity e)
    {
        if (e.Kind != EntityKind.Event)
        {
            if (e.Event is not null) Report(id, $"event details are for events, not a {Describe(e.Kind)}");
            return;
        }
        if (e.Event is not { } details) { Report(id, "an event needs its details (kind and date)"); return; }
        if (details.Date.Problem() is { } date) Report(id, $"date: {date}");
        foreach (var c in details.Casualties ?? [])
        {
            if (c.Min > c.Max) Report(id, $"a casualty figure's min ({c.Min}) is greater than its max ({c.Max})");
            if (c.Min is null && c.Max is null) Report(id, "a casualty figure gives neither min nor max");
            if (c.Min < 0 || c.Max < 0) Report(id, "a casualty figure is negative");
            CheckCitations(id, c.Citations, "casualty figure");
        }
    }

    /// <summary>A PARTICIPATED_IN fact says the part played (attribution for perpetrators only); no other fact does.</summary>
    private void CheckParticipation(string id, Relationship r, string typeName)
    {
        if (r.Type != RelationshipType.ParticipatedIn)
        {
            if (r.Participation is not null) Report(id, $"participation is for PARTICIPATED_IN relationships, not {typeName}");
            return;
        }
        if (r.Participation is not { } p) Report(id, "a PARTICIPATED_IN relationship needs its participation (role)");
        else if (p.Attribution is not null && p.Role != ParticipantRole.Perpetrator)
            Report(id, $"attribution is for perpetrators, not a {EnumNames.ToContractName(p.Role)}");
    }

    /// <summary>
    /// Each attestation rests on one of the fact's citations, and falls where its (effective) interval lets the fact
    /// hold: a source cannot attest a fact on a date its own bounds exclude.
    /// </summary>
    private void CheckAttestations(string id, Relationship r)
    {
        var cited = (r.Citations ?? []).Select(c => c.SourceId).ToHashSet(StringComparer.Ordinal);
        var bounds = TemporalProfile.Of(r.EffectiveValidity, []);
        foreach (var a in r.Attestations ?? [])
        {
            if (a is null) { Report(id, "an attestation is null"); continue; }
            if (!cited.Contains(a.SourceId))
                Report(id, $"the attestation of {a.Date} rests on source '{a.SourceId}', which the fact does not cite; cite it or attest with a cited source");
            if (bounds.StatusOn(a.Date) == TemporalStatus.Excluded)
                Report(id, $"the attestation of {a.Date} (source '{a.SourceId}') falls outside the fact's interval {r.EffectiveValidity}");
        }
    }

    private void CheckEstimates()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in _set.StrengthEstimates)
        {
            var id = s.Id ?? "";
            Report(id, EntityIds.CheckFactId(s.Id));
            if (id.Length > 0 && !seen.Add(id)) Report(id, "the strength estimate appears twice in the change set");
            var kind = KindOf(s.OrganizationId, id, "the estimate's organization");
            if (kind is not null && kind != EntityKind.Organization)
                Report(id, $"strength estimates are of organizations; {s.OrganizationId} is a {Describe(kind.Value)}");
            if (s.Min < 0 || s.Max < 0) Report(id, "a fighter count is negative");
            if (s.Min is { } min && s.Max is { } max && min > max) Report(id, $"min ({min}) is greater than max ({max})");
            if (s.Min is null && s.Max is null) Report(id, "the estimate has neither min nor max");
            Report(id, NameCharacters.Check("estimatedBy", s.EstimatedBy));
            CheckCitations(id, s.Citations, "strength estimate");
        }
    }

    private void CheckMerges()
    {
        foreach (var m in _set.Merges)
        {
            var id = m.MergedId ?? "";
            if (string.IsNullOrEmpty(m.SurvivorId) || string.IsNullOrEmpty(m.MergedId))
            {
                Report(id, "a merge needs a survivor id and a merged id");
                continue;
            }
            if (m.SurvivorId == m.MergedId) { Report(id, "an entity cannot be merged into itself"); continue; }
            var survivor = KindOf(m.SurvivorId, id, "the merge survivor");
            if (_stored.TryGetValue(m.SurvivorId, out var s) && s.MergedInto is not null)
                Report(id, $"the merge survivor {m.SurvivorId} was itself merged into '{s.MergedInto}'");
            var alreadyMerged = _stored.TryGetValue(m.MergedId, out var merged) && merged.MergedInto is not null;
            if (alreadyMerged && merged!.MergedInto != m.SurvivorId)
                Report(id, $"{m.MergedId} was already merged into '{merged.MergedInto}'");
            else if (!alreadyMerged && merged is null && !_entitiesInSet.ContainsKey(m.MergedId))
                Report(id, $"the merged entity {m.MergedId} does not exist");
            var mergedKind = merged?.Kind ?? (_entitiesInSet.TryGetValue(m.MergedId, out var e) ? e.Kind : (EntityKind?)null);
            if (survivor is not null && mergedKind is not null && survivor != mergedKind)
                Report(id, $"cannot merge a {Describe(mergedKind.Value)} into a {Describe(survivor.Value)} ({m.SurvivorId})");
        }
        foreach (var group in _set.Merges.Where(m => m.MergedId is not null).GroupBy(m => m.MergedId).Where(g => g.Count() > 1))
            Report(group.Key, "the entity is merged more than once in the change set");
    }

    private async Task CheckRetractionsAsync(IChangeSetLookup store, CancellationToken ct)
    {
        var inSet = _set.Relationships.Select(r => r.Id).Concat(_set.StrengthEstimates.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);
        var wanted = _set.Retractions.Where(id => !string.IsNullOrEmpty(id) && !inSet.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var stored = wanted.Count == 0 ? new HashSet<string>() : await store.GetExistingFactIdsAsync(wanted, ct).ConfigureAwait(false);
        foreach (var id in _set.Retractions)
        {
            if (string.IsNullOrEmpty(id)) Report("", "a retraction has an empty id");
            else if (!inSet.Contains(id) && !stored.Contains(id)) Report(id, "cannot retract: no relationship or strength estimate has this id");
        }
    }

    /// <summary>
    /// A name (or alias) may belong to only one entity of a kind, across the change set and the store. Names are
    /// compared by <see cref="ConfusableSkeleton.ClashKey"/>: ignoring case, diacritics, dash and quote variants and
    /// look-alike letters of other scripts (Unicode TS #39 skeletons), so "КІВ" (Cyrillic) clashes with "KIB".
    /// Both backends store each name's clash key, so stored look-alikes are found by index.
    /// </summary>
    private async Task CheckNameClaimsAsync(IChangeSetLookup store, CancellationToken ct)
    {
        var claims = new Dictionary<(string Key, EntityKind Kind), List<(string Id, string Name)>>();
        foreach (var e in _entitiesInSet.Values)
        {
            if (e.Id is null || e.Name is null) continue;
            foreach (var name in (e.Aliases ?? []).Prepend(e.Name).Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var key = (ConfusableSkeleton.ClashKey(name), e.Kind);
                if (!claims.TryGetValue(key, out var list)) claims[key] = list = [];
                if (!list.Any(c => c.Id == e.Id)) list.Add((e.Id, name));
            }
        }
        if (claims.Count == 0) return;
        var storedClaims = await store.GetNameClaimsAsync(claims.Keys.Select(k => k.Key).Distinct().ToList(), ct).ConfigureAwait(false);
        foreach (var c in storedClaims)
        {
            // The change set's version of an entity replaces the stored one.
            if (_entitiesInSet.ContainsKey(c.EntityId)) continue;
            if (claims.TryGetValue((ConfusableSkeleton.ClashKey(c.Name), c.Kind), out var list) && !list.Any(x => x.Id == c.EntityId))
                list.Add((c.EntityId, c.Name));
        }
        foreach (var ((_, kind), list) in claims)
        {
            var owners = list.GroupBy(c => Canonical(c.Id)).ToList();
            if (owners.Count < 2) continue;
            foreach (var c in list.Where(c => _entitiesInSet.ContainsKey(c.Id)))
            {
                var others = string.Join(", ", list.Where(o => Canonical(o.Id) != Canonical(c.Id)).Select(o => $"'{o.Name}' of {o.Id}").Distinct());
                Report(c.Id, $"the name '{c.Name}' is the same name as {others}, compared ignoring case, diacritics and look-alike letters " +
                    $"(Unicode TS #39 confusable skeletons); {Describe(kind)}s may not share a name");
            }
        }
    }

    private void CheckCitations(string recordId, IReadOnlyList<Citation>? citations, string what)
    {
        if (citations is null || citations.Count == 0)
        {
            Report(recordId, $"the {what} has no citation; every {what} needs at least one");
            return;
        }
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            var where = $"citation {i + 1}";
            if (string.IsNullOrEmpty(c.SourceId)) { Report(recordId, $"{where} names no source"); continue; }
            if (string.IsNullOrWhiteSpace(c.Quote)) { Report(recordId, $"{where} ({c.SourceId}) has an empty quote"); continue; }
            if (!_matchers.TryGetValue(c.SourceId, out var matcher))
                Report(recordId, $"{where} cites {c.SourceId}, which is neither in the change set nor stored");
            else if (QuoteRules.CheckLength(c.Quote) is { } tooShort)
                Report(recordId, $"{where} ({c.SourceId}), \"{Abbreviate(c.Quote)}\": {tooShort}");
            else if (matcher is not null && !Occurs(matcher, c.SourceId, c.Quote))
                Report(recordId, $"{where}: the quote \"{Abbreviate(c.Quote)}\" does not occur in {c.SourceId}");
        }
    }

    private bool Occurs(QuoteMatcher matcher, string sourceId, string quote)
    {
        if (!_checkedQuotes.TryGetValue((sourceId, quote), out var occurs))
            _checkedQuotes[(sourceId, quote)] = occurs = matcher.Occurs(quote);
        return occurs;
    }

    /// <summary>The kind of a referenced entity (from the set or the store), reporting when it is missing.</summary>
    private EntityKind? KindOf(string? entityId, string recordId, string role)
    {
        if (string.IsNullOrEmpty(entityId)) { Report(recordId, $"{role}: no entity id"); return null; }
        if (_entitiesInSet.TryGetValue(entityId, out var e)) return e.Kind;
        if (_stored.TryGetValue(entityId, out var stored)) return stored.Kind;
        Report(recordId, $"{role}: entity {entityId} does not exist (neither in the change set nor stored)");
        return null;
    }

    private string Canonical(string id)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            if (_mergedInSet.TryGetValue(id, out var survivor)) { id = survivor; continue; }
            if (_stored.TryGetValue(id, out var stored) && stored.MergedInto is { } s && s != id) { id = s; continue; }
            break;
        }
        return id;
    }

    private void Report(string recordId, string? problem)
    {
        if (problem is not null) _problems.Add(new ValidationProblem(recordId, problem));
    }

    private static string Describe(EntityKind kind) => kind.ToString().ToLowerInvariant();

    private static string Abbreviate(string quote) => quote.Length <= 80 ? quote : quote[..77] + "...";
}
