using System.Text.Json;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Types;

/// <summary>
/// The coercion rules of spec §3.5 for each built-in scalar and each direction: every result and error message is
/// graphql-js's for the same input (<c>GraphQLInt.serialize</c> and so on, asked in one node run for the class,
/// tests/conformance/scalar-oracle.mjs), as is JavaScript's printing of numbers (<see cref="JsNumber"/>).
/// </summary>
public sealed class BuiltInScalarTests
{
    private const string Serialize = "serialize";
    private const string ParseValue = "parseValue";
    private const string ParseLiteral = "parseLiteral";

    /// <summary>(scalar, direction, input): a CLR value for serialize and parseValue, GraphQL value text for parseLiteral.</summary>
    public static TheoryData<string, string, object> Coercions => new()
    {
        { "Int", Serialize, 1 }, { "Int", Serialize, -5L }, { "Int", Serialize, 3.0 }, { "Int", Serialize, true }, { "Int", Serialize, false },
        { "Int", Serialize, "12" }, { "Int", Serialize, 2147483647L }, { "Int", Serialize, 1.5 }, { "Int", Serialize, "abc" }, { "Int", Serialize, "" },
        { "Int", Serialize, 2147483648L }, { "Int", Serialize, -1e100 },
        { "Int", ParseValue, 7L }, { "Int", ParseValue, 7.0 }, { "Int", ParseValue, "7" }, { "Int", ParseValue, true }, { "Int", ParseValue, 0.1 },
        { "Int", ParseValue, 3000000000L },
        { "Int", ParseLiteral, "-3" }, { "Int", ParseLiteral, "1.5" }, { "Int", ParseLiteral, "\"1\"" }, { "Int", ParseLiteral, "2147483648" },
        { "Float", Serialize, 1.5 }, { "Float", Serialize, 2 }, { "Float", Serialize, true }, { "Float", Serialize, "0.25" }, { "Float", Serialize, "x" },
        { "Float", Serialize, double.NaN },
        { "Float", ParseValue, 3L }, { "Float", ParseValue, "3" },
        { "Float", ParseLiteral, "2" }, { "Float", ParseLiteral, "1e3" }, { "Float", ParseLiteral, "true" },
        { "String", Serialize, "a" }, { "String", Serialize, true }, { "String", Serialize, 42 }, { "String", Serialize, 1.5 },
        { "String", Serialize, new[] { 1, 2 } },
        { "String", ParseValue, 1L },
        { "String", ParseLiteral, "\"abc\"" }, { "String", ParseLiteral, "ENUM" },
        { "Boolean", Serialize, true }, { "Boolean", Serialize, 0 }, { "Boolean", Serialize, -2.5 }, { "Boolean", Serialize, "true" },
        { "Boolean", ParseValue, 1L },
        { "Boolean", ParseLiteral, "false" }, { "Boolean", ParseLiteral, "1" },
        { "ID", Serialize, "x1" }, { "ID", Serialize, 12L }, { "ID", Serialize, 1.5 }, { "ID", Serialize, true },
        { "ID", ParseValue, 7L }, { "ID", ParseValue, 7.5 },
        { "ID", ParseLiteral, "42" }, { "ID", ParseLiteral, "\"a\"" }, { "ID", ParseLiteral, "4.2" },
    };

    /// <summary>Numbers whose text must be JavaScript's <c>String(number)</c>.</summary>
    public static TheoryData<double> Numbers => [0.0, 1.5, -2.0, 1e21, 1e20, 1e-7, 0.000001, 123456.789, 1.5e-10];

    /// <summary>The CLR type each scalar's results have: our own choice (graphql-js has only JavaScript's).</summary>
    private static readonly Dictionary<string, Type> ResultTypes = new()
    {
        ["Int"] = typeof(int), ["Float"] = typeof(double), ["String"] = typeof(string), ["Boolean"] = typeof(bool), ["ID"] = typeof(string),
    };

    private static readonly Lazy<Task<Dictionary<string, JsonElement>>> GraphqlJs = new(async () =>
    {
        var requests = ((IEnumerable<object?[]>)Coercions).Select(row => Request((string)row[0]!, (string)row[1]!, row[2]!))
            .Concat(((IEnumerable<object?[]>)Numbers).Select(row => Request(null, "numberToString", row[0]!)))
            .Distinct() // 7L and 7.0 are one number in JavaScript
            .ToList();
        var answers = (await NodeRunner.AskAsync("scalar-oracle.mjs", "[" + string.Join(",", requests) + "]")).EnumerateArray().ToList();
        Assert.Equal(requests.Count, answers.Count);
        return requests.Zip(answers).ToDictionary(pair => pair.First, pair => pair.Second);
    });

    [Theory]
    [MemberData(nameof(Coercions))]
    public async Task Coerces_like_graphql_js(string scalar, string direction, object input)
    {
        var expected = (await GraphqlJs.Value)[Request(scalar, direction, input)];
        var type = BuiltInScalars.Get(scalar)!;
        object? result = null;
        string? error = null;
        try
        {
            result = direction switch
            {
                Serialize => type.Serialize(input),
                ParseValue => type.ParseValue(input),
                _ => type.ParseLiteral(Parser.ParseValue((string)input)),
            };
        }
        catch (GraphQLException exception)
        {
            error = exception.Errors[0].Message;
        }

        if (expected.TryGetProperty("error", out var message))
        {
            Assert.Equal(message.GetString(), error);
            return;
        }
        Assert.Null(error);
        Assert.Equal(expected.GetProperty("value").GetRawText(), JsonSerializer.Serialize(result));
        Assert.IsType(ResultTypes[scalar], result);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task Numbers_print_as_javascript_does(double value) =>
        Assert.Equal((await GraphqlJs.Value)[Request(null, "numberToString", value)].GetProperty("value").GetString(), JsNumber.ToString(value));

    /// <summary>The oracle's request for a row, as JSON text (also the row's key): NaN, which JSON lacks, is flagged.</summary>
    private static string Request(string? scalar, string op, object input) =>
        JsonSerializer.Serialize(input is double.NaN
            ? new Dictionary<string, object?> { ["scalar"] = scalar, ["op"] = op, ["value"] = "NaN", ["nan"] = true }
            : new Dictionary<string, object?> { ["scalar"] = scalar, ["op"] = op, [op == ParseLiteral ? "literal" : "value"] = input });
}
