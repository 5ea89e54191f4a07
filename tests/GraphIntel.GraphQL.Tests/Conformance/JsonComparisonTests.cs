using System.Text.Json;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>The response comparison the conformance tests rely on must see every kind of difference.</summary>
public sealed class JsonComparisonTests
{
    [Theory]
    [InlineData("""{"data":{"a":1,"b":2}}""", """{"data":{"b":2,"a":1}}""", "expected keys [a, b], got [b, a]")]
    [InlineData("""{"data":{"a":1}}""", """{"data":{"a":1.5}}""", "at $.data.a: expected 1, got 1.5")]
    [InlineData("""{"data":{"a":"x"}}""", """{"data":{"a":null}}""", "at $.data.a: expected \"x\", got null")]
    [InlineData("""{"data":{"a":[1,2]}}""", """{"data":{"a":[2,1]}}""", "at $.data.a[0]: expected 1, got 2")]
    [InlineData("""{"data":{"a":true}}""", """{"data":{"a":false}}""", "at $.data.a: expected true, got false")]
    [InlineData("""{"errors":[{"message":"m"}]}""", """{"errors":[{"message":"n"}]}""", "at $.errors[?].message: expected \"m\", got \"n\"")]
    [InlineData("""{"errors":[{"message":"m"}],"data":null}""", """{"data":null}""", "expected keys [errors, data], got [data]")]
    public void Reports_differences(string expected, string actual, string difference)
    {
        var differences = JsonComparison.ResponseDifferences(Parse(expected), Parse(actual));

        Assert.Contains(differences, d => d.Contains(difference, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"data":{"a":1}}""", """{"data":{"a":1.0}}""")]
    [InlineData("""{"errors":[{"message":"a"},{"message":"b"}],"data":null}""", """{"errors":[{"message":"b"},{"message":"a"}],"data":null}""")]
    public void Accepts_equal_responses(string expected, string actual) =>
        Assert.Empty(JsonComparison.ResponseDifferences(Parse(expected), Parse(actual)));

    [Fact]
    public void Only_top_level_errors_are_unordered()
    {
        var differences = JsonComparison.ResponseDifferences(
            Parse("""{"errors":[{"message":"a","path":["x",0]}]}"""),
            Parse("""{"errors":[{"message":"a","path":[0,"x"]}]}"""));

        Assert.NotEmpty(differences);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
