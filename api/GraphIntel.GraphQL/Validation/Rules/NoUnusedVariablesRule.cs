using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// All variables used (spec §5.8.4): every variable an operation defines is used by it, directly or through the
/// fragments it spreads.
/// </summary>
public sealed class NoUnusedVariablesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static NoUnusedVariablesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(NoUnusedVariablesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly List<VariableDefinitionNode> _definitions = [];

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            _definitions.Clear();
            return VisitAction.Continue;
        }

        public override VisitAction Enter(VariableDefinitionNode node)
        {
            _definitions.Add(node);
            return VisitAction.Continue;
        }

        public override void Leave(OperationDefinitionNode node)
        {
            var used = new HashSet<string>(context.GetRecursiveVariableUsages(node).Select(u => u.Node.Name.Value), StringComparer.Ordinal);
            foreach (var definition in _definitions)
            {
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    context.ReportError(
                        node.Name is { } operationName
                            ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is never used.",
                        definition);
                }
            }
        }
    }
}
