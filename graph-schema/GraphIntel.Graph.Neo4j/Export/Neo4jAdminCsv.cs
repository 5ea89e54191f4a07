using System.Globalization;
using System.Text;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Export;

/// <summary>
/// A whole store as the CSV files Neo4j's offline importer (<c>neo4j-import</c> / <c>neo4j-admin import</c>) turns
/// into a database: one file per node label and per relationship type, each with a header row in the importer's
/// format (<c>id:ID(Entity)</c>, <c>:ID(Name)</c>, <c>aliases:string[]</c>, <c>seq:long</c>,
/// <c>:START_ID(Name)</c>, <c>:END_ID(Gram)</c>), holding exactly what <see cref="Neo4jGraphStore"/> writes: the
/// properties come from the write path's own row builders (<see cref="Neo4jRows"/>), the labels and types from
/// <see cref="Kinds"/>. The audit trail comes along, with its (:Counter {name: 'audit'}); the write generation's
/// (:Counter {name: 'generation'}) gets a new store id, so caches of any earlier database never take the import for
/// it. No (:Migration) nodes are written: the store's first start creates the constraints and indexes (the importer
/// makes none), and its data migrations find nothing to rewrite, since every row is already in the current shape.
/// <para>
/// Quoting, for the importer's CSV reader (checked on Neo4j 3.1.1, whose reader takes a backslash as an escape inside
/// quotes): every value but a number is quoted, a quote doubled and a backslash doubled; fields may span lines
/// (<c>--multiline-fields</c>). Arrays join their items with U+001F (<see cref="ArrayDelimiter"/>); an item holding
/// that character is refused. An absent value, and an empty array, is an empty field: no property, as the store
/// reads them. UTF-8 without BOM, LF line ends.
/// </para>
/// </summary>
public static class Neo4jAdminCsv
{
    /// <summary>The character between the items of an array field (unit separator: never part of a name).</summary>
    public const char ArrayDelimiter = '\u001F';

    /// <summary>The file the 3.1 import tool's arguments are written to, one a line (tests/tools/neo4j-test-server.sh import).</summary>
    public const string ArgsFile = "import-3.x.args";

    /// <summary>The file with the import commands for people.</summary>
    public const string CommandsFile = "IMPORT.txt";

    /// <summary>
    /// One file: a node label, with the property that is its importer id (a string; the importer takes a row number
    /// when it has none, unstored: every node file needs an id group, since groups cannot be mixed with none), or a
    /// relationship type with the labels of its ends (their id groups).
    /// </summary>
    internal sealed record Kind(string Name, bool IsRelationship = false, string? IdProperty = null, string? Start = null, string? End = null)
    {
        public string File => Name + ".csv";
    }

    /// <summary>Every node label and relationship type the store holds, in import order (the two parallel helpers' changes adapt here).</summary>
    internal static readonly IReadOnlyList<Kind> Kinds =
    [
        new("Source", IdProperty: "id"),
        new("Entity", IdProperty: "id"),
        new("Name"),
        new("Gram", IdProperty: "key"),
        new("Citation"),
        new("FactRef", IdProperty: "id"),
        new("Estimate", IdProperty: "id"),
        new("Merge", IdProperty: "mergedId"),
        new("Audit"),
        new("Counter", IdProperty: "name"),
        new("HAS", IsRelationship: true, Start: "Name", End: "Gram"),
        new("REL", IsRelationship: true, Start: "Entity", End: "Entity"),
    ];

