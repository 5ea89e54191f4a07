using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Playwright;
using GraphIntel.Api.Tests.Browser;
using GraphIntel.Api.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphIntel.Api.Tests.Explorer;

/// <summary>
/// The explorer as an analyst uses it, in a real Chromium on the real API host. Every expectation comes from the API's
/// own answer to the same question (search, relationships, lineage, paths), so the tests hold as the data grows.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerTests(ExplorerBrowser browser)
{
    private ApiHost Api => browser.Api;

    [BrowserFact]
    public async Task The_start_page_loads_offline_and_has_no_serious_accessibility_violation()
    {
        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync();
            await Expect(explorer.Search).ToBeVisibleAsync();
            await AssertAccessibleAsync(explorer.Page);
        });
    }

    [BrowserFact]
    public async Task Searching_by_another_spelling_finds_the_entity_and_says_which_spelling_matched()
    {
        const string Spelling = "Tehreek Taliban Tajikstan";
        var hit = (await Api.QueryAsync("query($t: String!) { search(text: $t) { entity { id name } matched } }", new { t = Spelling }))
            .Ok().GetProperty("search")[0];
        var (id, name) = (hit.GetProperty("entity").GetProperty("id").GetString()!, hit.GetProperty("entity").GetProperty("name").GetString()!);

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync();
            await explorer.Search.FillAsync(Spelling);
            var option = explorer.Page.Locator($"[role=listbox][aria-label='Search results'] [role=option][data-id='{id}']");
            await Expect(option).ToContainTextAsync(name);
            await Expect(option).ToContainTextAsync("Organization");
            await Expect(option).ToContainTextAsync("matched: " + hit.GetProperty("matched").GetString());
            await option.ClickAsync();
            await explorer.ExpectEntityAsync(name);
            Assert.Equal(id, System.Web.HttpUtility.ParseQueryString(new Uri(explorer.Page.Url).Query)["entity"]);
        });
    }

    [BrowserFact]
    public async Task The_keyboard_opens_a_search_result_with_ArrowDown_and_Enter()
    {
        var name = (await Api.QueryAsync("""{ entity(id: "org/uto") { name } }""")).Ok().GetProperty("entity").GetProperty("name").GetString()!;
        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync();
            await explorer.Search.FocusAsync();
            await explorer.Page.Keyboard.TypeAsync("United Tajik Opposition");
            await Expect(explorer.Page.Locator("[role=option]").First).ToBeVisibleAsync();
            await explorer.Page.Keyboard.PressAsync("ArrowDown");
            await Expect(explorer.Page.Locator("[role=option][aria-selected=true]")).ToHaveCountAsync(1);
            await explorer.Page.Keyboard.PressAsync("Enter");
            await explorer.ExpectEntityAsync(name);
        });
    }

    [BrowserFact]
    public async Task A_contested_claim_shows_every_side_with_its_sources_on_an_accessible_entity_page()
    {
        var relationships = (await Api.QueryAsync("""
            { entity(id: "org/kib") { name relationships(status: [DISPUTED, DENIED]) { id type status citations { source { id } } } } }
            """)).Ok().GetProperty("entity");
        var contested = relationships.GetProperty("relationships").EnumerateArray().ToList();
        Assert.NotEmpty(contested);

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/kib");
            await explorer.ExpectEntityAsync(relationships.GetProperty("name").GetString()!);
            foreach (var claim in contested)
            {
                var fact = explorer.Entity.Locator($"section.facts .contested[role=group] article.fact[data-id='{claim.GetProperty("id").GetString()}']");
                await Expect(fact).ToHaveAttributeAsync("data-status", claim.GetProperty("status").GetString()!);
                await Expect(fact).ToContainTextAsync(claim.GetProperty("status").GetString()!);
                foreach (var citation in claim.GetProperty("citations").EnumerateArray())
                    await Expect(fact.Locator($"button.citation[data-source='{citation.GetProperty("source").GetProperty("id").GetString()}']").First).ToBeVisibleAsync();
            }
            await AssertAccessibleAsync(explorer.Page);
        });
    }

    [BrowserFact]
    public async Task Lineage_mode_draws_exactly_the_APIs_lineage_of_TTT_back_to_the_UTO()
    {
        var lineage = (await Api.QueryAsync("""{ lineage(id: "org/ttt") { nodes { id } relationships { id } } }""")).Ok().GetProperty("lineage");
        var expected = lineage.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(lineage.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "org/uto");

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/ttt");
            await explorer.Tab("Lineage").ClickAsync();
            await Expect(explorer.Tab("Lineage")).ToHaveAttributeAsync("aria-selected", "true");
            Assert.Equal(expected, await explorer.ShownRelationshipIdsAsync());
            await Expect(explorer.Cy).ToHaveAttributeAsync("data-edges", expected.Length.ToString());
            await Expect(explorer.Cy).ToHaveAttributeAsync("data-nodes", lineage.GetProperty("nodes").GetArrayLength().ToString());
            await Expect(explorer.Page.GetByRole(AriaRole.Table, new() { Name = "Entities shown" }).Locator("tr[data-id='org/uto']")).ToHaveCountAsync(1);
            await AssertAccessibleAsync(explorer.Page);
        });
    }

    [BrowserFact]
    public async Task Paths_mode_lists_the_paths_from_TTT_to_the_UTO_with_evidence_for_every_hop()
    {
        var paths = (await Api.QueryAsync("""
            { paths(from: "org/ttt", to: "org/uto") { nodes { name } relationships { id citations { source { id } } } } }
            """)).Ok().GetProperty("paths");
        Assert.True(paths.GetArrayLength() > 0);
        var first = paths[0];

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/ttt&mode=paths&from=org/ttt&to=org/uto");
            var shown = explorer.Page.Locator("ol[aria-label='Paths'] > li.path");
            await Expect(shown.First).ToBeVisibleAsync();
            Assert.Equal(paths.GetArrayLength(), await shown.CountAsync());
            var text = await shown.First.InnerTextAsync();
            var at = 0;
            foreach (var node in first.GetProperty("nodes").EnumerateArray())
            {
                var name = node.GetProperty("name").GetString()!;
                var found = text.IndexOf(name, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"the first path does not name {name} in order:\n{text}");
                at = found;
            }
            var sources = first.GetProperty("relationships").EnumerateArray()
                .SelectMany(r => r.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("source").GetProperty("id").GetString()!)).Distinct();
            foreach (var source in sources)
                await Expect(shown.First.Locator($"button.citation[data-source='{source}']").First).ToBeVisibleAsync();
        });
    }

    [BrowserFact]
    public async Task A_citation_opens_its_source_with_the_quote_highlighted_in_view()
    {
        var fact = (await Api.QueryAsync("""{ entity(id: "org/kib") { relationships(status: [DISPUTED]) { id citations { source { id title } quote } } } }"""))
            .Ok().GetProperty("entity").GetProperty("relationships")[0];
        var citation = fact.GetProperty("citations")[0];

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/kib");
            await explorer.Entity.Locator($"article.fact[data-id='{fact.GetProperty("id").GetString()}'] button.citation").First.ClickAsync();
            await Expect(explorer.Evidence).ToBeVisibleAsync();
            await Expect(explorer.Evidence.Locator("h2")).ToHaveTextAsync("Evidence");
            await Expect(explorer.Evidence.Locator("dl")).ToContainTextAsync(citation.GetProperty("source").GetProperty("title").GetString()!);
            var mark = explorer.Evidence.Locator("mark.quote").First;
            await Expect(mark).ToBeInViewportAsync();
            Assert.Equal(Collapse(citation.GetProperty("quote").GetString()!), Collapse(await mark.TextContentAsync() ?? ""));
            Assert.Contains("source=", explorer.Page.Url);
            await AssertAccessibleAsync(explorer.Page);

            await explorer.Button("Close evidence").ClickAsync();
            await Expect(explorer.Evidence).ToBeHiddenAsync();
        });
    }

    [BrowserFact]
    public async Task The_year_slider_hides_a_fact_not_in_force_then_and_All_time_brings_it_back()
    {
        const string Year = "2015";
        var entity = (await Api.QueryAsync("""
            query($y: Date) { entity(id: "org/ttt") { all: relationships { id } then: relationships(asOf: $y, certainty: POSSIBLE) { id } } }
            """, new { y = Year })).Ok().GetProperty("entity");
        var then = entity.GetProperty("then").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        var hidden = entity.GetProperty("all").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).First(id => !then.Contains(id));

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/ttt");
            var row = explorer.Entity.Locator($"article.fact[data-id='{hidden}']");
            await Expect(row).ToHaveCountAsync(1);
            await explorer.Year.FillAsync(Year);
            await Expect(explorer.Page).ToHaveURLAsync(new Regex("asOf=" + Year));
            await Expect(row).ToHaveCountAsync(0);
            await explorer.Button("All time").ClickAsync();
            await Expect(row).ToHaveCountAsync(1);
        });
    }

    [BrowserFact]
    public async Task A_permalink_restores_the_view_and_back_and_forward_walk_the_history()
    {
        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/ttt&mode=paths&asOf=2023&from=org/ttt&to=org/uto");
            await explorer.ExpectEntityAsync(await NameAsync("org/ttt"));
            await Expect(explorer.Tab("Paths")).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(explorer.Year).ToHaveValueAsync("2023");
            await Expect(explorer.Page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync(await NameAsync("org/ttt"));
            await Expect(explorer.Page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync(await NameAsync("org/uto"));

            await explorer.Page.ReloadAsync();
            await explorer.ExpectEntityAsync(await NameAsync("org/ttt"));
            await Expect(explorer.Tab("Paths")).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(explorer.Year).ToHaveValueAsync("2023");

            await explorer.Tab("Lineage").ClickAsync();
            await Expect(explorer.Page).ToHaveURLAsync(new Regex("mode=lineage"));
            await explorer.Page.GoBackAsync();
            await Expect(explorer.Tab("Paths")).ToHaveAttributeAsync("aria-selected", "true");
            await explorer.Page.GoForwardAsync();
            await Expect(explorer.Tab("Lineage")).ToHaveAttributeAsync("aria-selected", "true");
        });
    }

    [BrowserFact]
    public async Task A_hostile_name_is_shown_as_text_and_never_runs()
    {
        const string Name = "<img src=x onerror=alert(1)>";
        var id = "org/xss-" + Guid.NewGuid().ToString("N")[..8];
        // A new organization needs a kind and a citation: any real one will do.
        var citation = (await Api.QueryAsync("""{ entity(id: "org/kib") { citations { source { id } quote } } }"""))
            .Ok().GetProperty("entity").GetProperty("citations")[0];
        (await Api.QueryAsync("mutation($i: EntityInput!) { upsertOrganization(input: $i) { id } }", new
        {
            i = new
            {
                id, name = Name, organizationKind = "ARMED_GROUP",
                citations = new[] { new { sourceId = citation.GetProperty("source").GetProperty("id").GetString(), quote = citation.GetProperty("quote").GetString() } },
            },
        }, key: ApiHost.EditorKey)).Ok();

        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            var dialogs = new List<string>();
            explorer.Page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
            await explorer.GotoAsync();
            await explorer.Search.FillAsync(Name);
            var option = explorer.Page.Locator($"[role=option][data-id='{id}']");
            await Expect(option).ToContainTextAsync(Name);
            await option.ClickAsync();
            await explorer.ExpectEntityAsync(Name);
            Assert.Equal(Name, await explorer.EntityName.TextContentAsync());
            Assert.Equal(0, await explorer.Page.Locator("img[src=x], #entity img, #search img").CountAsync());
            Assert.Empty(dialogs);
        });
    }

    [BrowserFact]
    public async Task The_exports_download_the_view_as_PNG_SVG_CSV_and_JSON_matching_the_table()
    {
        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/ttt&mode=lineage");
            var shown = await explorer.ShownRelationshipIdsAsync();
            var directory = Directory.CreateDirectory(Path.Combine(ExplorerPage.ArtifactDirectory, "downloads")).FullName;

            var png = await DownloadAsync(explorer, "Export PNG", directory);
            Assert.Matches(@"^graphintel-lineage-.+\.png$", Path.GetFileName(png));
            Assert.True(Png.Read(png).Width > 0);

            var svg = await DownloadAsync(explorer, "Export SVG", directory);
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);

            var entities = await explorer.Page.GetByRole(AriaRole.Table, new() { Name = "Entities shown" }).Locator("tr[data-id]")
                .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
            var json = JsonDocument.Parse(await File.ReadAllTextAsync(await DownloadAsync(explorer, "Export JSON", directory))).RootElement;
            Assert.Equal(shown, IdsOf(json.GetProperty("edges").EnumerateArray()));
            Assert.Equal(entities.Order(StringComparer.Ordinal), IdsOf(json.GetProperty("nodes").EnumerateArray()));
            Assert.All(json.GetProperty("edges").EnumerateArray(), e => Assert.NotEqual(0, e.GetProperty("citations").GetArrayLength()));

            var csv = Csv.Parse(await File.ReadAllTextAsync(await DownloadAsync(explorer, "Export CSV", directory)));
            Assert.Equal(["record", "id"], csv[0][..2]);
            Assert.Equal(shown, csv.Where(r => r[0] == "relationship").Select(r => r[1]).Order(StringComparer.Ordinal));
            Assert.Equal(entities.Order(StringComparer.Ordinal), csv.Where(r => r[0] == "node").Select(r => r[1]).Order(StringComparer.Ordinal));
        });
    }

    [BrowserFact]
    public async Task Open_in_GraphiQL_opens_the_IDE_with_the_views_query_and_variables()
    {
        await ExplorerPage.RunAsync(browser, async explorer =>
        {
            await explorer.GotoAsync("entity=org/ttt&mode=lineage");
            await explorer.ExpectCanvasReadyAsync();
            var link = explorer.Page.GetByRole(AriaRole.Link, new() { Name = "Open in GraphiQL" });
            var fragment = new Uri(explorer.Origin, await link.GetAttributeAsync("href")).Fragment.TrimStart('#');
            var shared = System.Web.HttpUtility.ParseQueryString(fragment);
            Assert.Contains("lineage", shared["query"]);

            await explorer.Page.GotoAsync("/graphql#" + fragment);
            var editors = explorer.Page.Locator(".graphiql-query-editor .CodeMirror, .graphiql-editor-tool .CodeMirror");
            await Expect(editors.First).ToBeVisibleAsync();
            var query = await explorer.Page.Locator(".graphiql-query-editor .CodeMirror").EvaluateAsync<string>("e => e.CodeMirror.getValue()");
            Assert.Equal(shared["query"], query);
            var variables = await explorer.Page.Locator(".graphiql-editor-tool .CodeMirror").First.EvaluateAsync<string>("e => e.CodeMirror.getValue()");
            Assert.Equal(JsonDocument.Parse(shared["variables"]!).RootElement.GetRawText(), JsonDocument.Parse(variables).RootElement.GetRawText());
        });
    }

    private static string[] IdsOf(IEnumerable<JsonElement> records) =>
        [.. records.Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];

    private static async Task<string> DownloadAsync(ExplorerPage explorer, string button, string directory)
    {
        var download = await explorer.Page.RunAndWaitForDownloadAsync(() => explorer.Button(button).ClickAsync());
        var path = Path.Combine(directory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return path;
    }

    private async Task<string> NameAsync(string id) =>
        (await Api.QueryAsync("query($id: ID!) { entity(id: $id) { name } }", new { id })).Ok().GetProperty("entity").GetProperty("name").GetString()!;

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>axe-core over the whole page: no serious or critical violation.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, "axe-core found:\n" + string.Join("\n", violations));
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerBrowser>
{
    public const string Name = "Explorer browser";
}
