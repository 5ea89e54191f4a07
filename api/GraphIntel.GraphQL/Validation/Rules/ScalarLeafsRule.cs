using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Leaf field selections (spec §5.3.3): scalar and enum fields have no selection set; other fields have one.</summary>
public sealed class ScalarLeafsRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static ScalarLeafsRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(ScalarLeafsRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(FieldNode node)
        {
            if (context.Type is not { } type)
            {
                return VisitAction.Continue;
            }
            var fieldName = node.Name.Value;
            if (type.NamedType.IsLeafType)
            {
                if (node.SelectionSet is { } selectionSet)
                {
                    context.ReportError(
                        $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
                }
            }
            else if (node.SelectionSet is null)
            {
                context.ReportError(
                    $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", node);
            }
            else if (node.SelectionSet.Selections.Count == 0)
            {
                context.ReportError($"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", node);
            }
            return VisitAction.Continue;
        }
    }
}
