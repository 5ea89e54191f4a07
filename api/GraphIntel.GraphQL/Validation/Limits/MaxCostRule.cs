using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Limits;

/// <summary>
/// Rejects operations whose estimated cost exceeds a bound. Each field costs 1 (or what
/// <see cref="CostOptions.Estimator"/> says: a large text costs by its size) for every time it may be resolved. The
/// times are counted down the selections: the items of a list field are its size argument (<c>first</c>,
/// <c>last</c>, <c>limit</c>, given or defaulted in the schema) per parent value, else what the estimator says for that
/// many parents (from the data's statistics, <see cref="FieldCostEstimate.ItemsOver"/>), else
/// <see cref="CostOptions.DefaultListSize"/> per parent. A size argument on a field that is not a list (a Relay
/// connection: <c>organizations(first: 50) { edges { node … } }</c>) sizes the list fields directly beneath it.
/// Fragments count where they are spread. Not a specified rule: add it to the rule list to use it.
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
        return new CostCounter(context, options).Cost(context.Schema.GetRootType(operation.Operation), operation.SelectionSet, 1);
    }

    private sealed class Visitor(ValidationContext context, CostOptions options) : ValidationVisitor
    {
        public override VisitAction Enter(OperationDefinitionNode node)
        {
            var cost = CostOf(context, node, options);
            context.RecordOperationCost(node, cost);
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
        private readonly Dictionary<(string Name, long Times), long> _fragmentCosts = [];
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        // The cost of resolving the selections on `times` values of parentType (null when unknown). pageSize is the size
        // argument of a connection field (a non-list field with first/last/limit) above these selections: it sizes the
        // list fields directly beneath it (edges, nodes), the Relay connection pattern.
        public long Cost(NamedType? parentType, SelectionSetNode selectionSet, long times, long? pageSize = null)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                total = Add(total, selection switch
                {
                    FieldNode field => FieldCost(parentType, field, times, pageSize),
                    InlineFragmentNode inline => Cost(inline.TypeCondition is { } condition ? context.Schema.GetType(condition.Name.Value) : parentType, inline.SelectionSet, times, pageSize),
                    FragmentSpreadNode spread => FragmentCost(spread.Name.Value, times),
                    _ => 0,
                });
            }
            return total;
        }

        private long FieldCost(NamedType? parentType, FieldNode field, long times, long? pageSize)
        {
            var definition = parentType is null ? null : context.Schema.GetFieldDefinition(parentType, field.Name.Value);
            var estimate = definition is null ? null : options.Estimator?.Estimate(parentType!, definition);
            var own = Multiply(times, Math.Max(1, estimate?.Cost ?? 1));
            if (field.SelectionSet is not { } children)
            {
                return own;
            }
            var size = ListSizeArgument(field, definition);
            if (definition is not null && IsList(definition.Type))
            {
                var items = (size ?? pageSize) is { } perParent ? Multiply(times, perParent)
                    : estimate is { SizesList: true } known ? known.ItemsOver(times)
                    : Multiply(times, options.DefaultListSize);
                return Add(own, Cost(definition.Type.NamedType, children, items));
            }
            return Add(own, Cost(definition?.Type.NamedType, children, times, size));
        }

        private long FragmentCost(string name, long times)
        {
            if (_fragmentCosts.TryGetValue((name, times), out var known))
            {
                return known;
            }
            if (context.GetFragment(name) is not { } fragment || !_inProgress.Add(name))
            {
                return 0; // unknown fragments and cycles are other rules' errors
            }
            var cost = Cost(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet, times);
            _inProgress.Remove(name);
            _fragmentCosts[(name, times)] = cost;
            return cost;
        }

        // The field's size argument as written, else its default in the schema; null when neither is a literal integer.
        private long? ListSizeArgument(FieldNode field, FieldDefinition? definition)
        {
            foreach (var argumentName in options.ListSizeArguments)
            {
                foreach (var argument in field.Arguments)
                {
                    if (argument.Name.Value == argumentName)
                    {
                        return SizeOf(argument.Value);
                    }
                }
                if (definition?.Arguments.TryGetValue(argumentName, out var declared) == true && declared.DefaultValue is { } defaultValue)
                {
                    return SizeOf(defaultValue);
                }
            }
            return null;
        }

        private static long? SizeOf(ValueNode value) =>
            value is IntValueNode size && long.TryParse(size.Value, out var parsed) && parsed >= 0 ? parsed : null;

        private static bool IsList(GraphQLType type) => type.Nullable is ListType;

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
    }
}
