using System.Net;
using System.Text.Json;
using GraphIntel.GraphQL.Tests.Conformance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// graphql-http's GraphQL-over-HTTP audit suite (tests/conformance/audit.mjs, via node) against the real server:
/// every MUST passes; every SHOULD passes or is in <see cref="AllowedShouldFailures"/> with the reason.
/// </summary>
public sealed class GraphQLHttpAuditTests(StarWarsHttpServerFixture fixture, ITestOutputHelper output) : IClassFixture<StarWarsHttpServerFixture>
{
    /// <summary>SHOULD audits allowed to fail, by audit id, with the reason. Every entry must really fail (no stale entries).</summary>
    private static readonly IReadOnlyDictionary<string, string> AllowedShouldFailures = new Dictionary<string, string>
    {
    };

    private sealed record AuditResult(string Id, string Name, string Status, string? Reason, int? ResponseStatus, string? ResponseBody)
    {
        public override string ToString() => $"{Status} {Id} {Name}: {Reason} (HTTP {ResponseStatus}) {ResponseBody}";
    }

    [Fact]
    public async Task Every_MUST_and_SHOULD_audit_passes()
    {
        AssertAllPass(await AuditAsync(fixture.Server.Endpoint));
    }

    [Fact]
    public async Task Every_MUST_and_SHOULD_audit_passes_twice_with_the_response_cache_on()
    {
        var cache = new GraphIntel.GraphQL.AspNetCore.GraphQLResponseCache(() => 1);
        await using var server = await StarWarsHttpServer.StartAsync(options => options.ResponseCache = cache);

        AssertAllPass(await AuditAsync(server.Endpoint));
        var stored = cache.Statistics.Stored;
        AssertAllPass(await AuditAsync(server.Endpoint));

        Assert.True(stored > 0, "the audit's queries stored nothing");
        Assert.True(cache.Statistics.Hits > 0, "the second audit was never answered from the cache");
    }

    private void AssertAllPass(IReadOnlyList<AuditResult> results)
    {
        foreach (var result in results)
        {
            output.WriteLine(result.Status == "ok" ? $"ok {result.Id} {result.Name}" : result.ToString());
        }

        var failedMusts = results.Where(r => r.Status == "error").ToList();
        var failedShoulds = results.Where(r => r.Status == "warn" && !AllowedShouldFailures.ContainsKey(r.Id)).ToList();
        var staleAllowances = AllowedShouldFailures.Keys.Where(id => results.Any(r => r.Id == id && r.Status == "ok")).ToList();

        Assert.True(results.Count >= 50, $"only {results.Count} audits ran");
        Assert.True(failedMusts.Count == 0, "MUST audits failed:\n" + string.Join("\n", failedMusts));
        Assert.True(failedShoulds.Count == 0, "SHOULD audits failed (fix them or allow them with a reason):\n" + string.Join("\n", failedShoulds));
        Assert.True(staleAllowances.Count == 0, "allowed SHOULD failures now pass, remove them: " + string.Join(", ", staleAllowances));
    }

    [Fact]
    public async Task The_audit_fails_a_server_that_is_not_graphql_over_http()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) => context.Response.WriteAsync("not GraphQL"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        var results = await AuditAsync(new Uri(new Uri(address), "/graphql"));
        await app.StopAsync();

        Assert.Contains(results, r => r.Status == "error");
    }

    private static async Task<List<AuditResult>> AuditAsync(Uri endpoint)
    {
        var run = await NodeRunner.RunScriptAsync("audit.mjs", endpoint.ToString(), "--json");
        try
        {
            return JsonSerializer.Deserialize<List<AuditResult>>(run.StandardOutput, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException("audit.mjs printed null");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"audit.mjs did not print its JSON results ({exception.Message}): {run}", exception);
        }
    }
}