    /// <summary>Property types other than <c>string</c>, by property name (every integer the store writes is a Cypher long).</summary>
    internal static readonly IReadOnlyDictionary<string, string> ColumnTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aliases"] = "string[]", ["nameKeys"] = "string[]", ["evidence"] = "string[]",
        ["ordinal"] = "long", ["min"] = "long", ["max"] = "long", ["seq"] = "long", ["value"] = "long",
    };

    /// <summary>One row of a file: its properties, and its importer id or its ends.</summary>
    internal sealed record Row(Dictionary<string, object?> Properties, string? Id = null, string? Start = null, string? End = null);

    /// <summary>What <see cref="WriteAsync"/> wrote: rows per file (files with no row are left out), and the commands.</summary>
    public sealed record Result(IReadOnlyList<(string File, string Kind, bool IsRelationship, long Rows)> Files, string StoreId)
    {
        /// <summary>The arguments of Neo4j 3.1's <c>bin/neo4j-import</c> (after <c>--into DIR</c>), file names relative to the export directory.</summary>
        public IReadOnlyList<string> ImportArgs3x =>
            new[] { "--multiline-fields", "true", "--array-delimiter", ArrayDelimiter.ToString() }
                .Concat(Files.SelectMany(f => new[] { (f.IsRelationship ? "--relationships:" : "--nodes:") + f.Kind, f.File }))
                .ToArray();

        /// <summary>The import commands, for Neo4j 3.1 (tested), 3.2–4.4 and 5.x (from their manuals), run from the export directory.</summary>
        public string Commands()
        {
            var files3 = string.Join(" ", Files.Select(f => $"{(f.IsRelationship ? "--relationships:" : "--nodes:")}{f.Kind} {f.File}"));
            var files32 = string.Join(" ", Files.Select(f => $"{(f.IsRelationship ? "--relationships:" : "--nodes:")}{f.Kind}={f.File}"));
            var files5 = string.Join(" ", Files.Select(f => $"{(f.IsRelationship ? "--relationships=" : "--nodes=")}{f.Kind}={f.File}"));
            return
                "# Run from this directory, with Neo4j stopped and no database of that name yet; start Neo4j afterwards and the\n" +
                "# API's first start creates the constraints and indexes (bash syntax: $'\\x1f' is the U+001F array delimiter).\n" +
                "# Neo4j 3.1 (its neo4j-admin import has no --multiline-fields, so the import tool):\n" +
                $"$NEO4J_HOME/bin/neo4j-import --into $NEO4J_HOME/data/databases/graph.db --multiline-fields true --array-delimiter $'\\x1f' {files3}\n" +
                "# Neo4j 3.2 to 3.5:\n" +
                $"$NEO4J_HOME/bin/neo4j-admin import --mode=csv --database=graph.db --multiline-fields=true --array-delimiter=$'\\x1f' {files32}\n" +
                "# Neo4j 5 (backslashes are escaped as in 3.x, hence --legacy-style-quoting):\n" +
                $"$NEO4J_HOME/bin/neo4j-admin database import full neo4j --multiline-fields=true --array-delimiter=U+001F --legacy-style-quoting=true {files5}\n";
        }
    }

    /// <summary>Every audit entry of <paramref name="store"/>, oldest first (read a page at a time, newest first).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(IGraphStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<AuditEntry>();
        long? before = null;
        while (true)
        {
            var page = await store.GetAuditAsync(new AuditQuery { Before = before, First = 1000 }, ct).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < 1000) break;
            before = page[^1].Sequence;
        }
        all.Reverse();
        return all;
    }

    /// <summary>
    /// Writes the files into <paramref name="directory"/> (created; it must hold no file yet), the 3.1 import tool's
    /// arguments (<see cref="ArgsFile"/>) and the import commands (<see cref="CommandsFile"/>).
    /// </summary>
    public static async Task<Result> WriteAsync(GraphSnapshot snapshot, IReadOnlyList<AuditEntry> audit, string directory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(audit);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new IOException($"{directory} is not empty: the neo4j-admin export writes its files into a new or empty directory");
        Directory.CreateDirectory(directory);
        var storeId = Guid.NewGuid().ToString("N");
        var files = new Files(directory);
        try
        {
            foreach (var (kind, row) in Rows(snapshot, audit, storeId))
            {
                ct.ThrowIfCancellationRequested();
                await files.WriteAsync(kind, row).ConfigureAwait(false);
            }
        }
        finally
        {
            await files.DisposeAsync().ConfigureAwait(false);
        }
        var result = new Result(Kinds.Where(k => files.Count(k) > 0)
            .Select(k => (k.File, k.Name, k.IsRelationship, files.Count(k))).ToList(), storeId);
        await File.WriteAllLinesAsync(Path.Combine(directory, ArgsFile), result.ImportArgs3x, Utf8, ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, CommandsFile), result.Commands(), Utf8, ct).ConfigureAwait(false);
        return result;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static Kind K(string name) => Kinds.Single(k => k.Name == name);

    /// <summary>Every row, with its kind, built by the write path's row builders.</summary>
    internal static IEnumerable<(Kind Kind, Row Row)> Rows(GraphSnapshot snapshot, IReadOnlyList<AuditEntry> audit, string storeId)
    {
        Kind source = K("Source"), entity = K("Entity"), name = K("Name"), gram = K("Gram"), citation = K("Citation"), factRef = K("FactRef"),
            estimate = K("Estimate"), merge = K("Merge"), auditKind = K("Audit"), counter = K("Counter"), has = K("HAS"), rel = K("REL");
        foreach (var s in snapshot.Sources) yield return (source, new Row(Neo4jRows.SourceRow(s)));
        var grams = new HashSet<string>(StringComparer.Ordinal);
        long names = 0;
        foreach (var e in snapshot.Entities)
        {
            yield return (entity, new Row(Neo4jRows.EntityRow(e)));
            foreach (var withGrams in Neo4jRows.NameRows(e).Select(Neo4jRows.WithGrams))
            {
                var id = (names++).ToString(CultureInfo.InvariantCulture);
                yield return (name, new Row(Neo4jRows.StoredName(withGrams), Id: id));
                foreach (var g in (string[])withGrams["grams"]!)
                {
                    if (grams.Add(g)) yield return (gram, new Row(new Dictionary<string, object?> { ["key"] = g }));
                    yield return (has, new Row([], Start: id, End: g));
                }
            }
            foreach (var c in Neo4jRows.CitationRows(e.Id, e.Citations)) yield return (citation, new Row(c));
        }
        foreach (var r in snapshot.Relationships)
        {
            var row = Neo4jRows.RelationshipRow(r);
            yield return (rel, new Row((Dictionary<string, object?>)row["properties"]!, Start: (string)row["fromId"]!, End: (string)row["toId"]!));
            yield return (factRef, new Row(new Dictionary<string, object?> { ["id"] = r.Id, ["from"] = r.FromId, ["to"] = r.ToId }));
            foreach (var c in Neo4jRows.CitationRows(r.Id, r.Citations)) yield return (citation, new Row(c));
        }
        foreach (var x in snapshot.StrengthEstimates)
        {
            yield return (estimate, new Row(Neo4jRows.EstimateRow(x)));
            foreach (var c in Neo4jRows.CitationRows(x.Id, x.Citations)) yield return (citation, new Row(c));
        }
        foreach (var m in snapshot.Merges)
            yield return (merge, new Row(new Dictionary<string, object?> { ["mergedId"] = m.MergedId, ["survivorId"] = m.SurvivorId }));
        foreach (var a in audit) yield return (auditKind, new Row(Neo4jRows.AuditRow(a)));
        yield return (counter, new Row(new Dictionary<string, object?>
        {
            ["name"] = "audit", ["storeId"] = null, ["value"] = audit.Count == 0 ? 0L : audit.Max(a => a.Sequence),
        }));
        yield return (counter, new Row(new Dictionary<string, object?> { ["name"] = "generation", ["storeId"] = storeId, ["value"] = 1L }));
    }

    /// <summary>The open files, each opened (and given its header, from its first row's properties) at its first row.</summary>
    private sealed class Files(string directory) : IAsyncDisposable
    {
        private readonly Dictionary<Kind, (StreamWriter Writer, string[] Columns, long Rows)> _open = [];

        public long Count(Kind kind) => _open.TryGetValue(kind, out var f) ? f.Rows : 0;

        public async Task WriteAsync(Kind kind, Row row)
        {
            if (!_open.TryGetValue(kind, out var file))
            {
                var columns = row.Properties.Keys.ToArray();
                var writer = new StreamWriter(Path.Combine(directory, kind.File), append: false, Utf8, bufferSize: 1 << 16);
                await writer.WriteAsync(Header(kind, columns) + "\n").ConfigureAwait(false);
                file = (writer, columns, 0);
            }
            if (row.Properties.Count != file.Columns.Length || file.Columns.Any(c => !row.Properties.ContainsKey(c)))
            {
                throw new InvalidOperationException(
                    $"a {kind.Name} row has the properties [{string.Join(", ", row.Properties.Keys)}], the file's header [{string.Join(", ", file.Columns)}]: " +
                    "every row of a kind must come from one row builder");
            }
            var line = new StringBuilder();
            if (kind.IsRelationship) line.Append(Quote(row.Start!)).Append(',').Append(Quote(row.End!));
            else
            {
                line.Append(Quote(kind.IdProperty is { } idProperty
                    ? (string)row.Properties[idProperty]!
                    : row.Id ?? file.Rows.ToString(CultureInfo.InvariantCulture)));
            }
            foreach (var column in file.Columns.Where(c => c != kind.IdProperty))
                line.Append(',').Append(Field(kind, column, row.Properties[column]));
            await file.Writer.WriteAsync(line.Append('\n').ToString()).ConfigureAwait(false);
            _open[kind] = (file.Writer, file.Columns, file.Rows + 1);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (writer, _, _) in _open.Values) await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The header row: the id (or the ends), then every property but the id's, typed.</summary>
    internal static string Header(Kind kind, IReadOnlyList<string> columns)
    {
        var header = new List<string>();
        if (kind.IsRelationship) header.AddRange([$":START_ID({kind.Start})", $":END_ID({kind.End})"]);
        else header.Add($"{kind.IdProperty}:ID({kind.Name})");
        foreach (var column in columns.Where(c => c != kind.IdProperty))
        {
            if (column.Any(c => c is ':' or ',' or '"' or '\n' or '\r'))
                throw new InvalidOperationException($"the {kind.Name} property '{column}' cannot be a CSV header column");
            header.Add(ColumnTypes.TryGetValue(column, out var type) ? $"{column}:{type}" : column);
        }
        return string.Join(",", header);
    }

    /// <summary>One field: empty for null (no property), a number as it is, anything else quoted.</summary>
    internal static string Field(Kind kind, string column, object? value)
    {
        var type = ColumnTypes.GetValueOrDefault(column, "string");
        return (type, value) switch
        {
            (_, null) => "",
            ("string", string s) => Quote(s),
            ("long", int i) => i.ToString(CultureInfo.InvariantCulture),
            ("long", long l) => l.ToString(CultureInfo.InvariantCulture),
            ("string[]", IEnumerable<string> items) => Array(kind, column, items.ToArray()),
            _ => throw new InvalidOperationException(
                $"the {kind.Name} property '{column}' holds a {value.GetType().Name}, but {nameof(ColumnTypes)} types it {type}: " +
                "declare its type there"),
        };
    }

    private static string Array(Kind kind, string column, string[] items)
    {
        if (items.Length == 0) return "";
        if (items.FirstOrDefault(i => i.Contains(ArrayDelimiter, StringComparison.Ordinal)) is { } bad)
        {
            throw new InvalidOperationException(
                $"the {kind.Name} property '{column}' has an item holding U+001F, the array delimiter of the neo4j-admin export: '{bad}'");
        }
        return Quote(string.Join(ArrayDelimiter, items));
    }

    /// <summary>A quoted field: quotes doubled (RFC 4180) and backslashes doubled (the importer's escape character).</summary>
    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
