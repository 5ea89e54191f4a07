using GraphIntel.Graph.Neo4j.Http;

namespace GraphIntel.Graph.Neo4j.Cypher;

/// <summary>What a migration rewrites in the data, after its schema statements.</summary>
internal enum DataMigration
{
    None,
    /// <summary>Links every (:Name) that has no (:Gram) links to its grams (names stored before migration 3), in batches.</summary>
    LinkNameGrams,
    /// <summary>Gives every (:Name) stored before migration 5 its confusable clash key, in batches.</summary>
    SetNameClashKeys,
    /// <summary>
    /// Gives every relationship and entity stored before migration 6 its time profile (possible/core days and evidence
    /// spans, from its stored interval) in place of the old overlap days, in batches.
    /// </summary>
    SetTimeProfiles,
    /// <summary>Gives every (:Name) stored before migration 8 its <c>grams</c> words (<c>NameGrams.Tokens</c>), in batches.</summary>
    SetNameGramWords,
    /// <summary>
    /// Gives every entity stored before migration 9 its listing key in code point order (<see cref="Neo4jRows.SortKey"/>),
    /// in batches.
    /// </summary>
    SetSortKeys,
}

/// <summary>
/// The versioned schema migrations: constraints and indexes, with syntax chosen by server version
/// (3.x <c>CREATE CONSTRAINT ON … ASSERT</c>; 4.4+/5.x <c>CREATE CONSTRAINT name IF NOT EXISTS FOR … REQUIRE</c>).
/// Each runs in a transaction of its own, never mixed with data writes.
/// </summary>
internal static class SchemaStatements
{
    /// <summary>
    /// One migration: a version, a name, its statements for legacy (3.x) and modern (4.4+) servers, and the data it
    /// rewrites once they have run (<see cref="DataMigration.None"/> for most).
    /// </summary>
    public sealed record Migration(
        int Version, string Name, IReadOnlyList<string> Legacy, IReadOnlyList<string> Modern, DataMigration Data = DataMigration.None)
    {
        public IReadOnlyList<string> For(Neo4jVersion version) => IsModern(version) ? Modern : Legacy;
    }

    /// <summary>Servers that take the modern schema syntax (4.4 and later).</summary>
    private static bool IsModern(Neo4jVersion version) => version.Major > 4 || (version.Major == 4 && version.Minor >= 4);

    /// <summary>
    /// Whether this server searches misspelled names through the full-text index of migration 8 (4.4 and later: the
    /// servers that get its modern statements) rather than through (:Gram) links (3.x–4.3).
    /// </summary>
    public static bool UsesFulltextNames(Neo4jVersion version) => IsModern(version);

    /// <summary>
    /// Migration 8's full-text index of the names' gram words, with the whitespace analyzer (each word one term, as
    /// written: <c>NameGrams.Token</c>). Syntax from the Neo4j Cypher Manual 5, "Full-text indexes"
    /// (https://neo4j.com/docs/cypher-manual/current/indexes/semantic-indexes/full-text-indexes/):
    /// <c>CREATE FULLTEXT INDEX name IF NOT EXISTS FOR (n:Label) ON EACH [n.property] OPTIONS {indexConfig:
    /// {`fulltext.analyzer`: …}}</c>; the analyzer names are listed by <c>db.index.fulltext.listAvailableAnalyzers</c>
    /// (Java Reference, "Full-text index analyzer providers"). A new index populates in the background, so the migration
    /// waits for it (<c>db.awaitIndex(indexName, timeOutSeconds)</c>, the 4.x+ signature in the Upgrade and Migration
    /// Guide's procedure changes) before a lookup may query it.
    /// </summary>
    private static readonly string[] NameFulltextIndex =
    [
        "CREATE FULLTEXT INDEX name_grams IF NOT EXISTS FOR (n:Name) ON EACH [n.grams] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
        "CALL db.awaitIndex('name_grams', 300)",
    ];

    private static (string Legacy, string Modern) Unique(string label, string property) =>
        ($"CREATE CONSTRAINT ON (n:{label}) ASSERT n.{property} IS UNIQUE",
         $"CREATE CONSTRAINT {label.ToLowerInvariant()}_{property.ToLowerInvariant()}_unique IF NOT EXISTS FOR (n:{label}) REQUIRE n.{property} IS UNIQUE");

    private static (string Legacy, string Modern) Index(string label, string property) =>
        ($"CREATE INDEX ON :{label}({property})",
         $"CREATE INDEX {label.ToLowerInvariant()}_{property.ToLowerInvariant()} IF NOT EXISTS FOR (n:{label}) ON (n.{property})");

    private static Migration Make(int version, string name, params (string Legacy, string Modern)[] statements) =>
        new(version, name, statements.Select(s => s.Legacy).ToArray(), statements.Select(s => s.Modern).ToArray());

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        Make(1, "unique ids",
            Unique("Entity", "id"), Unique("Source", "id"), Unique("FactRef", "id"), Unique("Estimate", "id"),
            Unique("Merge", "mergedId"), Unique("Migration", "version"), Unique("Counter", "name")),
        Make(2, "lookup indexes",
            Index("Name", "key"), Index("Name", "folded"), Index("Name", "entityId"), Index("Citation", "sourceId"), Index("Citation", "supportsId"),
            Index("Estimate", "organizationId"), Index("Merge", "survivorId"), Index("Audit", "targetId"), Index("Audit", "seq")),
        Make(3, "name grams", Unique("Gram", "key")),
        Make(4, "link names stored without grams") with { Data = DataMigration.LinkNameGrams },
        Make(5, "name clash keys", Index("Name", "clashKey")) with { Data = DataMigration.SetNameClashKeys },
        Make(6, "time profiles: EDTF bounds, attestations, KNOWN/POSSIBLE days") with { Data = DataMigration.SetTimeProfiles },
        Make(7, "event lookups", Index("Entity", "eventKind")),
        new(8, "name grams as words: a full-text index on 4.4+", [], NameFulltextIndex, DataMigration.SetNameGramWords),
        Make(9, "listing keys in code point order") with { Data = DataMigration.SetSortKeys },
        Make(10, "write claims", Unique("WriteClaim", "id"), Index("WriteClaim", "at")),
    ];

    /// <summary>Both syntaxes of every migration, for the Cypher 5 check (modern) and documentation (legacy).</summary>
    public static IEnumerable<(string Name, string Text)> All =>
        Migrations.SelectMany(m => m.Modern.Select((s, i) => ($"Migration{m.Version}.Modern{i}", s)));
}
