using System.Collections.Concurrent;
using System.Text.Json;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// The result of CollectFields for one object type and one set of field nodes: the grouped fields in response order,
/// each with its definition and (when its arguments are constants) its coerced arguments. Plans that do not depend on
/// variables (no <c>@skip</c>/<c>@include</c> on a variable) are cached and reused by every execution of the document.
/// </summary>
internal sealed class SelectionPlan
{
    public SelectionPlan(FieldGroup[] fields, bool dependsOnVariables)
    {
        Fields = fields;
        DependsOnVariables = dependsOnVariables;
        ResponseKeys = new string[fields.Length];
        EncodedResponseKeys = new JsonEncodedText[fields.Length];
        KeyBytes = 2;
        for (var i = 0; i < fields.Length; i++)
        {
            ResponseKeys[i] = fields[i].ResponseKey;
            KeyBytes += fields[i].ResponseKey.Length + 4; // "key": and a comma
            // Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): no encoder escapes anything in them.
            EncodedResponseKeys[i] = JsonEncodedText.Encode(fields[i].ResponseKey);
        }
    }

    public FieldGroup[] Fields { get; }

    /// <summary>The response keys in order: the keys of every <see cref="ResultMap"/> of this plan.</summary>
    public string[] ResponseKeys { get; }

    /// <summary>The response keys as JSON property names, encoded once per plan rather than once per object written.</summary>
    public JsonEncodedText[] EncodedResponseKeys { get; }

    public bool DependsOnVariables { get; }

    /// <summary>The JSON bytes of one object of this plan without its values: braces, keys, quotes, colons, commas.</summary>
    public int KeyBytes { get; }
}

/// <summary>The field nodes sharing one response key, with everything about them that does not change between executions.</summary>
internal sealed class FieldGroup
{
    private ConcurrentDictionary<ObjectType, SelectionPlan>? _subPlans;

    public FieldGroup(string responseKey, FieldNode[] nodes, FieldDefinition definition, ObjectType parentType)
    {
        ResponseKey = responseKey;
        Nodes = nodes;
        Definition = definition;
        ParentType = parentType;
    }

    public string ResponseKey { get; }

    public FieldNode[] Nodes { get; }

    public FieldDefinition Definition { get; }

    public ObjectType ParentType { get; }

    /// <summary>The coerced arguments when they use no variables and are valid; null to coerce per execution.</summary>
    public IReadOnlyDictionary<string, object?>? ConstantArguments { get; set; }

    /// <summary>The plan of the merged sub-selections for a runtime object type (CollectSubfields), cached when it can be.</summary>
    public SelectionPlan GetSubPlan(ObjectType objectType, Executor executor)
    {
        if (_subPlans is not null && _subPlans.TryGetValue(objectType, out var cached))
        {
            return cached;
        }
        var plan = FieldCollector.CollectSubfields(executor, objectType, Nodes);
        if (!plan.DependsOnVariables)
        {
            (_subPlans ??= new ConcurrentDictionary<ObjectType, SelectionPlan>())[objectType] = plan;
        }
        return plan;
    }
}

/// <summary>The cached root plans of one document, keyed by operation. Kept with the document in the document cache.</summary>
public sealed class ExecutionPlanCache
{
    private readonly ConcurrentDictionary<OperationDefinitionNode, SelectionPlan> _roots = new();

    internal SelectionPlan GetRootPlan(OperationDefinitionNode operation, ObjectType rootType, Executor executor)
    {
        if (_roots.TryGetValue(operation, out var cached))
        {
            return cached;
        }
        var plan = FieldCollector.CollectFields(executor, rootType, [operation.SelectionSet]);
        if (!plan.DependsOnVariables)
        {
            _roots[operation] = plan;
        }
        return plan;
    }
}

/// <summary>CollectFields (spec §6.3.2, by <see cref="FieldCollection"/>) and CollectSubfields, producing <see cref="SelectionPlan"/>s.</summary>
internal static class FieldCollector
{
    public static SelectionPlan CollectSubfields(Executor executor, ObjectType objectType, FieldNode[] nodes)
    {
        var selectionSets = new List<SelectionSetNode>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node.SelectionSet is { } selectionSet)
            {
                selectionSets.Add(selectionSet);
            }
        }
        return CollectFields(executor, objectType, selectionSets);
    }

    public static SelectionPlan CollectFields(Executor executor, ObjectType objectType, IReadOnlyList<SelectionSetNode> selectionSets)
    {
        var collection = new ExecutionFieldCollection(executor, objectType);
        foreach (var selectionSet in selectionSets)
        {
            collection.Collect(selectionSet);
        }
        return collection.ToPlan();
    }

    /// <summary>Collection with the request's variable values; notes whether a <c>@skip</c>/<c>@include</c> read a variable.</summary>
    private sealed class ExecutionFieldCollection(Executor executor, ObjectType objectType) : FieldCollection(executor.Schema, objectType)
    {
        private bool _dependsOnVariables;

        public SelectionPlan ToPlan()
        {
            var groups = Groups;
            var fields = new List<FieldGroup>(groups.Count);
            for (var i = 0; i < groups.Count; i++) // by index: a foreach over the interface would allocate its enumerator
            {
                var (key, nodes) = groups[i];
                var first = nodes[0];
                if (executor.Schema.GetFieldDefinition(ObjectType, first.Name.Value) is not { } definition)
                {
                    continue;
                }
                var group = new FieldGroup(key, nodes.ToArray(), definition, ObjectType);
                if (definition.Arguments.Count == 0)
                {
                    group.ConstantArguments = ValueCoercion.Empty;
                }
                else if (!UsesVariables(first.Arguments))
                {
                    try
                    {
                        group.ConstantArguments = ValueCoercion.CoerceArgumentValues(definition.Arguments, first.Arguments, first, null);
                    }
                    catch (GraphQLException)
                    {
                        // Reported when the field executes.
                    }
                }
                fields.Add(group);
            }
            return new SelectionPlan(fields.ToArray(), _dependsOnVariables);
        }

        private static bool UsesVariables(IReadOnlyList<ArgumentNode> arguments)
        {
            foreach (var argument in arguments)
            {
                if (ValueCoercion.ContainsVariable(argument.Value))
                {
                    return true;
                }
            }
            return false;
        }

        protected override FragmentDefinitionNode? GetFragment(string name) =>
            executor.Fragments.TryGetValue(name, out var fragment) ? fragment : null;

        protected override bool ShouldInclude(SelectionNode selection)
        {
            var directives = selection.Directives;
            for (var i = 0; i < directives.Count; i++)
            {
                var directive = directives[i];
                var name = directive.Name.Value;
                if (name != "skip" && name != "include")
                {
                    continue;
                }
                var definition = name == "skip" ? BuiltInDirectives.Skip : BuiltInDirectives.Include;
                if (UsesVariables(directive.Arguments))
                {
                    _dependsOnVariables = true;
                }
                var arguments = ValueCoercion.CoerceArgumentValues(definition.Arguments, directive.Arguments, directive, executor.VariableValues);
                var condition = arguments.TryGetValue("if", out var value) && value is true;
                if (name == "skip" ? condition : !condition)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
