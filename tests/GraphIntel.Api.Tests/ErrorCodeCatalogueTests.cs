using System.Reflection;
using System.Text.RegularExpressions;
using GraphIntel.Api.Errors;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The error codes are declared once (<see cref="ErrorCodes"/>): the README's table lists exactly them, and no source
/// file of the API spells one out anywhere else.
/// </summary>
public sealed partial class ErrorCodeCatalogueTests
{
    private static readonly IReadOnlyList<string> Catalogue =
    [
        .. typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    [Fact]
    public void The_README_table_lists_exactly_the_catalogue()
    {
        var readme = File.ReadAllText(RepoPaths.In("README.md"));
        var section = readme[readme.IndexOf("\n## Error codes\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var listed = TableCode().Matches(section).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(listed.Distinct().Count(), listed.Count);
        Assert.Equal(Catalogue.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_API_source_but_the_catalogue_spells_out_a_code()
    {
        Assert.Equal(Catalogue.Distinct().Count(), Catalogue.Count);
        var sources = Directory.EnumerateFiles(RepoPaths.In("api/GraphIntel.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(p) != "ErrorCodes.cs")
            .ToList();
        Assert.NotEmpty(sources);
        var literals =
            from path in sources
            from code in Catalogue
            where File.ReadAllText(path).Contains($"\"{code}\"", StringComparison.Ordinal)
            select $"{Path.GetRelativePath(RepoPaths.Root, path)}: \"{code}\"";
        Assert.Empty(literals);
    }

    /// <summary>A row of the table: its first cell, a code in backticks.</summary>
    [GeneratedRegex(@"^\| `([A-Z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
