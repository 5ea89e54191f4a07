using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GraphIntel.Graph.Dataset.Yaml;

/// <summary>
/// Reads one YAML file into a <see cref="YNode"/> tree with positions. Syntax errors become problems at their
/// position (the file is then skipped: YAML cannot be resumed after one); duplicate keys and non-scalar keys are
/// reported and the rest of the file is still read.
/// </summary>
internal static partial class YamlTreeLoader
{
    /// <summary>The document's root node, or null for an empty file or a syntax error (reported).</summary>
    public static YNode? Load(string text, string file, ICollection<DatasetProblem> problems)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var builder = new Builder(parser, file, problems);
            return builder.ReadStream();
        }
        catch (YamlException e)
        {
            problems.Add(new DatasetProblem(At(file, e.Start), "YAML syntax error: " + StripPosition(e.Message)));
            return null;
        }
    }

    private static DatasetLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the problem has its own position.</summary>
    private static string StripPosition(string message) => PositionPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    private sealed class Builder(IParser parser, string file, ICollection<DatasetProblem> problems)
    {
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);

        public YNode? ReadStream()
        {
            parser.Consume<StreamStart>();
            YNode? root = null;
            var documents = 0;
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                documents++;
                var node = ReadNode();
                parser.Consume<DocumentEnd>();
                if (documents == 1) root = node;
                else problems.Add(new DatasetProblem(At(file, start.Start), "a data file holds one YAML document; this second one is ignored"));
            }
            parser.Consume<StreamEnd>();
            return root;
        }

        private YNode ReadNode()
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var anchored)) return anchored;
                problems.Add(new DatasetProblem(At(file, alias.Start), $"unknown YAML anchor '*{alias.Value.Value}'"));
                return new YScalar(At(file, alias.Start), "", isPlain: true);
            }
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                return Remember(scalar.Anchor, new YScalar(At(file, scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain));
            }
            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode());
                return Remember(sequenceStart.Anchor, new YSequence(At(file, sequenceStart.Start), items));
            }
            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<KeyValuePair<YScalar, YNode>>();
            var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode();
                var value = ReadNode();
                if (key is not YScalar keyScalar)
                {
                    problems.Add(new DatasetProblem(key.At, $"a key must be plain text, not {key.Describe()}"));
                }
                else if (seen.TryGetValue(keyScalar.Value, out var first))
                {
                    problems.Add(new DatasetProblem(keyScalar.At,
                        $"duplicate key '{keyScalar.Value}' (first at line {first.At.Line}); this one is ignored"));
                }
                else
                {
                    seen.Add(keyScalar.Value, keyScalar);
                    entries.Add(new(keyScalar, value));
                }
            }
            return Remember(mappingStart.Anchor, new YMapping(At(file, mappingStart.Start), entries));
        }

        private YNode Remember(AnchorName anchor, YNode node)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
            return node;
        }
    }
}
