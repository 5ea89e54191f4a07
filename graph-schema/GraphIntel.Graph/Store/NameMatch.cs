using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>An entity found by name: how well it matched and which of its names matched.</summary>
public sealed record NameMatch(Entity Entity, double Score, string Matched, bool Exact);
