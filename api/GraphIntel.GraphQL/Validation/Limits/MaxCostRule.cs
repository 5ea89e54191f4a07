using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Limits;

/// <summary>
/// Rejects operations whose estimated cost exceeds a bound. Each field costs 1 for every time it may be resolved: the
/// selections below a list field are multiplied by its size argument (<c>first</c>, <c>last</c>, <c>limit</c>) or by
/// <see cref="CostOptions.DefaultListSize"/>, and multipliers nest. A size argument on a field that is not a list (a Relay
/// connection: <c>organizations(first: 50) { edges { node … } }</c>) sizes the list fields directly beneath it.
/// Fragments count where they are spread, each
/// priced once. Not a specified rule: add it to the rule list to use it.
/// </summary>
public sealed class MaxCostRule : IValidationRule
{
    /// <summary>The <c>extensions.code</c> of the error.</summary>
    public const string ErrorCode = "QUERY_TOO_COMPLEX";

    /// <summary>Creates the rule.</summary>
    public MaxCostRule(CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCost);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DefaultListSize);
        Options = options;
    }

    /// <summary>How operations are priced.</summary>
    public CostOptions Options { get; }

    /// <inheritdoc />
    public string Name => nameof(MaxCostRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context, Options);

    /// <summary>The estimated cost of <paramref name="operation"/> (saturating at <see cref="long.MaxValue"/>).</summary>
    public static long CostOf(ValidationContext context, OperationDefinitionNode operation, CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(options);
        return new CostCounter(context, options).Cost(context.Schema.GetRootType(operation.Operation), operation.SelectionSet);
    }

    private sealed class Visitor(ValidationContext context, CostOptions options) : ValidationVisitor
    {
        public override VisitAction Enter(OperationDefinitionNode node)
        {
            var cost = CostOf(context, node, options);
            if (cost > options.MaxCost)
            {
                context.ReportError(new GraphQLError(
                    $"Query cost {cost} exceeds the maximum allowed cost of {options.MaxCost}.",
                    [node],
                    extensions: new Dictionary<string, object?> { ["code"] = ErrorCode, ["limit"] = options.MaxCost, ["value"] = cost }));
            }
            return VisitAction.SkipChildren;
        }

        public override VisitAction Enter(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }

    private sealed class CostCounter(ValidationContext context, CostOptions options)
    {
        private readonly Dictionary<string, long> _fragmentCosts = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        // The cost of resolving the selections once on a value of parentType (null when unknown). pageSize is the size
        // argument of a connection field (a non-list field with first/last/limit) above these selections: it sizes the
        // list fields directly beneath it (edges, nodes), the Relay connection pattern.
        public long Cost(NamedType? parentType, SelectionSetNode selectionSet, long? pageSize = null)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                total = Add(total, selection switch
                {
                    FieldNode field => FieldCost(parentType, field, pageSize),
                    InlineFragmentNode inline => Cost(inline.TypeCondition is { } condition ? context.Schema.GetType(condition.Name.Value) : parentType, inline.SelectionSet, pageSize),
                    FragmentSpreadNode spread => FragmentCost(spread.Name.Value),
                    _ => 0,
                });
            }
            return total;
        }

        private long FieldCost(NamedType? parentType, FieldNode field, long? pageSize)
        {
            var definition = parentType is null ? null : context.Schema.GetFieldDefinition(parentType, field.Name.Value);
            if (field.SelectionSet is not { } children)
            {
                return 1;
            }
            var size = ExplicitListSize(field);
            if (definition is not null && IsList(definition.Type))
            {
                var multiplier = size ?? pageSize ?? options.DefaultListSize;
                return Add(1, Multiply(multiplier, Cost(definition.Type.NamedType, children)));
            }
            return Add(1, Cost(definition?.Type.NamedType, children, size));
        }

        private long FragmentCost(string name)
        {
            if (_fragmentCosts.TryGetValue(name, out var known))
            {
                return known;
            }
            if (context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
            {
                return 0; // unknown fragments and cycles are other rules' errors
            }
            var cost = Cost(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
            _inProgress.Remove(name);
            _fragmentCosts[name] = cost;
            return cost;
        }

        private long? ExplicitListSize(FieldNode field)
        {
            foreach (var argumentName in options.ListSizeArguments)
            {
                foreach (var argument in field.Arguments)
                {
                    if (argument.Name.Value == argumentName && argument.Value is IntValueNode size && long.TryParse(size.Value, out var value) && value >= 0)
                    {
                        return value;
                    }
                }
            }
            return null;
        }

        private static bool IsList(GraphQLType type) => type.Nullable is ListType;

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
    }
}
