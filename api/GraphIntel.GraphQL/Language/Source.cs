namespace GraphIntel.GraphQL.Language;

/// <summary>A GraphQL source text with a name used in error reports (graphql-js <c>Source</c>).</summary>
public sealed class Source
{
    /// <summary>The name given to request documents when none is supplied.</summary>
    public const string DefaultName = "GraphQL request";

    /// <summary>Creates a source over <paramref name="body"/>.</summary>
    public Source(string body, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(name);
        Body = body;
        Name = name;
    }

    /// <summary>The text.</summary>
    public string Body { get; }

    /// <summary>The name, e.g. a file name or "GraphQL request".</summary>
    public string Name { get; }

    /// <summary>The 1-based line and column of a character offset, counting "\r\n", "\n" and "\r" as line terminators.</summary>
    public SourceLocation GetLocation(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Body.Length);
        var body = Body.AsSpan(0, position);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\r')
            {
                if (i + 1 < Body.Length && Body[i + 1] == '\n')
                {
                    i++;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(line, position - lineStart + 1);
    }
}
