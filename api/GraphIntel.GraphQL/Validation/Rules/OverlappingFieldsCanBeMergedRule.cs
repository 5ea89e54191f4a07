using System.Text;
using System.Text.Json;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>
/// Field selection merging (spec §5.3.2 FieldsInSetCanMerge): fields with the same response name must be the same
/// field with the same arguments (unless their parents are distinct object types) and return compatible shapes.
/// Follows graphql-js's algorithm: fields are collected once per (parent type, selection set); fragment pairs,
/// field-set/fragment pairs, overlaps and field comparisons are memoized, so the work stays near-linear; a work budget
/// aborts validation on pathological documents.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : IValidationRule
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    /// <summary>The rule.</summary>
    public static OverlappingFieldsCanBeMergedRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(OverlappingFieldsCanBeMergedRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class FieldDetails(NamedType? parentType, FieldNode node, FieldDefinition? definition)
    {
        public NamedType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public FieldDefinition? Definition { get; } = definition;

        public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

        public FieldInfo? Info { get; set; }
    }

    // What a field needs only once it overlaps another: its named type, arguments by name, and earlier verdicts.
    private sealed class FieldInfo(NamedType? namedType, IReadOnlyList<ArgumentNode> arguments)
    {
        public NamedType? NamedType { get; } = namedType;

        public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

        public Dictionary<string, ValueNode> ArgumentValues { get; } =
            arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

        public Dictionary<FieldInfo, string?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);

        public string? TypeString { get; set; }
    }

    private sealed class CollectFieldsResult
    {
        public List<string> ResponseNames { get; } = [];

        public Dictionary<string, List<FieldDetails>> GroupedFieldSet { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public Dictionary<string, bool>? ComparedFragments { get; set; }

        public Dictionary<CollectFieldsResult, List<(string ResponseName, List<FieldDetails> Fields1, List<FieldDetails> Fields2)>>? OverlappingFields { get; set; }
    }

    private sealed class BudgetExhaustedException : Exception;

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Dictionary<(string, string), bool> _comparedFragmentPairs = [];
        private readonly Dictionary<(NamedType?, SelectionSetNode), CollectFieldsResult> _collected = new(new TypeAndSetComparer());
        private readonly Dictionary<ValueNode, string> _stringifiedValues = new(ReferenceEqualityComparer.Instance);
        private int _remainingBudget = MaxComplexityBudget;
        private SelectionSetNode? _inlineFragmentSet;

        public override VisitAction Enter(InlineFragmentNode node)
        {
            _inlineFragmentSet = node.SelectionSet;
            return VisitAction.Continue;
        }

        public override VisitAction Enter(SelectionSetNode node)
        {
            // An inline fragment's fields are compared as part of the enclosing selection set.
            if (ReferenceEquals(node, _inlineFragmentSet)
                || (node.Selections.Count <= 1 && (node.Selections.Count == 0 || node.Selections[0] is not InlineFragmentNode)))
            {
                return VisitAction.Continue;
            }
            List<Conflict> conflicts;
            try
            {
                conflicts = FindConflictsWithinSelectionSet(context.ParentType, node);
            }
            catch (BudgetExhaustedException)
            {
                context.Abort();
                return VisitAction.SkipChildren;
            }
            foreach (var conflict in conflicts)
            {
                context.ReportError(
                    $"Fields \"{MaybeAbbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                    [.. conflict.Fields1, .. conflict.Fields2]);
            }
            return VisitAction.Continue;
        }

        private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
        {
            var conflicts = new List<Conflict>();
            var fields = CollectFields(parentType, selectionSet);
            // (A) Conflicts within the fields of this selection set.
            CollectConflictsWithin(conflicts, fields);
            var fragmentNames = fields.FragmentNames;
            if (fragmentNames.Count != 0 && (fields.GroupedFieldSet.Count != 0 || fragmentNames.Count > 1))
            {
                for (var i = 0; i < fragmentNames.Count; i++)
                {
                    // (B) Between the fields and each fragment.
                    CollectConflictsBetweenFieldsAndFragment(conflicts, false, fields, fragmentNames[i]);
                    // (C) Between each pair of fragments.
                    for (var j = i + 1; j < fragmentNames.Count; j++)
                    {
                        CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
                    }
                }
            }
            return conflicts;
        }

        private void CollectConflictsBetweenFieldsAndFragment(
            List<Conflict> conflicts, bool areMutuallyExclusive, CollectFieldsResult fields, string fragmentName)
        {
            Spend(1);
            if (fields.GroupedFieldSet.Count == 0)
            {
                return;
            }
            var compared = fields.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
            // A non-exclusive comparison covers an exclusive one, not the other way round.
            if (compared.TryGetValue(fragmentName, out var wasExclusive) && (!wasExclusive || areMutuallyExclusive))
            {
                return;
            }
            compared[fragmentName] = areMutuallyExclusive;
            if (context.GetFragment(fragmentName) is not { } fragment)
            {
                return;
            }
            var fragmentFields = CollectFragmentFields(fragment);
            if (ReferenceEquals(fields, fragmentFields))
            {
                return;
            }
            // (D) Between the fields and the fragment's fields.
            CollectConflictsBetween(conflicts, areMutuallyExclusive, fields, fragmentFields);
            // (E) Between the fields and the fragments the fragment spreads.
            foreach (var referenced in fragmentFields.FragmentNames)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fields, referenced);
            }
        }

        private void CollectConflictsBetweenFragments(
            List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
        {
            Spend(2);
            if (fragmentName1 == fragmentName2 || HasComparedPair(fragmentName1, fragmentName2, areMutuallyExclusive))
            {
                return;
            }
            _comparedFragmentPairs[(fragmentName1, fragmentName2)] = areMutuallyExclusive;
            if (context.GetFragment(fragmentName1) is not { } fragment1 || context.GetFragment(fragmentName2) is not { } fragment2)
            {
                return;
            }
            var fields1 = CollectFragmentFields(fragment1);
            var fields2 = CollectFragmentFields(fragment2);
            // (F) Between the two fragments' fields.
            CollectConflictsBetween(conflicts, areMutuallyExclusive, fields1, fields2);
            // (G) Between each fragment and those the other spreads.
            foreach (var referenced2 in fields2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, referenced2);
            }
            foreach (var referenced1 in fields1.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, referenced1, fragmentName2);
            }
        }

        private bool HasComparedPair(string a, string b, bool areMutuallyExclusive)
        {
            return Has(a, b) || Has(b, a);

            bool Has(string x, string y) =>
                _comparedFragmentPairs.TryGetValue((x, y), out var exclusive) && (areMutuallyExclusive || !exclusive);
        }

        private List<Conflict> FindConflictsBetweenSubSelectionSets(
            bool areMutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
        {
            var conflicts = new List<Conflict>();
            var fields1 = CollectFields(parentType1, selectionSet1);
            var fields2 = CollectFields(parentType2, selectionSet2);
            // (H) Between the two sets of fields.
            CollectConflictsBetween(conflicts, areMutuallyExclusive, fields1, fields2);
            // (I) Between each set of fields and the other's fragments.
            foreach (var fragmentName2 in fields2.FragmentNames)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fields1, fragmentName2);
            }
            foreach (var fragmentName1 in fields1.FragmentNames)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, fields2, fragmentName1);
            }
            // (J) Between the fragments of both.
            foreach (var fragmentName1 in fields1.FragmentNames)
            {
                foreach (var fragmentName2 in fields2.FragmentNames)
                {
                    CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
                }
            }
            return conflicts;
        }

        private void CollectConflictsWithin(List<Conflict> conflicts, CollectFieldsResult fields)
        {
            foreach (var responseName in fields.ResponseNames)
            {
                var list = fields.GroupedFieldSet[responseName];
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        if (FindConflict(false, responseName, list[i], list[j]) is { } conflict)
                        {
                            conflicts.Add(conflict);
                        }
                    }
                }
            }
        }

        private void CollectConflictsBetween(
            List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, CollectFieldsResult fields1, CollectFieldsResult fields2)
        {
            if (fields1.GroupedFieldSet.Count == 0 || fields2.GroupedFieldSet.Count == 0)
            {
                return;
            }
            foreach (var (responseName, list1, list2) in GetOverlappingFields(fields1, fields2))
            {
                foreach (var field1 in list1)
                {
                    foreach (var field2 in list2)
                    {
                        if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                        {
                            conflicts.Add(conflict);
                        }
                    }
                }
            }
        }

        private List<(string, List<FieldDetails>, List<FieldDetails>)> GetOverlappingFields(CollectFieldsResult fields1, CollectFieldsResult fields2)
        {
            var byResult = fields1.OverlappingFields ??= new(ReferenceEqualityComparer.Instance);
            if (byResult.TryGetValue(fields2, out var cached))
            {
                return cached;
            }
            var overlapping = new List<(string, List<FieldDetails>, List<FieldDetails>)>();
            foreach (var responseName in fields1.ResponseNames)
            {
                Spend(1);
                if (fields2.GroupedFieldSet.TryGetValue(responseName, out var list2))
                {
                    overlapping.Add((responseName, fields1.GroupedFieldSet[responseName], list2));
                }
            }
            byResult[fields2] = overlapping;
            return overlapping;
        }

        // Whether two fields with the same response name conflict, including through their sub-selections.
        private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetails field1, FieldDetails field2)
        {
            // Fields on two distinct object types can never apply at once, so only their shapes must agree.
            var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
                || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
            Spend(2);
            var node1 = field1.Node;
            var node2 = field2.Node;
            var type1 = field1.Definition?.Type;
            var type2 = field2.Definition?.Type;
            if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && ReferenceEquals(type1, type2) && node1.Name.Value == node2.Name.Value)
            {
                return null;
            }
            if (!areMutuallyExclusive)
            {
                var info1 = GetFieldInfo(field1);
                var info2 = GetFieldInfo(field2);
                if (!info1.Comparisons.TryGetValue(info2, out var reason))
                {
                    var name1 = node1.Name.Value;
                    var name2 = node2.Name.Value;
                    reason = name1 != name2
                        ? $"\"{MaybeAbbreviate(name1)}\" and \"{MaybeAbbreviate(name2)}\" are different fields"
                        : SameArguments(info1, info2) ? null : "they have differing arguments";
                    info1.Comparisons[info2] = reason;
                }
                if (reason is not null)
                {
                    return new Conflict(responseName, reason, [node1], [node2]);
                }
            }
            if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
            {
                var info1 = GetFieldInfo(field1);
                var info2 = GetFieldInfo(field2);
                var type1String = info1.TypeString ??= type1.ToString();
                var type2String = info2.TypeString ??= type2.ToString();
                return new Conflict(responseName, $"they return conflicting types \"{type1String}\" and \"{type2String}\"", [node1], [node2]);
            }
            if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
            {
                var conflicts = FindConflictsBetweenSubSelectionSets(
                    areMutuallyExclusive, GetFieldInfo(field1).NamedType, selectionSet1, GetFieldInfo(field2).NamedType, selectionSet2);
                return SubfieldConflicts(conflicts, responseName, node1, node2);
            }
            return null;
        }

        private static FieldInfo GetFieldInfo(FieldDetails field) =>
            field.Info ??= new FieldInfo(field.Definition?.Type.NamedType, field.Node.Arguments);

        private bool SameArguments(FieldInfo info1, FieldInfo info2)
        {
            if (info1.Arguments.Count != info2.Arguments.Count)
            {
                return false;
            }
            foreach (var argument in info1.Arguments)
            {
                Spend(1);
                if (!info2.ArgumentValues.TryGetValue(argument.Name.Value, out var value2)
                    || Stringify(argument.Value) != Stringify(value2))
                {
                    return false;
                }
            }
            return true;
        }

        // Two types conflict when no value could be of both: different list/non-null shapes or different leaf types.
        private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
        {
            if (ReferenceEquals(type1, type2))
            {
                return false;
            }
            Spend(1);
            return (type1, type2) switch
            {
                (ListType list1, ListType list2) => DoTypesConflict(list1.OfType, list2.OfType),
                (ListType, _) or (_, ListType) => true,
                (NonNullType nonNull1, NonNullType nonNull2) => DoTypesConflict(nonNull1.OfType, nonNull2.OfType),
                (NonNullType, _) or (_, NonNullType) => true,
                (NamedType { IsLeafType: true }, _) or (_, NamedType { IsLeafType: true }) => !ReferenceEquals(type1, type2),
                _ => false,
            };
        }

        private CollectFieldsResult CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
        {
            if (_collected.TryGetValue((parentType, selectionSet), out var cached))
            {
                return cached;
            }
            var result = new CollectFieldsResult();
            var fragmentNames = new HashSet<string>(StringComparer.Ordinal);
            CollectFieldsInto(parentType, selectionSet, result, fragmentNames);
            _collected[(parentType, selectionSet)] = result;
            return result;
        }

        private CollectFieldsResult CollectFragmentFields(FragmentDefinitionNode fragment) =>
            CollectFields(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);

        private void CollectFieldsInto(NamedType? parentType, SelectionSetNode selectionSet, CollectFieldsResult result, HashSet<string> fragmentNames)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        var definition = parentType is FieldsType fieldsType ? fieldsType.Fields[field.Name.Value] : null;
                        var responseName = field.ResponseKey;
                        if (!result.GroupedFieldSet.TryGetValue(responseName, out var list))
                        {
                            result.GroupedFieldSet[responseName] = list = [];
                            result.ResponseNames.Add(responseName);
                        }
                        list.Add(new FieldDetails(parentType, field, definition));
                        break;
                    case FragmentSpreadNode spread:
                        if (fragmentNames.Add(spread.Name.Value))
                        {
                            result.FragmentNames.Add(spread.Name.Value);
                        }
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition ? context.Schema.GetType(condition.Name.Value) : parentType;
                        CollectFieldsInto(inlineType, inline.SelectionSet, result, fragmentNames);
                        break;
                }
            }
        }

        private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
        {
            if (conflicts.Count == 0)
            {
                return null;
            }
            var message = new StringBuilder();
            foreach (var conflict in conflicts)
            {
                message.Append(message.Length == 0 ? "" : " and ")
                    .Append("subfields \"").Append(MaybeAbbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
                if (message.Length > MaxConflictDetailLength)
                {
                    break;
                }
            }
            return new Conflict(
                responseName,
                MaybeAbbreviate(message.ToString()),
                CollectConflictNodes(node1, conflicts, c => c.Fields1),
                CollectConflictNodes(node2, conflicts, c => c.Fields2));
        }

        // The enclosing field, then the conflicting sub-fields, at most MaxConflictNodes in all (the deepest kept).
        private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, Func<Conflict, List<FieldNode>> side)
        {
            var nodes = new List<FieldNode> { node };
            foreach (var conflict in conflicts)
            {
                var fields = side(conflict);
                var remaining = MaxConflictNodes - nodes.Count;
                nodes.AddRange(fields.Skip(Math.Max(0, fields.Count - remaining)));
                if (nodes.Count == MaxConflictNodes)
                {
                    break;
                }
            }
            return nodes;
        }

        private static string MaybeAbbreviate(string text) =>
            text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

        private void Spend(int cost)
        {
            _remainingBudget -= cost;
            if (_remainingBudget < 0)
            {
                throw new BudgetExhaustedException();
            }
        }

        // A canonical text of a value literal: equal texts mean equal values (object fields in name order).
        private string Stringify(ValueNode value)
        {
            if (_stringifiedValues.TryGetValue(value, out var cached))
            {
                return cached;
            }
            var text = new StringBuilder();
            Append(text, value);
            return _stringifiedValues[value] = text.ToString();

            static void Append(StringBuilder text, ValueNode value)
            {
                switch (value)
                {
                    case VariableNode variable:
                        text.Append("$").Append(variable.Name.Value);
                        break;
                    case ObjectValueNode obj:
                        text.Append('{');
                        foreach (var field in obj.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal))
                        {
                            text.Append(field.Name.Value).Append(':');
                            Append(text, field.Value);
                            text.Append(',');
                        }
                        text.Append('}');
                        break;
                    case ListValueNode list:
                        text.Append('[');
                        foreach (var item in list.Values)
                        {
                            Append(text, item);
                            text.Append(',');
                        }
                        text.Append(']');
                        break;
                    case StringValueNode s:
                        text.Append(s.Block ? "B" : "S").Append(JsonSerializer.Serialize(s.Value));
                        break;
                    case IntValueNode i:
                        text.Append("I").Append(i.Value);
                        break;
                    case FloatValueNode f:
                        text.Append("F").Append(f.Value);
                        break;
                    case BooleanValueNode b:
                        text.Append(b.Value ? "true" : "false");
                        break;
                    case NullValueNode:
                        text.Append("null");
                        break;
                    case EnumValueNode e:
                        text.Append("E").Append(e.Value);
                        break;
                }
            }
        }
    }

    private sealed class TypeAndSetComparer : IEqualityComparer<(NamedType?, SelectionSetNode)>
    {
        public bool Equals((NamedType?, SelectionSetNode) x, (NamedType?, SelectionSetNode) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((NamedType?, SelectionSetNode) obj) =>
            HashCode.Combine(obj.Item1 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
