namespace GraphIntel.Api.Tests;

/// <summary>
/// The API is an executable: other projects compose it (the tests' WebApplicationFactory, the benchmarks), nothing
/// else. Its public types are exactly the allow-list below; everything else is internal (the tests and the
/// benchmarks see internals through InternalsVisibleTo).
/// </summary>
public sealed class PublicSurfaceTests
{
    /// <summary>The entry point and the composition calls another project builds the API with.</summary>
    private static readonly string[] AllowedPublicTypes =
    [
        "Program",
        "GraphIntel.Api.Hosting.ApiComposition",
    ];

    [Fact]
    public void Only_the_allow_list_is_public()
    {
        var exported = typeof(Program).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal);
        Assert.Equal(AllowedPublicTypes.Order(StringComparer.Ordinal), exported);
    }
}
