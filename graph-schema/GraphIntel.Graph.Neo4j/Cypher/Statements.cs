namespace GraphIntel.Graph.Neo4j.Cypher;

/// <summary>
/// Every Cypher statement the backend sends, as constants: values always travel as <c>$parameters</c>, never in the
/// text. Each is written to run on Neo4j 3.1 and 5.x alike (no <c>{param}</c>, no <c>exists()</c> on properties,
/// no pattern expressions, no subqueries; own <c>id</c> properties, never <c>id(n)</c>). A test parses every entry
/// of <see cref="All"/> with the Cypher 5 grammar.
///
/// The graph: <c>(:Entity {id, kind, …})-[:REL {id, type, status, fromStart, toEnd, …}]-&gt;(:Entity)</c>;
/// <c>(:FactRef {id, from, to})</c> finds a relationship by id through its endpoints (3.1 has no relationship
/// indexes); <c>(:Citation {sourceId, supportsId, …})</c> answers "what cites this source";
/// <c>(:Estimate)</c>, <c>(:Source)</c>, <c>(:Merge {mergedId, survivorId})</c>, <c>(:Audit)</c>,
/// <c>(:Counter)</c> and <c>(:Migration)</c> hold the rest.
/// </summary>
public static class Statements
{
    /// <summary>Statuses and the asOf overlap on ISO days: the part of the relationship filter every read shares.</summary>
    private const string StatusAndTimeFilter =
        "r.status IN $statuses " +
        "AND ($asOfEnd IS NULL OR r.fromStart IS NULL OR r.fromStart <= $asOfEnd) " +
        "AND ($asOfStart IS NULL OR r.toEnd IS NULL OR r.toEnd >= $asOfStart)";

    /// <summary>The whole relationship filter: types, statuses and asOf.</summary>
    private const string RelFilter = "r.type IN $types AND " + StatusAndTimeFilter;

    private const string RelColumns =
        "r.id AS id, r.type AS type, a.id AS fromId, b.id AS toId, r.validFrom AS validFrom, r.validTo AS validTo, " +
        "r.status AS status, r.note AS note, r.role AS role, r.endReason AS endReason, r.citations AS citations";

    private const string EntityColumns =
        "e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.organizationKind AS organizationKind, " +
        "e.description AS description, e.founded AS founded, e.dissolved AS dissolved, e.citations AS citations";

    private const string EstimateColumns =
        "x.id AS id, x.organizationId AS organizationId, x.min AS min, x.max AS max, x.asOf AS asOf, " +
        "x.estimatedBy AS estimatedBy, x.status AS status, x.note AS note, x.citations AS citations";

    public const string Ping = "RETURN 1 AS ok";

    // ---- migrations ----------------------------------------------------------------------------------------
    public const string AppliedMigrations = "MATCH (m:Migration) RETURN m.version AS version ORDER BY version";
    public const string RecordMigration = "MERGE (m:Migration {version: $version}) SET m.name = $name, m.appliedAt = $at";

