namespace GraphIntel.GraphQL.Validation.Limits;

/// <summary>How <see cref="MaxCostRule"/> prices an operation.</summary>
public sealed class CostOptions
{
    /// <summary>The greatest allowed cost.</summary>
    public long MaxCost { get; init; } = 10_000;

    /// <summary>The assumed length of a list field whose size argument is absent or a variable.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Arguments that bound a list field's length, looked for in this order.</summary>
    public IReadOnlyList<string> ListSizeArguments { get; init; } = ["first", "last", "limit"];

    /// <summary>
    /// Per-field list sizes and costs the document can't state (from the data's statistics); null: every list field
    /// without a size argument is <see cref="DefaultListSize"/> long and every field costs 1.
    /// </summary>
    public IFieldCostEstimator? Estimator { get; init; }
}
