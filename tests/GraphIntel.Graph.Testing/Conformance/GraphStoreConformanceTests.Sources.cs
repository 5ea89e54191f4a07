using System.Text;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    /// <summary>
    /// Sources added to the fixture's two, with ids that sort one way by ordinal and another by culture, length or
    /// case ("source/Z…" before "source/a…", "a10" before "a9", "-" before "_" before letters).
    /// </summary>
    private static readonly Source[] MoreSources = ((string[])["source/a9", "source/Zeta", "source/a_b", "source/a10", "source/a-b", "source/é"])
        .Select(id => new Source(id, "Title of " + id, null, null, null, null, "Text of " + id + "."))
        .ToArray();

    /// <summary>The cursor the API has always shown for a source: "source:" and the id, in base64.</summary>
    private static string SourceCursor(string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("source:" + id));

    [StoreTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(20)]
    public async Task Sources_page_in_id_order_after_any_cursor(int first)
    {
        await Store.ApplyAsync(new ChangeSet { Sources = MoreSources }, Editor());
        // Brute force: every source written, in ordinal id order, sliced by position after each possible cursor.
        var all = MoreSources.Append(AlphaSource).Append(BetaSource).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        for (var start = 0; start <= all.Count; start++)
        {
            var page = await Store.ListSourcesAsync(new SourceQuery { First = first, After = start == 0 ? null : SourceCursor(all[start - 1].Id) });
            var expected = all.Skip(start).Take(first).ToList();
            Assert.Equal(expected.Select(RecordJson.Serialize), page.Items.Select(RecordJson.Serialize));
            Assert.Equal(expected.Select(s => SourceCursor(s.Id)), page.Cursors);
            Assert.Equal(expected.Count > 0 ? SourceCursor(expected[^1].Id) : null, page.EndCursor);
            Assert.Equal(start + expected.Count < all.Count, page.HasNextPage);
            Assert.Equal(all.Count, page.TotalCount);
        }
    }

    [StoreFact]
    public async Task Sources_page_to_the_end_by_end_cursors_and_see_a_source_written_between_pages()
    {
        var seen = new List<string>();
        var page = await Store.ListSourcesAsync(new SourceQuery { First = 1 });
        seen.AddRange(page.Items.Select(s => s.Id));
        await Store.ApplyAsync(new ChangeSet { Sources = MoreSources }, Editor());
        while (page.HasNextPage)
        {
            Assert.True(seen.Count <= MoreSources.Length + 2, "the pages do not end: " + string.Join(", ", seen));
            page = await Store.ListSourcesAsync(new SourceQuery { First = 1, After = page.EndCursor });
            seen.AddRange(page.Items.Select(s => s.Id));
        }
        // The first page held the first fixture source; every source after it in id order follows, the new ones included.
        Assert.Equal(MoreSources.Append(AlphaSource).Append(BetaSource).Select(s => s.Id).Order(StringComparer.Ordinal)
            .SkipWhile(id => id != seen[0]), seen);
        Assert.Equal(MoreSources.Length + 2, page.TotalCount);
    }

    [StoreFact]
    public async Task Sources_refuse_a_cursor_they_did_not_issue()
    {
        var entityCursor = (await Store.ListEntitiesAsync(new EntityQuery { First = 1 })).EndCursor!;
        string[] refused =
        [
            "zzz",
            SourceCursor("source/nope"),             // well formed, but no source has that id
            SourceCursor(Alpha) + "==",              // a real cursor with padding added
            Convert.ToBase64String(Encoding.UTF8.GetBytes("entity:" + Alpha)),
            entityCursor,                            // a cursor of another list
            "",
        ];
        foreach (var cursor in refused)
        {
            var e = await Assert.ThrowsAsync<InvalidCursorException>(() => Store.ListSourcesAsync(new SourceQuery { First = 2, After = cursor }));
            Assert.Equal(cursor, e.Cursor);
        }
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ListSourcesAsync(new SourceQuery { First = -1 }));
    }
}
