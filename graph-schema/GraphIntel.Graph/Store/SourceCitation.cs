using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>A citation of a source and what it supports: an entity id, a relationship id or an estimate id.</summary>
public sealed record SourceCitation(Citation Citation, string SupportsId);
