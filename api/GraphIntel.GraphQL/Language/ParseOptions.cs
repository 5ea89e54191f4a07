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
    public int MaxTokens
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxTokens), value, "MaxTokens must be at least 1.");
    } = 15_000;

    /// <summary>
    /// The deepest nesting allowed, counting selection sets, list and object values and list types together
    /// (<c>{ a(v: [1]) }</c> has depth 2). Protects the recursive-descent parser; query depth is a validation rule.
    /// </summary>
    public int MaxDepth
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "MaxDepth must be at least 1.");
    } = 64;

    /// <summary>When true, nodes carry no <see cref="Location"/> (saves an allocation per node).</summary>
    public bool NoLocation { get; init; }
}
