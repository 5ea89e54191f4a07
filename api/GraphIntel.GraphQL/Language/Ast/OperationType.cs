namespace GraphIntel.GraphQL.Language;

/// <summary>OperationType : one of <c>query mutation subscription</c>.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}
