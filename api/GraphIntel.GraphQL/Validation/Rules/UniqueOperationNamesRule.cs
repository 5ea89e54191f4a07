using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Operation name uniqueness (spec §5.2.1.1): each named operation's name is unique in the document.</summary>
public sealed class UniqueOperationNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static UniqueOperationNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(UniqueOperationNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            if (node.Name is { } name)
            {
                if (_known.TryGetValue(name.Value, out var first))
                {
                    context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
                }
                else
                {
                    _known[name.Value] = name;
                }
            }
            return VisitAction.SkipChildren;
        }

        public override VisitAction Enter(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
