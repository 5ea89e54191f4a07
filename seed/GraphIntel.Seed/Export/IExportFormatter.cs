using GraphIntel.Graph.Store;

namespace GraphIntel.Seed.Export;

/// <summary>One export format: writes a whole-graph snapshot to a stream. Register new ones in <see cref="ExportFormatters"/>.</summary>
public interface IExportFormatter
{
    /// <summary>The value of <c>--format</c> that selects this formatter ("json", "cypher").</summary>
    string Name { get; }

    Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default);
}
