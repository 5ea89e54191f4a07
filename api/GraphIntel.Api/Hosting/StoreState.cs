namespace GraphIntel.Api.Hosting;

/// <summary>Whether the store has been migrated (and seeded) since start, and if not, why.</summary>
internal sealed class StoreState
{
    private volatile string? _problem = "starting";
    public bool IsInitialized => _problem is null;
    public string? Problem => _problem;
    public void Initialized() => _problem = null;
    public void Failed(string problem) => _problem = problem;
}
