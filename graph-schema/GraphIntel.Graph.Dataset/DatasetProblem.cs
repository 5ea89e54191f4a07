namespace GraphIntel.Graph.Dataset;

/// <summary>A position in a data-set file: the path relative to the repository root, 1-based line and column.</summary>
public readonly record struct DatasetLocation(string File, int Line, int Column)
{
    /// <summary>The start of a file, for problems about the file as a whole.</summary>
    public static DatasetLocation StartOf(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One thing wrong with the curated data set, and where: <c>file:line:column: message</c>.</summary>
public sealed record DatasetProblem(string File, int Line, int Column, string Message)
{
    public DatasetProblem(DatasetLocation at, string message) : this(at.File, at.Line, at.Column, message) { }

    public DatasetLocation Location => new(File, Line, Column);

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
