using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;

namespace GraphIntel.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public async Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(context.Actor)) throw new ArgumentException("WriteContext.Actor is empty; every write names who made it", nameof(context));
        changes = Names.NameForms.Normalize(changes);

        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (summary, delta) = await _resilience.ExecuteAsync("apply change set", async token =>
            {
                EnsureInitialized();
                using var connection = Open();
                using (var cache = connection.CreateCommand())
                {
                    // In WAL mode NORMAL is durable across application crashes and skips an fsync per commit; a write may
                    // touch far more pages than the default 2 MB cache holds (a bulk load: millions).
                    cache.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144";
                    cache.ExecuteNonQuery();
                }
                using var transaction = connection.BeginTransaction(deferred: false);
                var reader = new RecordReader(connection, transaction);
                var lookup = new SqliteChangeSetLookup(reader);
                var prepared = await ChangeSetResolver.PrepareAsync(changes, context, lookup, lookup, token).ConfigureAwait(false);
                var writer = new ChangeSetWriter(reader, context);
                var changesBefore = WriteGenerationSql.TotalChanges(connection, transaction);
                writer.Write(prepared);
                // In the write's transaction: the new generation is never seen without the write, nor the write without it.
                WriteGenerationSql.AdvanceIfChanged(connection, transaction, changesBefore);
                token.ThrowIfCancellationRequested();
                transaction.Commit();
                return (writer.Summary, writer.Delta);
            }, ct).ConfigureAwait(false);
            ApplyToIndexes(delta);
            return summary;
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
