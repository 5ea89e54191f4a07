using System.Collections.Frozen;
using System.Text;

namespace GraphIntel.Graph.Ontology;

/// <summary>
/// The one mapping between the C# enums and their contract spelling (SCREAMING_SNAKE_CASE, as in
/// api/GraphIntel.Api/Schema/contract.graphql and the data files): <c>UnderUmbrellaOf</c> ⇄ <c>UNDER_UMBRELLA_OF</c>.
/// </summary>
public static class EnumNames
{
    public static string ToContractName<T>(T value) where T : struct, Enum => Cache<T>.ToName[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Cache<T>.FromName.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name}; expected one of {string.Join(", ", ContractNames<T>())}.");

    public static IReadOnlyList<string> ContractNames<T>() where T : struct, Enum => Cache<T>.Names;

    private static string ToScreamingSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToName =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => ToScreamingSnake(v.ToString()));
        public static readonly FrozenDictionary<string, T> FromName =
            ToName.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        public static readonly string[] Names = ToName.Values.ToArray();
    }
}
