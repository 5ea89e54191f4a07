namespace GraphIntel.Graph.Store;

/// <summary>
/// How long the store's lists run: what a reader's cost is estimated from (the API prices a list a query can't bound
/// by these). Counts include every status, retracted facts too.
/// </summary>
/// <param name="Sources">How many sources.</param>
/// <param name="CitationsPerSource">The citations of each source.</param>
/// <param name="CitationsPerRecord">The citations of each entity, relationship and strength estimate.</param>
/// <param name="RelationshipsPerEntity">The relationships at each entity, outgoing and incoming.</param>
/// <param name="EstimatesPerOrganization">The strength estimates of each organization.</param>
/// <param name="MaxSourceTextLength">The longest source text, in characters (UTF-16 code units).</param>
public sealed record StoreCardinalities(
    int Sources,
    ListLengths CitationsPerSource,
    ListLengths CitationsPerRecord,
    ListLengths RelationshipsPerEntity,
    ListLengths EstimatesPerOrganization,
    long MaxSourceTextLength);

/// <summary>
/// The lengths of one kind of list (the citations of each source, say) over the owners that have at least one item.
/// </summary>
/// <param name="Lists">How many owners have at least one item.</param>
/// <param name="Items">How many items in all (Σ n).</param>
/// <param name="SumOfSquares">Σ n² over the lists: with <paramref name="Items"/>, the length-biased mean.</param>
/// <param name="Longest">The longest list.</param>
public sealed record ListLengths(long Lists, long Items, long SumOfSquares, long Longest)
{
    /// <summary>No lists at all.</summary>
    public static ListLengths None { get; } = new(0, 0, 0, 0);

    /// <summary>
    /// The expected length of the list an item belongs to (Σ n² / Σ n): what a list reached by following a link
    /// (a citation's source, a relationship's end) is expected to hold, since long lists (hubs) are reached more
    /// often. Never less than the plain mean.
    /// </summary>
    public double LengthBiasedMean => Items == 0 ? 0 : (double)SumOfSquares / Items;
}
