namespace GraphIntel.Graph.Exchange;

/// <summary>The export formats this build offers, by <see cref="IExportFormatter.Name"/>: the CLI's and the HTTP endpoint's one list.</summary>
public static class ExportFormatters
{
    /// <summary>Every available formatter. A new format is one class and one line here.</summary>
    public static readonly IReadOnlyList<IExportFormatter> All =
    [
        new JsonExportFormatter(),
        new CypherExportFormatter(),
        new EventsYamlExportFormatter(),
        new GraphMLExportFormatter(),
        new FollowTheMoneyExportFormatter(),
        new CsvExportFormatter(),
    ];

    public static IExportFormatter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(f => f.Name));
}
