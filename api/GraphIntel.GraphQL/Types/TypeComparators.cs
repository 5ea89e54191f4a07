namespace GraphIntel.GraphQL.Types;

/// <summary>Type relations the rules need (graphql-js <c>utilities/typeComparators</c>).</summary>
internal static class TypeComparators
{
    /// <summary>
    /// Whether a value of <paramref name="maybeSubType"/> may be used where <paramref name="superType"/> is expected:
    /// the same type, a non-null of it, a list of subtypes, or a possible type of an abstract super type.
    /// </summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (GraphQLType.AreEqual(maybeSubType, superType))
        {
            return true;
        }
        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }
        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }
        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }
        if (maybeSubType is ListType)
        {
            return false;
        }
        return superType is NamedType { IsAbstractType: true } abstractType
            && maybeSubType is ObjectType or InterfaceType
            && schema.IsSubType(abstractType, (NamedType)maybeSubType);
    }

    /// <summary>Whether some object type could be of both composite types (graphql-js <c>doTypesOverlap</c>).</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType typeA, NamedType typeB)
    {
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }
        if (typeA.IsAbstractType)
        {
            if (typeB.IsAbstractType)
            {
                foreach (var type in schema.GetPossibleTypes(typeA))
                {
                    if (schema.IsSubType(typeB, type))
                    {
                        return true;
                    }
                }
                return false;
            }
            return schema.IsSubType(typeA, typeB);
        }
        return typeB.IsAbstractType && schema.IsSubType(typeB, typeA);
    }
}
