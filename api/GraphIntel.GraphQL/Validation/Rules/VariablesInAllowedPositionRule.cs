using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// All variable usages are allowed (spec §5.8.5): a variable's type fits every position it is used in — a nullable
/// variable may fill a non-null position only with a non-null default at either end — and variables given to a
/// oneOf input object field are non-null.
/// </summary>
public sealed class VariablesInAllowedPositionRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static VariablesInAllowedPositionRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(VariablesInAllowedPositionRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

        public override VisitAction Enter(OperationDefinitionNode node)
        {
            _definitions.Clear();
            return VisitAction.Continue;
        }

        public override VisitAction Enter(VariableDefinitionNode node)
        {
            _definitions[node.Variable.Name.Value] = node;
            return VisitAction.Continue;
        }

        public override void Leave(OperationDefinitionNode node)
        {
            var schema = context.Schema;
            foreach (var usage in context.GetRecursiveVariableUsages(node))
            {
                var name = usage.Node.Name.Value;
                if (!_definitions.TryGetValue(name, out var definition) || usage.Type is not { } locationType)
                {
                    continue;
                }
                if (TypeInfo.TypeFromAst(schema, definition.Type) is not { } variableType)
                {
                    continue;
                }
                if (!IsAllowed(schema, variableType, definition.DefaultValue, locationType, usage.DefaultValue))
                {
                    context.ReportError(
                        $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                        definition, usage.Node);
                }
                if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
                {
                    context.ReportError(
                        $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf}\".",
                        definition, usage.Node);
                }
            }
        }

        private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, ValueNode? locationDefault)
        {
            if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
            {
                var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
                if (!hasNonNullVariableDefault && locationDefault is null)
                {
                    return false;
                }
                return TypeComparators.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
            }
            return TypeComparators.IsTypeSubTypeOf(schema, variableType, locationType);
        }
    }
}
