using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="ExecutableDefinitionsRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class ExecutableDefinitionsRuleTests
{
    private static readonly ExecutableDefinitionsRule Rule = ExecutableDefinitionsRule.Instance;

    [Fact]
    public Task AcceptsOperationsAndFragments() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q { dog { ...F } }
        fragment F on Dog { name }
        """);

    [Fact]
    public Task RejectsTypeDefinitions() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { name } }
        type Cow { name: String }
        extend type Dog { color: String }
        """,
        Error("The \"Cow\" definition is not executable.", "2:1"),
        Error("The \"Dog\" definition is not executable.", "3:1"));

    [Fact]
    public Task NamesSchemaDefinitionsAsSchema() => ExpectErrorsAsGraphqlJs(Rule,
        """
        schema { query: QueryRoot }
        { dog { name } }
        """,
        Error("The schema definition is not executable.", "1:1"));
}
