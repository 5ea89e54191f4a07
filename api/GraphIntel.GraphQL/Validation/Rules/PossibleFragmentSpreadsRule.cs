using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Fragment spread is possible (spec §5.5.2.3): some object type could be both of the fragment's type and of the
/// parent type where it is spread.
/// </summary>
public sealed class PossibleFragmentSpreadsRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static PossibleFragmentSpreadsRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(PossibleFragmentSpreadsRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(InlineFragmentNode node)
        {
            if (context.Type is NamedType { IsCompositeType: true } fragmentType
                && context.ParentType is { IsCompositeType: true } parentType
                && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType))
            {
                context.ReportError(
                    $"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
            }
            return VisitAction.Continue;
        }

        public override VisitAction Enter(FragmentSpreadNode node)
        {
            var name = node.Name.Value;
            if (context.GetFragment(name) is { } fragment
                && context.Schema.GetType(fragment.TypeCondition.Name.Value) is { IsCompositeType: true } fragmentType
                && context.ParentType is { } parentType
                && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType))
            {
                context.ReportError(
                    $"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
            }
            return VisitAction.Continue;
        }
    }
}
