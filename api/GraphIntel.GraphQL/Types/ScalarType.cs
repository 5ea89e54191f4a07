using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// The three coercions of a scalar (spec §3.5 "Scalars"): result coercion (<see cref="Serialize"/>) and input
/// coercion from variables (<see cref="ParseValue"/>) and from literals (<see cref="ParseLiteral"/>).
/// Throw <see cref="GraphQLException"/> with a message saying what is wrong; other exceptions are wrapped.
/// </summary>
public interface IScalarCoercion
{
    /// <summary>Turns a resolver's value into a JSON-compatible result value.</summary>
    object? Serialize(object value);

    /// <summary>Turns a variable value (string, long, double, bool, list, map) into the internal value.</summary>
    object? ParseValue(object value);

    /// <summary>Turns a literal into the internal value; <paramref name="variables"/> are the coerced variable values.</summary>
    object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables);
}

/// <summary>A scalar type (spec §3.5): one of the built-in scalars or a custom scalar with a bound coercion.</summary>
public sealed class ScalarType : NamedType
{
    internal ScalarType(string name, IScalarCoercion coercion, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        Coercion = coercion;
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The <c>@specifiedBy(url:)</c> URL, or null.</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>The coercion rules.</summary>
    public IScalarCoercion Coercion { get; internal set; }

    /// <summary>Whether this is one of Int, Float, String, Boolean, ID.</summary>
    public bool IsSpecified => BuiltInScalars.IsSpecified(this);

    /// <summary>Result coercion.</summary>
    public object? Serialize(object value) => Coercion.Serialize(value);

    /// <summary>Input coercion of a variable value.</summary>
    public object? ParseValue(object value) => Coercion.ParseValue(value);

    /// <summary>Input coercion of a literal.</summary>
    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
        Coercion.ParseLiteral(valueNode, variables);
}

/// <summary>
/// The coercion of a custom scalar with nothing bound (as graphql-js): values pass through unchanged and
/// literals become plain values (strings, numbers, booleans, lists, maps).
/// </summary>
public sealed class PassThroughScalarCoercion : IScalarCoercion
{
    /// <summary>The shared instance.</summary>
    public static PassThroughScalarCoercion Instance { get; } = new();

    /// <inheritdoc />
    public object? Serialize(object value) => value;

    /// <inheritdoc />
    public object? ParseValue(object value) => value;

    /// <inheritdoc />
    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        Execution.ValueCoercion.ValueFromAstUntyped(valueNode, variables);
}
