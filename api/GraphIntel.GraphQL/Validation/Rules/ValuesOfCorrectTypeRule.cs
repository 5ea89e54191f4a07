using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Values of correct type (spec §5.6.1) and input object required fields (§5.6.4): every literal can be coerced to
/// the input type expected where it is written; a oneOf input object literal gives exactly one non-null field.
/// Scalars and enums judge their own literals, so messages are theirs.
/// </summary>
public sealed class ValuesOfCorrectTypeRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static ValuesOfCorrectTypeRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(ValuesOfCorrectTypeRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(ValueNode node)
        {
            switch (node)
            {
                case ListValueNode:
                    // TypeInfo has already stepped into the item type; the list type is the parent input type.
                    if (context.ParentInputType?.Nullable is not ListType)
                    {
                        CheckLeafValue(node);
                        return VisitAction.SkipChildren;
                    }
                    return VisitAction.Continue;
                case ObjectValueNode objectValue:
                    return EnterObject(objectValue);
                case NullValueNode:
                    if (context.InputType is NonNullType nonNull)
                    {
                        context.ReportError($"Expected value of type \"{nonNull}\", found null.", node);
                    }
                    return VisitAction.Continue;
                default:
                    CheckLeafValue(node);
                    return VisitAction.Continue;
            }
        }

        public override VisitAction Enter(ObjectFieldNode node)
        {
            if (context.InputType is null && context.ParentInputType?.NamedType is InputObjectType parentType)
            {
                var name = node.Name.Value;
                context.ReportError(
                    $"Field \"{name}\" is not defined by type \"{parentType.Name}\"."
                        + Suggestions.DidYouMean(Suggestions.List(name, parentType.Fields.Select(f => f.Name))),
                    node);
            }
            return VisitAction.Continue;
        }

        private VisitAction EnterObject(ObjectValueNode node)
        {
            if (context.InputType?.NamedType is not InputObjectType type)
            {
                CheckLeafValue(node);
                return VisitAction.SkipChildren;
            }
            var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
            foreach (var field in node.Fields)
            {
                given[field.Name.Value] = field;
            }
            foreach (var fieldDef in type.Fields)
            {
                if (!given.ContainsKey(fieldDef.Name) && fieldDef.Type is NonNullType && !fieldDef.HasDefaultValue)
                {
                    context.ReportError(
                        $"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", node);
                }
            }
            if (type.IsOneOf)
            {
                if (given.Count != 1)
                {
                    context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
                }
                else if (given.Values.First().Value is NullValueNode)
                {
                    context.ReportError($"Field \"{type.Name}.{given.Keys.First()}\" must be non-null.", node);
                }
            }
            return VisitAction.Continue;
        }

        // A literal where a leaf type is expected: the scalar or enum parses it; anything else is the wrong kind of value.
        private void CheckLeafValue(ValueNode node)
        {
            if (context.InputType is not { } locationType)
            {
                return;
            }
            var type = locationType.NamedType;
            try
            {
                switch (type)
                {
                    case ScalarType scalar:
                        scalar.ParseLiteral(node);
                        return;
                    case EnumType enumType:
                        enumType.ParseLiteral(node);
                        return;
                }
            }
            catch (GraphQLException exception)
            {
                foreach (var error in exception.Errors)
                {
                    context.ReportError(error.Locations is null ? new GraphQLError(error.Message, [node]) : error);
                }
                return;
            }
            catch (Exception exception)
            {
                // A custom scalar rejects a literal by throwing; graphql-js reports any exception this way.
                context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {exception.Message}", node);
                return;
            }
            context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
        }
    }
}
