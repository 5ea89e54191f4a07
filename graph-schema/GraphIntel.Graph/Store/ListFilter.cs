namespace GraphIntel.Graph.Store;

/// <summary>
/// The one meaning of a list-valued filter, for every backend and the API: null keeps everything the filter's default
/// keeps, and an empty list is the same as null (no constraint), never "match nothing". The query records apply it
/// when built, so no backend sees an empty list.
/// </summary>
internal static class ListFilter
{
    /// <summary><paramref name="values"/>, or null when it is empty.</summary>
    public static IReadOnlyCollection<T>? NullIfEmpty<T>(IReadOnlyCollection<T>? values) => values is { Count: 0 } ? null : values;
}
