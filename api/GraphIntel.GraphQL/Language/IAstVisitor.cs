namespace GraphIntel.GraphQL.Language;

/// <summary>Receives every node of a walk by <see cref="AstVisitor.Visit"/>, on the way down (Enter) and up (Leave).</summary>
public interface IAstVisitor
{
    /// <summary>Called before the node's children are visited.</summary>
    /// <param name="node">The node.</param>
    /// <param name="ancestors">The nodes from the root down to the node's parent (the parent is last). Valid only during the call.</param>
    VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors);

    /// <summary>Called after the node's children were visited (not called when Enter returned <see cref="VisitorAction.SkipChildren"/>).</summary>
    VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors);
}
