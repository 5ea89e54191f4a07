using System.Buffers;
using System.Text;

namespace GraphIntel.GraphQL.Language;

/// <summary>Block strings: the spec's BlockStringValue() (dedent) and graphql-js's <c>printBlockString</c>.</summary>
public static class BlockString
{
    private const int StackBufferLength = 256;

    /// <summary>
    /// BlockStringValue(rawValue): splits the raw text between the triple quotes into lines, removes the common
    /// indentation of all lines but the first, drops leading and trailing blank lines, joins with "\n", and turns
    /// each \""" into """.
    /// </summary>
    public static string Value(ReadOnlySpan<char> raw)
    {
        // Pass 1: common indentation and the first/last non-blank lines.
        var commonIndent = int.MaxValue;
        var firstNonBlank = -1;
        var lastNonBlank = -1;
        var lineIndex = 0;
        for (var position = 0; ; lineIndex++)
        {
            var line = NextLine(raw, ref position, out var isLast);
            var indent = LeadingWhiteSpace(line);
            if (indent < line.Length)
            {
                if (firstNonBlank < 0)
                {
                    firstNonBlank = lineIndex;
                }
                lastNonBlank = lineIndex;
                if (lineIndex != 0 && indent < commonIndent)
                {
                    commonIndent = indent;
                }
            }
            if (isLast)
            {
                break;
            }
        }
        if (firstNonBlank < 0)
        {
            return string.Empty;
        }
        if (lineIndex == 0 && raw.IndexOf('\\') < 0)
        {
            return new string(raw);
        }

        // Pass 2: write the kept lines. The result is never longer than the raw text.
        char[]? rented = null;
        var buffer = raw.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var length = 0;
            var position = 0;
            for (lineIndex = 0; lineIndex <= lastNonBlank; lineIndex++)
            {
                var line = NextLine(raw, ref position, out _);
                if (lineIndex < firstNonBlank)
                {
                    continue;
                }
                if (lineIndex > firstNonBlank)
                {
                    buffer[length++] = '\n';
                }
                if (lineIndex != 0)
                {
                    line = line[Math.Min(commonIndent, line.Length)..];
                }
                length += Unescape(line, buffer[length..]);
            }
            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// graphql-js <c>printBlockString</c>: prints <paramref name="value"/> as a block string, on separate lines
    /// when that reads better and always so that parsing it gives back <paramref name="value"/>.
    /// </summary>
    public static string Print(string value, bool minimize = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);

        var isSingleLine = true;
        var forceLeadingNewLine = true;
        var position = 0;
        NextLine(escaped, ref position, out var isLast);
        while (!isLast)
        {
            isSingleLine = false;
            var line = NextLine(escaped, ref position, out isLast);
            if (line.Length != 0 && !IsWhiteSpace(line[0]))
            {
                forceLeadingNewLine = false;
            }
        }
        forceLeadingNewLine &= !isSingleLine;

        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes);
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);

        var result = new StringBuilder(escaped.Length + 8);
        result.Append("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }
        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }
        return result.Append("\"\"\"").ToString();
    }

    /// <summary>The next line (split on \r\n, \n or \r) from <paramref name="position"/>, advancing past its terminator.</summary>
    private static ReadOnlySpan<char> NextLine(ReadOnlySpan<char> text, ref int position, out bool isLast)
    {
        var rest = text[position..];
        var end = rest.IndexOfAny('\n', '\r');
        if (end < 0)
        {
            position = text.Length;
            isLast = true;
            return rest;
        }
        position += end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        isLast = false;
        return rest[..end];
    }

    private static int LeadingWhiteSpace(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && IsWhiteSpace(line[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';

    /// <summary>Copies <paramref name="line"/> to <paramref name="destination"/> turning \""" into """; returns the length written.</summary>
    private static int Unescape(ReadOnlySpan<char> line, Span<char> destination)
    {
        var length = 0;
        while (true)
        {
            var escape = line.IndexOf("\\\"\"\"");
            if (escape < 0)
            {
                line.CopyTo(destination[length..]);
                return length + line.Length;
            }
            line[..escape].CopyTo(destination[length..]);
            length += escape;
            line = line[(escape + 1)..];
            line[..3].CopyTo(destination[length..]);
            length += 3;
            line = line[3..];
        }
    }
}
