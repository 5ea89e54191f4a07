namespace GraphIntel.GraphQL.Types;

/// <summary>
/// A GraphQL type (spec §3 "Types"): a named type or a wrapping type (<see cref="ListType"/>, <see cref="NonNullType"/>).
/// <see cref="ToString"/> prints the type reference as written in GraphQL, e.g. <c>[Int!]!</c>.
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    /// <summary>The named type at the bottom of any list and non-null wrappers (graphql-js <c>getNamedType</c>).</summary>
    public abstract NamedType GetNamedType();

    /// <summary>The type without an outer non-null wrapper (graphql-js <c>getNullableType</c>).</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>Whether this type may be used for arguments, variables and input fields (scalars, enums, input objects and wrappers of them).</summary>
    public bool IsInputType => GetNamedType() is ScalarType or EnumType or InputObjectType;

    /// <summary>Whether this type may be used for fields (everything but input objects, and wrappers of them).</summary>
    public bool IsOutputType => GetNamedType() is not InputObjectType;

    /// <summary>The type as written in a GraphQL document, e.g. <c>[String!]</c>.</summary>
    public abstract override string ToString();

    /// <summary>Whether two type references are the same (same named type, same wrappers).</summary>
    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
        _ => ReferenceEquals(a, b),
    };
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType, INamedDefinition
{
    private protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; internal set; }

    /// <summary>The definition this type was built from, or null for built-in types.</summary>
    public Language.TypeDefinitionNode? AstNode { get; internal set; }

    /// <summary>The <c>extend</c> definitions merged into this type.</summary>
    public IReadOnlyList<Language.TypeExtensionNode> ExtensionAstNodes { get; internal set; } = [];

    /// <summary>The introspection <c>__TypeKind</c> of this type.</summary>
    public abstract TypeKind Kind { get; }

    /// <inheritdoc />
    public sealed override NamedType GetNamedType() => this;

    /// <summary>Whether values of this type are leaves of a response (scalars and enums).</summary>
    public bool IsLeafType => this is ScalarType or EnumType;

    /// <summary>Whether this is an interface or a union.</summary>
    public bool IsAbstractType => this is InterfaceType or UnionType;

    /// <summary>Whether this is a composite type with a selection set (object, interface or union).</summary>
    public bool IsCompositeType => this is ObjectType or InterfaceType or UnionType;

    /// <inheritdoc />
    public sealed override string ToString() => Name;
}

/// <summary>A list of another type (<c>[T]</c>).</summary>
public sealed class ListType : GraphQLType
{
    /// <summary>Wraps <paramref name="ofType"/> in a list.</summary>
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    /// <summary>The item type.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc />
    public override NamedType GetNamedType() => OfType.GetNamedType();

    /// <inheritdoc />
    public override string ToString() => "[" + OfType + "]";
}

/// <summary>A non-null wrapper of another type (<c>T!</c>).</summary>
public sealed class NonNullType : GraphQLType
{
    /// <summary>Wraps <paramref name="ofType"/>, which must not itself be non-null.</summary>
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Cannot wrap the non-null type {ofType} in another non-null.", nameof(ofType));
        }
        OfType = ofType;
    }

    /// <summary>The nullable type being wrapped.</summary>
    public GraphQLType OfType { get; }

    /// <inheritdoc />
    public override NamedType GetNamedType() => OfType.GetNamedType();

    /// <inheritdoc />
    public override string ToString() => OfType + "!";
}

/// <summary>The introspection kinds of types (<c>__TypeKind</c>).</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>Anything with a name that is unique among its siblings (types, fields, arguments, enum values, directives).</summary>
public interface INamedDefinition
{
    /// <summary>The name.</summary>
    string Name { get; }
}
