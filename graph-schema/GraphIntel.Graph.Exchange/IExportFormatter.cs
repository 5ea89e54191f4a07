using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// One export format: writes a graph snapshot to a stream, as it goes (the HTTP endpoint hands it the response body).
/// Register new ones in <see cref="ExportFormatters"/>.
/// </summary>
public interface IExportFormatter
{
    /// <summary>The value of <c>--format</c> and of <c>/export/{format}</c> that selects this formatter ("json", "graphml").</summary>
    string Name { get; }

    /// <summary>The media type of what <see cref="WriteAsync"/> writes (the HTTP answer's Content-Type).</summary>
    string ContentType { get; }

    /// <summary>The file name extension, without the dot ("graphml", "zip"): the download's name is <c>graphintel.{ext}</c>.</summary>
    string FileExtension { get; }

    Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default);
}
