namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Every test class that uses the shared Neo4j server joins this collection, so they never run concurrently: each
/// test starts by wiping the one database they share.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jCollection
{
    public const string Name = "neo4j";
}
