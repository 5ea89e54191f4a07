namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>A parameterized Cypher statement: the text is always a constant; values travel as parameters.</summary>
internal sealed record Statement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public Statement(string text) : this(text, new Dictionary<string, object?>()) { }
}

/// <summary>The rows one statement returned: column names and each row's values as JSON.</summary>
internal sealed record StatementResult(IReadOnlyList<string> Columns, IReadOnlyList<System.Text.Json.JsonElement[]> Rows);
