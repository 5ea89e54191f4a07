namespace GraphIntel.GraphQL.Language;

/// <summary>
/// Runs several visitors in one walk (graphql-js <c>visitInParallel</c>): each visitor's SkipChildren skips the
/// subtree for that visitor only, and each visitor's Break stops only that visitor.
/// </summary>
public sealed class ParallelVisitor : IAstVisitor
{
    private static readonly Node Stopped = new NullValueNode();

    private readonly IAstVisitor[] _visitors;

    // Per visitor: null while active, the node whose subtree it skips, or Stopped after a Break.
    private readonly Node?[] _skipping;

    /// <summary>Combines <paramref name="visitors"/>; they are called in the given order.</summary>
    public ParallelVisitor(IReadOnlyList<IAstVisitor> visitors)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        _visitors = [.. visitors];
        _skipping = new Node?[_visitors.Length];
    }

    /// <inheritdoc />
    public VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is not null)
            {
                continue;
            }
            switch (_visitors[i].Enter(node, ancestors))
            {
                case VisitorAction.SkipChildren: _skipping[i] = node; break;
                case VisitorAction.Break: _skipping[i] = Stopped; break;
            }
        }
        return VisitorAction.Continue;
    }

    /// <inheritdoc />
    public VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            var skipping = _skipping[i];
            if (skipping is null)
            {
                if (_visitors[i].Leave(node, ancestors) == VisitorAction.Break)
                {
                    _skipping[i] = Stopped;
                }
            }
            else if (ReferenceEquals(skipping, node))
            {
                _skipping[i] = null;
            }
        }
        return VisitorAction.Continue;
    }
}
