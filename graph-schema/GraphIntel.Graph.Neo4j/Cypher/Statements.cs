using GraphIntel.Graph.Neo4j.Http;

namespace GraphIntel.Graph.Neo4j.Cypher;

/// <summary>
/// Every Cypher statement the backend sends, as constants: values always travel as <c>$parameters</c>, never in the
/// text. Each is written to run on Neo4j 3.1 and 5.x alike (no <c>{param}</c>, no <c>exists()</c> on properties,
/// no pattern expressions, no subqueries; own <c>id</c> properties, never <c>id(n)</c>) — except the misspelling
/// search, which 3.x–4.3 run over (:Gram) links and later servers over a full-text index (<see cref="NameFuzzyCandidatesFor"/>). A test parses
/// every entry of <see cref="All"/> with the Cypher 5 grammar.
///
/// The graph: <c>(:Entity {id, kind, possibleStart, …})-[:REL {id, type, status, validFrom, validTo, attested,
/// possibleStart, possibleEnd, coreStart, coreEnd, evidence, …}]-&gt;(:Entity)</c> (time profiles as ISO days);
/// <c>(:FactRef {id, from, to})</c> finds a relationship by id through its endpoints (3.1 has no relationship
/// indexes); <c>(:Citation {sourceId, supportsId, …})</c> answers "what cites this source";
/// <c>(:Estimate)</c>, <c>(:Source)</c>, <c>(:Merge {mergedId, survivorId})</c>, <c>(:Audit)</c>,
/// <c>(:Counter)</c> and <c>(:Migration)</c> hold the rest.
///
/// Lookups by a value of the row (<c>UNWIND $ids AS id</c>) are written <c>MATCH (n:L) WHERE n.p IN [id]</c>, not
/// <c>(n:L {p: id})</c>. Neo4j 3.1's cost planner sizes index lookups by index samples that lag a bulk load: right
/// after one (an index sampled while nearly empty) it plans <c>{p: id}</c> as a scan of the whole index for every row
/// — even with a USING INDEX hint, which an index scan satisfies — so a 2,000-row batch took 86 s instead of 0.2 s and
/// a load stalled. The IN form is planned as an index seek in either state, and Cypher 5 plans both forms alike.
/// A lookup whose value comes from a node matched earlier in the statement (a relationship's endpoints, through its
/// (:FactRef)) follows a <c>WITH DISTINCT</c>, a barrier the planner does not flatten, so that the value is known
/// when the lookup runs and the IN form seeks. (USING INDEX hints are no way out: 3.1 then falls back to its rule
/// planner, which fails on Java 17.) MERGE always seeks its uniqueness constraint. After large writes the store also asks for fresh samples (<see cref="ResampleOutdatedIndexes"/>).
/// </summary>
internal static class Statements
{
    /// <summary>
    /// <see cref="Model.TemporalProfile.StatusOn(int, int)"/> in Cypher over a record's stored profile (ISO days; an
    /// unbounded side or a missing core is absent; <c>evidence</c> holds "start/end" spans): not EXCLUDED, then KNOWN by
    /// the core or by an evidence span inside <c>$asOfStart..$asOfEnd</c>, else POSSIBLE, admitted when <c>$possible</c>.
    /// Written once per variable: <see cref="RelationshipTimeFilter"/> (r) and <see cref="EntityTimeFilter"/> (e).
    /// </summary>
    private const string RelationshipTimeFilter =
        "($asOfStart IS NULL OR ((r.possibleStart IS NULL OR r.possibleStart <= $asOfEnd) " +
        "AND (r.possibleEnd IS NULL OR r.possibleEnd >= $asOfStart) " +
        "AND ($possible OR (r.coreStart <= $asOfEnd AND r.coreEnd >= $asOfStart) " +
        "OR any(span IN coalesce(r.evidence, []) WHERE substring(span, 0, 10) >= $asOfStart AND substring(span, 11) <= $asOfEnd))))";

    /// <summary>An entity's existence on the asOf span, as <see cref="RelationshipTimeFilter"/> decides a relationship's.</summary>
    private const string EntityTimeFilter =
        "($asOfStart IS NULL OR ((e.possibleStart IS NULL OR e.possibleStart <= $asOfEnd) " +
        "AND (e.possibleEnd IS NULL OR e.possibleEnd >= $asOfStart) " +
        "AND ($possible OR (e.coreStart <= $asOfEnd AND e.coreEnd >= $asOfStart) " +
        "OR any(span IN coalesce(e.evidence, []) WHERE substring(span, 0, 10) >= $asOfStart AND substring(span, 11) <= $asOfEnd))))";

    /// <summary>Statuses and the asOf status: the part of the relationship filter every read shares.</summary>
    private const string StatusAndTimeFilter = "r.status IN $statuses AND " + RelationshipTimeFilter;

