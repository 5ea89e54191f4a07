using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// A configuration the API cannot run with stops it before it listens: exit code 1 and one line on standard error
/// saying what to fix, never a stack trace, never the key itself. Each case runs the real API process.
/// </summary>
public sealed class StartupRefusalTests
{
    private const string GoodKey = "alice-key-0123456789abcdef0123456789";

    public static TheoryData<string, string> BadKeys => new()
    {
        { "garbage", "GRAPHINTEL_API_KEYS entry 1 ('***') is not name:key:role[+role]" },
        { $"alice:{GoodKey}:editor,bob:too-short-key:reader", "API key GRAPHINTEL_API_KEYS entry 2 ('bob') is 13 characters long; keys need at least 32" },
        { $"alice:{GoodKey}:admin", "API key GRAPHINTEL_API_KEYS entry 1 ('alice') has the unknown role 'admin'; roles are editor, reader" },
        { $"alice:{GoodKey}:editor,bob:{GoodKey}:reader", "API key GRAPHINTEL_API_KEYS entry 2 ('bob') is the same key as GRAPHINTEL_API_KEYS entry 1 ('alice')" },
        { $"alice:{GoodKey}:editor,alice:{GoodKey}x:reader", "API key GRAPHINTEL_API_KEYS entry 2 ('alice') has the same name as GRAPHINTEL_API_KEYS entry 1 ('alice')" },
        { $"alice:{GoodKey}", "GRAPHINTEL_API_KEYS entry 1 ('alice:***') is not name:key:role[+role]" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Bad_api_keys_stop_the_api_with_one_line_and_exit_code_1(string keys, string problem)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("graphintel-keys-").FullName;
        try
        {
            var run = await ApiProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["GRAPHINTEL_API_KEYS"] = keys,
                ["GRAPHINTEL_DATA_DIR"] = dataDirectory,
            });

            Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Error}\nstdout:\n{run.Output}");
            Assert.Equal(["GraphIntel API cannot start: " + problem], run.ErrorLines);
            Assert.DoesNotContain(GoodKey, run.Error + run.Output);
            Assert.DoesNotContain("   at ", run.Error + run.Output);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public static TheoryData<string, string, string> BadStoreSettings => new()
    {
        { "GRAPHINTEL_STORE", "mongo", "unknown store 'mongo' (GRAPHINTEL_STORE); expected one of embedded, neo4j" },
        { "GraphStore__DataDirectory", "/srv/graph", "GraphStore:DataDirectory is now GraphStore:Embedded:DataDirectory (or GRAPHINTEL_DATA_DIR); rename the key" },
        { "GraphStore__Embedded__MaxRetries", "many", "configuration GraphStore:Embedded: " },
        { "GraphStore__Embedded__BreakerFailureRatio", "2", "GraphStore:Embedded:BreakerFailureRatio must be above 0 and at most 1 (got 2)" },
    };

    [Theory]
    [MemberData(nameof(BadStoreSettings))]
    public async Task Unusable_store_settings_stop_the_api_with_one_line_naming_the_setting(string variable, string value, string problem)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("graphintel-store-").FullName;
        try
        {
            var run = await ApiProcess.RunToExitAsync(new Dictionary<string, string>
            {
                [variable] = value,
                ["GRAPHINTEL_DATA_DIR"] = dataDirectory,
            });

            Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Error}\nstdout:\n{run.Output}");
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith("GraphIntel API cannot start: " + problem, line);
            Assert.Contains(variable.Replace("__", ":", StringComparison.Ordinal).Replace("GRAPHINTEL_STORE", "GRAPHINTEL_STORE", StringComparison.Ordinal), line);
            Assert.DoesNotContain("   at ", run.Error + run.Output);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_unusable_limit_stops_the_api_with_one_line_and_exit_code_1()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("graphintel-limits-").FullName;
        try
        {
            var run = await ApiProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["GraphIntel__Limits__MaxResponseBytes"] = "0",
                ["GRAPHINTEL_DATA_DIR"] = dataDirectory,
            });

            Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Error}\nstdout:\n{run.Output}");
            Assert.Equal(["GraphIntel API cannot start: GraphIntel:Limits:MaxResponseBytes must be at least 1 (got 0)."], run.ErrorLines);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_api_on_a_store_another_api_holds_stops_naming_the_holder()
    {
        var first = new ApiHost();
        await first.InitializeAsync();
        ApiProcessRun run;
        try
        {
            run = await ApiProcess.RunToExitAsync(new Dictionary<string, string> { ["GRAPHINTEL_DATA_DIR"] = first.DataDirectory });
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Error}\nstdout:\n{run.Output}");
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"GraphIntel API cannot start: the embedded store {Path.Combine(first.DataDirectory, "graphintel.db")} is in use by GraphIntel API (pid {Environment.ProcessId}, ", line);
        Assert.EndsWith("only one process may write to it: stop that process, or write through its API", line);
    }
}
