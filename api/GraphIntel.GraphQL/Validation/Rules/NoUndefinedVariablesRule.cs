using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// All variable uses defined (spec §5.8.3): every variable used by an operation, directly or through the fragments
/// it spreads, is defined by that operation.
/// </summary>
public sealed class NoUndefinedVariablesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static NoUndefinedVariablesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(NoUndefinedVariablesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            _defined.Clear();
            return VisitAction.Continue;
        }

        public override VisitAction Enter(VariableDefinitionNode node)
        {
            _defined.Add(node.Variable.Name.Value);
            return VisitAction.Continue;
        }

        public override void Leave(OperationDefinitionNode node)
        {
            foreach (var usage in context.GetRecursiveVariableUsages(node))
            {
                var name = usage.Node.Name.Value;
                if (!_defined.Contains(name))
                {
                    context.ReportError(
                        node.Name is { } operationName
                            ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is not defined.",
                        usage.Node, node);
                }
            }
        }
    }
}
