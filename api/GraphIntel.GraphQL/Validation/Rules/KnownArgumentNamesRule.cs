using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Argument names (spec §5.4.1): every argument given to a field or directive is defined by it.</summary>
public sealed class KnownArgumentNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static KnownArgumentNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(KnownArgumentNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly IReadOnlyDictionary<string, KnownDirective> _known = KnownDirectives.From(context);

        public override VisitAction Enter(DirectiveNode node)
        {
            var name = node.Name.Value;
            if (_known.TryGetValue(name, out var known))
            {
                foreach (var argument in node.Arguments)
                {
                    var argumentName = argument.Name.Value;
                    if (!known.ArgumentNames.Contains(argumentName))
                    {
                        context.ReportError(
                            $"Unknown argument \"{argumentName}\" on directive \"@{name}\"."
                                + Suggestions.DidYouMean(Suggestions.List(argumentName, known.ArgumentNames)),
                            argument);
                    }
                }
            }
            return VisitAction.SkipChildren;
        }

        public override VisitAction Enter(ArgumentNode node)
        {
            if (context.Argument is null && context.FieldDef is { } fieldDef && context.ParentType is { } parentType)
            {
                var argumentName = node.Name.Value;
                context.ReportError(
                    $"Unknown argument \"{argumentName}\" on field \"{parentType.Name}.{fieldDef.Name}\"."
                        + Suggestions.DidYouMean(Suggestions.List(argumentName, fieldDef.Arguments.Select(a => a.Name))),
                    node);
            }
            return VisitAction.Continue;
        }
    }
}
