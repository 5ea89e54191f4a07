namespace GraphIntel.Graph.Embedded.Migrations;

/// <summary>One schema step of the embedded store: applied once, in version order, inside a transaction.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
