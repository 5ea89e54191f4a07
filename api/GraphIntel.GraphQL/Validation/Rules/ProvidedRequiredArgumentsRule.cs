using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Required arguments (spec §5.4.2.1): every non-null argument without a default is given. Checked on leaving the
/// field or directive so that errors inside its arguments come first.
/// </summary>
public sealed class ProvidedRequiredArgumentsRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static ProvidedRequiredArgumentsRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(ProvidedRequiredArgumentsRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly IReadOnlyDictionary<string, KnownDirective> _known = KnownDirectives.From(context);

        public override void Leave(FieldNode node)
        {
            if (context.FieldDef is not { } fieldDef)
            {
                return;
            }
            foreach (var argument in fieldDef.Arguments)
            {
                if (argument.Type is NonNullType && !argument.HasDefaultValue && !IsProvided(node.Arguments, argument.Name))
                {
                    context.ReportError(
                        $"Field \"{fieldDef.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                        node);
                }
            }
        }

        public override void Leave(DirectiveNode node)
        {
            if (!_known.TryGetValue(node.Name.Value, out var known))
            {
                return;
            }
            foreach (var (name, type) in known.RequiredArguments)
            {
                if (!IsProvided(node.Arguments, name))
                {
                    context.ReportError(
                        $"Directive \"@{known.Name}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.", node);
                }
            }
        }

        private static bool IsProvided(IReadOnlyList<ArgumentNode> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Name.Value == name)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
