using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Fragment name uniqueness (spec §5.5.1.1): each fragment's name is unique in the document.</summary>
public sealed class UniqueFragmentNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static UniqueFragmentNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(UniqueFragmentNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitAction Enter(OperationDefinitionNode node) => VisitAction.SkipChildren;

        public override VisitAction Enter(FragmentDefinitionNode node)
        {
            var name = node.Name;
            if (_known.TryGetValue(name.Value, out var first))
            {
                context.ReportError($"There can be only one fragment named \"{name.Value}\".", first, name);
            }
            else
            {
                _known[name.Value] = name;
            }
            return VisitAction.SkipChildren;
        }
    }
}
