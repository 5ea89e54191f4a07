using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>The directives the specification defines: @include, @skip, @deprecated, @specifiedBy, @oneOf.</summary>
public static class BuiltInDirectives
{
    /// <summary>The default reason of <c>@deprecated</c>.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary>@include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT.</summary>
    public static DirectiveDefinition Include { get; } = Create(
        "include",
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        Argument("if", new NonNullType(BuiltInScalars.Boolean), "Included when true."));

    /// <summary>@skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT.</summary>
    public static DirectiveDefinition Skip { get; } = Create(
        "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        Argument("if", new NonNullType(BuiltInScalars.Boolean), "Skipped when true."));

    /// <summary>@deprecated(reason: String = "No longer supported").</summary>
    public static DirectiveDefinition Deprecated { get; } = Create(
        "deprecated",
        "Marks an element of a GraphQL schema as no longer supported.",
        [
            DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition,
            DirectiveLocation.EnumValue, DirectiveLocation.DirectiveDefinition,
        ],
        Argument(
            "reason",
            BuiltInScalars.String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            new StringValueNode { Value = DefaultDeprecationReason },
            DefaultDeprecationReason));

    /// <summary>@specifiedBy(url: String!) on SCALAR.</summary>
    public static DirectiveDefinition SpecifiedBy { get; } = Create(
        "specifiedBy",
        "Exposes a URL that specifies the behavior of this scalar.",
        [DirectiveLocation.Scalar],
        Argument("url", new NonNullType(BuiltInScalars.String), "The URL that specifies the behavior of this scalar."));

    /// <summary>@oneOf on INPUT_OBJECT.</summary>
    public static DirectiveDefinition OneOf { get; } = Create(
        "oneOf",
        "Indicates exactly one field must be supplied and this field must not be `null`.",
        [DirectiveLocation.InputObject]);

    /// <summary>The specified directives in graphql-js order.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>The specified directive named <paramref name="name"/>, or null.</summary>
    public static DirectiveDefinition? Get(string name)
    {
        foreach (var directive in All)
        {
            if (directive.Name == name)
            {
                return directive;
            }
        }
        return null;
    }

    internal static bool IsSpecified(DirectiveDefinition directive) => ReferenceEquals(Get(directive.Name), directive);

    private static InputValueDefinition Argument(
        string name, GraphQLType type, string description, ValueNode? defaultValue = null, object? coercedDefault = null) =>
        new(name, type, description) { DefaultValue = defaultValue, CoercedDefaultValue = coercedDefault };

    private static DirectiveDefinition Create(
        string name, string description, DirectiveLocation[] locations, params InputValueDefinition[] arguments)
    {
        var directive = new DirectiveDefinition(name, description, locations, isRepeatable: false);
        if (arguments.Length > 0)
        {
            var map = new DefinitionMap<InputValueDefinition>(arguments.Length);
            foreach (var argument in arguments)
            {
                map.TryAdd(argument);
            }
            directive.Arguments = map;
        }
        return directive;
    }
}
