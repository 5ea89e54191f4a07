using System.Text;

namespace GraphIntel.Graph.Testing;

/// <summary>A unified diff (<c>---</c>/<c>+++</c>, <c>@@ -a,b +c,d @@</c> hunks) of two texts, line by line, for test messages.</summary>
public static class LineDiff
{
    /// <summary>The diff from <paramref name="expected"/> to <paramref name="actual"/>, or "" when they are equal.</summary>
    public static string Unified(string expected, string actual, string expectedName, string actualName, int context = 2)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' ')) return "";
        var text = new StringBuilder($"--- {expectedName}\n+++ {actualName}\n");
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ') { i++; continue; }
            // A hunk: from `context` lines before this change to `context` lines after the last change that is no
            // more than 2 * context unchanged lines from the next one.
            var start = Math.Max(0, i - context);
            var end = i;
            while (true)
            {
                var next = end + 1;
                while (next < edits.Count && edits[next].Kind == ' ') next++;
                if (next < edits.Count && next - end - 1 <= 2 * context) { end = next; continue; }
                break;
            }
            var stop = Math.Min(edits.Count, end + 1 + context);
            var hunk = edits.GetRange(start, stop - start);
            var (aStart, bStart) = (edits[start].A, edits[start].B);
            text.Append($"@@ -{aStart + 1},{hunk.Count(e => e.Kind != '+')} +{bStart + 1},{hunk.Count(e => e.Kind != '-')} @@\n");
            foreach (var e in hunk) text.Append(e.Kind).Append(e.Line).Append('\n');
            i = stop;
        }
        return text.ToString();
    }

    private readonly record struct Edit(char Kind, string Line, int A, int B);

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    /// <summary>The edit script of a longest common subsequence (the texts here are a few hundred lines).</summary>
    private static List<Edit> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
            for (var y = b.Length - 1; y >= 0; y--)
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
        var edits = new List<Edit>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j]) { edits.Add(new(' ', a[i], i, j)); i++; j++; }
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1])) { edits.Add(new('-', a[i], i, j)); i++; }
            else { edits.Add(new('+', b[j], i, j)); j++; }
        }
        return edits;
    }
}
