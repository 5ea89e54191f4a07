using System.Text;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Export;

/// <summary>
/// A whole graph as a Cypher script that recreates it in an empty Neo4j 5 (<c>cypher-shell -f graph.cypher</c>) in
/// exactly the shape <see cref="Neo4jGraphStore"/> writes: the schema statements first (constraints and indexes,
/// Neo4j 5 syntax), then one MERGE statement per line for sources, entities, their names and citations,
/// relationships, strength estimates and merges; every statement ends in ';'. MERGE makes the script safe to run
/// again. Values are inlined as literals, since cypher-shell scripts carry no parameters. A store opened on the
/// result exports the same graph. The last statement advances the store-wide write generation (made with a store id
/// derived from the script, when the database has none), so API replicas caching that database see the change.
/// </summary>
public static class CypherScript
{
    /// <summary>The server version whose schema syntax the script uses.</summary>
    internal static readonly Neo4jVersion Target = new(5, 0);

    /// <summary>The schema statements at the top of the script (what a server older than 4.4 must skip).</summary>
    internal static IReadOnlyList<string> SchemaStatementsFor(Neo4jVersion version) =>
        SchemaStatements.Migrations.SelectMany(m => m.For(version)).ToList();

    /// <summary>
    /// Every statement of the script, without the terminating ';'. The last advances the write generation; the store id
    /// it gives a database without one is a hash of the statements before it, so the same graph always exports the same
    /// script (and a database loaded from another graph never shares its id).
    /// </summary>
    public static IEnumerable<string> Statements(GraphSnapshot snapshot)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var statement in Records(snapshot))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(statement + "\n"));
            yield return statement;
        }
        var storeId = Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 16);
        yield return Cypher.Statements.AdvanceWriteGeneration.Replace("$storeId", L(storeId), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Records(GraphSnapshot snapshot)
    {
        foreach (var schema in SchemaStatementsFor(Target)) yield return schema;
        foreach (var s in snapshot.Sources.OrderBy(s => s.Id, StringComparer.Ordinal))
            yield return $"MERGE (s:Source {{id: {L(s.Id)}}}) SET s += {L(Neo4jRows.SourceRow(s))}";
        foreach (var e in snapshot.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            yield return $"MERGE (e:Entity {{id: {L(e.Id)}}}) SET e += {L(Neo4jRows.EntityRow(e))}";
            foreach (var name in Neo4jRows.NameRows(e))
                yield return $"MERGE (n:Name {{entityId: {L(e.Id)}, name: {L(name["name"])}}}) SET n += {L(Neo4jRows.StoredName(name))}";
            foreach (var citation in Neo4jRows.CitationRows(e.Id, e.Citations)) yield return Citation(citation);
        }
        foreach (var r in snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var row = Neo4jRows.RelationshipProperties(r);
            yield return $"MATCH (a:Entity {{id: {L(r.FromId)}}}), (b:Entity {{id: {L(r.ToId)}}}) " +
                         $"MERGE (a)-[r:REL {{id: {L(r.Id)}}}]->(b) SET r += {L(row)}";
            yield return $"MERGE (f:FactRef {{id: {L(r.Id)}}}) SET f.from = {L(r.FromId)}, f.to = {L(r.ToId)}";
            foreach (var citation in Neo4jRows.CitationRows(r.Id, r.Citations)) yield return Citation(citation);
        }
        foreach (var x in snapshot.StrengthEstimates.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            yield return $"MERGE (x:Estimate {{id: {L(x.Id)}}}) SET x += {L(Neo4jRows.EstimateRow(x))}";
            foreach (var citation in Neo4jRows.CitationRows(x.Id, x.Citations)) yield return Citation(citation);
        }
        foreach (var m in snapshot.Merges.OrderBy(m => m.MergedId, StringComparer.Ordinal))
            yield return $"MERGE (m:Merge {{mergedId: {L(m.MergedId)}}}) SET m.survivorId = {L(m.SurvivorId)}";
    }

    /// <summary>Writes the script: a comment header, then one statement per line, each ending in ';'.</summary>
    public static async Task WriteAsync(GraphSnapshot snapshot, TextWriter output, CancellationToken ct = default)
    {
        await output.WriteLineAsync("// GraphIntel graph as Cypher for Neo4j 5 (run with: cypher-shell -f <this file>).").ConfigureAwait(false);
        await output.WriteLineAsync(
            $"// {snapshot.Sources.Count} sources, {snapshot.Entities.Count} entities, {snapshot.Relationships.Count} relationships, " +
            $"{snapshot.StrengthEstimates.Count} strength estimates, {snapshot.Merges.Count} merges. Schema first; every statement is a MERGE.")
            .ConfigureAwait(false);
        foreach (var statement in Statements(snapshot))
        {
            ct.ThrowIfCancellationRequested();
            await output.WriteLineAsync(statement + ";").ConfigureAwait(false);
        }
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    private static string Citation(Dictionary<string, object?> row) =>
        $"MERGE (c:Citation {{supportsId: {L(row["supportsId"])}, ordinal: {L(row["ordinal"])}}}) SET c += {L(row)}";

    private static string L(object? value) => CypherLiterals.Of(value);
}
