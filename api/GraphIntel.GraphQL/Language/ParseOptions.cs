namespace GraphIntel.GraphQL.Language;

/// <summary>Limits and switches for <see cref="Parser"/>.</summary>
public sealed record ParseOptions
{
    /// <summary>The defaults: 15,000 tokens, depth 64, locations recorded.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>
    /// The most tokens (punctuators, names, numbers, strings; not comments) a document may contain before parsing is
    /// aborted with a syntax error.
    /// </summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>The deepest nesting of selection sets, list/object values and list types allowed.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>When true, nodes carry no <see cref="Location"/> (saves an allocation per node).</summary>
    public bool NoLocation { get; init; }
}
