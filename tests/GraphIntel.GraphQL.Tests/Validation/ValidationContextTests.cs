using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Validation;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary><see cref="ValidationContext"/>: fragment lookups, variable usages and the error bound.</summary>
public sealed class ValidationContextTests
{
    private const string Document = """
        query Q($x: Int, $c: ComplexInput) { dog { ...A ... on Dog { ...B } isAtLocation(x: $x) } complicatedArgs { complexArgField(complexArg: $c) } }
        fragment A on Dog { ...C mother { ...B } }
        fragment B on Dog { isAtLocation(y: $y) }
        fragment C on Dog { name }
        fragment A on Dog { barks }
        """;

    [Fact]
    public void TheLastDefinitionOfAFragmentNameWins()
    {
        var (context, _) = Create();
        Assert.Equal("barks", ((FieldNode)context.GetFragment("A")!.SelectionSet.Selections[0]).Name.Value);
        Assert.Null(context.GetFragment("Missing"));
    }

    [Fact]
    public void FindsSpreadsThroughFieldsAndInlineFragmentsButNotIntoFragments()
    {
        var (context, operation) = Create();
        Assert.Equal(["A", "B"], context.GetFragmentSpreads(operation.SelectionSet).Select(s => s.Name.Value).Order());
    }

    [Fact]
    public void ReachesFragmentsThroughTheLastDefinitionOfEachName()
    {
        // The second "A" spreads nothing, so "C" (spread only by the first "A") is not reached.
        var (context, operation) = Create();
        Assert.Equal(["A", "B"], context.GetRecursivelyReferencedFragments(operation).Select(f => f.Name.Value));
    }

    [Fact]
    public void ReachesFragmentsBreadthFirstEachOnce()
    {
        var document = Parser.Parse("""
            { dog { ...A ...B } }
            fragment A on Dog { ...C ...B }
            fragment B on Dog { ...D }
            fragment C on Dog { ...A }
            fragment D on Dog { name }
            """);
        var context = new ValidationContext(ValidationHarness.Schema, document, new TypeInfo(ValidationHarness.Schema));
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal(["A", "B", "C", "D"], context.GetRecursivelyReferencedFragments(operation).Select(f => f.Name.Value));
    }

    [Fact]
    public void CollectsVariableUsagesWithTheirExpectedTypesAndDefaults()
    {
        var (context, operation) = Create();
        var usages = context.GetRecursiveVariableUsages(operation)
            .Select(u => $"${u.Node.Name.Value}: {u.Type}{(u.DefaultValue is null ? "" : " (has default)")}")
            .ToList();
        Assert.Equal(["$x: Int", "$c: ComplexInput", "$y: Int"], usages);
        Assert.Same(context.GetRecursiveVariableUsages(operation), context.GetRecursiveVariableUsages(operation));
    }

    [Fact]
    public void BoundsTheErrorsAndAddsOneAbortError()
    {
        var (context, _) = Create(maxErrors: 1);
        context.ReportError(new GraphQLError("first"));
        Assert.False(context.IsAborted);
        context.ReportError(new GraphQLError("second"));
        context.ReportError(new GraphQLError("third"));
        Assert.True(context.IsAborted);
        Assert.Equal(["first", ValidationContext.TooManyErrorsMessage], context.Errors.Select(e => e.Message));
    }

    [Fact]
    public void AbortsOnceWhenTheFragmentWorkBudgetRunsOut()
    {
        var (context, _) = Create();
        Assert.True(context.SpendFragmentWork(ValidationContext.MaxFragmentWork));
        Assert.False(context.SpendFragmentWork(1));
        Assert.False(context.SpendFragmentWork(1));
        Assert.Equal([ValidationContext.AbortedMessage], context.Errors.Select(e => e.Message));
    }

    private static (ValidationContext Context, OperationDefinitionNode Operation) Create(int maxErrors = DocumentValidator.DefaultMaxErrors)
    {
        var document = Parser.Parse(Document);
        var schema = ValidationHarness.Schema;
        return (new ValidationContext(schema, document, new TypeInfo(schema), maxErrors), (OperationDefinitionNode)document.Definitions[0]);
    }
}
