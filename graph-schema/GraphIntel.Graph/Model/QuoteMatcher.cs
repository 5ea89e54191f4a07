using System.Text;

namespace GraphIntel.Graph.Model;

/// <summary>
/// Decides whether a quote occurs verbatim in a source's text. Matching is exact and case-sensitive; the one
/// leniency is that any run of white space matches any other run, since documents wrap lines arbitrarily.
/// </summary>
public sealed class QuoteMatcher
{
    private readonly string _normalizedText;

    public QuoteMatcher(string sourceText) => _normalizedText = NormalizeWhitespace(sourceText);

    public bool Occurs(string quote)
    {
        var q = NormalizeWhitespace(quote);
        return q.Length > 0 && _normalizedText.Contains(q, StringComparison.Ordinal);
    }

    /// <summary>The character offset of the quote in the normalized text, or -1.</summary>
    public int IndexOf(string quote)
    {
        var q = NormalizeWhitespace(quote);
        return q.Length == 0 ? -1 : _normalizedText.IndexOf(q, StringComparison.Ordinal);
    }

    /// <summary>Trims and collapses every run of white space to one space.</summary>
    public static string NormalizeWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
