using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Variables are input types (spec §5.8.2): a variable's type is a scalar, enum or input object (possibly wrapped).</summary>
public sealed class VariablesAreInputTypesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static VariablesAreInputTypesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(VariablesAreInputTypesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(VariableDefinitionNode node)
        {
            if (TypeInfo.TypeFromAst(context.Schema, node.Type) is { IsInputType: false } type)
            {
                context.ReportError($"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{type}\".", node.Type);
            }
            return VisitAction.Continue;
        }
    }
}
