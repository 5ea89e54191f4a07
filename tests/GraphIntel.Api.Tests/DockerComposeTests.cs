using System.Diagnostics;

namespace GraphIntel.Api.Tests;

/// <summary>A fact that reports skipped when the docker-compose binary is not installed (tests/run installs it as root).</summary>
public sealed class DockerComposeFactAttribute : FactAttribute
{
    public DockerComposeFactAttribute()
    {
        if (DockerCompose.Path is null) Skip = "docker-compose is not installed (tests/run installs the Debian package when run as root)";
    }
}

internal static class DockerCompose
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "docker-compose"))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs docker-compose on the repository's docker-compose.yml with NEO4J_PASSWORD set or unset.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? password, params string[] args)
    {
        var start = new ProcessStartInfo(Path!, ["--file", RepoPaths.In("docker-compose.yml"), .. args]) { WorkingDirectory = RepoPaths.Root };
        start.Environment.Remove("NEO4J_PASSWORD");
        if (password is not null) start.Environment["NEO4J_PASSWORD"] = password;
        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
        return (run.ExitCode, run.Stdout, run.Stderr);
    }
}

/// <summary>
/// docker-compose.yml is valid Compose, pins Neo4j 5, refuses to start without a Neo4j password, and its profile
/// "replicas" runs two API replicas on the one Neo4j behind nginx.
/// </summary>
public sealed class DockerComposeTests
{
    [DockerComposeFact]
    public async Task The_compose_file_is_valid_when_NEO4J_PASSWORD_is_set()
    {
        var (exit, _, stderr) = await DockerCompose.RunAsync("a-test-password", "config", "-q");
        Assert.True(exit == 0, stderr);
    }

    [DockerComposeFact]
    public async Task Without_NEO4J_PASSWORD_compose_refuses_and_says_which_variable_to_set()
    {
        var (exit, _, stderr) = await DockerCompose.RunAsync(null, "config", "-q");
        Assert.NotEqual(0, exit);
        Assert.Contains("set NEO4J_PASSWORD", stderr);
    }

    [DockerComposeFact]
    public async Task The_resolved_configuration_wires_the_API_and_the_seed_job_to_a_healthy_pinned_Neo4j_5()
    {
        var (exit, config, stderr) = await DockerCompose.RunAsync("a-test-password", "config");
        Assert.True(exit == 0, stderr);
        Assert.Matches(@"image: neo4j:5\.\d+\.\d+-community", config);
        Assert.Contains("NEO4J_AUTH: neo4j/a-test-password", config);
        Assert.Contains("GRAPHINTEL_STORE: neo4j", config);
        Assert.Contains("GRAPHINTEL_NEO4J_URL: http://neo4j:7474", config);
        Assert.Contains("condition: service_healthy", config);
        Assert.Contains("condition: service_completed_successfully", config);
        Assert.Contains("dockerfile: api/GraphIntel.Api/Dockerfile", config);
        Assert.Contains("neo4j-data:", config);
        Assert.Contains("healthcheck:", config);
    }

    [DockerComposeFact]
    public async Task The_replicas_profile_puts_two_cached_API_replicas_on_the_one_Neo4j_behind_a_balancer()
    {
        var (exit, config, stderr) = await DockerCompose.RunAsync("a-test-password", "--profile", "replicas", "config");
        Assert.True(exit == 0, stderr);
        var services = (Dictionary<object, object>)new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object>>(config)["services"];
        Dictionary<object, object> Service(string name) => (Dictionary<object, object>)services[name];
        Dictionary<object, object> Environment(string name) => (Dictionary<object, object>)Service(name)["environment"];
        static string[] Names(object list) => ((List<object>)list).Select(o => (string)o).ToArray();

        var replicas = services.Keys.Cast<string>().Where(name => Service(name).ContainsKey("profiles")
            && Names(Service(name)["profiles"]).Contains("replicas") && Service(name).ContainsKey("environment")
            && Environment(name).ContainsKey("ASPNETCORE_URLS")).Order().ToArray();
        Assert.Equal(["api-a", "api-b"], replicas);
        Assert.Single(services.Keys.Cast<string>(), name => ((string)Service(name)["image"]).StartsWith("neo4j:5.", StringComparison.Ordinal));
        foreach (var replica in replicas)
        {
            var env = Environment(replica);
            Assert.Equal("neo4j", env["GRAPHINTEL_STORE"]);
            Assert.Equal("http://neo4j:7474", env["GRAPHINTEL_NEO4J_URL"]);
            Assert.Equal("true", env["GRAPHINTEL_CACHE"]);
            Assert.Equal("00:00:01", env["GraphIntel__Cache__GenerationCheckInterval"]);
            Assert.Equal("false", env["GRAPHINTEL_SEED"]);
            Assert.False(Service(replica).ContainsKey("ports"), $"{replica} is reached through the balancer only");
        }

        var balancer = Service("balancer");
        Assert.StartsWith("nginx:", (string)balancer["image"], StringComparison.Ordinal);
        Assert.Equal(["api-a", "api-b"], ((Dictionary<object, object>)balancer["depends_on"]).Keys.Cast<string>().Order());
        var mount = Names(balancer["volumes"]).Single();
        var nginx = File.ReadAllText(mount[..mount.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Contains("server api-a:8080;", nginx, StringComparison.Ordinal);
        Assert.Contains("server api-b:8080;", nginx, StringComparison.Ordinal);
    }
}

/// <summary>The API image's Dockerfile: multi-stage SDK build, ASP.NET runtime, data set and store selection baked in.</summary>
public sealed class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepoPaths.In("api/GraphIntel.Api/Dockerfile"));

    [Fact]
    public void It_builds_with_the_SDK_and_runs_on_the_ASP_NET_runtime_image()
    {
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", Dockerfile);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime$", Dockerfile);
        Assert.Contains("dotnet publish api/GraphIntel.Api/GraphIntel.Api.csproj", Dockerfile);
        Assert.Contains("dotnet publish seed/GraphIntel.Seed/GraphIntel.Seed.csproj", Dockerfile);
    }

    [Fact]
    public void It_carries_the_data_set_and_selects_Neo4j_by_environment()
    {
        Assert.Contains("COPY seed/data/ ./seed/data/", Dockerfile);
        Assert.Contains("COPY seed/sources/ ./seed/sources/", Dockerfile);
        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", Dockerfile);
        Assert.Contains("GRAPHINTEL_STORE=neo4j", Dockerfile);
        // Every path the Dockerfile copies from the build context exists in the repository.
        foreach (System.Text.RegularExpressions.Match copy in System.Text.RegularExpressions.Regex.Matches(Dockerfile, @"(?m)^COPY (?!--from)(.+) \S+$"))
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Assert.True(File.Exists(RepoPaths.In(source)) || Directory.Exists(RepoPaths.In(source)), $"COPY source {source} does not exist");
    }
}
