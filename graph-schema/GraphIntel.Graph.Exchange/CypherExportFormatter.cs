using System.Text;
using GraphIntel.Graph.Neo4j.Export;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// <c>--format cypher</c>: a MERGE-based Cypher script that recreates the graph in an empty Neo4j 5
/// (<c>cypher-shell -f</c>), written by the Neo4j backend's <see cref="CypherScript"/> so it has the shape that
/// backend reads.
/// </summary>
public sealed class CypherExportFormatter : IExportFormatter
{
    public string Name => "cypher";
    public string ContentType => "application/x-cypher-query; charset=utf-8";
    public string FileExtension => "cypher";

    public async Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await CypherScript.WriteAsync(snapshot, writer, ct).ConfigureAwait(false);
    }
}
