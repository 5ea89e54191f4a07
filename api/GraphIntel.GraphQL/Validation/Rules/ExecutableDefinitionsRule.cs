using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Executable definitions (spec §5.1.1): a document submitted for execution holds only operations and fragments.
/// </summary>
public sealed class ExecutableDefinitionsRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static ExecutableDefinitionsRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(ExecutableDefinitionsRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(DocumentNode node)
        {
            foreach (var definition in node.Definitions)
            {
                if (definition is ExecutableDefinitionNode)
                {
                    continue;
                }
                var name = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    TypeDefinitionNode type => $"\"{type.Name.Value}\"",
                    TypeExtensionNode extension => $"\"{extension.Name.Value}\"",
                    DirectiveDefinitionNode directive => $"\"{directive.Name.Value}\"",
                    _ => definition.Kind.ToString(),
                };
                context.ReportError($"The {name} definition is not executable.", definition);
            }
            return VisitAction.Continue;
        }
    }
}
