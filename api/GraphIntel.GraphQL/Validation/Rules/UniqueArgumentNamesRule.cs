using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Argument uniqueness (spec §5.4.2): a field or directive is given each argument at most once.</summary>
public sealed class UniqueArgumentNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static UniqueArgumentNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(UniqueArgumentNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(FieldNode node) => Check(node.Arguments);

        public override VisitAction Enter(DirectiveNode node) => Check(node.Arguments);

        private VisitAction Check(IReadOnlyList<ArgumentNode> arguments)
        {
            if (arguments.Count < 2)
            {
                return VisitAction.Continue;
            }
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                var nodes = group.Select(a => (Node)a.Name).ToArray();
                if (nodes.Length > 1)
                {
                    context.ReportError($"There can be only one argument named \"{group.Key}\".", nodes);
                }
            }
            return VisitAction.Continue;
        }
    }
}
