using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Variable uniqueness (spec §5.8.1): an operation defines each variable once.</summary>
public sealed class UniqueVariableNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static UniqueVariableNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(UniqueVariableNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(OperationDefinitionNode node)
        {
            foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
            {
                var definitions = group.ToList();
                if (definitions.Count > 1)
                {
                    context.ReportError(
                        $"There can be only one variable named \"${group.Key}\".",
                        [.. definitions.Select(d => (Node)d.Variable.Name)]);
                }
            }
            return VisitAction.Continue;
        }
    }
}
