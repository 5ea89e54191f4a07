namespace GraphIntel.Graph.Store;

/// <summary>Who writes, why, and when (time comes from the caller's TimeProvider, never from inside logic).</summary>
public sealed record WriteContext(string Actor, string? Reason, DateTimeOffset At);
