using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using GraphIntel.Api.Hosting;
using GraphIntel.Api.Limits;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Subscriptions;

/// <summary>What an audited write touched, read from its audit entry's before/after images.</summary>
internal enum ChangeTargetKind { Entity, Relationship, StrengthEstimate, Source }

/// <summary>One audited write as the <c>changes</c> subscription delivers it.</summary>
internal sealed record Change(AuditEntry Entry, ChangeTargetKind TargetKind, IReadOnlyList<string> EntityIds, RelationshipType? RelationshipType)
{
    /// <summary>Classifies an audit entry by the record JSON it carries (<see cref="RecordJson"/>).</summary>
    public static Change From(AuditEntry entry)
    {
        var image = entry.After ?? entry.Before;
        if (image is null) return new Change(entry, ChangeTargetKind.Source, [], null);
        using var json = JsonDocument.Parse(image);
        var root = json.RootElement;
        if (root.TryGetProperty("fromId", out var from) && root.TryGetProperty("toId", out var to))
        {
            RelationshipType? type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? JsonSerializer.Deserialize<RelationshipType>(t.GetRawText(), RecordJson.Options)
                : null;
            return new Change(entry, ChangeTargetKind.Relationship, [from.GetString()!, to.GetString()!], type);
        }
        if (root.TryGetProperty("organizationId", out var organization))
            return new Change(entry, ChangeTargetKind.StrengthEstimate, [organization.GetString()!], null);
        if (root.TryGetProperty("kind", out _))
            return new Change(entry, ChangeTargetKind.Entity, [entry.TargetId], null);
        return new Change(entry, ChangeTargetKind.Source, [], null);
    }
}

/// <summary>
/// The in-process publisher behind the <c>changes</c> subscription. Its one source of truth is the audit trail: after a
/// write through this process (<see cref="PublishingGraphStore"/> calls <see cref="Written"/>) and otherwise every
/// <see cref="ApiLimits.ChangeFeedPollInterval"/> (writes by the seed tool or another API replica), it reads the entries
/// after the last one it published and hands each, in sequence order, to every subscriber. How it learns that something
/// changed is <see cref="WaitForChangeAsync"/> alone, so a cheaper signal (a store-wide write generation) can replace the
/// poll there.
/// </summary>
internal sealed class ChangeFeed(ApiLimits limits)
{
    private const int PageSize = 200;
    private const int SubscriberBuffer = 1024;
    private readonly Lock _gate = new();
    private readonly List<Channel<Change>> _subscribers = [];
    private readonly SemaphoreSlim _written = new(0);
    private IGraphStore? _store;
    private long _lastSequence = -1;
    private WriteGeneration? _readAt;

    /// <summary>The store whose audit trail is read (the undecorated one).</summary>
    public void Attach(IGraphStore store) => _store = store;

    /// <summary>A write went through this process: read the audit trail now.</summary>
    public void Written()
    {
        if (_written.CurrentCount == 0) _written.Release();
    }

    /// <summary>Subscribers now listening.</summary>
    public int SubscriberCount { get { lock (_gate) return _subscribers.Count; } }

    /// <summary>The changes published from now on, until the enumeration ends (which unsubscribes).</summary>
    public async IAsyncEnumerable<Change> SubscribeAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        // A subscriber that falls SubscriberBuffer changes behind loses the oldest ones rather than holding the feed up.
        var channel = Channel.CreateBounded<Change>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true,
        });
        lock (_gate) _subscribers.Add(channel);
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                yield return change;
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }

    /// <summary>Ends every subscription (the host is stopping): their streams complete.</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers) subscriber.Writer.TryComplete();
        }
    }

    /// <summary>Waits until this process wrote, or the poll interval passed.</summary>
    internal async Task WaitForChangeAsync(CancellationToken ct)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        poll.CancelAfter(limits.ChangeFeedPollInterval);
        try
        {
            await _written.WaitAsync(poll.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    /// <summary>Reads the audit entries after the last published one and publishes them in order.</summary>
    internal async Task CatchUpAsync(CancellationToken ct)
    {
        var store = _store ?? throw new InvalidOperationException("The change feed has no store attached.");
        // Every audited write advances the store's write generation in its own transaction: while it stands where it
        // stood at the last read of the trail, there is nothing new to read (one key lookup instead of an audit page).
        // It is read before the trail, so a write landing in between is read now or at the next call, never skipped.
        var generation = await store.GetWriteGenerationAsync(ct).ConfigureAwait(false);
        if (generation == _readAt) return;
        if (_lastSequence < 0)
        {
            // First read: start after the newest entry; earlier writes are history (the auditLog query has them).
            var newest = await store.GetAuditAsync(new AuditQuery { First = 1 }, ct).ConfigureAwait(false);
            _lastSequence = newest.Count == 0 ? 0 : newest[0].Sequence;
            _readAt = generation;
            return;
        }
        var fresh = new List<AuditEntry>();
        long? before = null;
        while (true)
        {
            var page = await store.GetAuditAsync(new AuditQuery { First = PageSize, Before = before }, ct).ConfigureAwait(false);
            var done = page.Count < PageSize;
            foreach (var entry in page)
            {
                if (entry.Sequence <= _lastSequence) { done = true; break; }
                fresh.Add(entry);
            }
            if (done || page.Count == 0) break;
            before = page[^1].Sequence;
        }
        _readAt = generation;
        fresh.Reverse();
        if (fresh.Count == 0) return;
        _lastSequence = fresh[^1].Sequence;
        Channel<Change>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        if (subscribers.Length == 0) return;
        foreach (var entry in fresh)
        {
            var change = Change.From(entry);
            foreach (var subscriber in subscribers) subscriber.Writer.TryWrite(change);
        }
    }
}

/// <summary>Runs the <see cref="ChangeFeed"/> once the store is initialized; completes every subscription on shutdown.</summary>
internal sealed class ChangeFeedPump(ChangeFeed feed, StoreState state, IHostApplicationLifetime lifetime, ILogger<ChangeFeedPump> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = lifetime.ApplicationStopping.Register(feed.CompleteAll);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (state.IsInitialized)
            {
                try
                {
                    await feed.CatchUpAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning("Reading the audit trail for the change feed failed ({Message}); retrying.", e.Message);
                }
            }
            try
            {
                await feed.WaitForChangeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
