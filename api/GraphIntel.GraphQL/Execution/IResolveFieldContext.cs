using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>Produces the value of one field (spec ResolveFieldValue). Return a completed <see cref="ValueTask{TResult}"/> when synchronous.</summary>
public delegate ValueTask<object?> FieldResolver(IResolveFieldContext context);

/// <summary>Everything a resolver may use about the field being resolved (graphql-js <c>source</c>, <c>args</c>, <c>context</c>, <c>info</c>).</summary>
public interface IResolveFieldContext
{
    /// <summary>The parent value (the root value for root fields).</summary>
    object? Source { get; }

    /// <summary>The coerced arguments; an argument neither given nor defaulted is absent.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition FieldDefinition { get; }

    /// <summary>The field's name (not its alias).</summary>
    string FieldName { get; }

    /// <summary>The field nodes merged into this field (same response key).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The object type the field belongs to.</summary>
    ObjectType ParentType { get; }

    /// <summary>The field's output type.</summary>
    GraphQLType ReturnType { get; }

    /// <summary>The response path of this field.</summary>
    ResponsePath Path { get; }

    /// <summary>The schema.</summary>
    Schema Schema { get; }

    /// <summary>The operation being executed.</summary>
    OperationDefinitionNode Operation { get; }

    /// <summary>The document's fragments by name.</summary>
    IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>The coerced variable values.</summary>
    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The root value given with the request.</summary>
    object? RootValue { get; }

    /// <summary>The request's services (for example ASP.NET Core's <c>HttpContext.RequestServices</c>), or null.</summary>
    IServiceProvider? RequestServices { get; }

    /// <summary>Per-request state shared by all resolvers.</summary>
    IDictionary<string, object?> UserContext { get; }

    /// <summary>Cancelled when the request is aborted or exceeds its execution timeout.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Whether the argument was given or defaulted.</summary>
    bool HasArgument(string name);

    /// <summary>
    /// The argument converted to <typeparamref name="T"/> (numbers widen or narrow, lists become arrays or lists,
    /// input objects stay dictionaries); <paramref name="defaultValue"/> when absent or null.
    /// </summary>
    T GetArgument<T>(string name, T defaultValue = default!);

    /// <summary>
    /// The request-scoped loader named <paramref name="name"/>, created with <paramref name="batchFunction"/> on first use.
    /// Keys loaded by all resolvers of a level are sent to <paramref name="batchFunction"/> in one call.
    /// </summary>
    DataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction)
        where TKey : notnull;
}
