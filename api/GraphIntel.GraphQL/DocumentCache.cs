using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL;

/// <summary>A parsed and validated document with its reusable execution plans.</summary>
public sealed class CachedDocument(DocumentNode document, long validationVersion = 0, IReadOnlyDictionary<OperationDefinitionNode, long>? operationCosts = null)
{
    /// <summary>The estimated cost of each operation, when a cost rule validated the document.</summary>
    public IReadOnlyDictionary<OperationDefinitionNode, long>? OperationCosts { get; } = operationCosts is { Count: > 0 } ? operationCosts : null;

    /// <summary>The document.</summary>
    public DocumentNode Document { get; } = document;

    /// <summary>The <see cref="GraphQLServiceOptions.ValidationVersion"/> the document was validated under.</summary>
    public long ValidationVersion { get; } = validationVersion;

    /// <summary>The CollectFields plans of the document's operations.</summary>
    public ExecutionPlanCache PlanCache { get; } = new();
}

/// <summary>A bounded least-recently-used cache of valid documents, keyed by the query text. Thread-safe.</summary>
public sealed class DocumentCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<CachedDocument>> _entries;
    private readonly LinkedList<CachedDocument> _recency = new();
    private readonly Dictionary<CachedDocument, string> _keys = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();

    /// <summary>A cache holding at most <paramref name="capacity"/> documents (0 holds none).</summary>
    public DocumentCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<CachedDocument>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>The number of cached documents.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cached document for <paramref name="query"/>, marked most recently used; null on a miss.</summary>
    public CachedDocument? TryGet(string query)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(query, out var node))
            {
                return null;
            }
            if (node != _recency.First)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }
            return node.Value;
        }
    }

    /// <summary>Drops <paramref name="stale"/>, the document cached for <paramref name="query"/>, if it is still there.</summary>
    public void Remove(string query, CachedDocument stale)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(query, out var node) && ReferenceEquals(node.Value, stale))
            {
                _recency.Remove(node);
                _entries.Remove(query);
                _keys.Remove(stale);
            }
        }
    }

    /// <summary>Adds a document (or returns the one another request added first), evicting the least recently used.</summary>
    public CachedDocument Add(string query, CachedDocument document)
    {
        if (_capacity == 0)
        {
            return document;
        }
        lock (_gate)
        {
            if (_entries.TryGetValue(query, out var existing))
            {
                return existing.Value;
            }
            if (_entries.Count >= _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(_keys[oldest.Value]);
                _keys.Remove(oldest.Value);
            }
            _entries[query] = _recency.AddFirst(document);
            _keys[document] = query;
            return document;
        }
    }
}
