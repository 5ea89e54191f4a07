using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Directives are unique per location (spec §5.7.3): a non-repeatable directive appears at most once where it is applied.</summary>
public sealed class UniqueDirectivesPerLocationRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static UniqueDirectivesPerLocationRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(UniqueDirectivesPerLocationRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly IReadOnlyDictionary<string, KnownDirective> _known = KnownDirectives.From(context);

        public override VisitAction Enter(OperationDefinitionNode node) => Check(node.Directives);

        public override VisitAction Enter(VariableDefinitionNode node) => Check(node.Directives);

        public override VisitAction Enter(FieldNode node) => Check(node.Directives);

        public override VisitAction Enter(FragmentSpreadNode node) => Check(node.Directives);

        public override VisitAction Enter(InlineFragmentNode node) => Check(node.Directives);

        public override VisitAction Enter(FragmentDefinitionNode node) => Check(node.Directives);

        // The schema's definition and extensions share one location, and so do a type's definition and extensions.
        private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

        public override VisitAction EnterTypeSystem(Node node) => node switch
        {
            SchemaDefinitionNode schema => Check(schema.Directives, _schemaDirectives),
            SchemaExtensionNode schema => Check(schema.Directives, _schemaDirectives),
            TypeDefinitionNode type => Check(type.Directives, TypeDirectives(type.Name.Value)),
            TypeExtensionNode type => Check(type.Directives, TypeDirectives(type.Name.Value)),
            IHasDirectives other => Check(other.Directives),
            _ => VisitAction.Continue,
        };

        private Dictionary<string, DirectiveNode> TypeDirectives(string typeName)
        {
            if (!_typeDirectives.TryGetValue(typeName, out var seen))
            {
                _typeDirectives[typeName] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            }
            return seen;
        }

        private VisitAction Check(IReadOnlyList<DirectiveNode> directives, Dictionary<string, DirectiveNode>? seen = null)
        {
            if (directives.Count == 0 || (seen is null && directives.Count < 2))
            {
                return VisitAction.Continue;
            }
            seen ??= new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (!_known.TryGetValue(name, out var known) || known.IsRepeatable)
                {
                    continue;
                }
                if (seen.TryGetValue(name, out var first))
                {
                    context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
            return VisitAction.Continue;
        }
    }
}