    /// <summary>The whole relationship filter: types, statuses and asOf.</summary>
    private const string RelFilter = "r.type IN $types AND " + StatusAndTimeFilter;

    private const string RelColumns =
        "r.id AS id, r.type AS type, a.id AS fromId, b.id AS toId, r.validFrom AS validFrom, r.validTo AS validTo, " +
        "r.status AS status, r.note AS note, r.role AS role, r.endReason AS endReason, r.citations AS citations, " +
        "r.attested AS attested, r.endedLatest AS endedLatest, r.endedBy AS endedBy, r.endedReason AS endedReason, " +
        "r.participantRole AS participantRole, r.attribution AS attribution";

    private const string EntityColumns =
        "e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.organizationKind AS organizationKind, " +
        "e.description AS description, e.founded AS founded, e.dissolved AS dissolved, e.citations AS citations, " +
        "e.eventKind AS eventKind, e.eventDate AS eventDate, e.casualties AS casualties";

    private const string EstimateColumns =
        "x.id AS id, x.organizationId AS organizationId, x.min AS min, x.max AS max, x.asOf AS asOf, " +
        "x.estimatedBy AS estimatedBy, x.status AS status, x.note AS note, x.citations AS citations";

    public const string Ping = "RETURN 1 AS ok";

    /// <summary>The server's version, where discovery (<c>GET /</c>) is not served (Aura's Query API).</summary>
    public const string ServerVersion =
        "CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version";

    /// <summary>
    /// Asks Neo4j to resample the indexes a write changed a lot (it otherwise does so in the background, later): the
    /// planner sizes index seeks and scans by these samples, and plans made from a sample taken while an index was
    /// nearly empty scan the whole index where one seek would do.
    /// </summary>
    public const string ResampleOutdatedIndexes = "CALL db.resampleOutdatedIndexes()";

    // ---- migrations ----------------------------------------------------------------------------------------
    public const string AppliedMigrations = "MATCH (m:Migration) RETURN m.version AS version ORDER BY version";
    public const string RecordMigration = "MERGE (m:Migration {version: $version}) SET m.name = $name, m.appliedAt = $at";

