namespace GraphIntel.Api.Resolvers;

/// <summary>Reads fields of a coerced input object (a dictionary), converting like the engine converts arguments.</summary>
internal static class Input
{
    public static T? Get<T>(IReadOnlyDictionary<string, object?>? input, string name) =>
        input is not null && input.TryGetValue(name, out var value) && value is not null ? (T?)ConvertTo(value, typeof(T)) : default;

    public static IReadOnlyList<T>? GetList<T>(IReadOnlyDictionary<string, object?>? input, string name) =>
        input is not null && input.TryGetValue(name, out var value) && value is object?[] items ? items.Select(i => (T)i!).ToList() : null;

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Objects(IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is object?[] items
            ? items.OfType<IReadOnlyDictionary<string, object?>>().ToList()
            : [];

    private static object? ConvertTo(object value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        return underlying.IsInstanceOfType(value) ? value : Convert.ChangeType(value, underlying, System.Globalization.CultureInfo.InvariantCulture);
    }
}
