using GraphIntel.GraphQL.Types;

// In the root namespace so every part of the engine sees it without a using.
namespace GraphIntel.GraphQL;

/// <summary>Convenience members on type references.</summary>
public static class GraphQLTypeExtensions
{
    extension(GraphQLType type)
    {
        /// <summary>The named type at the bottom of any list and non-null wrappers (graphql-js <c>getNamedType</c>).</summary>
        public NamedType NamedType => type.GetNamedType();
    }
}
