using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GraphIntel.Graph.Neo4j.Cypher;

namespace GraphIntel.Benchmarks.Neo4j;

/// <summary>
/// The benchmark's <c>--profile</c>: sits between the store and Neo4j and adds up, per statement kind (the name of its
/// constant in <see cref="Statements"/>), the requests, rows sent and wall-clock time until the whole answer is read —
/// Neo4j streams results, so the statements run while the body is written and the time to the headers would say
/// little. Meant for one statement per request (the benchmark sets <c>StatementsPerRequest = 1</c> when profiling);
/// a request of several statements is filed under their names joined with '+'.
/// </summary>
public sealed class StatementProfiler : DelegatingHandler
{
    private static readonly Dictionary<string, string> NamesByText = Statements.All
        .GroupBy(s => s.Text, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    /// <summary>Requests slower than this are reported as they finish, so a stalled load shows where it stalls.</summary>
    private static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);

    public StatementProfiler() : base(new SocketsHttpHandler()) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (kind, rows) = request.Content is null ? (request.Method.Method, 0) : Describe(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        var start = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed > SlowRequest)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow request: {kind} ({rows:N0} rows) took {elapsed.TotalSeconds:0.0} s"));
        _totals.AddOrUpdate(kind, _ => new Totals(1, rows, elapsed), (_, t) => new Totals(t.Requests + 1, t.Rows + rows, t.Time + elapsed));
        return response;
    }

    /// <summary>Forgets what was measured so far (e.g. after the load, before the reads).</summary>
    public void Reset() => _totals.Clear();

    /// <summary>One line per statement kind, most time first.</summary>
    public void Print(TextWriter output)
    {
        var all = _totals.ToArray();
        var total = all.Sum(kv => kv.Value.Time.TotalSeconds);
        output.WriteLine($"{"statement",-40} {"requests",9} {"rows",10} {"seconds",9} {"share",6} {"rows/s",9}");
        foreach (var (kind, t) in all.OrderByDescending(kv => kv.Value.Time))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-40} {t.Requests,9:N0} {t.Rows,10:N0} {t.Time.TotalSeconds,9:0.0} {t.Time.TotalSeconds / Math.Max(total, 1e-9),6:P0} " +
                $"{(t.Rows == 0 ? "-" : (t.Rows / Math.Max(t.Time.TotalSeconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture)),9}"));
        }
    }

    /// <summary>The statement kind(s) of a request body and the rows it sends (the length of its list parameters).</summary>
    private static (string Kind, int Rows) Describe(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var names = new List<string>();
        var rows = 0;
        foreach (var statement in json.RootElement.GetProperty("statements").EnumerateArray())
        {
            var text = statement.GetProperty("statement").GetString() ?? "";
            names.Add(NamesByText.GetValueOrDefault(text, "(other) " + text[..Math.Min(30, text.Length)]));
            if (statement.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in parameters.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.Array) rows += p.Value.GetArrayLength();
            }
        }
        return (names.Count == 0 ? "(commit)" : string.Join('+', names.Distinct()), rows);
    }

    private readonly record struct Totals(int Requests, int Rows, TimeSpan Time);
}
