using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>A field of an object or interface type (spec §3.6 "Objects", FieldsDefinition).</summary>
public sealed class FieldDefinition : INamedDefinition
{
    internal FieldDefinition(string name, GraphQLType type, string? description = null)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; internal set; }

    /// <summary>The output type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The argument definitions, in definition order.</summary>
    public DefinitionMap<InputValueDefinition> Arguments { get; internal set; } = DefinitionMap<InputValueDefinition>.Empty;

    /// <summary>The <c>@deprecated(reason:)</c> reason, or null when the field is not deprecated.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>Whether the field is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>
    /// Produces the field's value. Always set on object-type fields of a built schema; null on interface fields.
    /// </summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>
    /// On fields of the subscription root type: creates the field's source event stream (spec §6.2.3.1
    /// CreateSourceEventStream; graphql-js <c>subscribe</c>). Its value must be an <see cref="IAsyncEnumerable{T}"/> of
    /// events (<c>IAsyncEnumerable&lt;object?&gt;</c>, or of any reference type); each event then becomes the root value of
    /// one execution of the selection set, in which <see cref="Resolver"/> maps the event to the field's value.
    /// </summary>
    public FieldResolver? Subscriber { get; internal set; }

    /// <summary>
    /// A context-free equivalent of <see cref="Resolver"/> for fields that only read their (non-null) parent value,
    /// such as bound CLR properties and source resolvers, or a first try that may decline: the executor calls it
    /// without allocating a resolver context, and calls <see cref="Resolver"/> when it returns
    /// <see cref="Execution.PropertyResolver.NotApplicable"/>.
    /// </summary>
    internal Func<object, object?>? SourceGetter { get; set; }

    /// <summary>The definition this field was built from, or null.</summary>
    public FieldDefinitionNode? AstNode { get; internal set; }

    /// <summary>The type and field, e.g. <c>Query.hero</c>, set when the field is added to a type.</summary>
    public string Coordinate { get; internal set; } = "";

    /// <inheritdoc />
    public override string ToString() => Coordinate.Length > 0 ? Coordinate : Name;
}

/// <summary>An argument, input field or directive argument (spec InputValueDefinition).</summary>
public sealed class InputValueDefinition : INamedDefinition
{
    internal InputValueDefinition(string name, GraphQLType type, string? description = null)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The argument or input field name.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; internal set; }

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The default value as written in the schema, or null when there is none.</summary>
    public ValueNode? DefaultValue { get; internal set; }

    /// <summary>Whether a default value is defined (it may be the literal <c>null</c>).</summary>
    public bool HasDefaultValue => DefaultValue is not null;

    /// <summary>The default value coerced to the input type (null when there is none or when it is null).</summary>
    public object? CoercedDefaultValue { get; internal set; }

    /// <summary>The <c>@deprecated(reason:)</c> reason, or null.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>Whether the argument or input field is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The definition this value was built from, or null.</summary>
    public InputValueDefinitionNode? AstNode { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Name + ": " + Type;
}

/// <summary>One value of an enum type (spec §3.9 EnumValueDefinition).</summary>
public sealed class EnumValueDefinition : INamedDefinition
{
    internal EnumValueDefinition(string name, object value, string? description = null)
    {
        Name = name;
        Value = value;
        Description = description;
    }

    /// <summary>The name, as it appears in documents and responses.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; internal set; }

    /// <summary>The internal value resolvers see and return (the name, unless bound to a CLR enum).</summary>
    public object Value { get; internal set; }

    /// <summary>The <c>@deprecated(reason:)</c> reason, or null.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>Whether the value is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The definition this value was built from, or null.</summary>
    public EnumValueDefinitionNode? AstNode { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
