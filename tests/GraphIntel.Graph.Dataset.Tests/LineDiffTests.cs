
namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>The digest's failure message: a unified diff a reviewer can read.</summary>
public sealed class LineDiffTests
{
    private static string Text(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Equal_texts_have_no_diff() => Assert.Equal("", LineDiff.Unified(Text("a", "b"), Text("a", "b"), "x", "y"));

    [Fact]
    public void A_changed_line_is_one_hunk_with_two_lines_of_context()
    {
        var before = Text("1", "2", "3", "rel/x | 2000-09/.. | ASSERTED", "5", "6", "7");
        var after = Text("1", "2", "3", "rel/x | 2009-09/.. | ASSERTED", "5", "6", "7");
        Assert.Equal(
            Text("--- reviewed", "+++ now", "@@ -2,5 +2,5 @@", " 2", " 3", "-rel/x | 2000-09/.. | ASSERTED", "+rel/x | 2009-09/.. | ASSERTED", " 5", " 6"),
            LineDiff.Unified(before, after, "reviewed", "now"));
    }

    [Fact]
    public void Distant_changes_are_separate_hunks_and_additions_and_removals_count_right()
    {
        var before = Text("a", "b", "c", "d", "e", "f", "g", "h", "i");
        var after = Text("b", "c", "d", "e", "f", "g", "h", "i", "j");
        Assert.Equal(
            Text("--- r", "+++ n", "@@ -1,3 +1,2 @@", "-a", " b", " c", "@@ -8,2 +7,3 @@", " h", " i", "+j"),
            LineDiff.Unified(before, after, "r", "n"));
    }
}
