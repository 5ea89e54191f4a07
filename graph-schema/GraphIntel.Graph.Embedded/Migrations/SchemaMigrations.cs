namespace GraphIntel.Graph.Embedded.Migrations;

/// <summary>
/// The embedded store's schema, as ordered steps. Never edit a released step; append a new one.
/// Dates are kept twice: as written (ISO partial dates, EDTF bounds) and as the day numbers
/// (<see cref="DateOnly.DayNumber"/>) of their <see cref="Model.TemporalProfile"/>, so asOf filters are integer
/// comparisons in SQL (<see cref="TemporalSql"/>).
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "sources, entities, names, relationships, estimates, citations, merges, audit", """
            CREATE TABLE sources (
                id        TEXT PRIMARY KEY,
                title     TEXT NOT NULL,
                publisher TEXT,
                author    TEXT,
                published TEXT,
                url       TEXT,
                text      TEXT NOT NULL
            );

            CREATE TABLE entities (
                id            TEXT PRIMARY KEY,
                kind          TEXT NOT NULL CHECK (kind IN ('ORGANIZATION', 'PERSON', 'PLACE')),
                name          TEXT NOT NULL,
                sort_key      TEXT NOT NULL, -- NameNormalizer.Fold(name): the listing order, with id
                org_kind      TEXT,
                description   TEXT,
                founded       TEXT,
                dissolved     TEXT,
                founded_day   INTEGER,
                dissolved_day INTEGER
            );
            CREATE INDEX entities_by_sort_key ON entities (sort_key, id);

            -- Every name of an entity: ordinal 0 is its name, then its aliases in order.
            CREATE TABLE names (
                entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
                ordinal   INTEGER NOT NULL,
                name      TEXT NOT NULL,
                folded    TEXT NOT NULL,
                PRIMARY KEY (entity_id, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX names_by_folded ON names (folded);

            CREATE TABLE relationships (
                id         TEXT PRIMARY KEY,
                type       TEXT NOT NULL,
                from_id    TEXT NOT NULL REFERENCES entities (id),
                to_id      TEXT NOT NULL REFERENCES entities (id),
                valid_from TEXT,
                valid_to   TEXT,
                start_day  INTEGER,
                end_day    INTEGER,
                status     TEXT NOT NULL,
                note       TEXT,
                role       TEXT,
                end_reason TEXT
            );
            CREATE INDEX relationships_by_from ON relationships (from_id);
            CREATE INDEX relationships_by_to ON relationships (to_id);

            CREATE TABLE estimates (
                id              TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES entities (id),
                min             INTEGER,
                max             INTEGER,
                as_of           TEXT,
                estimated_by    TEXT,
                status          TEXT NOT NULL,
                note            TEXT
            );
            CREATE INDEX estimates_by_organization ON estimates (organization_id);

            -- Citations of entities ('E'), relationships ('R') and strength estimates ('S').
            CREATE TABLE citations (
                owner_kind TEXT NOT NULL CHECK (owner_kind IN ('E', 'R', 'S')),
                owner_id   TEXT NOT NULL,
                ordinal    INTEGER NOT NULL,
                source_id  TEXT NOT NULL REFERENCES sources (id),
                quote      TEXT NOT NULL,
                supports   TEXT,
                PRIMARY KEY (owner_kind, owner_id, ordinal)
            ) WITHOUT ROWID;
            CREATE INDEX citations_by_source ON citations (source_id);

            -- Entities merged away, and the survivor that answers for them.
            CREATE TABLE merges (
                merged_id   TEXT PRIMARY KEY,
                survivor_id TEXT NOT NULL REFERENCES entities (id)
            ) WITHOUT ROWID;
            CREATE INDEX merges_by_survivor ON merges (survivor_id);

            CREATE TABLE audit (
                seq       INTEGER PRIMARY KEY AUTOINCREMENT,
                at        TEXT NOT NULL,
                actor     TEXT NOT NULL,
                action    TEXT NOT NULL,
                target_id TEXT NOT NULL,
                reason    TEXT,
                before    TEXT,
                after     TEXT
            );
            CREATE INDEX audit_by_target ON audit (target_id, seq);
            """),
        // The name clash check compares confusable skeletons (ConfusableSkeleton.ClashKey); the function is registered
        // on the migrating connection (ClashKeyFunction), so names stored before this step get their keys here.
        new(2, "names: confusable clash keys", $"""
            ALTER TABLE names ADD COLUMN clash_key TEXT NOT NULL DEFAULT '';
            UPDATE names SET clash_key = {ClashKeyFunction.Name}(name);
            CREATE INDEX names_by_clash_key ON names (clash_key);
            """),
        // Time-true facts (#12): each end of an interval is an EDTF bound (valid_from/valid_to hold its text: plain
        // dates written before read as exact bounds), facts carry attestations and the lifecycle end that bounds them,
        // and every dated record stores its TemporalProfile as day numbers (unbounded sides as the int extremes, no core
        // as an empty span) with its evidence spans in `evidence`, so asOf reads decide KNOWN/POSSIBLE/EXCLUDED in SQL
        // (TemporalSql). Stored rows get their profiles here (TemporalProfileFunction); start_day/end_day give way.
        new(3, "time profiles: EDTF bounds, attestations, lifecycle ends, KNOWN/POSSIBLE day numbers", $"""
            ALTER TABLE relationships ADD COLUMN attested TEXT NOT NULL DEFAULT '[]'; -- RecordJson of the attestations
            ALTER TABLE relationships ADD COLUMN ended_latest TEXT;
            ALTER TABLE relationships ADD COLUMN ended_by TEXT;
            ALTER TABLE relationships ADD COLUMN ended_reason TEXT;
            {ProfileColumns("relationships")}
            {ProfileColumns("entities")}

            -- Spans of days on some day of which a record certainly held ('E' entities, 'R' relationships).
            CREATE TABLE evidence (
                owner_kind TEXT NOT NULL CHECK (owner_kind IN ('E', 'R')),
                owner_id   TEXT NOT NULL,
                start_day  INTEGER NOT NULL,
                end_day    INTEGER NOT NULL,
                PRIMARY KEY (owner_kind, owner_id, start_day, end_day)
            ) WITHOUT ROWID;

            {BackfillProfiles("relationships", 'R', "valid_from", "valid_to")}
            {BackfillProfiles("entities", 'E', "founded", "dissolved")}

            ALTER TABLE relationships DROP COLUMN start_day;
            ALTER TABLE relationships DROP COLUMN end_day;
            ALTER TABLE entities DROP COLUMN founded_day;
            ALTER TABLE entities DROP COLUMN dissolved_day;
            """),
        // Events (#12). The entities table's CHECK on kind gains 'EVENT'. A rebuild would cascade-delete every name
        // (foreign keys are on, and PRAGMA foreign_keys cannot change inside the migration's transaction), so the CHECK
        // is widened in place, SQLite's documented procedure for loosening a constraint that all stored rows satisfy
        // (https://sqlite.org/lang_altertable.html#otheralter): rewrite the table's SQL, bump the schema cookie so other
        // connections re-read it (the throw-away table), and RESET so this one does too.
        // An event's details: its kind, its date (EDTF bound text and the day numbers of its earliest and latest
        // day), and its casualty figures as RecordJson (each with its own citations). A PARTICIPATED_IN fact's role and
        // attribution live beside it in participations, keyed by the relationship's id.
        new(4, "events: EVENT entity kind, event details, participations", """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema
            SET sql = replace(sql, 'CHECK (kind IN (''ORGANIZATION'', ''PERSON'', ''PLACE''))',
                                   'CHECK (kind IN (''ORGANIZATION'', ''PERSON'', ''PLACE'', ''EVENT''))')
            WHERE type = 'table' AND name = 'entities';
            PRAGMA writable_schema = RESET;
            CREATE TABLE schema_cookie_bump (x INTEGER);
            DROP TABLE schema_cookie_bump;

            CREATE TABLE events (
                entity_id    TEXT PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
                kind         TEXT NOT NULL,
                date         TEXT,
                earliest_day INTEGER,
                latest_day   INTEGER,
                casualties   TEXT NOT NULL DEFAULT '[]'
            ) WITHOUT ROWID;
            CREATE INDEX events_by_day ON events (earliest_day, latest_day);

            CREATE TABLE participations (
                relationship_id TEXT PRIMARY KEY REFERENCES relationships (id) ON DELETE CASCADE,
                role            TEXT NOT NULL,
                attribution     TEXT
            ) WITHOUT ROWID;
            """),
        // The store-wide write generation (WriteGenerationSql): one row, advanced by every write that changes data and by
        // every later migration step, so caches in other processes can tell the data moved. The store id is random, made
        // here: a store made again from nothing never repeats an earlier store's (id, value) pair.
        new(5, "write generation", $"""
            CREATE TABLE {WriteGenerationSql.Table} (
                id       INTEGER PRIMARY KEY CHECK (id = 1),
                store_id TEXT NOT NULL,
                value    INTEGER NOT NULL
            );
            INSERT INTO {WriteGenerationSql.Table} (id, store_id, value) VALUES (1, lower(hex(randomblob(16))), 0);
            """),
    ];

    /// <summary>
    /// Gives each stored row of <paramref name="table"/> its profile columns and evidence rows (owner kind
    /// <paramref name="ownerKind"/>), from its two ends as stored in <paramref name="start"/> and <paramref name="end"/>.
    /// </summary>
    private static string BackfillProfiles(string table, char ownerKind, string start, string end) => $"""
        UPDATE {table} SET
            possible_start = json_extract(p.profile, '$.possibleStart'), possible_end = json_extract(p.profile, '$.possibleEnd'),
            core_start = json_extract(p.profile, '$.coreStart'), core_end = json_extract(p.profile, '$.coreEnd')
        FROM (SELECT id, {TemporalProfileFunction.Name}({start}, {end}) AS profile FROM {table}) AS p
        WHERE p.id = {table}.id;
        INSERT OR IGNORE INTO evidence (owner_kind, owner_id, start_day, end_day)
        SELECT '{ownerKind}', x.id, json_extract(e.value, '$.start'), json_extract(e.value, '$.end')
        FROM {table} x, json_each({TemporalProfileFunction.Name}(x.{start}, x.{end}), '$.evidence') e;
        """;

    /// <summary>The four <see cref="Model.TemporalProfile"/> day-number columns, defaulted to "unbounded, no core".</summary>
    private static string ProfileColumns(string table) => $"""
        ALTER TABLE {table} ADD COLUMN possible_start INTEGER NOT NULL DEFAULT {int.MinValue};
        ALTER TABLE {table} ADD COLUMN possible_end INTEGER NOT NULL DEFAULT {int.MaxValue};
        ALTER TABLE {table} ADD COLUMN core_start INTEGER NOT NULL DEFAULT {int.MaxValue};
        ALTER TABLE {table} ADD COLUMN core_end INTEGER NOT NULL DEFAULT {int.MinValue};
        """;
}
