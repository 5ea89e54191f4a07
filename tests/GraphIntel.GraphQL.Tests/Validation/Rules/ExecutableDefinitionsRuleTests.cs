using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="ExecutableDefinitionsRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class ExecutableDefinitionsRuleTests
{
    private static readonly ExecutableDefinitionsRule Rule = ExecutableDefinitionsRule.Instance;

    [Fact]
    public void AcceptsOperationsAndFragments() => ExpectValid(Rule,
        """
        query Q { dog { ...F } }
        fragment F on Dog { name }
        """);

    [Fact]
    public void RejectsTypeDefinitions() => ExpectErrors(Rule,
        """
        { dog { name } }
        type Cow { name: String }
        extend type Dog { color: String }
        """,
        Error("The \"Cow\" definition is not executable.", "2:1"),
        Error("The \"Dog\" definition is not executable.", "3:1"));

    [Fact]
    public void NamesSchemaDefinitionsAsSchema() => ExpectErrors(Rule,
        """
        schema { query: QueryRoot }
        { dog { name } }
        """,
        Error("The schema definition is not executable.", "1:1"));
}
