using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Lone anonymous operation (spec §5.2.2.1): an anonymous operation must be the only operation in the document.</summary>
public sealed class LoneAnonymousOperationRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static LoneAnonymousOperationRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(LoneAnonymousOperationRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private int _operationCount;

        public override VisitAction Enter(DocumentNode node)
        {
            _operationCount = node.Definitions.Count(d => d is OperationDefinitionNode);
            return VisitAction.Continue;
        }

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            if (node.Name is null && _operationCount > 1)
            {
                context.ReportError("This anonymous operation must be the only defined operation.", node);
            }
            return VisitAction.Continue;
        }
    }
}
