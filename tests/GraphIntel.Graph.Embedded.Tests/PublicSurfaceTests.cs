namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// The embedded backend shows other projects only what they use: the store, its options and pipeline (the chooser
/// composes them) and the writer lock (the chooser takes it). Its SQL, indexes and migrations stay internal.
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void Only_the_store_its_options_its_pipeline_and_its_lock_are_public()
    {
        string[] allowed =
        [
            typeof(EmbeddedGraphStore).FullName!, typeof(EmbeddedStoreOptions).FullName!, typeof(SqliteResilience).FullName!,
            typeof(EmbeddedStoreLock).FullName!, typeof(EmbeddedStoreLockedException).FullName!,
        ];
        var exported = typeof(EmbeddedGraphStore).Assembly.GetExportedTypes().Select(t => t.FullName!);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }
}
