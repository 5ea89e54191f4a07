using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Graph.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphIntel.Api.Tests.Support;

/// <summary>
/// The real API host on Kestrel (a real socket, a real HttpClient) over a real SQLite file in a temporary data
/// directory, seeded from the repository's curated data set on start — exactly what `dotnet run` does.
/// </summary>
public class ApiHost : IAsyncLifetime
{
    public const string EditorKey = "test-editor-key-0123456789abcdef0123456789";
    public const string ReaderKey = "test-reader-key-0123456789abcdef0123456789";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "graphintel-api-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The host's data directory (its store file is graphintel.db in it).</summary>
    public string DataDirectory => _dataDirectory;
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Extra settings (configuration keys) for a host variant.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Service overrides for a host variant.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public virtual Task InitializeAsync()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("GraphStore:Embedded:DataDirectory", _dataDirectory);
            web.UseSetting("GraphIntel:Startup:SeedDirectory", RepoPaths.Root);
            web.UseSetting("GraphIntel:Auth:Keys:0:Name", "alice");
            web.UseSetting("GraphIntel:Auth:Keys:0:Key", EditorKey);
            web.UseSetting("GraphIntel:Auth:Keys:0:Roles:0", "editor");
            web.UseSetting("GraphIntel:Auth:Keys:1:Name", "bob");
            web.UseSetting("GraphIntel:Auth:Keys:1:Key", ReaderKey);
            web.UseSetting("GraphIntel:Auth:Keys:1:Roles:0", "reader");
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
            web.ConfigureServices(ConfigureServices);
        });
        factory.UseKestrel(0);
        factory.StartServer();
        _factory = factory;
        Http = factory.CreateClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    public IGraphStore Store => Services.GetRequiredService<IGraphStore>();

    /// <summary>POSTs a GraphQL request and returns the parsed response (any status).</summary>
    public async Task<GraphQLResponse> QueryAsync(string query, object? variables = null, string? key = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }
}

/// <summary>A GraphQL response: status, the parsed body, and helpers to read it.</summary>
public sealed record GraphQLResponse(int Status, JsonElement Body, string Raw)
{
    public JsonElement Data => Body.TryGetProperty("data", out var d) ? d : default;
    public JsonElement[] Errors => Body.TryGetProperty("errors", out var e) ? e.EnumerateArray().ToArray() : [];

    /// <summary>The data, after asserting the response has no errors.</summary>
    public JsonElement Ok()
    {
        Assert.True(Errors.Length == 0, "unexpected errors: " + Raw);
        Assert.Equal(200, Status);
        return Data;
    }

    public string ErrorCode(int i = 0) => Errors[i].GetProperty("extensions").GetProperty("code").GetString()!;
}
