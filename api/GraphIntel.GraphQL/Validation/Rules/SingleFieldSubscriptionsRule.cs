using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Single root field (spec §5.2.3.1): a subscription selects exactly one root field, and not an introspection field.
/// Root fields are collected as execution would (CollectFields with no variable values).
/// </summary>
public sealed class SingleFieldSubscriptionsRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static SingleFieldSubscriptionsRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(SingleFieldSubscriptionsRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private bool _definitionsCounted;

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } subscriptionType)
            {
                return VisitAction.Continue;
            }
            if (!_definitionsCounted)
            {
                _definitionsCounted = true;
                if (!context.SpendFragmentWork(context.Document.Definitions.Count))
                {
                    return VisitAction.Continue;
                }
            }
            var operationName = node.Name?.Value;
            var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
            var order = new List<string>();
            if (!CollectFields(subscriptionType, node.SelectionSet, fields, order, new HashSet<string>(StringComparer.Ordinal)))
            {
                return VisitAction.Continue;
            }
            if (order.Count > 1)
            {
                var extra = order.Skip(1).SelectMany(key => fields[key]).Cast<Node>().ToArray();
                context.ReportError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must select only one top level field."
                        : "Anonymous Subscription must select only one top level field.",
                    extra);
            }
            foreach (var key in order)
            {
                var fieldNodes = fields[key];
                if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                {
                    context.ReportError(
                        operationName is not null
                            ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                            : "Anonymous Subscription must not select an introspection top level field.",
                        [.. fieldNodes]);
                }
            }
            return VisitAction.Continue;
        }

        // Returns false when the fragment work budget ran out (validation is then aborted).
        private bool CollectFields(
            ObjectType runtimeType,
            SelectionSetNode selectionSet,
            Dictionary<string, List<FieldNode>> fields,
            List<string> order,
            HashSet<string> visitedFragments)
        {
            if (!SpendSelectionSetWork(selectionSet))
            {
                return false;
            }
            foreach (var selection in selectionSet.Selections)
            {
                if (!ShouldInclude(selection))
                {
                    continue;
                }
                switch (selection)
                {
                    case FieldNode field:
                        var key = field.ResponseKey;
                        if (!fields.TryGetValue(key, out var list))
                        {
                            fields[key] = list = [];
                            order.Add(key);
                        }
                        list.Add(field);
                        break;
                    case InlineFragmentNode inline:
                        if (ConditionMatches(inline.TypeCondition, runtimeType)
                            && !CollectFields(runtimeType, inline.SelectionSet, fields, order, visitedFragments))
                        {
                            return false;
                        }
                        break;
                    case FragmentSpreadNode spread:
                        if (visitedFragments.Add(spread.Name.Value)
                            && context.GetFragment(spread.Name.Value) is { } fragment
                            && ConditionMatches(fragment.TypeCondition, runtimeType)
                            && !CollectFields(runtimeType, fragment.SelectionSet, fields, order, visitedFragments))
                        {
                            return false;
                        }
                        break;
                }
            }
            return true;
        }

        // graphql-js's measure: the selections, their directives, and the arguments of @skip and @include.
        private bool SpendSelectionSetWork(SelectionSetNode selectionSet)
        {
            var cost = selectionSet.Selections.Count;
            foreach (var selection in selectionSet.Selections)
            {
                cost += selection.Directives.Count;
                foreach (var directive in selection.Directives)
                {
                    if (directive.Name.Value is "skip" or "include")
                    {
                        cost += directive.Arguments.Count;
                    }
                }
            }
            return context.SpendFragmentWork(cost);
        }

        private bool ConditionMatches(NamedTypeNode? condition, ObjectType runtimeType)
        {
            if (condition is null)
            {
                return true;
            }
            var conditionType = context.Schema.GetType(condition.Name.Value);
            return ReferenceEquals(conditionType, runtimeType)
                || (conditionType is { IsAbstractType: true } && context.Schema.IsSubType(conditionType, runtimeType));
        }

        // @skip(if: true) and @include(if: false) written as literals exclude a selection; with no variable values,
        // a variable condition cannot exclude one.
        private static bool ShouldInclude(SelectionNode selection)
        {
            foreach (var directive in selection.Directives)
            {
                var name = directive.Name.Value;
                if (name is not ("skip" or "include"))
                {
                    continue;
                }
                var condition = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value;
                if (condition is BooleanValueNode literal && literal.Value == (name == "skip"))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