    // ---- entities ------------------------------------------------------------------------------------------
    /// <summary>Resolves each asked id through merges, keyed by the id asked for.</summary>
    public const string EntitiesByIds =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge {mergedId: asked}) " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (e:Entity {id: target}) " +
        "RETURN asked, " + EntityColumns;

    public const string EntityKindsByIds =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge {mergedId: asked}) " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (e:Entity {id: target}) RETURN asked, e.id AS id, e.kind AS kind";

    /// <summary>The survivor of each asked id that was merged away (ids not merged are absent).</summary>
    public const string SurvivorsOf =
        "UNWIND $ids AS asked MATCH (m:Merge {mergedId: asked}) RETURN asked, m.survivorId AS survivorId";

    public const string ExistingFactIds =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (f:FactRef {id: asked}) OPTIONAL MATCH (x:Estimate {id: asked}) " +
        "WITH asked, f, x WHERE f IS NOT NULL OR x IS NOT NULL RETURN asked";

    /// <summary>
    /// Entities one of whose names has one of these lookup keys (index-backed), with their kind filter applied, as
    /// entity rows: when they fill the asked limit, name lookup needs no other round trip.
    /// </summary>
    public const string NameKeyCandidates =
        "UNWIND $keys AS k MATCH (n:Name {key: k}) WHERE $kinds IS NULL OR n.kind IN $kinds " +
        "WITH DISTINCT n.entityId AS entityId " +
        "MATCH (e:Entity {id: entityId}) RETURN " + EntityColumns;

    /// <summary>
    /// Names sharing at least $needed of the query's trigrams (misspelling candidates), as (entityId, key): the caller
    /// checks edit distance on the keys and fetches only the entities that pass. Each name links to a (:Gram) per
    /// distinct trigram of its key and the key's length (NameGrams), so candidates come from the index on the query's
    /// grams at the lengths within reach, never from a scan of all names.
    /// </summary>
    public const string NameFuzzyCandidates =
        "UNWIND $grams AS g MATCH (:Gram {key: g})<-[:HAS]-(n:Name) WHERE $kinds IS NULL OR n.kind IN $kinds " +
        "WITH n, count(*) AS shared WHERE shared >= $needed " +
        "RETURN n.entityId AS entityId, n.key AS key LIMIT $limit";

    /// <summary>Who already claims these name keys (the alias-uniqueness check).</summary>
    public const string NameClaims =
        "UNWIND $folded AS f MATCH (n:Name {folded: f}) RETURN n.entityId AS entityId, n.kind AS kind, n.name AS name";

    private const string EntityListFilter =
        "e.kind IN $kinds " +
        "AND ($orgKinds IS NULL OR e.organizationKind IN $orgKinds) " +
        "AND ($contains IS NULL OR any(k IN e.nameKeys WHERE k CONTAINS $contains)) " +
        "AND ($activeEnd IS NULL OR e.foundedStart IS NULL OR e.foundedStart <= $activeEnd) " +
        "AND ($activeStart IS NULL OR e.dissolvedEnd IS NULL OR e.dissolvedEnd >= $activeStart)";

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
        "OPTIONAL MATCH (m:Merge {mergedId: asked}) " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (a:Entity)-[r:REL]->(b:Entity) " +
        "WHERE (a.id = target AND $direction <> 'INCOMING') OR (b.id = target AND $direction <> 'OUTGOING') " +
        "WITH asked, a, r, b WHERE " + RelFilter + " " +
        "RETURN asked, " + RelColumns;

    /// <summary>
    /// One breadth-first level: the relationships each frontier entity may follow, keyed by that entity — outgoing
    /// ones of the types in $outTypes, incoming ones of the types in $inTypes (lineage follows each type its own way).
    /// </summary>
    public const string ExpandFrontier =
        "UNWIND $ids AS target " +
        "MATCH (s:Entity {id: target})-[r:REL]-(:Entity) " +
        "WITH target, s, r, startNode(r) AS a, endNode(r) AS b " +
        "WHERE ((a = s AND r.type IN $outTypes) OR (b = s AND r.type IN $inTypes)) AND " + StatusAndTimeFilter + " " +
        "RETURN target, " + RelColumns;

    public const string RelationshipsByIds =
        "UNWIND $ids AS asked " +
        "MATCH (f:FactRef {id: asked}) " +
        "MATCH (a:Entity {id: f.from})-[r:REL]->(b:Entity {id: f.to}) WHERE r.id = asked " +
        "RETURN " + RelColumns;

    // ---- estimates -----------------------------------------------------------------------------------------
    public const string EstimatesOfOrganizations =
        "UNWIND $ids AS asked " +
        "OPTIONAL MATCH (m:Merge {mergedId: asked}) " +
        "WITH asked, coalesce(m.survivorId, asked) AS target " +
        "MATCH (x:Estimate {organizationId: target}) WHERE $includeRetracted OR x.status <> 'RETRACTED' " +
        "RETURN asked, " + EstimateColumns;

    public const string EstimatesByIds =
        "UNWIND $ids AS asked MATCH (x:Estimate {id: asked}) RETURN " + EstimateColumns;

    // ---- sources -------------------------------------------------------------------------------------------
    private const string SourceColumns =
        "s.id AS id, s.title AS title, s.publisher AS publisher, s.author AS author, s.published AS published, s.url AS url, s.text AS text";

    public const string SourcesByIds = "UNWIND $ids AS asked MATCH (s:Source {id: asked}) RETURN " + SourceColumns;
    public const string AllSources = "MATCH (s:Source) RETURN " + SourceColumns + " ORDER BY id";
    public const string CitationsOfSources =
        "UNWIND $ids AS asked MATCH (c:Citation {sourceId: asked}) " +
        "RETURN c.sourceId AS sourceId, c.quote AS quote, c.supports AS supports, c.supportsId AS supportsId ORDER BY c.supportsId, c.ordinal";

    // ---- writes (each runs as UNWIND over a batch of rows) --------------------------------------------------
    public const string UpsertSources =
        "UNWIND $rows AS row MERGE (s:Source {id: row.id}) " +
        "SET s.title = row.title, s.publisher = row.publisher, s.author = row.author, s.published = row.published, " +
        "s.url = row.url, s.text = row.text";

    public const string UpsertEntities =
        "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) " +
        "SET e.kind = row.kind, e.name = row.name, e.aliases = row.aliases, e.nameKeys = row.nameKeys, " +
        "e.sortKey = row.sortKey, e.organizationKind = row.organizationKind, e.description = row.description, " +
        "e.founded = row.founded, e.foundedStart = row.foundedStart, e.dissolved = row.dissolved, " +
        "e.dissolvedEnd = row.dissolvedEnd, e.citations = row.citations";

    /// <summary>Replaces the name index rows of the given entities.</summary>
    public const string DeleteNames = "UNWIND $ids AS id MATCH (n:Name {entityId: id}) DETACH DELETE n";
    public const string CreateNames =
        "UNWIND $rows AS row CREATE (n:Name {entityId: row.entityId, kind: row.kind, name: row.name, key: row.key, " +
        "folded: row.folded}) " +
        "WITH n, row UNWIND row.grams AS g MERGE (t:Gram {key: g}) CREATE (n)-[:HAS]->(t)";

    /// <summary>Creates or updates a relationship; its endpoints may change (a merge re-points it).</summary>
    public const string UpsertRelationships =
        "UNWIND $rows AS row " +
        "MERGE (f:FactRef {id: row.id}) " +
        "WITH row, f " +
        "OPTIONAL MATCH (:Entity {id: f.from})-[old:REL]->(:Entity {id: f.to}) WHERE old.id = row.id " +
        "DELETE old " +
        "WITH DISTINCT row, f " +
        "MATCH (a:Entity {id: row.fromId}), (b:Entity {id: row.toId}) " +
        "SET f.from = row.fromId, f.to = row.toId " +
        "CREATE (a)-[r:REL]->(b) " +
        "SET r.id = row.id, r.type = row.type, r.status = row.status, r.validFrom = row.validFrom, r.validTo = row.validTo, " +
        "r.fromStart = row.fromStart, r.toEnd = row.toEnd, r.note = row.note, r.role = row.role, " +
        "r.endReason = row.endReason, r.citations = row.citations";

    public const string UpsertEstimates =
        "UNWIND $rows AS row MERGE (x:Estimate {id: row.id}) " +
        "SET x.organizationId = row.organizationId, x.min = row.min, x.max = row.max, x.asOf = row.asOf, " +
        "x.estimatedBy = row.estimatedBy, x.status = row.status, x.note = row.note, x.citations = row.citations";

    /// <summary>Replaces the citation rows of the given records.</summary>
    public const string DeleteCitations = "UNWIND $ids AS id MATCH (c:Citation {supportsId: id}) DETACH DELETE c";
    public const string CreateCitations =
        "UNWIND $rows AS row CREATE (:Citation {supportsId: row.supportsId, sourceId: row.sourceId, quote: row.quote, " +
        "supports: row.supports, ordinal: row.ordinal})";

    public const string DeleteEntities = "UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e";
    public const string DeleteEstimates = "UNWIND $ids AS id MATCH (x:Estimate {id: id}) DETACH DELETE x";

    /// <summary>Records merges, re-pointing earlier merges into the merged id at the survivor (chains stay one hop).</summary>
    public const string RecordMerges =
        "UNWIND $rows AS row " +
        "MERGE (m:Merge {mergedId: row.mergedId}) SET m.survivorId = row.survivorId " +
        "WITH row MATCH (earlier:Merge {survivorId: row.mergedId}) SET earlier.survivorId = row.survivorId";

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
}
