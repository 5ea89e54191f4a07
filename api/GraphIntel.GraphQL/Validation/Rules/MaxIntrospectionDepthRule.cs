using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Bounds introspection queries (graphql-js's recommended rule, not in the spec): below <c>__schema</c> or
/// <c>__type</c>, list fields of <c>__Type</c> (<c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c>,
/// <c>inputFields</c>) may nest fewer than three deep, through fragments too.
/// </summary>
public sealed class MaxIntrospectionDepthRule : IValidationRule
{
    private const int MaxListsDepth = 3;

    /// <summary>The rule.</summary>
    public static MaxIntrospectionDepthRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(MaxIntrospectionDepthRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        // Per fragment: the greatest entry depth at which a check completed below the limit, and the smallest at
        // which one reached it. Shared by all root checks, so each fragment is explored a bounded number of times.
        private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

        public override VisitAction Enter(FieldNode node)
        {
            if (node.Name.Value is not ("__schema" or "__type"))
            {
                return VisitAction.Continue;
            }
            if (ReachesLimit(node, new Dictionary<string, int>(StringComparer.Ordinal), 0))
            {
                context.ReportError("Maximum introspection depth exceeded", node);
                return VisitAction.SkipChildren;
            }
            return VisitAction.Continue;
        }

        private bool ReachesLimit(Node node, Dictionary<string, int> visitedFragments, int depth)
        {
            switch (node)
            {
                case FragmentSpreadNode spread:
                    return SpreadReachesLimit(spread.Name.Value, visitedFragments, depth);
                case FieldNode field:
                    if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                    {
                        return true;
                    }
                    return field.SelectionSet is { } selections && AnyReachesLimit(selections, visitedFragments, depth);
                case InlineFragmentNode inline:
                    return AnyReachesLimit(inline.SelectionSet, visitedFragments, depth);
                case FragmentDefinitionNode fragment:
                    return AnyReachesLimit(fragment.SelectionSet, visitedFragments, depth);
                default:
                    return false;
            }
        }

        private bool SpreadReachesLimit(string name, Dictionary<string, int> visitedFragments, int depth)
        {
            if (_exceededFragments.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
            {
                return true;
            }
            // At an equal or shallower entry depth, a revisit (a cycle) or an already successful check adds nothing.
            if ((visitedFragments.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
                || (_checkedFragments.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
            {
                return false;
            }
            if (context.GetFragment(name) is not { } fragment)
            {
                return false;
            }
            visitedFragments[name] = depth;
            if (ReachesLimit(fragment, visitedFragments, depth))
            {
                _exceededFragments[name] = depth;
                return true;
            }
            _checkedFragments[name] = depth;
            return false;
        }

        private bool AnyReachesLimit(SelectionSetNode selectionSet, Dictionary<string, int> visitedFragments, int depth)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (ReachesLimit(selection, visitedFragments, depth))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
