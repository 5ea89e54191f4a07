using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>A directive a schema supports (spec §3.13 "Directives").</summary>
public sealed class DirectiveDefinition : INamedDefinition
{
    internal DirectiveDefinition(string name, string? description, IReadOnlyList<DirectiveLocation> locations, bool isRepeatable)
    {
        Name = name;
        Description = description;
        Locations = locations;
        IsRepeatable = isRepeatable;
    }

    /// <summary>The name, without the <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The description, or null.</summary>
    public string? Description { get; }

    /// <summary>Where the directive may appear.</summary>
    public IReadOnlyList<DirectiveLocation> Locations { get; }

    /// <summary>The arguments, in definition order.</summary>
    public DefinitionMap<InputValueDefinition> Arguments { get; internal set; } = DefinitionMap<InputValueDefinition>.Empty;

    /// <summary>Whether the directive may appear more than once at one location.</summary>
    public bool IsRepeatable { get; }

    /// <summary>The <c>@deprecated(reason:)</c> reason, or null.</summary>
    public string? DeprecationReason { get; internal set; }

    /// <summary>The definition this directive was built from, or null for the built-in directives.</summary>
    public DirectiveDefinitionNode? AstNode { get; internal set; }

    /// <summary>Whether this is one of the directives the specification defines.</summary>
    public bool IsSpecified => BuiltInDirectives.IsSpecified(this);

    /// <inheritdoc />
    public override string ToString() => "@" + Name;
}

/// <summary>The places a directive may be used (spec DirectiveLocations), in the order of <c>__DirectiveLocation</c>.</summary>
public enum DirectiveLocation
{
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,
    DirectiveDefinition,
}

/// <summary>Converts <see cref="DirectiveLocation"/> to and from its GraphQL name (e.g. <c>FIELD_DEFINITION</c>).</summary>
public static class DirectiveLocationNames
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    ];

    /// <summary>The GraphQL name of a location.</summary>
    public static string ToName(this DirectiveLocation location) => Names[(int)location];

    /// <summary>Parses a GraphQL location name.</summary>
    public static bool TryParse(string name, out DirectiveLocation location)
    {
        var index = Array.IndexOf(Names, name);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }
}
