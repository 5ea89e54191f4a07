using System.Xml.Linq;

namespace GraphIntel.Graph.Tests.Architecture;

/// <summary>
/// The one direction of dependencies (docs/architecture.md, "Layers"): every project of the repository sits in a
/// layer, and its <c>ProjectReference</c>s may only point at the layers that layer may use. Read from the .csproj
/// files as XML, so no build is needed and a bad reference fails here with the layers it crosses.
/// </summary>
public sealed class ProjectReferenceTests
{
    private const string Engine = "engine";
    private const string EngineHttp = "engine over HTTP";
    private const string Store = "store";
    private const string Backend = "backend";
    private const string Chooser = "backend chooser";
    private const string DataSet = "data set";
    private const string Exchange = "exchange";
    private const string Host = "host";
    private const string Tool = "tool";
    private const string Tests = "tests";

    /// <summary>The projects of each layer outside tests/ (every project under tests/ is in <see cref="Tests"/>).</summary>
    private static readonly Dictionary<string, string> LayerOf = new(StringComparer.Ordinal)
    {
        ["GraphIntel.GraphQL"] = Engine,
        ["GraphIntel.GraphQL.AspNetCore"] = EngineHttp,
        ["GraphIntel.Graph"] = Store,
        ["GraphIntel.Graph.Embedded"] = Backend,
        ["GraphIntel.Graph.Neo4j"] = Backend,
        ["GraphIntel.Graph.Dataset"] = DataSet,
        ["GraphIntel.Graph.Stores"] = Chooser,
        ["GraphIntel.Graph.Exchange"] = Exchange,
        ["GraphIntel.Api"] = Host,
        ["GraphIntel.Seed"] = Tool,
    };

    /// <summary>The layers each layer may reference: the engine knows no domain, the store no GraphQL, a backend only the store (never another backend).</summary>
    private static readonly Dictionary<string, string[]> MayReference = new(StringComparer.Ordinal)
    {
        [Engine] = [],
        [EngineHttp] = [Engine],
        [Store] = [],
        [Backend] = [Store],
        [Chooser] = [Store, Backend],
        [DataSet] = [Store],
        [Exchange] = [Store, Backend],
        [Host] = [Engine, EngineHttp, Store, Chooser, DataSet, Exchange],
        [Tool] = [Store, Backend, Chooser, DataSet, Exchange],
        [Tests] = [Engine, EngineHttp, Store, Backend, Chooser, DataSet, Exchange, Host, Tool, Tests],
    };

    [Fact]
    public void Every_project_reference_runs_in_the_documented_direction()
    {
        var projects = Projects();
        var crossings = new List<string>();
        foreach (var (name, path) in projects)
        {
            var layer = Layer(name, path);
            foreach (var referenced in References(path))
            {
                var referencedLayer = Layer(Path.GetFileNameWithoutExtension(referenced), referenced);
                if (!MayReference[layer].Contains(referencedLayer))
                {
                    crossings.Add($"{name} ({layer}) references {Path.GetFileNameWithoutExtension(referenced)} ({referencedLayer}); " +
                                  $"{layer} may reference only: {(MayReference[layer].Length == 0 ? "none of ours" : string.Join(", ", MayReference[layer]))}");
                }
            }
        }
        Assert.True(crossings.Count == 0, string.Join("\n", crossings));
    }

    [Fact]
    public void Every_project_outside_tests_has_a_layer()
    {
        var unplaced = Projects().Where(p => !IsTest(p.Path) && !LayerOf.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        Assert.True(unplaced.Count == 0,
            $"place {string.Join(", ", unplaced)} in a layer: here and in docs/architecture.md's layer table");
        // Every layer named here is a project that exists (a rename must update the table).
        Assert.Empty(LayerOf.Keys.Except(Projects().Select(p => p.Name)));
    }

    [Fact]
    public void The_rules_here_are_the_layer_table_of_the_architecture_document()
    {
        // | layer | projects | may reference |, one row per layer: `Project`s in the second cell, layer names in the third.
        var rows = File.ReadLines(RepoPaths.In("docs/architecture.md"))
            .SkipWhile(line => !line.StartsWith("| layer | projects | may reference |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();
        Assert.Equal(MayReference.Keys.Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var layer = row[0];
            var documentedProjects = row[1].Split('`').Where((_, i) => i % 2 == 1).Order(StringComparer.Ordinal);
            IEnumerable<string> projects = layer == Tests ? ["tests/"] : LayerOf.Where(kv => kv.Value == layer).Select(kv => kv.Key).Order(StringComparer.Ordinal);
            Assert.Equal(projects, documentedProjects);
            IEnumerable<string> documentedReferences = row[2] == "—" ? [] : row[2].Split(',').Select(r => r.Trim()).Order(StringComparer.Ordinal);
            Assert.Equal(MayReference[layer].Order(StringComparer.Ordinal), documentedReferences);
        }
    }

    private static string Layer(string name, string path) =>
        IsTest(path) ? Tests
        : LayerOf.TryGetValue(name, out var layer) ? layer
        : throw new InvalidOperationException($"{name} has no layer: place it in ProjectReferenceTests and docs/architecture.md");

    private static bool IsTest(string path) =>
        Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/').StartsWith("tests/", StringComparison.Ordinal);

    /// <summary>Every .csproj of the repository (build output and node_modules aside).</summary>
    private static List<(string Name, string Path)> Projects() =>
        Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
            .Select(path => (Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path)))
            .ToList();

    /// <summary>The full paths a project's <c>ProjectReference</c>s point at.</summary>
    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))));
}
