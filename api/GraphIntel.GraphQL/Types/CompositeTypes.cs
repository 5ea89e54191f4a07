using GraphIntel.GraphQL.Execution;

namespace GraphIntel.GraphQL.Types;

/// <summary>Names the object type of a value of an abstract type (graphql-js <c>resolveType</c>); null when unknown.</summary>
public delegate string? TypeResolver(object value, IResolveFieldContext context);

/// <summary>Tells whether a value belongs to an object type (graphql-js <c>isTypeOf</c>).</summary>
public delegate bool IsTypeOfCheck(object value, IResolveFieldContext context);

/// <summary>A type with fields: an object or an interface.</summary>
public abstract class FieldsType : NamedType
{
    private protected FieldsType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields, in definition order.</summary>
    public DefinitionMap<FieldDefinition> Fields { get; } = new();

    /// <summary>The interfaces this type implements, in definition order.</summary>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public FieldDefinition? GetField(string name) => Fields[name];

    /// <summary>Whether this type declares that it implements <paramref name="iface"/>.</summary>
    public bool Implements(InterfaceType iface)
    {
        var interfaces = Interfaces;
        for (var i = 0; i < interfaces.Count; i++)
        {
            if (ReferenceEquals(interfaces[i], iface))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>An object type (spec §3.6 "Objects").</summary>
public sealed class ObjectType : FieldsType
{
    internal ObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>The CLR type bound with <c>SchemaBuilder.BindType&lt;T&gt;</c>, or null.</summary>
    public Type? ClrType { get; internal set; }

    /// <summary>An explicit check used to resolve abstract types, or null.</summary>
    public IsTypeOfCheck? IsTypeOf { get; internal set; }
}

/// <summary>An interface type (spec §3.7 "Interfaces"); it may implement other interfaces.</summary>
public sealed class InterfaceType : FieldsType
{
    internal InterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Names the object type of a value, or null to use the default resolution.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>A union type (spec §3.8 "Unions").</summary>
public sealed class UnionType : NamedType
{
    internal UnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member types, in definition order.</summary>
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    /// <summary>Names the object type of a value, or null to use the default resolution.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>An input object type (spec §3.10 "Input Objects"), optionally a OneOf input object.</summary>
public sealed class InputObjectType : NamedType
{
    internal InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>The input fields, in definition order.</summary>
    public DefinitionMap<InputValueDefinition> Fields { get; } = new();

    /// <summary>Whether exactly one field must be given (<c>@oneOf</c>).</summary>
    public bool IsOneOf { get; internal set; }
}
