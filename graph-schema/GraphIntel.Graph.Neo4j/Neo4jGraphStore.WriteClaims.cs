using System.Text.Json;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// Write claims: every data write's transaction starts by creating <c>(:WriteClaim {id})</c>, unique by id, so a write
/// whose outcome is unknown (its attempt timed out or its connection broke once the commit may have been sent) is
/// resolved exactly instead of being repeated blindly (<see cref="Statements.ResolveWriteClaim"/>).
/// </summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>How long a claim is kept: far beyond any transaction's life, so pruning never meets one still in flight.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan ClaimPruneInterval = TimeSpan.FromHours(1);
    private const int ClaimsPrunedAtOnce = 10_000;
    private DateTimeOffset _nextClaimPrune; // guarded by the write lock

    /// <summary>
    /// Runs <paramref name="statements"/> and the write generation's advance in one transaction, exactly once. After an
    /// unknown outcome the write's claim is resolved in a transaction of its own: found — the write committed; created
    /// as abandoned — it never arrived or rolled back, and now can never commit (its claim would break the uniqueness
    /// constraint), so it is written again under a new claim, at most <see cref="Neo4jOptions.MaxRetryAttempts"/> times.
    /// A claim still in flight holds the uniqueness lock, so the resolution waits for it to commit or roll back.
    /// </summary>
    private async Task WriteOnceAsync(IReadOnlyList<Statement> statements, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var writeId = Guid.NewGuid().ToString("N");
            var claim = new Statement(Statements.ClaimWrite, new Dictionary<string, object?> { ["writeId"] = writeId, ["at"] = NowMilliseconds() });
            try
            {
                await _client.WriteAsync([claim, .. AdvancingGeneration(statements)], _options.StatementsPerRequest, ct).ConfigureAwait(false);
                break;
            }
            catch (Neo4jWriteOutcomeUnknownException unknown)
            {
                if (!await IsAbandonedAsync(writeId, unknown, ct).ConfigureAwait(false)) break; // it committed
                if (attempt > _options.MaxRetryAttempts)
                {
                    throw new GraphStoreException(
                        $"a write to Neo4j at {_options.Url} did not commit in {attempt} attempts, each of which timed out or lost " +
                        $"its connection (last: {unknown.InnerException?.Message}); nothing of it was written", isTransient: true, unknown);
                }
            }
        }
        await PruneWriteClaimsAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Whether the write of <paramref name="writeId"/> is known not to have committed, and never will.</summary>
    private async Task<bool> IsAbandonedAsync(string writeId, Neo4jWriteOutcomeUnknownException unknown, CancellationToken ct)
    {
        StatementResult answer;
        try
        {
            // Idempotent, so retried like a read.
            answer = await _client.RunAsync(new Statement(Statements.ResolveWriteClaim,
                new Dictionary<string, object?> { ["writeId"] = writeId, ["at"] = NowMilliseconds() }), ct).ConfigureAwait(false);
        }
        catch (GraphStoreException e)
        {
            throw new Neo4jWriteOutcomeUnknownException(
                $"{unknown.Message} Asking Neo4j whether it did (its claim: MATCH (w:WriteClaim {{id: '{writeId}'}}) RETURN w — " +
                $"committed when found without 'abandoned') failed too: {e.Message}", unknown.InnerException ?? unknown);
        }
        return answer.Rows[0][0].ValueKind == JsonValueKind.True;
    }

    /// <summary>
    /// Best effort, at most hourly: deletes claims older than a day, a bounded number at a time (a range seek of the
    /// index on <c>at</c>). A failure costs only a few small nodes until the next time.
    /// </summary>
    private async Task PruneWriteClaimsAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (now < _nextClaimPrune) return;
        _nextClaimPrune = now + ClaimPruneInterval;
        try
        {
            await _client.RunAsync(new Statement(Statements.PruneWriteClaims, new Dictionary<string, object?>
            {
                ["before"] = (now - ClaimLifetime).ToUnixTimeMilliseconds(),
                ["take"] = ClaimsPrunedAtOnce,
            }), ct).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            // Claims are kept a day for safety only; the next prune takes them.
        }
    }

    private long NowMilliseconds() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
