using System.Text.Json;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>
/// Compares our parser with graphql-js's on a batch of documents (tests/conformance/parse-oracle.mjs, one node run):
/// both accept and print alike, or both refuse at the same line and column.
/// </summary>
internal static class GraphqlJsParse
{
    /// <summary>One line per document on which we and graphql-js differ (empty when none do).</summary>
    public static async Task<List<string>> DifferencesAsync(IReadOnlyList<string> documents)
    {
        var file = Path.Combine(Path.GetTempPath(), $"graphintel-parse-oracle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "[" + string.Join(",", documents.Select(JsonString)) + "]");
        try
        {
            var run = await NodeRunner.RunScriptAsync("parse-oracle.mjs", file);
            Assert.True(run.ExitCode == 0, run.ToString());
            var oracle = JsonDocument.Parse(run.StandardOutput).RootElement.EnumerateArray().ToArray();
            Assert.Equal(documents.Count, oracle.Length);
            var differences = new List<string>();
            for (var i = 0; i < documents.Count; i++)
            {
                if (Difference(documents[i], oracle[i]) is { } difference) differences.Add($"{difference}\n  document: {JsonSerializer.Serialize(documents[i])}");
            }
            return differences;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Difference(string text, JsonElement oracle)
    {
        Assert.False(oracle.TryGetProperty("crash", out var crash), $"graphql-js crashed: {crash}");
        DocumentNode? document = null;
        GraphQLSyntaxException? error = null;
        try { document = Parser.Parse(text, new ParseOptions { MaxDepth = 10_000, MaxTokens = 1_000_000 }); }
        catch (GraphQLSyntaxException e) { error = e; }
        catch (InsufficientExecutionStackException) { return null; } // graphql-js has no depth limit; ours with a huge one may still run out of stack.
        var ok = oracle.GetProperty("ok").GetBoolean();
        if (ok && error is not null) return $"graphql-js accepts it, we refuse it: {error.Message}";
        if (!ok && document is not null) return $"graphql-js refuses it ({oracle.GetProperty("message").GetString()}), we accept it";
        if (ok)
        {
            var printed = Printer.Print(document!);
            var expected = oracle.GetProperty("printed").GetString();
            return printed == expected ? null : $"printed differently:\n  ours:       {printed}\n  graphql-js: {expected}";
        }
        var location = error!.Location;
        var (line, column) = (oracle.GetProperty("line").GetInt32(), oracle.GetProperty("column").GetInt32());
        return location.Line == line && location.Column == column ? null
            : $"error at {location.Line}:{location.Column} ({error.Message}), graphql-js at {line}:{column} ({oracle.GetProperty("message").GetString()})";
    }

    /// <summary>
    /// A JSON string with every character but printable ASCII escaped as \uXXXX, so lone surrogates reach graphql-js as
    /// they are (System.Text.Json and UTF-8 would replace them with U+FFFD).
    /// </summary>
    private static string JsonString(string text)
    {
        var json = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not ('"' or '\\')) json.Append(c);
            else json.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return json.Append('"').ToString();
    }
}
