using System.Text.Json;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>
/// What graphql-js is asked to read (tests/conformance/parse-oracle.mjs): <see cref="Text"/> as a whole document, or as
/// a value, const value, type, token stream or string value (<see cref="As"/>).
/// </summary>
internal sealed record ParseRequest(string Text, string As = ParseRequest.Document)
{
    public const string Document = "document";
    public const string Value = "value";
    public const string ConstValue = "constValue";
    public const string Type = "type";
    public const string Tokens = "tokens";
    public const string StringValue = "string";
    public const string Visit = "visit";
}

/// <summary>A token as graphql-js's <c>Lexer</c> reads it (kind as graphql-js names it: <c>Name</c>, <c>Int</c>, <c>"}"</c>…).</summary>
internal sealed record GraphqlJsToken(string Kind, string? Value, int Start, int End, int Line, int Column);

/// <summary>
/// One event of graphql-js's <c>visit</c>: "enter" or "leave" a node of <see cref="Kind"/> (with a field's response key,
/// a directive's or named type's <see cref="Name"/>), found under property <see cref="Key"/> of a <see cref="Parent"/>
/// node (null for an item of a list).
/// </summary>
internal sealed record GraphqlJsVisitEvent(string Event, string Kind, string? Name, string? Key, string? Parent);

/// <summary>
/// graphql-js's answer to a <see cref="ParseRequest"/>: when it reads the text, what it printed (or the tokens it
/// read, or its visit's events); otherwise its syntax error's message (with the "Syntax Error: " prefix) and location.
/// </summary>
internal sealed record GraphqlJsAnswer(
    bool Ok, string? Printed, IReadOnlyList<GraphqlJsToken>? Tokens, string? Message, int Line, int Column, IReadOnlyList<GraphqlJsVisitEvent>? Events = null)
{
    /// <summary>The syntax error graphql-js reports; fails the test when graphql-js reads the text without one.</summary>
    public (string Message, SourceLocation Location) Error
    {
        get
        {
            Assert.False(Ok, $"graphql-js reads it without an error: {Printed ?? string.Join(" ", Tokens ?? [])}");
            return (Message!, new SourceLocation(Line, Column));
        }
    }

    /// <summary>What graphql-js printed; fails the test when it refused the text.</summary>
    public string Print => Ok ? Printed! : throw new Xunit.Sdk.XunitException($"graphql-js refuses it: {Message} at {Line}:{Column}");
}

/// <summary>
/// graphql-js's answers to a test class's fixed requests, asked in one node run on the first use (node starts in about
/// 100 ms, so a theory asks once for all its rows, not once per row).
/// </summary>
internal sealed class GraphqlJsAnswers(IEnumerable<ParseRequest> requests)
{
    private readonly Lazy<Task<Dictionary<ParseRequest, GraphqlJsAnswer>>> _answers = new(async () =>
    {
        var asked = requests.Distinct().ToList();
        var answers = await GraphqlJsParse.AnswersAsync(asked);
        return asked.Zip(answers).ToDictionary(pair => pair.First, pair => pair.Second);
    });

    public async Task<GraphqlJsAnswer> ForAsync(ParseRequest request) =>
        (await _answers.Value).TryGetValue(request, out var answer)
            ? answer
            : throw new ArgumentException($"{request} is not among the requests this class asks graphql-js", nameof(request));
}

/// <summary>
/// Asks graphql-js (tests/conformance/parse-oracle.mjs, one node run per batch) how it reads texts, and compares our
/// parser with it on documents: both accept and print alike, or both refuse at the same line and column.
/// </summary>
internal static class GraphqlJsParse
{
    /// <summary>graphql-js's answer to each request, in order.</summary>
    public static async Task<IReadOnlyList<GraphqlJsAnswer>> AnswersAsync(IReadOnlyList<ParseRequest> requests)
    {
        var output = await NodeRunner.AskAsync("parse-oracle.mjs", "[" + string.Join(",", requests.Select(Json)) + "]");
        var answers = output.EnumerateArray().Select(Answer).ToList();
        Assert.Equal(requests.Count, answers.Count);
        return answers;
    }

