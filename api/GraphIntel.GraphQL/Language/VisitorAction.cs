namespace GraphIntel.GraphQL.Language;

/// <summary>What a visitor tells the walk to do next.</summary>
public enum VisitorAction
{
    /// <summary>Go on: visit the node's children (from Enter), or move on (from Leave).</summary>
    Continue,

    /// <summary>From Enter: do not visit the node's children, and do not call Leave for it (graphql-js <c>false</c>).</summary>
    SkipChildren,

    /// <summary>Stop the whole walk at once (graphql-js <c>BREAK</c>).</summary>
    Break,
}
