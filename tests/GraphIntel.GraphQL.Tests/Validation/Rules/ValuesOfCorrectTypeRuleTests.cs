using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="ValuesOfCorrectTypeRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class ValuesOfCorrectTypeRuleTests
{
    private static readonly ValuesOfCorrectTypeRule Rule = ValuesOfCorrectTypeRule.Instance;

    [Fact]
    public Task AcceptsCoercibleLiterals() => ExpectValidAsGraphqlJs(Rule,
        """
        { complicatedArgs { intArgField(intArg: -3) floatArgField(floatArg: 4) idArgField(idArg: 5) stringListArgField(stringListArg: "one") enumArgField(enumArg: TAN) complexArgField(complexArg: { requiredField: true, nested: { requiredField: false } }) } }
        """);

    [Fact]
    public Task RejectsWrongScalarLiterals() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { complicatedArgs { intArgField(intArg: 2147483648) booleanArgField(booleanArg: 1) } }
        """,
        Error("Int cannot represent non 32-bit signed integer value: 2147483648", "1:41"),
        Error("Boolean cannot represent a non boolean value: 1", "1:81"));

    [Fact]
    public Task RejectsWrongEnumLiteralsWithSuggestion() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { complicatedArgs { enumArgField(enumArg: Tan) } }
        """,
        Error("Value \"Tan\" does not exist in \"FurColor\" enum. Did you mean the enum value \"TAN\"?", "1:43"));

    [Fact]
    public Task RejectsMissingAndUnknownInputFields() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { complicatedArgs { complexArgField(complexArg: { intFeld: 1 }) } }
        """,
        Error("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", "1:49"),
        Error("Field \"intFeld\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?", "1:51"));

    [Fact]
    public Task RejectsNullForNonNull() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }
        """,
        Error("Expected value of type \"Int!\", found null.", "1:55"));

    [Fact]
    public Task RejectsOneOfWithoutExactlyOneNonNullKey() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { a: findPet(lookup: { byId: "1", byName: "Rex" }) { name } b: findPet(lookup: { byName: null }) { name } }
        """,
        Error("OneOf Input Object \"PetLookup\" must specify exactly one key.", "1:22"),
        Error("Field \"PetLookup.byName\" must be non-null.", "1:80"));
}
