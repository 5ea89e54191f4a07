using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Fragment spread type existence and variables of known types (spec §5.5.1.2, §5.8.2): every type a document
/// names (type conditions, variable types) is defined by the schema.
/// </summary>
public sealed class KnownTypeNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static KnownTypeNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(KnownTypeNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    // The specified scalars and the introspection types: type-system definitions may name them even when the schema
    // does not (graphql-js's standardTypeNames).
    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private HashSet<string>? _definedInDocument;
        private bool _inTypeSystemDefinition;

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            _inTypeSystemDefinition = false;
            return VisitAction.Continue;
        }

        public override VisitAction Enter(FragmentDefinitionNode node)
        {
            _inTypeSystemDefinition = false;
            return VisitAction.Continue;
        }

        public override VisitAction EnterTypeSystem(Node node)
        {
            if (node is DefinitionNode)
            {
                _inTypeSystemDefinition = true;
            }
            return VisitAction.Continue;
        }

        public override VisitAction Enter(NamedTypeNode node)
        {
            var typeName = node.Name.Value;
            _definedInDocument ??= [.. context.Document.Definitions.OfType<TypeDefinitionNode>().Select(d => d.Name.Value)];
            if (context.Schema.GetType(typeName) is not null || _definedInDocument.Contains(typeName))
            {
                return VisitAction.Continue;
            }
            if (_inTypeSystemDefinition && StandardTypeNames.Contains(typeName))
            {
                return VisitAction.Continue;
            }
            var candidates = context.Schema.Types.Select(t => t.Name).Concat(_definedInDocument);
            if (_inTypeSystemDefinition)
            {
                candidates = StandardTypeNames.Concat(candidates);
            }
            context.ReportError(
                $"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(Suggestions.List(typeName, candidates.Distinct(StringComparer.Ordinal))),
                node);
            return VisitAction.Continue;
        }
    }
}
