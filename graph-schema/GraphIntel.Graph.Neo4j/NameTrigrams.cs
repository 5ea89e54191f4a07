namespace GraphIntel.Graph.Neo4j;

/// <summary>The trigrams of a name key padded with a space at each end, as stored on (:Name) nodes.</summary>
internal static class NameTrigrams
{
    public static IEnumerable<string> Of(string key)
    {
        var padded = " " + key + " ";
        for (var i = 0; i + 3 <= padded.Length; i++) yield return padded.Substring(i, 3);
    }
}
