namespace GraphIntel.GraphQL.Types;

/// <summary>graphql-js <c>didYouMean</c> and <c>suggestionList</c>: "Did you mean …?" hints for misspelt names.</summary>
public static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The options close to <paramref name="input"/>, closest first (graphql-js <c>suggestionList</c>).</summary>
    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var distances = new List<(string Option, int Distance)>();
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var lowerInput = input.ToLowerInvariant();
        foreach (var option in options)
        {
            var distance = LexicalDistance(input, lowerInput, option, threshold);
            if (distance is { } d)
            {
                distances.Add((option, d));
            }
        }
        distances.Sort((a, b) => a.Distance != b.Distance ? a.Distance - b.Distance : Ordering.NaturalCompare(a.Option, b.Option));
        var result = new string[distances.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = distances[i].Option;
        }
        return result;
    }

    /// <summary>" Did you mean "a", "b", or "c"?" (empty when there are no suggestions), graphql-js <c>didYouMean</c>.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }
        var message = " Did you mean " + (subMessage is null ? "" : subMessage + " ");
        if (suggestions.Count == 1)
        {
            return message + Quote(suggestions[0]) + "?";
        }
        if (suggestions.Count == 2)
        {
            return message + Quote(suggestions[0]) + " or " + Quote(suggestions[1]) + "?";
        }
        var count = Math.Min(suggestions.Count, MaxSuggestions);
        var parts = new List<string>(count);
        for (var i = 0; i < count - 1; i++)
        {
            parts.Add(Quote(suggestions[i]));
        }
        return message + string.Join(", ", parts) + ", or " + Quote(suggestions[count - 1]) + "?";
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private static int? LexicalDistance(string input, string lowerInput, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }
        var lowerOption = option.ToLowerInvariant();
        if (lowerInput == lowerOption)
        {
            return 1;
        }
        var a = lowerInput;
        var b = lowerOption;
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }
        if (a.Length - b.Length > threshold)
        {
            return null;
        }
        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallestCell = currentRow[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    var doubleDiagonalCell = rows[(i - 2) % 3][j - 2];
                    currentCell = Math.Min(currentCell, doubleDiagonalCell + 1);
                }
                if (currentCell < smallestCell)
                {
                    smallestCell = currentCell;
                }
                currentRow[j] = currentCell;
            }
            if (smallestCell > threshold)
            {
                return null;
            }
        }
        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }
}
