namespace GraphIntel.Graph.Store;

/// <summary>
/// The store's write generation: a number kept in the store and advanced in the same transaction as every write that
/// changes data (a change set of any kind, a data migration), so neither is ever seen without the other. A write that
/// changes nothing, a refused or failed write, and reads leave it as it is. <see cref="StoreId"/> names this store's
/// data: it is made when the generation is first kept (a new or emptied store makes a new one), so the pair never
/// names two different contents of one store.
/// <para>
/// Whoever caches the store's answers compares the pair with the one it saw before: different means some process wrote
/// since (<see cref="CachingGraphStore"/>). Only equality means anything; the value is not a count of writes (a retried
/// write may advance it twice).
/// </para>
/// </summary>
public readonly record struct WriteGeneration(string StoreId, long Value)
{
    /// <summary><c>storeId:value</c>: changes whenever the store's data may have changed (usable as an HTTP validator).</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StoreId}:{Value}");
}
