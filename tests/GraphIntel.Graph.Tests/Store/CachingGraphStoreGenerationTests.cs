using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Tests.Store;

/// <summary>
/// The cache's check of the store's write generation, on a real embedded store written to behind the cache's back (as
/// another process would) and a clock that moves only when told (the interval is the clock's, so nothing sleeps):
/// writes elsewhere are seen once the interval has passed and not before, one check per interval however many reads
/// wait for it, a read racing a change stores nothing stale, and the cache's own writes are seen at once.
/// </summary>
public sealed class CachingGraphStoreGenerationTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private EmbeddedGraphStore _store = null!;
    private CachingGraphStoreTests.CallLog _log = null!;
    private CachingGraphStore _cache = null!;
    private int _minute;

    public async Task InitializeAsync()
    {
        _store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File("graph.db") });
        await _store.InitializeAsync();
        await _store.ApplyAsync(WholeGraph, Context);
        _log = CachingGraphStoreTests.CallLog.Over(_store, out var logged);
        _cache = new CachingGraphStore(logged, generationCheckInterval: Interval, timeProvider: _clock);
    }

    public async Task DisposeAsync() => await _cache.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private int Checks => _log.Count(nameof(IGraphStore.GetWriteGenerationAsync));

    /// <summary>Adds an alias to TTT in the store itself, not through the cache: what another process's write looks like here.</summary>
    private async Task<string> WriteElsewhereAsync(IGraphStore? through = null)
    {
        var alias = $"TTT-{++_minute}";
        var ttt = (await _store.GetEntitiesAsync([Ttt]))[Ttt];
        await (through ?? _store).ApplyAsync(new ChangeSet { Entities = [ttt with { Aliases = [.. ttt.Aliases, alias] }] },
            Context with { At = Context.At.AddMinutes(_minute) });
        return alias;
    }

    private async Task<IReadOnlyList<string>> CachedAliasesAsync() => (await _cache.GetEntitiesAsync([Ttt]))[Ttt].Aliases;

    [Fact]
    public async Task A_write_elsewhere_is_seen_once_the_interval_has_passed_and_not_before()
    {
        Assert.Null(_cache.DataVersion); // nothing checked yet
        await CachedAliasesAsync();
        await CachedAliasesAsync();
        Assert.Equal(1, Checks);
        Assert.Equal(1, _cache.Statistics.Hits);
        Assert.Equal((await _store.GetWriteGenerationAsync()).ToString(), _cache.DataVersion);
        var versionBefore = _cache.DataVersion;

        var alias = await WriteElsewhereAsync();
        Assert.Contains(alias, (await _store.GetEntitiesAsync([Ttt]))[Ttt].Aliases); // the store has it

        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(alias, await CachedAliasesAsync()); // within the interval: the cached answer, no check
        Assert.Equal(1, Checks);
        Assert.Equal(versionBefore, _cache.DataVersion);
        Assert.True(_cache.TryGetCachedEntity(Ttt, out _));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_cache.TryGetCachedEntity(Ttt, out _)); // a check is due: memory alone can't answer
        Assert.Contains(alias, await CachedAliasesAsync());
        Assert.Equal(2, Checks);
        Assert.Equal((await _store.GetWriteGenerationAsync()).ToString(), _cache.DataVersion);
        Assert.NotEqual(versionBefore, _cache.DataVersion);
    }

    [Fact]
    public async Task An_unchanged_store_keeps_the_cache_and_a_check_runs_once_per_interval_however_many_reads_wait()
    {
        await CachedAliasesAsync();
        var generation = _cache.Statistics.Generation;
        for (var round = 0; round < 3; round++)
        {
            _clock.Advance(Interval);
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _cache.GetEntitiesAsync([Ttt, Ja])));
        }

        Assert.Equal(4, Checks); // the first read's, then one per interval
        Assert.Equal(generation, _cache.Statistics.Generation); // nothing moved: nothing dropped
        Assert.Equal(2, _log.Count(nameof(IGraphStore.GetEntitiesAsync))); // TTT, then JA once; the rest from memory
        Assert.Equal(4, _cache.Statistics.GenerationChecks);
    }

    [Fact]
    public async Task A_read_racing_a_change_of_the_store_generation_stores_nothing_stale()
    {
        await CachedAliasesAsync();
        _clock.Advance(Interval);
        string? alias = null;
        // The next inner read finishes with the old entity; before the cache stores it, another process writes and the
        // cache's check (due: the interval has passed) sees the store's generation move.
        _log.AfterCall(nameof(IGraphStore.GetRelationshipsAsync), async () =>
        {
            alias = await WriteElsewhereAsync();
            _clock.Advance(Interval);
            await _cache.RefreshAsync();
        });

        var raced = (await _cache.GetRelationshipsAsync([Ttt], RelationshipFilter.Default))[Ttt];
        var racedAliases = await CachedAliasesAsync();
        Assert.Contains(alias!, racedAliases); // the entity's entry was dropped with the old generation

        // Now the racing read's relationships: were they stored under the new generation, the cache would answer them
        // without a call; they must be read again.
        var calls = _log.Count(nameof(IGraphStore.GetRelationshipsAsync));
        await _cache.GetRelationshipsAsync([Ttt], RelationshipFilter.Default);
        Assert.Equal(calls + 1, _log.Count(nameof(IGraphStore.GetRelationshipsAsync)));
        Assert.NotNull(raced);
    }

    [Fact]
    public async Task A_read_racing_a_change_does_not_store_the_old_entity_under_the_new_generation()
    {
        _clock.Advance(Interval);
        string? alias = null;
        _log.AfterCall(nameof(IGraphStore.GetEntitiesAsync), async () =>
        {
            alias = await WriteElsewhereAsync();
            _clock.Advance(Interval);
            await _cache.RefreshAsync();
        });

        var raced = await CachedAliasesAsync(); // began before the write: either answer is fair
        var after = await CachedAliasesAsync(); // no time passes, no check: from memory if anything was kept

        Assert.DoesNotContain(alias!, raced);
        Assert.Contains(alias!, after);
    }

    [Fact]
    public async Task A_write_through_the_cache_is_seen_at_once_and_not_taken_for_another_process_write()
    {
        await CachedAliasesAsync();
        var alias = await WriteElsewhereAsync(through: _cache);

        Assert.Contains(alias, await CachedAliasesAsync()); // at once, no time passed
        Assert.Equal((await _store.GetWriteGenerationAsync()).ToString(), _cache.DataVersion);
        var generation = _cache.Statistics.Generation;
        await CachedAliasesAsync();

        _clock.Advance(Interval);
        await CachedAliasesAsync();
        Assert.Equal(generation, _cache.Statistics.Generation); // the check found the generation the write left: nothing dropped
    }
}