    // ---- entities ------------------------------------------------------------------------------------------
    /// <summary>Resolves each asked id through merges, keyed by the id asked for.</summary>
    public const string EntitiesByIds =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge) WHERE m.mergedId IN [asked] " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (e:Entity) WHERE e.id IN [target] " +
        "RETURN asked, " + EntityColumns;

    public const string EntityKindsByIds =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge) WHERE m.mergedId IN [asked] " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (e:Entity) WHERE e.id IN [target] RETURN asked, e.id AS id, e.kind AS kind";

    /// <summary>The survivor of each asked id that was merged away (ids not merged are absent).</summary>
    public const string SurvivorsOf =
        "UNWIND $ids AS asked MATCH (m:Merge) WHERE m.mergedId IN [asked] RETURN asked, m.survivorId AS survivorId";

    public const string ExistingFactIds =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (f:FactRef) WHERE f.id IN [asked] OPTIONAL MATCH (x:Estimate) WHERE x.id IN [asked] " +
        "WITH asked, f, x WHERE f IS NOT NULL OR x IS NOT NULL RETURN asked";

    /// <summary>
    /// Entities one of whose names has one of these lookup keys (index-backed), with their kind filter applied, as
    /// entity rows: when they fill the asked limit, name lookup needs no other round trip.
    /// </summary>
    public const string NameKeyCandidates =
        "UNWIND $keys AS k MATCH (n:Name) WHERE n.key IN [k] AND ($kinds IS NULL OR n.kind IN $kinds) " +
        "WITH DISTINCT n.entityId AS entityId " +
        "MATCH (e:Entity) WHERE e.id IN [entityId] RETURN " + EntityColumns;

    /// <summary>
    /// The head of every misspelling statement: it runs only when the key matches (<see cref="NameKeyCandidates"/> of
    /// <c>$key</c>, same kinds) do not fill <c>$limit</c>, so it can be sent in the same request as the key lookup (one
    /// round trip) and still cost nothing when the key matches alone answer. The count is of distinct entities, as the
    /// key lookup's rows are.
    /// </summary>
    private const string FuzzyGate =
        "OPTIONAL MATCH (k:Name) WHERE k.key IN [$key] AND ($kinds IS NULL OR k.kind IN $kinds) " +
        "WITH count(DISTINCT k.entityId) AS hits WHERE hits < $limit ";

    /// <summary>
    /// Misspelling candidates as (name key, entity row) on Neo4j 3.x–4.3, for the caller to check edit distance on the
    /// keys (the few names that share enough trigrams come with their entity, so no other round trip follows), behind
    /// <see cref="FuzzyGate"/>. Each name links to a (:Gram) per distinct trigram of its key and the key's length
    /// (NameGrams). $lengths is the query's <c>NameGrams.FuzzyPlan</c>: per key length within reach, its grams, how many
    /// a name must share ($needed) and how many of the rarest suffice to gather every such name ($gather; the proof is
    /// at FuzzyPlan). So: the degree of each gram (<c>size()</c> of the pattern, which 3.x and 4.x plan as a degree read,
    /// GetDegree), the rarest $gather grams of each length (a gram no name has counts as rarest and gathers nothing;
    /// lengths by index into $lengths, as grouping by the maps themselves costs more), the names linked to those, then
    /// the query's trigrams counted in each gathered name's padded key (one property read, where counting its links
    /// against the grams took two dozen). No cut: every name that can be within reach is returned, so the ranking
    /// equals the embedded store's. Cypher 5 removed the <c>size()</c> form, so this is no constant of the Cypher 5
    /// catalogue (<see cref="All"/>): servers that speak Cypher 5 search names with <see cref="NameFuzzyCandidates"/>.
    /// </summary>
    public static readonly string NameFuzzyCandidatesByGrams = FuzzyGate + FuzzyByDegreeHead + "size((t)<-[:HAS]-())" + FuzzyByDegreeTail;

    private const string FuzzyByDegreeHead =
        "UNWIND range(0, size($lengths) - 1) AS i UNWIND $lengths[i].grams AS g OPTIONAL MATCH (t:Gram) WHERE t.key IN [g] " +
        "WITH i, t, CASE WHEN t IS NULL THEN 0 ELSE ";

    private const string FuzzyByDegreeTail =
        " END AS degree ORDER BY degree " +
        "WITH i, collect([t]) AS ranked UNWIND ranked[0..$lengths[i].gather] AS picked WITH i, picked[0] AS t WHERE t IS NOT NULL " +
        "MATCH (t)<-[:HAS]-(n:Name) WHERE $kinds IS NULL OR n.kind IN $kinds " +
        "WITH DISTINCT i, n WITH i, n, ' ' + n.key + ' ' AS padded " +
        "WHERE size([x IN $lengths[i].trigrams WHERE padded CONTAINS x]) >= $lengths[i].needed " +
        "WITH n.key AS key, n.entityId AS entityId MATCH (e:Entity) WHERE e.id IN [entityId] RETURN key, " + EntityColumns;

    /// <summary>
    /// <see cref="NameFuzzyCandidatesByGrams"/> on servers with full-text indexes (<see cref="SchemaStatements.UsesFulltextNames"/>):
    /// the same candidates, gathered by Lucene from each name's <c>grams</c> tokens (the grams of
    /// <c>NameGrams.OfName</c> as whitespace-separated words, <c>NameGrams.Token</c>) instead of (:Gram) links.
    /// <c>$queries</c> are Lucene queries, each an OR of at most <c>NameGrams.ClausesPerQuery</c> tokens: per key length
    /// within reach, its first $gather grams (any $gather of them gather every name that can be within reach — the
    /// pigeonhole at <c>NameGrams.FuzzyPlan</c> holds for any choice, the rarest only read less). The same trigram count
    /// then keeps the names of each length that share $needed of the query's grams, and the caller checks edit
    /// distance exactly as on the gram path, so both paths give the same answers.
    /// Relied on (Neo4j Cypher Manual 5, "Full-text indexes",
    /// https://neo4j.com/docs/cypher-manual/current/indexes/semantic-indexes/full-text-indexes/):
    /// <c>CALL db.index.fulltext.queryNodes(indexName, queryString) YIELD node, score</c> takes a Lucene query string and
    /// returns every matching node (no limit unless given in its options map), and the index is kept up to date in the
    /// writing transaction unless created <c>eventually_consistent</c>.
    /// </summary>
    public const string NameFuzzyCandidates = FuzzyGate +
        "UNWIND $queries AS q CALL db.index.fulltext.queryNodes('name_grams', q) YIELD node " +
        "WITH DISTINCT node AS n WHERE $kinds IS NULL OR n.kind IN $kinds " +
        "WITH n, ' ' + n.key + ' ' AS padded, [l IN $lengths WHERE l.length = size(n.key)] AS at " +
        "WHERE size(at) > 0 AND size([x IN at[0].trigrams WHERE padded CONTAINS x]) >= at[0].needed " +
        "WITH n.key AS key, n.entityId AS entityId MATCH (e:Entity) WHERE e.id IN [entityId] RETURN key, " + EntityColumns;

    /// <summary>The misspelling statement a server of this version understands.</summary>
    public static string NameFuzzyCandidatesFor(Neo4jVersion version) =>
        SchemaStatements.UsesFulltextNames(version) ? NameFuzzyCandidates : NameFuzzyCandidatesByGrams;

    /// <summary>Who already claims these name keys (the alias-uniqueness check).</summary>
    public const string NameClaims =
        "UNWIND $clashKeys AS f MATCH (n:Name) WHERE n.clashKey IN [f] RETURN n.entityId AS entityId, n.kind AS kind, n.name AS name";

    private const string EntityListFilter =
        "e.kind IN $kinds " +
        "AND ($orgKinds IS NULL OR e.organizationKind IN $orgKinds) " +
        "AND ($contains IS NULL OR any(k IN e.nameKeys WHERE k CONTAINS $contains)) " +
        "AND " + EntityTimeFilter;

    /// <summary>One keyset page in (sortKey, id) order; ask for one row more than the page to learn hasNextPage.</summary>
    public const string ListEntitiesPage =
        "MATCH (e:Entity) WHERE " + EntityListFilter + " " +
        "AND ($afterKey IS NULL OR e.sortKey > $afterKey OR (e.sortKey = $afterKey AND e.id > $afterId)) " +
        "RETURN e.sortKey AS sortKey, " + EntityColumns + " ORDER BY sortKey, id LIMIT $take";

    public const string CountEntities = "MATCH (e:Entity) WHERE " + EntityListFilter + " RETURN count(e) AS n";

    // ---- relationships -------------------------------------------------------------------------------------
    /// <summary>Relationships touching each asked entity; $direction is 'OUTGOING', 'INCOMING' or 'BOTH'.</summary>
    public const string RelationshipsOfEntities =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge) WHERE m.mergedId IN [asked] " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (s:Entity) WHERE s.id IN [target] " +
        "MATCH (s)-[r:REL]-(:Entity) " +
        "WITH asked, s, r, startNode(r) AS a, endNode(r) AS b " +
        "WHERE ((a = s AND $direction <> 'INCOMING') OR (b = s AND $direction <> 'OUTGOING')) AND " + RelFilter + " " +
        "RETURN DISTINCT asked, " + RelColumns;

    /// <summary>
    /// One breadth-first level: the relationships each frontier entity may follow, keyed by that entity — outgoing
    /// ones of the types in $outTypes, incoming ones of the types in $inTypes (lineage follows each type its own way).
    /// </summary>
    public const string ExpandFrontier =
        "UNWIND $ids AS target " +
        "MATCH (s:Entity) WHERE s.id IN [target] MATCH (s)-[r:REL]-(:Entity) " +
        "WITH target, s, r, startNode(r) AS a, endNode(r) AS b " +
        "WHERE ((a = s AND r.type IN $outTypes) OR (b = s AND r.type IN $inTypes)) AND " + StatusAndTimeFilter + " " +
        "RETURN target, " + RelColumns;

    /// <summary>
    /// For each <c>asked</c> relationship id: its endpoints <c>a</c> and <c>b</c>, found through its (:FactRef), each
    /// lookup after a barrier (see the class summary); the edge between them is then an expand between two known nodes.
    /// </summary>
    private const string EndpointsOfFacts =
        "MATCH (f:FactRef) WHERE f.id IN [asked] WITH DISTINCT asked, f.from AS fromId, f.to AS toId " +
        "MATCH (a:Entity) WHERE a.id IN [fromId] WITH DISTINCT asked, a, toId " +
        "MATCH (b:Entity) WHERE b.id IN [toId] WITH DISTINCT asked, a, b ";

    public const string RelationshipsByIds =
        "UNWIND $ids AS asked " + EndpointsOfFacts + "MATCH (a)-[r:REL]->(b) WHERE r.id = asked RETURN " + RelColumns;

    // ---- estimates -----------------------------------------------------------------------------------------
    public const string EstimatesOfOrganizations =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge) WHERE m.mergedId IN [asked] " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (x:Estimate) WHERE x.organizationId IN [target] AND ($includeRetracted OR x.status <> 'RETRACTED') " +
        "RETURN asked, " + EstimateColumns;

    public const string EstimatesByIds =
        "UNWIND $ids AS asked MATCH (x:Estimate) WHERE x.id IN [asked] RETURN " + EstimateColumns;

    // ---- sources -------------------------------------------------------------------------------------------
    private const string SourceColumns =
        "s.id AS id, s.title AS title, s.publisher AS publisher, s.author AS author, s.published AS published, s.url AS url, s.text AS text";

    public const string SourcesByIds = "UNWIND $ids AS asked MATCH (s:Source) WHERE s.id IN [asked] RETURN " + SourceColumns;
    public const string AllSources = "MATCH (s:Source) RETURN " + SourceColumns + " ORDER BY id";
    /// <summary>Up to $take sources with an id after $afterId (from the first when null), in id order.</summary>
    public const string ListSourcesPage =
        "MATCH (s:Source) WHERE $afterId IS NULL OR s.id > $afterId RETURN " + SourceColumns + " ORDER BY id LIMIT $take";
    /// <summary>How many sources there are, and how many have the id $afterId (0 when null): a page's total and its cursor's check.</summary>
    public const string SourcePageCounts =
        "MATCH (s:Source) RETURN count(s) AS n, count(CASE WHEN s.id = $afterId THEN 1 END) AS after";
    public const string CitationsOfSources =
        "UNWIND $ids AS asked MATCH (c:Citation) WHERE c.sourceId IN [asked] " +
        "RETURN c.sourceId AS sourceId, c.quote AS quote, c.supports AS supports, c.supportsId AS supportsId ORDER BY c.supportsId, c.ordinal";

    // ---- writes (each runs as UNWIND over a batch of rows) --------------------------------------------------
    // A record the write plan read as not stored is CREATEd (one insert into its uniqueness constraint, which still
    // refuses a duplicate written meanwhile by another process: the change set then fails whole); a stored one is
    // MERGEd (one seek of the constraint, then the update). Both set the same properties.
    private const string SourceProperties =
        "SET s.title = row.title, s.publisher = row.publisher, s.author = row.author, s.published = row.published, " +
        "s.url = row.url, s.text = row.text";

    public const string UpsertSources = "UNWIND $rows AS row MERGE (s:Source {id: row.id}) " + SourceProperties;
    public const string CreateSources = "UNWIND $rows AS row CREATE (s:Source {id: row.id}) " + SourceProperties;

    public const string UpsertEntities = "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) " + EntityProperties;
    public const string CreateEntities = "UNWIND $rows AS row CREATE (e:Entity {id: row.id}) " + EntityProperties;

    private const string EntityProperties =
        "SET e.kind = row.kind, e.name = row.name, e.aliases = row.aliases, e.nameKeys = row.nameKeys, " +
        "e.sortKey = row.sortKey, e.organizationKind = row.organizationKind, e.description = row.description, " +
        "e.founded = row.founded, e.dissolved = row.dissolved, e.citations = row.citations, " +
        "e.possibleStart = row.possibleStart, e.possibleEnd = row.possibleEnd, e.coreStart = row.coreStart, " +
        "e.coreEnd = row.coreEnd, e.evidence = row.evidence, " +
        "e.eventKind = row.eventKind, e.eventDate = row.eventDate, e.eventEarliest = row.eventEarliest, " +
        "e.eventLatest = row.eventLatest, e.casualties = row.casualties";

    /// <summary>Removes the name index rows of the given entities (their (:Gram)s stay: they are shared).</summary>
    public const string DeleteNames = "UNWIND $ids AS id MATCH (n:Name) WHERE n.entityId IN [id] DETACH DELETE n";

    /// <summary>Makes sure the given (:Gram) keys exist — once per distinct key of a write, before names link to them.</summary>
    public const string UpsertGrams = "UNWIND $grams AS g MERGE (:Gram {key: g})";

    /// <summary>Creates (:Name) rows with their gram words (<c>NameGrams.Tokens</c>), which 4.4+ search through a full-text index.</summary>
    public const string CreateNames =
        "UNWIND $rows AS row CREATE (n:Name {entityId: row.entityId, kind: row.kind, name: row.name, key: row.key, " +
        "folded: row.folded, clashKey: row.clashKey, grams: row.gramWords})";

    /// <summary>
    /// <see cref="CreateNames"/> for servers that search names through (:Gram)s (3.x–4.3): each name also linked to its
    /// grams (which <see cref="UpsertGrams"/> created first).
    /// </summary>
    public const string CreateNamesLinkingGrams = CreateNames +
        " WITH n, row UNWIND row.grams AS g MATCH (t:Gram) WHERE t.key IN [g] CREATE (n)-[:HAS]->(t)";

    /// <summary>A page of names stored before gram words (migration 8), for <see cref="SetNameGramWords"/>.</summary>
    public const string NamesWithoutGramWords =
        "MATCH (n:Name) WHERE n.grams IS NULL RETURN n.entityId AS entityId, n.name AS name, n.key AS key LIMIT $take";

    /// <summary>Sets the gram words of existing (:Name) rows (migration 8).</summary>
    public const string SetNameGramWords =
        "UNWIND $rows AS row MATCH (n:Name) WHERE n.entityId IN [row.entityId] AND n.name = row.name SET n.grams = row.gramWords";

    /// <summary>
    /// A page of names with no gram links — names stored before grams existed — for the gram backfill migration (a
    /// name whose key is empty has no grams and is left out). Each name of an entity is distinct, so (entityId, name)
    /// identifies the row.
    /// </summary>
    public const string NamesWithoutGrams =
        "MATCH (n:Name) OPTIONAL MATCH (n)-[h:HAS]->(:Gram) WITH n, count(h) AS links WHERE links = 0 AND size(n.key) > 0 " +
        "RETURN n.entityId AS entityId, n.name AS name, n.key AS key LIMIT $take";

    /// <summary>A page of names stored before clash keys (migration 5), for <see cref="SetClashKeys"/>.</summary>
    public const string NamesWithoutClashKeys =
        "MATCH (n:Name) WHERE n.clashKey IS NULL RETURN n.entityId AS entityId, n.name AS name LIMIT $take";

    /// <summary>Sets the <see cref="Names.ConfusableSkeleton.ClashKey"/> of existing (:Name) rows (migration 5).</summary>
    public const string SetClashKeys =
        "UNWIND $rows AS row MATCH (n:Name) WHERE n.entityId IN [row.entityId] AND n.name = row.name SET n.clashKey = row.clashKey";

    /// <summary>
    /// A page of relationships stored before migration 6 (they hold the old <c>fromStart</c>/<c>toEnd</c> days), for
    /// <see cref="SetRelationshipProfiles"/>.
    /// </summary>
    public const string RelationshipsWithoutProfiles =
        "MATCH (a:Entity)-[r:REL]->() WHERE r.fromStart IS NOT NULL OR r.toEnd IS NOT NULL " +
        "RETURN r.id AS id, a.id AS fromId, r.validFrom AS validFrom, r.validTo AS validTo LIMIT $take";

    /// <summary>Gives relationships their time profile (<c>row.profile</c>) in place of the old days (migration 6).</summary>
    public const string SetRelationshipProfiles =
        "UNWIND $rows AS row WITH DISTINCT row, row.fromId AS fromId " +
        "MATCH (a:Entity) WHERE a.id IN [fromId] WITH DISTINCT row, a " +
        "MATCH (a)-[r:REL]->() WHERE r.id = row.id " +
        "SET r += row.profile, r.attested = coalesce(r.attested, '[]') REMOVE r.fromStart, r.toEnd";

    /// <summary>A page of entities stored before migration 6 (with the old <c>foundedStart</c>/<c>dissolvedEnd</c> days).</summary>
    public const string EntitiesWithoutProfiles =
        "MATCH (e:Entity) WHERE e.foundedStart IS NOT NULL OR e.dissolvedEnd IS NOT NULL " +
        "RETURN e.id AS id, e.founded AS founded, e.dissolved AS dissolved LIMIT $take";

    /// <summary>Gives entities their existence profile (<c>row.profile</c>) in place of the old days (migration 6).</summary>
    public const string SetEntityProfiles =
        "UNWIND $rows AS row MATCH (e:Entity) WHERE e.id IN [row.id] SET e += row.profile REMOVE e.foundedStart, e.dissolvedEnd";

    /// <summary>A page of entities in Cypher's id order after $afterId, with their names (the sort key backfill, migration 9).</summary>
    public const string EntitiesAfterId =
        "MATCH (e:Entity) WHERE $afterId IS NULL OR e.id > $afterId RETURN e.id AS id, e.name AS name, e.sortKey AS sortKey ORDER BY id LIMIT $take";

    /// <summary>Sets entities' listing keys (<c>row.sortKey</c>, migration 9).</summary>
    public const string SetSortKeys =
        "UNWIND $rows AS row MATCH (e:Entity) WHERE e.id IN [row.id] SET e.sortKey = row.sortKey";

    /// <summary>Links existing (:Name) rows to their grams (the gram backfill; <see cref="UpsertGrams"/> runs first).</summary>
    public const string LinkNameGrams =
        "UNWIND $rows AS row MATCH (n:Name) WHERE n.entityId IN [row.entityId] AND n.name = row.name " +
        "WITH n, row UNWIND row.grams AS g MATCH (t:Gram) WHERE t.key IN [g] MERGE (n)-[:HAS]->(t)";

    /// <summary>
    /// Deletes the stored edges of relationships about to be rewritten (their endpoints may change: a merge re-points
    /// them), found through their (:FactRef). Only ids the write plan read as stored are sent.
    /// </summary>
    public const string DeleteRelationships =
        "UNWIND $ids AS asked " + EndpointsOfFacts + "MATCH (a)-[old:REL]->(b) WHERE old.id = asked DELETE old";

    /// <summary>
    /// Creates each relationship's edge between its endpoints (after <see cref="DeleteRelationships"/> removed any
    /// stored one) and records its endpoints on its (:FactRef). <c>row.properties</c> holds every property of the edge.
    /// </summary>
    public const string UpsertRelationships =
        "UNWIND $rows AS row " +
        "MATCH (a:Entity) WHERE a.id IN [row.fromId] " +
        "MATCH (b:Entity) WHERE b.id IN [row.toId] " +
        "MERGE (f:FactRef {id: row.id}) SET f.from = row.fromId, f.to = row.toId " +
        "CREATE (a)-[r:REL]->(b) SET r = row.properties";

    /// <summary><see cref="UpsertRelationships"/> for relationships the write plan read as not stored: their (:FactRef) is created too.</summary>
    public const string CreateRelationships =
        "UNWIND $rows AS row " +
        "MATCH (a:Entity) WHERE a.id IN [row.fromId] " +
        "MATCH (b:Entity) WHERE b.id IN [row.toId] " +
        "CREATE (:FactRef {id: row.id, from: row.fromId, to: row.toId}) " +
        "CREATE (a)-[r:REL]->(b) SET r = row.properties";

    public const string UpsertEstimates = "UNWIND $rows AS row MERGE (x:Estimate {id: row.id}) " + EstimateProperties;
    public const string CreateEstimates = "UNWIND $rows AS row CREATE (x:Estimate {id: row.id}) " + EstimateProperties;

    private const string EstimateProperties =
        "SET x.organizationId = row.organizationId, x.min = row.min, x.max = row.max, x.asOf = row.asOf, " +
        "x.estimatedBy = row.estimatedBy, x.status = row.status, x.note = row.note, x.citations = row.citations";

    /// <summary>Replaces the citation rows of the given records.</summary>
    public const string DeleteCitations =
        "UNWIND $ids AS id MATCH (c:Citation) WHERE c.supportsId IN [id] DETACH DELETE c";
    public const string CreateCitations =
        "UNWIND $rows AS row CREATE (:Citation {supportsId: row.supportsId, sourceId: row.sourceId, quote: row.quote, " +
        "supports: row.supports, ordinal: row.ordinal})";

    public const string DeleteEntities = "UNWIND $ids AS id MATCH (e:Entity) WHERE e.id IN [id] DETACH DELETE e";
    public const string DeleteEstimates = "UNWIND $ids AS id MATCH (x:Estimate) WHERE x.id IN [id] DETACH DELETE x";

    /// <summary>Records merges, re-pointing earlier merges into the merged id at the survivor (chains stay one hop).</summary>
    public const string RecordMerges =
        "UNWIND $rows AS row " +
        "MERGE (m:Merge {mergedId: row.mergedId}) SET m.survivorId = row.survivorId " +
        "WITH row MATCH (earlier:Merge) WHERE earlier.survivorId IN [row.mergedId] SET earlier.survivorId = row.survivorId";

    /// <summary>
    /// Appends a batch of audit entries, numbered after the counter's value; each row carries its 1-based offset in
    /// the batch (no list indexing, which is linear per access on Neo4j 3.x).
    /// </summary>
    public const string AppendAudit =
        "MERGE (c:Counter {name: 'audit'}) " +
        "WITH c, coalesce(c.value, 0) AS base " +
        "SET c.value = base + size($rows) " +
        "WITH base UNWIND $rows AS row " +
        "CREATE (:Audit {seq: base + row.offset, at: row.at, actor: row.actor, action: row.action, targetId: row.targetId, " +
        "reason: row.reason, before: row.before, after: row.after})";

    /// <summary>
    /// Advances the store-wide write generation (<see cref="Store.WriteGeneration"/>): the last statement of every
    /// transaction that writes data, so the new value commits exactly with the write. The counter is made on first use
    /// with a new <c>$storeId</c> (an emptied database makes a new one).
    /// </summary>
    public const string AdvanceWriteGeneration =
        "MERGE (c:Counter {name: 'generation'}) ON CREATE SET c.storeId = $storeId SET c.value = coalesce(c.value, 0) + 1";

    /// <summary>
    /// The first statement of every data write: its claim, unique by <c>$writeId</c> (migration 10), so whether the
    /// write committed can be asked after an ambiguous failure (<see cref="ResolveWriteClaim"/>). <c>$at</c>: epoch ms.
    /// </summary>
    public const string ClaimWrite = "CREATE (:WriteClaim {id: $writeId, at: $at})";

    /// <summary>
    /// After a write's outcome was unknown: finds its claim (it committed: <c>abandoned</c> is null), waits on the
    /// uniqueness lock while it is in flight, or leaves an abandoned claim so it can never commit later (true).
    /// </summary>
    public const string ResolveWriteClaim =
        "MERGE (w:WriteClaim {id: $writeId}) ON CREATE SET w.abandoned = true, w.at = $at RETURN w.abandoned AS abandoned";

    /// <summary>Deletes up to <c>$take</c> claims older than <c>$before</c> (epoch ms): a range seek of the index on <c>at</c>.</summary>
    public const string PruneWriteClaims =
        "MATCH (w:WriteClaim) WHERE w.at < $before WITH w LIMIT $take DELETE w";

    /// <summary>The write generation: one seek of the Counter name constraint; no counter yet reads as an empty id and 0.</summary>
    public const string ReadWriteGeneration =
        "OPTIONAL MATCH (c:Counter {name: 'generation'}) RETURN c.storeId AS storeId, coalesce(c.value, 0) AS value";

    public const string ReadAudit =
        "MATCH (a:Audit) WHERE ($target IS NULL OR a.targetId = $target) AND ($actor IS NULL OR a.actor = $actor) " +
        "AND ($before IS NULL OR a.seq < $before) " +
        "RETURN a.seq AS seq, a.at AS at, a.actor AS actor, a.action AS action, a.targetId AS targetId, " +
        "a.reason AS reason, a.before AS before, a.after AS after ORDER BY seq DESC LIMIT $first";

    // ---- statistics and export -----------------------------------------------------------------------------
    public const string CountSources = "MATCH (s:Source) RETURN count(s) AS n";
    public const string CountEntitiesByKind = "MATCH (e:Entity) RETURN e.kind AS kind, count(e) AS n";
    public const string CountRelationships = "MATCH ()-[r:REL]->() RETURN r.type AS type, r.status AS status, count(r) AS n";
    public const string CountEstimates = "MATCH (x:Estimate) RETURN count(x) AS n";
    public const string CountCitations = "MATCH (c:Citation) RETURN count(c) AS n";

    /// <summary>
    /// The first and last day an asOf answer can turn on (<see cref="Store.GraphStatistics.FirstDay"/>): every day of a
    /// stored profile (an unbounded side or a missing core is absent) and of its "start/end" evidence spans, over live
    /// facts here and over entities (with their events' dates) in <see cref="EntityDatedSpan"/>. ISO days order as text.
    /// </summary>
    public const string RelationshipDatedSpan =
        "MATCH ()-[r:REL]->() WHERE r.status <> 'RETRACTED' " +
        "UNWIND [r.possibleStart, r.possibleEnd, r.coreStart, r.coreEnd] + " +
        "reduce(days = [], span IN coalesce(r.evidence, []) | days + split(span, '/')) AS day " +
        "RETURN min(day) AS first, max(day) AS last";

    /// <summary>The entities' part of <see cref="RelationshipDatedSpan"/>: existence profiles and events' earliest and latest days.</summary>
    public const string EntityDatedSpan =
        "MATCH (e:Entity) " +
        "UNWIND [e.possibleStart, e.possibleEnd, e.coreStart, e.coreEnd, e.eventEarliest, e.eventLatest] + " +
        "reduce(days = [], span IN coalesce(e.evidence, []) | days + split(span, '/')) AS day " +
        "RETURN min(day) AS first, max(day) AS last";

    public const string SourceCardinalities = "MATCH (s:Source) RETURN count(s) AS n, coalesce(max(size(s.text)), 0) AS maxText";
    private const string ListLengths = " RETURN count(n) AS lists, sum(n) AS items, sum(n * n) AS squares, coalesce(max(n), 0) AS longest";
    public const string CitationsPerSource = "MATCH (c:Citation) WITH c.sourceId AS id, count(c) AS n" + ListLengths;
    public const string CitationsPerRecord = "MATCH (c:Citation) WITH c.supportsId AS id, count(c) AS n" + ListLengths;
    public const string RelationshipsPerEntity = "MATCH (e:Entity)-[r:REL]-() WITH e, count(r) AS n" + ListLengths;
    public const string EstimatesPerOrganization = "MATCH (x:Estimate) WITH x.organizationId AS id, count(x) AS n" + ListLengths;
    public const string AllEntities = "MATCH (e:Entity) RETURN " + EntityColumns + " ORDER BY id";
    public const string AllRelationships = "MATCH (a:Entity)-[r:REL]->(b:Entity) RETURN " + RelColumns + " ORDER BY id";
    public const string AllEstimates = "MATCH (x:Estimate) RETURN " + EstimateColumns + " ORDER BY id";
    public const string AllMerges = "MATCH (m:Merge) RETURN m.survivorId AS survivorId, m.mergedId AS mergedId ORDER BY mergedId";

    /// <summary>Every statement above, for the Cypher 5 grammar check.</summary>
    public static IReadOnlyList<(string Name, string Text)> All { get; } = typeof(Statements)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .Concat(SchemaStatements.All)
        .ToArray();

    /// <summary>
    /// The statements a server of this version is sent: <see cref="All"/> with the version's own form of the
    /// version-dependent ones (for the plan check on 3.1).
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> For(Neo4jVersion version) => All
        .Where(s => s.Name != nameof(NameFuzzyCandidates))
        .Append((nameof(NameFuzzyCandidates), NameFuzzyCandidatesFor(version)))
        .ToArray();
}
