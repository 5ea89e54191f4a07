using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Single root field (spec §5.2.3.1): a subscription selects exactly one root field, and not an introspection field.
/// Root fields are collected as execution would (<see cref="FieldCollection"/>, with no variable values).
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
            var collection = new RootFieldCollection(context, subscriptionType);
            if (!collection.Collect(node.SelectionSet))
            {
                return VisitAction.Continue;
            }
            var groups = collection.Groups;
            if (groups.Count > 1)
            {
                var extra = groups.Skip(1).SelectMany(group => group.Nodes).Cast<Node>().ToArray();
                context.ReportError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must select only one top level field."
                        : "Anonymous Subscription must select only one top level field.",
                    extra);
            }
            foreach (var (_, fieldNodes) in groups)
            {
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
    }

    /// <summary>CollectFields with no variable values, spending the context's fragment work budget as it goes.</summary>
    private sealed class RootFieldCollection(ValidationContext context, ObjectType subscriptionType)
        : FieldCollection(context.Schema, subscriptionType)
    {
        protected override FragmentDefinitionNode? GetFragment(string name) => context.GetFragment(name);

        // graphql-js's measure: the selections, their directives, and the arguments of @skip and @include; false when
        // the budget ran out (validation is then aborted).
        protected override bool CanEnter(SelectionSetNode selectionSet)
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

        // @skip(if: true) and @include(if: false) written as literals exclude a selection; with no variable values,
        // a variable condition cannot exclude one.
        protected override bool ShouldInclude(SelectionNode selection)
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
