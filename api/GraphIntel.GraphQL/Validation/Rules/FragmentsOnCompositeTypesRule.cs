using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Fragments on composite types (spec §5.5.1.3): a fragment's type condition is an object, interface or union.</summary>
public sealed class FragmentsOnCompositeTypesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static FragmentsOnCompositeTypesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(FragmentsOnCompositeTypesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(InlineFragmentNode node)
        {
            if (node.TypeCondition is { } condition && IsNonComposite(condition))
            {
                context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
            }
            return VisitAction.Continue;
        }

        public override VisitAction Enter(FragmentDefinitionNode node)
        {
            if (IsNonComposite(node.TypeCondition))
            {
                context.ReportError(
                    $"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{node.TypeCondition.Name.Value}\".",
                    node.TypeCondition);
            }
            return VisitAction.Continue;
        }

        private bool IsNonComposite(NamedTypeNode condition) =>
            context.Schema.GetType(condition.Name.Value) is { IsCompositeType: false };
    }
}
