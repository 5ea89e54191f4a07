using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation.Limits;

/// <summary>
/// What a schema's owner knows about its fields that the document does not say: how long a list field's value is
/// when no size argument bounds it (from the data's statistics, say), and what a field costs when its value is large
/// (a long text). <see cref="MaxCostRule"/> asks it for every field it prices; the engine knows nothing of the domain.
/// </summary>
public interface IFieldCostEstimator
{
    /// <summary>
    /// Changes whenever an estimate changes. Documents validated under another version are validated again, so a
    /// query that was cheap is refused once the data makes it expensive (<see cref="GraphQLServiceOptions.ValidationVersion"/>).
    /// </summary>
    long Version { get; }

    /// <summary>The estimate for <paramref name="field"/> selected on <paramref name="parentType"/> (an object or interface type); null when nothing is known.</summary>
    FieldCostEstimate? Estimate(NamedType parentType, FieldDefinition field);
}

/// <summary>
/// An estimate of one field. For a list field without a size argument, selected on N parent values, the rule counts
/// <c>N × ListSize + (MaxListSize − ListSize)</c> items (N typical lists, one of them the longest), never more than
/// <c>N × MaxListSize</c>; with only one of the two it counts N times that one.
/// </summary>
/// <param name="ListSize">The typical (mean) length of the field's list; null when unknown.</param>
/// <param name="MaxListSize">The longest the field's list is; null when unknown.</param>
/// <param name="Cost">What resolving the field once costs (a leaf: 1, more for a value of many bytes); at least 1.</param>
public readonly record struct FieldCostEstimate(double? ListSize = null, long? MaxListSize = null, long Cost = 1)
{
    /// <summary>Whether the estimate says anything about the list's length.</summary>
    public bool SizesList => ListSize is not null || MaxListSize is not null;

    /// <summary>The items of this list field over <paramref name="parents"/> parent values (saturating).</summary>
    public long ItemsOver(long parents)
    {
        var bound = MaxListSize is { } max ? Saturate((double)parents * max) : long.MaxValue;
        if (ListSize is not { } mean)
        {
            return bound;
        }
        var typical = (double)parents * mean + (MaxListSize is { } longest ? Math.Max(0, longest - mean) : 0);
        return Math.Min(bound, Saturate(Math.Ceiling(typical)));
    }

    private static long Saturate(double value) => value >= long.MaxValue ? long.MaxValue : Math.Max(0, (long)value);
}
