namespace GraphIntel.Graph.Store;

/// <summary>A store failure. <see cref="IsTransient"/> is the one flag retry logic reads.</summary>
public class GraphStoreException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}

/// <summary>The store cannot be reached (down, or its circuit is open).</summary>
public sealed class GraphStoreUnavailableException(string message, Exception? inner = null)
    : GraphStoreException(message, isTransient: true, inner);

/// <summary>One thing wrong with a change set, and which record it is about.</summary>
public sealed record ValidationProblem(string RecordId, string Message)
{
    public override string ToString() => $"{RecordId}: {Message}";
}

/// <summary>A change set was refused; nothing was written.</summary>
public sealed class GraphValidationException(IReadOnlyList<ValidationProblem> problems)
    : GraphStoreException(
        problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems: " + string.Join("; ", problems.Take(10)),
        isTransient: false)
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}

/// <summary>
/// A paging cursor the store did not issue (garbled, or from another list). An <see cref="ArgumentException"/> with a
/// message fit for the caller: it names the cursor, never a parameter or type of the code.
/// </summary>
public sealed class InvalidCursorException(string cursor)
    : ArgumentException($"'{cursor}' is not a cursor of this list; pass an endCursor or cursor from a previous page of the same query")
{
    /// <summary>The cursor as given.</summary>
    public string Cursor { get; } = cursor;
}
