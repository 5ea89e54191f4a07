using System.Globalization;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>Custom scalars coerce through their bound <see cref="IScalarCoercion"/> in all three directions.</summary>
public sealed class CustomScalarTests
{
    private sealed class DateCoercion : IScalarCoercion
    {
        public object? Serialize(object value) => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public object? ParseValue(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
            valueNode is StringValueNode s
                ? ParseValue(s.Value)
                : throw new GraphQLException(new GraphQLError("Date literals are strings like \"2001-09-11\".", [valueNode]));
    }

    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { next(after: Date!): Date }
        scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
        """)
        .BindScalar("Date", new DateCoercion())
        .BindResolver("Query", "next", c => c.GetArgument<DateOnly>("after").AddDays(1))
        .Build();

    [Fact]
    public async Task Literals_variables_and_results_use_the_bound_coercion()
    {
        AssertJson("""{"data":{"next":"2001-09-12"}}""", await ExecuteJsonAsync(Schema, """{ next(after: "2001-09-11") }"""));
        AssertJson("""{"data":{"next":"2021-08-31"}}""",
            await ExecuteJsonAsync(Schema, "query($d: Date!) { next(after: $d) }", Variables(("d", "2021-08-30"))));
        Assert.Equal("https://tools.ietf.org/html/rfc3339", ((ScalarType)Schema.GetType("Date")!).SpecifiedByUrl);
    }

    [Fact]
    public async Task Coercion_failures_name_the_type()
    {
        var json = await ExecuteJsonAsync(Schema, "query($d: Date!) { next(after: $d) }", Variables(("d", "30/08/2021")));
        AssertJson(
            """{"errors":[{"message":"Variable \"$d\" got invalid value \"30/08/2021\"; Expected type \"Date\". String '30/08/2021' was not recognized as a valid DateOnly.","locations":[{"line":1,"column":7}]}]}""",
            json);
    }
}
