using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Limits;

/// <summary>
/// Rejects operations whose fields nest deeper than a bound. A root field is at depth 1; fragments count where they
/// are spread; introspection fields count like any other. Each fragment's depth is computed once, so the check is
/// linear in the document. Not a specified rule: add it to the rule list to use it.
/// </summary>
public sealed class MaxDepthRule : IValidationRule
{
    /// <summary>The <c>extensions.code</c> of the error.</summary>
    public const string ErrorCode = "QUERY_TOO_DEEP";

    /// <summary>Creates the rule with the greatest allowed depth.</summary>
    public MaxDepthRule(int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        MaxDepth = maxDepth;
    }

    /// <summary>The greatest allowed depth.</summary>
    public int MaxDepth { get; }

    /// <inheritdoc />
    public string Name => nameof(MaxDepthRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context, MaxDepth);

    /// <summary>The depth of the deepest field of <paramref name="operation"/>, following fragment spreads (cycles are cut).</summary>
    public static int DepthOf(ValidationContext context, OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        return new DepthCounter(context).Depth(operation.SelectionSet);
    }

    private sealed class Visitor(ValidationContext context, int maxDepth) : ValidationVisitor
    {
        public override VisitAction Enter(OperationDefinitionNode node)
        {
            var depth = DepthOf(context, node);
            if (depth > maxDepth)
            {
                context.ReportError(new GraphQLError(
                    $"Query depth {depth} exceeds the maximum allowed depth of {maxDepth}.",
                    [node],
                    extensions: new Dictionary<string, object?> { ["code"] = ErrorCode, ["limit"] = maxDepth, ["value"] = depth }));
            }
            return VisitAction.SkipChildren;
        }

        public override VisitAction Enter(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }

    private sealed class DepthCounter(ValidationContext context)
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public int Depth(SelectionSetNode selectionSet)
        {
            var deepest = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var depth = selection switch
                {
                    FieldNode field => 1 + (field.SelectionSet is { } children ? Depth(children) : 0),
                    InlineFragmentNode inline => Depth(inline.SelectionSet),
                    FragmentSpreadNode spread => FragmentDepth(spread.Name.Value),
                    _ => 0,
                };
                deepest = Math.Max(deepest, depth);
            }
            return deepest;
        }

        private int FragmentDepth(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known))
            {
                return known;
            }
            if (context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
            {
                return 0; // unknown fragments and cycles are other rules' errors
            }
            var depth = Depth(fragment.SelectionSet);
            _inProgress.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }
}
