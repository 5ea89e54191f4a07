using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Field selections (spec §5.3.1): a selected field is defined on the parent type (or is <c>__typename</c>). The
/// message suggests types to fragment on, most common first, or else similarly named fields.
/// </summary>
public sealed class FieldsOnCorrectTypeRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static FieldsOnCorrectTypeRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(FieldsOnCorrectTypeRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override VisitAction Enter(FieldNode node)
        {
            if (context.ParentType is not { } type || context.FieldDef is not null)
            {
                return VisitAction.Continue;
            }
            var fieldName = node.Name.Value;
            var suggestion = Suggestions.DidYouMean(SuggestedTypeNames(context.Schema, type, fieldName), "to use an inline fragment on");
            if (suggestion.Length == 0 && type is FieldsType fieldsType)
            {
                suggestion = Suggestions.DidYouMean(Suggestions.List(fieldName, fieldsType.Fields.Select(f => f.Name)));
            }
            context.ReportError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, node);
            return VisitAction.Continue;
        }

        // The possible types of an abstract parent, and their interfaces, that define the field: most used first,
        // super types before their sub types, then by name.
        private static List<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
        {
            if (!type.IsAbstractType)
            {
                return [];
            }
            var suggested = new List<NamedType>();
            var usageCount = new Dictionary<NamedType, int>();
            foreach (var possibleType in schema.GetPossibleTypes(type))
            {
                if (!possibleType.Fields.Contains(fieldName))
                {
                    continue;
                }
                if (!usageCount.ContainsKey(possibleType))
                {
                    suggested.Add(possibleType);
                }
                usageCount[possibleType] = 1;
                foreach (var iface in possibleType.Interfaces)
                {
                    if (!iface.Fields.Contains(fieldName))
                    {
                        continue;
                    }
                    if (!usageCount.TryGetValue(iface, out var count))
                    {
                        suggested.Add(iface);
                    }
                    usageCount[iface] = count + 1;
                }
            }
            Ordering.StableSort(suggested, (a, b) =>
            {
                var diff = usageCount[b] - usageCount[a];
                if (diff != 0)
                {
                    return diff;
                }
                if (a is InterfaceType && schema.IsSubType(a, b))
                {
                    return -1;
                }
                if (b is InterfaceType && schema.IsSubType(b, a))
                {
                    return 1;
                }
                return Ordering.NaturalCompare(a.Name, b.Name);
            });
            return [.. suggested.Select(t => t.Name)];
        }
    }
}
