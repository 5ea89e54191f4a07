using System.Collections.Concurrent;
using GraphIntel.Graph.Model;

namespace GraphIntel.Api.Resolvers;

/// <summary>
/// Locates quotes in source texts: offsets in the text with white-space runs collapsed (as quotes are matched),
/// and the line of the original text. Each source's index is built once per text and kept.
/// </summary>
internal sealed class SourceTexts
{
    private readonly ConcurrentDictionary<string, Indexed> _bySource = new(StringComparer.Ordinal);

    public TextSpan? Locate(Source source, string quote)
    {
        var indexed = _bySource.GetOrAdd(source.Id, _ => new Indexed(source.Text));
        if (!ReferenceEquals(indexed.Text, source.Text) && indexed.Text != source.Text)
            _bySource[source.Id] = indexed = new Indexed(source.Text);
        var normalizedQuote = QuoteMatcher.NormalizeWhitespace(quote);
        var start = indexed.Matcher.IndexOf(quote);
        return start < 0 ? null : new TextSpan(start, start + normalizedQuote.Length, indexed.LineAt(start));
    }

    private sealed class Indexed
    {
        private readonly int[] _lineOfNormalized;

        public Indexed(string text)
        {
            Text = text;
            Matcher = new QuoteMatcher(text);
            // Walk the original text the way NormalizeWhitespace does, noting the line of each kept character.
            var lines = new List<int>(text.Length);
            var line = 1;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (c == '\n') line++;
                if (char.IsWhiteSpace(c)) { pendingSpace = lines.Count > 0; continue; }
                if (pendingSpace) { lines.Add(line); pendingSpace = false; }
                lines.Add(line);
            }
            _lineOfNormalized = lines.ToArray();
        }

        public string Text { get; }
        public QuoteMatcher Matcher { get; }
        public int LineAt(int offset) => _lineOfNormalized.Length == 0 ? 1 : _lineOfNormalized[Math.Min(offset, _lineOfNormalized.Length - 1)];
    }
}
