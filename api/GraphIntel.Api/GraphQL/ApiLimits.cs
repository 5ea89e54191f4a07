namespace GraphIntel.Api.GraphQL;

/// <summary>The bounds on what one request may ask for (section <c>GraphIntel:Limits</c>); each breach is a clear error.</summary>
public sealed class ApiLimits
{
    public const string SectionName = "GraphIntel:Limits";

    /// <summary>Largest request body in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;
    /// <summary>Deepest field nesting of an operation.</summary>
    public int MaxQueryDepth { get; set; } = 15;
    /// <summary>Highest cost of an operation (each field 1, list fields multiplied by their page size).</summary>
    public long MaxQueryCost { get; set; } = 100_000;
    /// <summary>Longest time one request may execute.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Largest page (`first`) of a list.</summary>
    public int MaxPageSize { get; set; } = 200;
    /// <summary>Deepest lineage walk.</summary>
    public int MaxLineageDepth { get; set; } = 10;
    /// <summary>Longest path searched.</summary>
    public int MaxPathHops { get; set; } = 8;
    /// <summary>Most paths returned.</summary>
    public int MaxPaths { get; set; } = 50;
    /// <summary>Deepest neighborhood.</summary>
    public int MaxNeighborhoodDepth { get; set; } = 3;

    /// <summary>The value, or a BAD_USER_INPUT error naming the argument, the limit and the value.</summary>
    public static int Check(int value, int min, int max, string argument) =>
        value >= min && value <= max
            ? value
            : throw ApiErrors.BadArgument($"Argument \"{argument}\" must be between {min} and {max}; got {value}.");
}
