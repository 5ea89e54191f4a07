using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Fragment spread target defined (spec §5.5.2.1): every spread names a fragment the document defines.</summary>
public sealed class KnownFragmentNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static KnownFragmentNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(KnownFragmentNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(FragmentSpreadNode node)
        {
            if (context.GetFragment(node.Name.Value) is null)
            {
                context.ReportError($"Unknown fragment \"{node.Name.Value}\".", node.Name);
            }
            return VisitAction.Continue;
        }
    }
}
