using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation;

/// <summary>A variable used in a value, with the input type and default expected where it is used.</summary>
/// <param name="Node">The variable.</param>
/// <param name="Type">The input type expected at the position, or null when unknown.</param>
/// <param name="DefaultValue">The schema default at the position (argument or input field default), or null when none.</param>
/// <param name="ParentType">The input type enclosing the position as declared (e.g. the input object of a field), or null.</param>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, ValueNode? DefaultValue, GraphQLType? ParentType);

/// <summary>
/// What a rule sees while a document is validated (graphql-js <c>ValidationContext</c>): the schema and document,
/// fragments by name, fragment spreads and variable usages (computed once per node and shared by all rules),
/// the current <see cref="TypeInfo"/>, and the error sink. Work is bounded: after <see cref="MaxErrors"/> errors one
/// more error says validation was aborted, and following fragments may cost at most <see cref="MaxFragmentWork"/>
/// (graphql-js's measure) before validation is aborted with "Validation aborted."; later errors are dropped.
/// </summary>
public sealed class ValidationContext
{
    /// <summary>graphql-js's message when the error bound is reached.</summary>
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    private readonly TypeInfo _typeInfo;
    private readonly List<GraphQLError> _errors = [];
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _fragmentNameIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragmentsByNameSet = new(StringComparer.Ordinal);
    private readonly Dictionary<Node, IReadOnlyList<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);
    private int _remainingFragmentWork = MaxFragmentWork;
    private Dictionary<OperationDefinitionNode, long>? _operationCosts;

    /// <summary>Creates a context for validating <paramref name="document"/> against <paramref name="schema"/>.</summary>
    public ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, int maxErrors = DocumentValidator.DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentOutOfRangeException.ThrowIfNegative(maxErrors);
        Schema = schema;
        Document = document;
        _typeInfo = typeInfo;
        MaxErrors = maxErrors;
    }

    /// <summary>The estimated cost of each operation, as a cost rule (<c>MaxCostRule</c>) recorded it; empty without one.</summary>
    public IReadOnlyDictionary<OperationDefinitionNode, long> OperationCosts =>
        _operationCosts ?? (IReadOnlyDictionary<OperationDefinitionNode, long>)System.Collections.Immutable.ImmutableDictionary<OperationDefinitionNode, long>.Empty;

    /// <summary>Records the estimated cost of <paramref name="operation"/> (for telemetry: the cost histogram).</summary>
    public void RecordOperationCost(OperationDefinitionNode operation, long cost)
    {
        ArgumentNullException.ThrowIfNull(operation);
        (_operationCosts ??= new Dictionary<OperationDefinitionNode, long>(ReferenceEqualityComparer.Instance))[operation] = cost;
    }

    /// <summary>The schema the document is validated against.</summary>
    public Schema Schema { get; }

    /// <summary>The document being validated.</summary>
    public DocumentNode Document { get; }

    /// <summary>How many errors are kept before validation is aborted.</summary>
    public int MaxErrors { get; }

    /// <summary>The errors reported so far, in order.</summary>
    public IReadOnlyList<GraphQLError> Errors => _errors;

    /// <summary>Whether the error bound or a work budget was reached; no further errors are recorded and the walk stops.</summary>
    public bool IsAborted { get; private set; }

    /// <summary>Records an error; past the bound, records the abort error once and ignores the rest.</summary>
    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (IsAborted)
        {
            return;
        }
        if (_errors.Count >= MaxErrors)
        {
            _errors.Add(new GraphQLError(TooManyErrorsMessage));
            IsAborted = true;
            return;
        }
        _errors.Add(error);
    }

    /// <summary>The work (graphql-js's measure) the context may spend following fragments before validation is aborted.</summary>
    public const int MaxFragmentWork = 50_000;

    /// <summary>graphql-js's message when a work budget is exhausted.</summary>
    public const string AbortedMessage = "Validation aborted.";

    /// <summary>
    /// Spends <paramref name="cost"/> of the fragment work budget shared by the context and the rules that follow
    /// fragments; when the budget is exhausted, aborts validation and returns false.
    /// </summary>
    public bool SpendFragmentWork(int cost)
    {
        _remainingFragmentWork -= cost;
        if (_remainingFragmentWork < 0)
        {
            Abort();
            return false;
        }
        return true;
    }

    /// <summary>Stops validation because a work budget is exhausted: records "Validation aborted." and nothing after it.</summary>
    public void Abort()
    {
        if (!IsAborted)
        {
            _errors.Add(new GraphQLError(AbortedMessage));
            IsAborted = true;
        }
    }

    /// <summary>Records an error located at <paramref name="nodes"/>.</summary>
    public void ReportError(string message, params Node[] nodes) => ReportError(new GraphQLError(message, nodes));

    /// <summary>The fragment definition named <paramref name="name"/> (the last one, if the name is defined twice), or null.</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments[fragment.Name.Value] = fragment;
                }
            }
        }
        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads directly in <paramref name="selectionSet"/>, looking through fields and inline fragments but not into fragments.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }
        var spreads = new List<FragmentSpreadNode>();
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        pending.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>
    /// Every fragment reachable from <paramref name="operation"/> through spreads, each once, breadth first: the
    /// operation's own spreads in order, then those each of them spreads (graphql-js's order).
    /// </summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(ExecutableDefinitionNode operation) =>
        GetRecursivelyReferencedFragments([operation]);

    /// <summary>
    /// Every fragment reachable from any of <paramref name="operations"/>. Results are shared between calls whose
    /// operations spread the same set of fragments.
    /// </summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(IReadOnlyList<ExecutableDefinitionNode> operations)
    {
        var names = new List<string>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            {
                if (collected.Add(spread.Name.Value))
                {
                    names.Add(spread.Name.Value);
                }
            }
        }
        var key = NameSetKey(names);
        if (_recursiveFragmentsByNameSet.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (!SpendFragmentWork(names.Count))
        {
            return [];
        }
        var fragments = new List<FragmentDefinitionNode>();
        for (var i = 0; i < names.Count; i++)
        {
            if (GetFragment(names[i]) is not { } fragment)
            {
                continue;
            }
            fragments.Add(fragment);
            var spreads = GetFragmentSpreads(fragment.SelectionSet);
            if (!SpendFragmentWork(spreads.Count))
            {
                return [];
            }
            foreach (var spread in spreads)
            {
                if (collected.Add(spread.Name.Value))
                {
                    names.Add(spread.Name.Value);
                }
            }
        }
        _recursiveFragmentsByNameSet[key] = fragments;
        return fragments;
    }

    /// <summary>The variables used in <paramref name="node"/> (an operation or fragment), not following spreads.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var cached))
        {
            return cached;
        }
        var collector = new VariableUsageCollector(new TypeInfo(Schema));
        new DocumentWalker(collector.TypeInfo, [collector]).Walk(node);
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>
    /// The variables used in <paramref name="operation"/> and every fragment it reaches: the operation's own first,
    /// then each fragment's in <see cref="GetRecursivelyReferencedFragments(ExecutableDefinitionNode)"/> order.
    /// </summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }
        var fragments = GetRecursivelyReferencedFragments(operation);
        if (!_recursiveVariableUsages.TryGetValue(fragments, out var fragmentUsages))
        {
            if (!SpendFragmentWork(fragments.Count))
            {
                return [];
            }
            var collected = new List<VariableUsage>();
            foreach (var fragment in fragments)
            {
                var local = GetVariableUsages(fragment);
                if (!SpendFragmentWork(local.Count))
                {
                    return [];
                }
                collected.AddRange(local);
            }
            _recursiveVariableUsages[fragments] = fragmentUsages = collected;
        }
        if (!SpendFragmentWork(fragmentUsages.Count))
        {
            return [];
        }
        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        usages.AddRange(fragmentUsages);
        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    // An order-insensitive key for a set of fragment names (graphql-js SetMap).
    private string NameSetKey(List<string> names)
    {
        var ids = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!_fragmentNameIds.TryGetValue(names[i], out ids[i]))
            {
                _fragmentNameIds[names[i]] = ids[i] = _fragmentNameIds.Count;
            }
        }
        Array.Sort(ids);
        return string.Join(',', ids);
    }

    /// <inheritdoc cref="TypeInfo.Type"/>
    public GraphQLType? Type => _typeInfo.Type;

    /// <inheritdoc cref="TypeInfo.ParentType"/>
    public NamedType? ParentType => _typeInfo.ParentType;

    /// <inheritdoc cref="TypeInfo.InputType"/>
    public GraphQLType? InputType => _typeInfo.InputType;

    /// <inheritdoc cref="TypeInfo.ParentInputType"/>
    public GraphQLType? ParentInputType => _typeInfo.ParentInputType;

    /// <inheritdoc cref="TypeInfo.DefaultValue"/>
    public ValueNode? DefaultValue => _typeInfo.DefaultValue;

    /// <inheritdoc cref="TypeInfo.FieldDef"/>
    public FieldDefinition? FieldDef => _typeInfo.FieldDef;

    /// <inheritdoc cref="TypeInfo.Directive"/>
    public DirectiveDefinition? Directive => _typeInfo.Directive;

    /// <inheritdoc cref="TypeInfo.Argument"/>
    public InputValueDefinition? Argument => _typeInfo.Argument;

    /// <inheritdoc cref="TypeInfo.EnumValue"/>
    public EnumValueDefinition? EnumValue => _typeInfo.EnumValue;

    private sealed class VariableUsageCollector(TypeInfo typeInfo) : ValidationVisitor
    {
        public TypeInfo TypeInfo { get; } = typeInfo;

        public List<VariableUsage> Usages { get; } = [];

        public override VisitAction Enter(VariableDefinitionNode node) => VisitAction.SkipChildren;

        public override VisitAction Enter(VariableNode node)
        {
            Usages.Add(new VariableUsage(node, TypeInfo.InputType, TypeInfo.DefaultValue, TypeInfo.ParentInputType));
            return VisitAction.Continue;
        }
    }
}
