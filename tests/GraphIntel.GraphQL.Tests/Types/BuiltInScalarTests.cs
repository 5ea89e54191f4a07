using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Types;

/// <summary>The coercion rules of spec §3.5 with graphql-js's messages, for each built-in scalar and each direction.</summary>
public sealed class BuiltInScalarTests
{
    private static string ErrorOf(Action action) => Assert.Throws<GraphQLException>(action).Errors[0].Message;

    private static ValueNode Literal(string text) => Parser.ParseValue(text);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(-5L, -5)]
    [InlineData(3.0, 3)]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    [InlineData("12", 12)]
    [InlineData(2147483647L, int.MaxValue)]
    public void Int_serializes_integers_booleans_and_numeric_strings(object value, int expected) =>
        Assert.Equal(expected, BuiltInScalars.Int.Serialize(value));

    [Theory]
    [InlineData(1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData("abc", "Int cannot represent non-integer value: \"abc\"")]
    [InlineData("", "Int cannot represent non-integer value: \"\"")]
    [InlineData(2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData(-1e100, "Int cannot represent non 32-bit signed integer value: -1e+100")]
    public void Int_serialize_rejects(object value, string message) =>
        Assert.Equal(message, ErrorOf(() => BuiltInScalars.Int.Serialize(value)));

    [Fact]
    public void Int_parse_value_accepts_only_integral_numbers()
    {
        Assert.Equal(7, BuiltInScalars.Int.ParseValue(7L));
        Assert.Equal(7, BuiltInScalars.Int.ParseValue(7.0));
        Assert.Equal("Int cannot represent non-integer value: \"7\"", ErrorOf(() => BuiltInScalars.Int.ParseValue("7")));
        Assert.Equal("Int cannot represent non-integer value: true", ErrorOf(() => BuiltInScalars.Int.ParseValue(true)));
        Assert.Equal("Int cannot represent non-integer value: 0.1", ErrorOf(() => BuiltInScalars.Int.ParseValue(0.1)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 3000000000", ErrorOf(() => BuiltInScalars.Int.ParseValue(3000000000L)));
    }

    [Fact]
    public void Int_parse_literal()
    {
        Assert.Equal(-3, BuiltInScalars.Int.ParseLiteral(Literal("-3")));
        Assert.Equal("Int cannot represent non-integer value: 1.5", ErrorOf(() => BuiltInScalars.Int.ParseLiteral(Literal("1.5"))));
        Assert.Equal("Int cannot represent non-integer value: \"1\"", ErrorOf(() => BuiltInScalars.Int.ParseLiteral(Literal("\"1\""))));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", ErrorOf(() => BuiltInScalars.Int.ParseLiteral(Literal("2147483648"))));
    }

    [Fact]
    public void Float_coercion()
    {
        Assert.Equal(1.5, BuiltInScalars.Float.Serialize(1.5));
        Assert.Equal(2d, BuiltInScalars.Float.Serialize(2));
        Assert.Equal(1d, BuiltInScalars.Float.Serialize(true));
        Assert.Equal(0.25, BuiltInScalars.Float.Serialize("0.25"));
        Assert.Equal("Float cannot represent non numeric value: \"x\"", ErrorOf(() => BuiltInScalars.Float.Serialize("x")));
        Assert.Equal("Float cannot represent non numeric value: NaN", ErrorOf(() => BuiltInScalars.Float.Serialize(double.NaN)));
        Assert.Equal(3d, BuiltInScalars.Float.ParseValue(3L));
        Assert.Equal("Float cannot represent non numeric value: \"3\"", ErrorOf(() => BuiltInScalars.Float.ParseValue("3")));
        Assert.Equal(2d, BuiltInScalars.Float.ParseLiteral(Literal("2")));
        Assert.Equal(1e3, BuiltInScalars.Float.ParseLiteral(Literal("1e3")));
        Assert.Equal("Float cannot represent non numeric value: true", ErrorOf(() => BuiltInScalars.Float.ParseLiteral(Literal("true"))));
    }

    [Fact]
    public void String_coercion()
    {
        Assert.Equal("a", BuiltInScalars.String.Serialize("a"));
        Assert.Equal("true", BuiltInScalars.String.Serialize(true));
        Assert.Equal("42", BuiltInScalars.String.Serialize(42));
        Assert.Equal("1.5", BuiltInScalars.String.Serialize(1.5));
        Assert.Equal("String cannot represent value: [1, 2]", ErrorOf(() => BuiltInScalars.String.Serialize(new[] { 1, 2 })));
        Assert.Equal("String cannot represent a non string value: 1", ErrorOf(() => BuiltInScalars.String.ParseValue(1L)));
        Assert.Equal("abc", BuiltInScalars.String.ParseLiteral(Literal("\"abc\"")));
        Assert.Equal("String cannot represent a non string value: ENUM", ErrorOf(() => BuiltInScalars.String.ParseLiteral(Literal("ENUM"))));
    }

    [Fact]
    public void Boolean_coercion()
    {
        Assert.Equal(true, BuiltInScalars.Boolean.Serialize(true));
        Assert.Equal(false, BuiltInScalars.Boolean.Serialize(0));
        Assert.Equal(true, BuiltInScalars.Boolean.Serialize(-2.5));
        Assert.Equal("Boolean cannot represent a non boolean value: \"true\"", ErrorOf(() => BuiltInScalars.Boolean.Serialize("true")));
        Assert.Equal("Boolean cannot represent a non boolean value: 1", ErrorOf(() => BuiltInScalars.Boolean.ParseValue(1L)));
        Assert.Equal(false, BuiltInScalars.Boolean.ParseLiteral(Literal("false")));
        Assert.Equal("Boolean cannot represent a non boolean value: 1", ErrorOf(() => BuiltInScalars.Boolean.ParseLiteral(Literal("1"))));
    }

    [Fact]
    public void Id_coercion()
    {
        Assert.Equal("x1", BuiltInScalars.Id.Serialize("x1"));
        Assert.Equal("12", BuiltInScalars.Id.Serialize(12L));
        Assert.Equal("ID cannot represent value: 1.5", ErrorOf(() => BuiltInScalars.Id.Serialize(1.5)));
        Assert.Equal("ID cannot represent value: true", ErrorOf(() => BuiltInScalars.Id.Serialize(true)));
        Assert.Equal("7", BuiltInScalars.Id.ParseValue(7L));
        Assert.Equal("ID cannot represent value: 7.5", ErrorOf(() => BuiltInScalars.Id.ParseValue(7.5)));
        Assert.Equal("42", BuiltInScalars.Id.ParseLiteral(Literal("42")));
        Assert.Equal("a", BuiltInScalars.Id.ParseLiteral(Literal("\"a\"")));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 4.2", ErrorOf(() => BuiltInScalars.Id.ParseLiteral(Literal("4.2"))));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2.0, "-2")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1.5e-10, "1.5e-10")]
    public void Numbers_print_as_javascript_does(double value, string expected) =>
        Assert.Equal(expected, JsNumber.ToString(value));
}