    /// <summary>One line per document on which we and graphql-js differ (empty when none do).</summary>
    public static async Task<List<string>> DifferencesAsync(IReadOnlyList<string> documents)
    {
        var answers = await AnswersAsync([.. documents.Select(text => new ParseRequest(text))]);
        var differences = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (Difference(documents[i], answers[i]) is { } difference) differences.Add($"{difference}\n  document: {JsonSerializer.Serialize(documents[i])}");
        }
        return differences;
    }

    private static string? Difference(string text, GraphqlJsAnswer oracle)
    {
        DocumentNode? document = null;
        GraphQLSyntaxException? error = null;
        try { document = Parser.Parse(text, new ParseOptions { MaxDepth = 10_000, MaxTokens = 1_000_000 }); }
        catch (GraphQLSyntaxException e) { error = e; }
        catch (InsufficientExecutionStackException) { return null; } // graphql-js has no depth limit; ours with a huge one may still run out of stack.
        if (oracle.Ok && error is not null) return $"graphql-js accepts it, we refuse it: {error.Message}";
        if (!oracle.Ok && document is not null) return $"graphql-js refuses it ({oracle.Message}), we accept it";
        if (oracle.Ok)
        {
            var printed = Printer.Print(document!);
            return printed == oracle.Printed ? null : $"printed differently:\n  ours:       {printed}\n  graphql-js: {oracle.Printed}";
        }
        var location = error!.Location;
        return location.Line == oracle.Line && location.Column == oracle.Column ? null
            : $"error at {location.Line}:{location.Column} ({error.Message}), graphql-js at {oracle.Line}:{oracle.Column} ({oracle.Message})";
    }

    private static GraphqlJsAnswer Answer(JsonElement oracle)
    {
        Assert.False(oracle.TryGetProperty("crash", out var crash), $"graphql-js crashed: {crash}");
        if (!oracle.GetProperty("ok").GetBoolean())
        {
            return new GraphqlJsAnswer(false, null, null, oracle.GetProperty("message").GetString(),
                oracle.GetProperty("line").GetInt32(), oracle.GetProperty("column").GetInt32());
        }
        var tokens = oracle.TryGetProperty("tokens", out var list)
            ? list.EnumerateArray().Select(t => new GraphqlJsToken(t.GetProperty("kind").GetString()!, t.GetProperty("value").GetString(),
                t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32(), t.GetProperty("line").GetInt32(), t.GetProperty("column").GetInt32())).ToList()
            : null;
        var events = oracle.TryGetProperty("events", out var visit)
            ? visit.EnumerateArray().Select(e => new GraphqlJsVisitEvent(e.GetProperty("event").GetString()!, e.GetProperty("kind").GetString()!,
                e.GetProperty("name").GetString(), e.GetProperty("key").GetString(), e.GetProperty("parent").GetString())).ToList()
            : null;
        return new GraphqlJsAnswer(true, oracle.TryGetProperty("printed", out var printed) ? printed.GetString() : null, tokens, null, 0, 0, events);
    }

    /// <summary>A document as a JSON string; any other request as <c>{"as": …, "text": …}</c>.</summary>
    private static string Json(ParseRequest request) =>
        request.As == ParseRequest.Document ? JsonString(request.Text) : $"{{\"as\":{JsonString(request.As)},\"text\":{JsonString(request.Text)}}}";

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

/// <summary>The texts of a one-argument theory's rows, to ask graphql-js about them in one batch.</summary>
internal static class TheoryDataTexts
{
    public static IEnumerable<string> Texts(this TheoryData<string> data) => ((IEnumerable<object?[]>)data).Select(row => (string)row[0]!);
}
