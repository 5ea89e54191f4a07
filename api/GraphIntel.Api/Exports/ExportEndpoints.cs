using GraphIntel.Api.Errors;
using GraphIntel.Api.Limits;
using GraphIntel.Graph.Exchange;
using GraphIntel.Graph.Store;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.Api.Exports;

/// <summary>
/// <c>GET /export/{format}?asOf=&amp;certainty=&amp;types=&amp;status=</c>: the graph in one of the exchange formats
/// (<see cref="ExportFormatters"/>, the seed CLI's list and writers), filtered by <see cref="ExportFilter"/> (the CLI's
/// parser). Guarded as GraphQL reads are (<c>ApiKeyMiddleware</c> and the rate limiter cover <c>/export</c>). The body is
/// written to the response as the formatter produces it, never buffered whole; <c>MaxConcurrentExports</c> bounds how
/// many run at once (beyond: 503 <c>EXPORT_BUSY</c> with Retry-After), and <c>ExportTimeout</c> and
/// <c>MaxExportBytes</c> bound each one: past either, the connection is aborted, so a client never takes a cut file for a
/// whole one. A bad parameter is 400 and an unknown format 404, each an <c>application/problem+json</c> body naming the
/// parameter and why, with <c>code</c> (BAD_USER_INPUT, NOT_FOUND).
/// </summary>
internal static class ExportEndpoints
{
    public const string Path = "/export";

    public static WebApplication MapExports(this WebApplication app)
    {
        app.MapGet(Path + "/{format}", ExportAsync);
        return app;
    }

    private static async Task ExportAsync(HttpContext http, string format, IGraphStore store, ApiLimits limits, ExportGate gate, ILoggerFactory logs)
    {
        var formatter = ExportFormatters.Find(format);
        if (formatter is null)
        {
            await ProblemAsync(http, StatusCodes.Status404NotFound, "format",
                $"'{format}' is not an export format; available: {ExportFormatters.Names}", ErrorCodes.NotFound).ConfigureAwait(false);
            return;
        }
        var query = http.Request.Query;
        foreach (var name in query.Keys)
        {
            if (name is not ("asOf" or "certainty" or "types" or "status"))
            {
                await ProblemAsync(http, StatusCodes.Status400BadRequest, name,
                    $"'{name}' is not a parameter of /export; expected asOf, certainty, types, status", ErrorCodes.BadUserInput).ConfigureAwait(false);
                return;
            }
            if (query[name].Count > 1)
            {
                await ProblemAsync(http, StatusCodes.Status400BadRequest, name,
                    $"'{name}' is given {query[name].Count} times; give it once (lists are comma-separated)", ErrorCodes.BadUserInput).ConfigureAwait(false);
                return;
            }
        }
        if (!ExportFilter.TryParse(query["asOf"], query["certainty"], query["types"], query["status"], out var filter, out var problem))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, problem.Parameter, problem.Message, ErrorCodes.BadUserInput).ConfigureAwait(false);
            return;
        }

        using var slot = gate.TryEnter();
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = "5";
            await ProblemAsync(http, StatusCodes.Status503ServiceUnavailable, null,
                $"{limits.MaxConcurrentExports} exports are running, the most this API runs at once; retry shortly", ErrorCodes.ExportBusy).ConfigureAwait(false);
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(limits.ExportTimeout);
        var log = logs.CreateLogger(typeof(ExportEndpoints));
        GraphSnapshot snapshot;
        try
        {
            snapshot = filter.Apply(await store.ExportAsync(deadline.Token).ConfigureAwait(false));
        }
        catch (GraphStoreException e)
        {
            await ProblemAsync(http, StatusCodes.Status503ServiceUnavailable, null, $"The graph store could not be read: {e.Message}",
                e is GraphStoreUnavailableException || e.IsTransient ? ErrorCodes.StoreUnavailable : ErrorCodes.StoreError).ConfigureAwait(false);
            return;
        }

        var response = http.Response;
        response.ContentType = formatter.ContentType;
        response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"graphintel.{formatter.FileExtension}\"";
        response.Headers.CacheControl = "no-store";
        var body = new CappedStream(response.Body, limits.MaxExportBytes);
        try
        {
            await response.StartAsync(deadline.Token).ConfigureAwait(false);
            await formatter.WriteAsync(snapshot, body, deadline.Token).ConfigureAwait(false);
            await response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ExportTooLargeException || (e is OperationCanceledException && !http.RequestAborted.IsCancellationRequested))
        {
            // Headers are sent: the only honest signal left is to drop the connection before the body is complete.
            log.LogWarning("Export {Format} aborted after {Bytes} bytes: {Reason}", formatter.Name, body.Written,
                e is ExportTooLargeException ? $"larger than MaxExportBytes ({limits.MaxExportBytes})" : $"longer than ExportTimeout ({limits.ExportTimeout})");
            http.Abort();
        }
    }

    /// <summary>An <c>application/problem+json</c> answer (RFC 9457) with the parameter at fault and the API's error code.</summary>
    private static Task ProblemAsync(HttpContext http, int status, string? parameter, string detail, string code)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (parameter is not null) extensions["parameter"] = parameter;
        return Results.Problem(detail: detail, statusCode: status, title: parameter is null ? "Export refused" : $"Bad export parameter '{parameter}'",
            extensions: extensions).ExecuteAsync(http);
    }
}

/// <summary>How many exports run at once (<c>MaxConcurrentExports</c>): a slot is taken without waiting, or not at all.</summary>
internal sealed class ExportGate(ApiLimits limits)
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentExports, limits.MaxConcurrentExports);

    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}

/// <summary>An export passed <c>MaxExportBytes</c>.</summary>
internal sealed class ExportTooLargeException(long limit) : Exception($"The export exceeds {limit} bytes.");

/// <summary>The response body, counting what goes through and refusing the first write past the cap.</summary>
internal sealed class CappedStream(Stream inner, long cap) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Written; set => throw new NotSupportedException(); }

    private void Count(int count)
    {
        if (Written + count > cap) throw new ExportTooLargeException(cap);
        Written += count;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Count(count);
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Length);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
