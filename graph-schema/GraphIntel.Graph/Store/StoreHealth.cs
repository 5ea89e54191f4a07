namespace GraphIntel.Graph.Store;

public sealed record StoreHealth(bool Available, string Backend, string? Detail);
