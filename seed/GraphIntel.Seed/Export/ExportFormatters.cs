namespace GraphIntel.Seed.Export;

/// <summary>The export formats this build offers, by <see cref="IExportFormatter.Name"/>.</summary>
public static class ExportFormatters
{
    /// <summary>Every available formatter. A new format (e.g. Cypher for Neo4j) is one class and one line here.</summary>
    public static readonly IReadOnlyList<IExportFormatter> All =
    [
        new JsonExportFormatter(),
        new CypherExportFormatter(),
        new EventsYamlExportFormatter(),
    ];

    public static IExportFormatter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(f => f.Name));
}
