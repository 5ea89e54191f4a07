using System.IO.Compression;
using System.Text;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// <c>--format csv</c>: a zip of two RFC 4180 files, <c>nodes.csv</c> (an entity a row) and <c>edges.csv</c> (a
/// relationship a row): UTF-8 without BOM, CRLF line ends, a header row, a field quoted when it holds a comma, a quote,
/// CR or LF (quotes doubled). An absent value is an empty field. Lists (aliases, sources) and citations are JSON
/// arrays in one field (see <see cref="ExchangeValues"/>). Written entry by entry into the zip as it goes.
/// </summary>
public sealed class CsvExportFormatter : IExportFormatter
{
    public string Name => "csv";
    public string ContentType => "application/zip";
    public string FileExtension => "csv.zip";

    public static readonly IReadOnlyList<string> NodeColumns =
        ["id", "kind", "name", "aliases", "organizationKind", "description", "founded", "dissolved", "eventKind", "eventDate", "sources", "citations"];

    public static readonly IReadOnlyList<string> EdgeColumns =
    [
        "id", "type", "from", "to", "status", "interval", "statedInterval", "validFrom", "validTo",
        "startEarliest", "startLatest", "endEarliest", "endLatest", "note", "role", "endReason", "participationRole", "attribution",
        "sources", "citations",
    ];

    public async Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default)
    {
        var sources = ExchangeValues.SourcesById(snapshot);
        // The zip writes to a spill buffer that is handed on asynchronously after every row: the archive closes an entry
        // with synchronous writes, which an HTTP response body refuses; this way it never holds more than a row or two.
        var spill = new SpillStream(output);
        var zip = await ZipArchive.CreateAsync(spill, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, ct).ConfigureAwait(false);

        var (nodesEntry, nodes) = await OpenAsync(zip, "nodes.csv", ct).ConfigureAwait(false);
        {
            await WriteRowAsync(nodes, NodeColumns).ConfigureAwait(false);
            foreach (var e in snapshot.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                await WriteRowAsync(nodes,
                [
                    e.Id, EnumNames.ToContractName(e.Kind), e.Name, ExchangeValues.JsonList(e.Aliases),
                    e.OrganizationKind is { } k ? EnumNames.ToContractName(k) : "", e.Description ?? "",
                    e.Founded?.ToString() ?? "", e.Dissolved?.ToString() ?? "",
                    e.Event is { } ev ? EnumNames.ToContractName(ev.Kind) : "",
                    e.Event is { Date.IsUnknown: false } dated ? dated.Date.ToString() : "",
                    ExchangeValues.SourceIds(e.Citations), ExchangeValues.Citations(e.Citations, sources),
                ]).ConfigureAwait(false);
                await spill.DrainAsync(ct).ConfigureAwait(false);
            }
        }
        await CloseAsync(nodesEntry, nodes).ConfigureAwait(false);

        var ids = snapshot.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var (edgesEntry, edges) = await OpenAsync(zip, "edges.csv", ct).ConfigureAwait(false);
        {
            await WriteRowAsync(edges, EdgeColumns).ConfigureAwait(false);
            foreach (var r in snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                if (!ids.Contains(r.FromId) || !ids.Contains(r.ToId)) continue;
                var interval = r.EffectiveValidity;
                await WriteRowAsync(edges,
                [
                    r.Id, EnumNames.ToContractName(r.Type), r.FromId, r.ToId, EnumNames.ToContractName(r.Status),
                    interval.ToString(), r.Validity.ToString(),
                    r.Validity.Start.Exact?.ToString() ?? "", interval.End.Exact?.ToString() ?? "",
                    ExchangeValues.EarliestDay(interval.Start), ExchangeValues.LatestDay(interval.Start),
                    ExchangeValues.EarliestDay(interval.End), ExchangeValues.LatestDay(interval.End),
                    r.Note ?? "", r.Role ?? "", r.EndReason ?? "",
                    r.Participation is { } p ? EnumNames.ToContractName(p.Role) : "",
                    r.Participation?.Attribution is { } a ? EnumNames.ToContractName(a) : "",
                    ExchangeValues.SourceIds(r.Citations), ExchangeValues.Citations(r.Citations, sources),
                ]).ConfigureAwait(false);
                await spill.DrainAsync(ct).ConfigureAwait(false);
            }
        }
        await CloseAsync(edgesEntry, edges).ConfigureAwait(false);
        await zip.DisposeAsync().ConfigureAwait(false);
        await spill.DrainAsync(ct, all: true).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Takes writes, synchronous or not, into memory; <see cref="DrainAsync"/> hands them to the output asynchronously.</summary>
    private sealed class SpillStream(Stream output) : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _position;

        public async Task DrainAsync(CancellationToken ct, bool all = false)
        {
            if (_buffer.Length == 0 || (!all && _buffer.Length < 64 * 1024)) return;
            await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct).ConfigureAwait(false);
            _buffer.SetLength(0);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { _buffer.Write(buffer, offset, count); _position += count; }
        public override void Write(ReadOnlySpan<byte> buffer) { _buffer.Write(buffer); _position += buffer.Length; }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static async Task<(Stream Entry, StreamWriter Writer)> OpenAsync(ZipArchive zip, string name, CancellationToken ct)
    {
        var entry = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct).ConfigureAwait(false);
        return (entry, new StreamWriter(entry, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true));
    }

    /// <summary>
    /// Flushes the writer, then closes the entry (its last compressed bytes go to the spill buffer): a StreamWriter that
    /// owned the entry would close it from a synchronous path.
    /// </summary>
    private static async Task CloseAsync(Stream entry, StreamWriter writer)
    {
        await writer.DisposeAsync().ConfigureAwait(false);
        await entry.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task WriteRowAsync(StreamWriter w, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) await w.WriteAsync(',').ConfigureAwait(false);
            await w.WriteAsync(Field(fields[i])).ConfigureAwait(false);
        }
        await w.WriteAsync("\r\n").ConfigureAwait(false);
    }

    /// <summary>One field per RFC 4180: as is, or in double quotes with its quotes doubled when it holds , " CR or LF.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
