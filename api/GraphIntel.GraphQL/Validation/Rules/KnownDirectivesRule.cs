using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Directives are defined and in valid locations (spec §5.7.1, §5.7.2): every directive used is known and allowed
/// where it is applied.
/// </summary>
public sealed class KnownDirectivesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static KnownDirectivesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(KnownDirectivesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    // The location a directive is applied to is its parent node's; the visitor keeps a stack of them.
    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly IReadOnlyDictionary<string, KnownDirective> _known = KnownDirectives.From(context);
        private readonly Stack<string> _locations = new();
        private readonly Stack<Node> _parents = new();

        public override VisitAction Enter(OperationDefinitionNode node) => Push(node.Operation switch
        {
            OperationType.Query => "QUERY",
            OperationType.Mutation => "MUTATION",
            _ => "SUBSCRIPTION",
        });

        public override void Leave(OperationDefinitionNode node) => _locations.Pop();

        public override VisitAction Enter(VariableDefinitionNode node) => Push("VARIABLE_DEFINITION");

        public override void Leave(VariableDefinitionNode node) => _locations.Pop();

        public override VisitAction Enter(FieldNode node) => Push("FIELD");

        public override void Leave(FieldNode node) => _locations.Pop();

        public override VisitAction Enter(FragmentSpreadNode node) => Push("FRAGMENT_SPREAD");

        public override void Leave(FragmentSpreadNode node) => _locations.Pop();

        public override VisitAction Enter(InlineFragmentNode node) => Push("INLINE_FRAGMENT");

        public override void Leave(InlineFragmentNode node) => _locations.Pop();

        public override VisitAction Enter(FragmentDefinitionNode node) => Push("FRAGMENT_DEFINITION");

        public override void Leave(FragmentDefinitionNode node) => _locations.Pop();

        public override VisitAction EnterTypeSystem(Node node)
        {
            _locations.Push(node switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
                ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
                ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
                FieldDefinitionNode => "FIELD_DEFINITION",
                InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
                UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
                EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
                EnumValueDefinitionNode => "ENUM_VALUE",
                InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
                // As graphql-js: only the fields of an input object *definition* are input field definitions.
                InputValueDefinitionNode => _parents.TryPeek(out var parent) && parent is InputObjectTypeDefinitionNode
                    ? "INPUT_FIELD_DEFINITION"
                    : "ARGUMENT_DEFINITION",
                DirectiveDefinitionNode => "DIRECTIVE_DEFINITION",
                _ => "",
            });
            _parents.Push(node);
            return VisitAction.Continue;
        }

        public override void LeaveTypeSystem(Node node)
        {
            _locations.Pop();
            _parents.Pop();
        }

        public override VisitAction Enter(DirectiveNode node)
        {
            var name = node.Name.Value;
            if (!_known.TryGetValue(name, out var known))
            {
                context.ReportError($"Unknown directive \"@{name}\".", node);
            }
            else if (_locations.TryPeek(out var location) && !known.Locations.Contains(location))
            {
                context.ReportError($"Directive \"@{name}\" may not be used on {location}.", node);
            }
            return VisitAction.Continue;
        }

        private VisitAction Push(string location)
        {
            _locations.Push(location);
            return VisitAction.Continue;
        }
    }
}
