using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using GraphIntel.Api.Auth;
using GraphIntel.Api.Hosting;
using GraphIntel.Api.Limits;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Stores;

namespace GraphIntel.Api.Tests;

/// <summary>
/// README "Configuration" is the list of what the API binds: every settable property of every options class the API
/// or a store backend binds (read by reflection, with its section) has its key in the table, the table has no key
/// nothing binds, every <c>GRAPHINTEL_*</c> variable an options class reads is in the table, and where the table
/// gives a plain default (a number, a duration, true/false) it is the property's actual default.
/// </summary>
public sealed partial class ConfigurationTableTests
{
    /// <summary>The options classes bound from configuration, each with its section.</summary>
    private static readonly Type[] OptionsTypes =
    [
        typeof(EmbeddedStoreOptions), typeof(Neo4jOptions),
        typeof(StoreStartupOptions), typeof(StoreCacheOptions), typeof(ApiLimits), typeof(ApiKeyOptions), typeof(HttpSecurityOptions),
        typeof(TrustedDocumentOptions),
        typeof(GraphIntel.Api.Telemetry.TelemetryOptions),
    ];

    private sealed record Row(string Variable, IReadOnlyList<string> Keys, IReadOnlyList<string> Defaults);

    private static readonly Lazy<List<Row>> Table = new(ReadTable);

    [Fact]
    public void Every_bound_setting_is_in_the_table_and_the_table_names_nothing_else()
    {
        var bound = OptionsTypes.SelectMany(t => Settable(t).Select(p => $"{Section(t)}:{p.Name}"))
            .Append(GraphStoreOptions.BackendKey)
            .Append("urls")
            .Order(StringComparer.Ordinal)
            .ToList();
        // A documented key names a property by its first segment after the section (…:Keys:N:{Name,Key,Roles:M} is Keys).
        var sections = OptionsTypes.Select(Section).ToList();
        var documented = Table.Value.SelectMany(r => r.Keys)
            .Select(key => sections.FirstOrDefault(s => key.StartsWith(s + ":", StringComparison.Ordinal)) is { } section
                ? $"{section}:{key[(section.Length + 1)..].Split(':')[0]}"
                : key)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(bound, documented);
    }

    [Fact]
    public void Every_variable_an_options_class_reads_is_in_the_table()
    {
        var variables = OptionsTypes.Append(typeof(GraphStoreOptions))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.Name.EndsWith("Variable", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .Order(StringComparer.Ordinal);
        var documented = Table.Value.Select(r => r.Variable).Where(v => v.StartsWith("GRAPHINTEL_", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(variables, documented);
    }

    [Fact]
    public void Plain_defaults_in_the_table_are_the_actual_defaults()
    {
        var checkedDefaults = 0;
        foreach (var row in Table.Value.Where(r => r.Keys.Count == r.Defaults.Count))
        {
            for (var i = 0; i < row.Keys.Count; i++)
            {
                var type = OptionsTypes.FirstOrDefault(t => row.Keys[i].StartsWith(Section(t) + ":", StringComparison.Ordinal));
                var property = type?.GetProperty(row.Keys[i][(Section(type).Length + 1)..]);
                if (property is null || Plain(property.PropertyType) is false) continue;
                var actual = Format(property.GetValue(Activator.CreateInstance(type!, nonPublic: true)));
                Assert.True(actual == row.Defaults[i], $"{row.Keys[i]}: the README says `{row.Defaults[i]}`, the default is `{actual}`");
                checkedDefaults++;
            }
        }
        Assert.True(checkedDefaults > 30, $"only {checkedDefaults} defaults were compared: has the table's shape changed?");
    }

    private static string Section(Type type) => (string)type.GetField("SectionName")!.GetRawConstantValue()!;

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static bool Plain(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Plain(inner) : type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(bool) || type == typeof(TimeSpan);

    private static string Format(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture) is var c && c.Contains('.', StringComparison.Ordinal) ? c.TrimEnd('0') : c,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"{value}",
    };

    /// <summary>
    /// The rows of README "Configuration": | variable | appsettings key | default | what |. A key cell may list several
    /// keys, the later ones relative to the first's section (`A:B:C`, `D` is A:B:C and A:B:D); a default cell then
    /// lists one default each (parenthesized remarks aside).
    /// </summary>
    private static List<Row> ReadTable()
    {
        var readme = File.ReadAllText(RepoPaths.In("README.md"));
        var section = readme[readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var rows = new List<Row>();
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) || l.StartsWith("| |", StringComparison.Ordinal)))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 4 || cells[0] == "variable") continue;
            var keys = Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
            if (keys.Count == 0) continue;
            var prefix = keys[0][..(keys[0].LastIndexOf(':') + 1)];
            keys = [keys[0], .. keys.Skip(1).Select(k => k.Contains(':', StringComparison.Ordinal) && !k.StartsWith("{", StringComparison.Ordinal) ? k : prefix + k)];
            var defaults = Code().Matches(Parenthesis().Replace(cells[2], "")).Select(m => m.Groups[1].Value).ToList();
            rows.Add(new Row(Code().Match(cells[0]) is { Success: true } v ? v.Groups[1].Value : "", keys, defaults));
        }
        return rows;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesis();
}
