using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// The spec's CollectFields (§6.3.2) for one object type: the fields of one or more selection sets grouped by response
/// key in document order, following inline fragments and fragment spreads whose type condition applies to the type
/// (each fragment name once). Used by execution (<see cref="FieldCollector"/>) and by validation
/// (<c>SingleFieldSubscriptionsRule</c>); they differ only in what a subclass decides: whether <c>@skip</c> and
/// <c>@include</c> leave a selection in, where fragments come from, and whether a selection set may be entered.
/// </summary>
internal abstract class FieldCollection(Schema schema, ObjectType objectType)
{
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);
    private readonly List<(string Key, List<FieldNode> Nodes)> _groups = [];
    private HashSet<string>? _visitedFragments;

    /// <summary>The object type the fields are collected for.</summary>
    public ObjectType ObjectType => objectType;

    /// <summary>The grouped field set so far: one entry per response key, in the order the keys first appeared.</summary>
    public IReadOnlyList<(string Key, List<FieldNode> Nodes)> Groups => _groups;

    /// <summary>Adds the fields of <paramref name="selectionSet"/>; false when <see cref="CanEnter"/> refused a selection set.</summary>
    public bool Collect(SelectionSetNode selectionSet)
    {
        if (!CanEnter(selectionSet))
        {
            return false;
        }
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection))
            {
                continue;
            }
            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (_indexByKey.TryGetValue(key, out var index))
                    {
                        _groups[index].Nodes.Add(field);
                    }
                    else
                    {
                        _indexByKey[key] = _groups.Count;
                        _groups.Add((key, [field]));
                    }
                    break;
                case InlineFragmentNode inline:
                    if ((inline.TypeCondition is null || DoesFragmentTypeApply(inline.TypeCondition)) && !Collect(inline.SelectionSet))
                    {
                        return false;
                    }
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if ((_visitedFragments ??= new HashSet<string>(StringComparer.Ordinal)).Add(name)
                        && GetFragment(name) is { } fragment
                        && DoesFragmentTypeApply(fragment.TypeCondition)
                        && !Collect(fragment.SelectionSet))
                    {
                        return false;
                    }
                    break;
            }
        }
        return true;
    }

    /// <summary>The spec's @skip/@include check: false when the selection is left out.</summary>
    protected abstract bool ShouldInclude(SelectionNode selection);

    /// <summary>The fragment definition of that name, or null when the document has none.</summary>
    protected abstract FragmentDefinitionNode? GetFragment(string name);

    /// <summary>Asked before each selection set is collected; false abandons the collection (a validation budget).</summary>
    protected virtual bool CanEnter(SelectionSetNode selectionSet) => true;

    /// <summary>DoesFragmentTypeApply (§6.3.2): the condition is the object type or an abstract type it belongs to.</summary>
    private bool DoesFragmentTypeApply(NamedTypeNode typeCondition)
    {
        var conditionalType = schema.GetType(typeCondition.Name.Value);
        return ReferenceEquals(conditionalType, objectType)
            || (conditionalType is { IsAbstractType: true } && schema.IsSubType(conditionalType, objectType));
    }
}
