using System.Text.RegularExpressions;

namespace GraphIntel.Graph.Dataset.Parsing;

/// <summary>Ids are readable slugs: <c>org/…</c>, <c>person/…</c>, <c>place/…</c>, <c>source/…</c>, lowercase ASCII words joined by '-'.</summary>
internal static partial class IdRules
{
    /// <summary>Null when <paramref name="id"/> is a well-formed id with <paramref name="prefix"/>; else what is wrong.</summary>
    public static string? Check(string id, string prefix)
    {
        if (!id.StartsWith(prefix + "/", StringComparison.Ordinal))
            return $"id '{id}' must start with '{prefix}/'";
        return Slug().IsMatch(id.AsSpan(prefix.Length + 1))
            ? null
            : $"id '{id}' must be '{prefix}/' and a lowercase ASCII slug (letters, digits, words joined by '-')";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
