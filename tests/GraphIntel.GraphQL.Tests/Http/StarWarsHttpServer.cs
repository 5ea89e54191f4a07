using System.Net;
using GraphIntel.GraphQL.AspNetCore;
using GraphIntel.GraphQL.Tests.Conformance.StarWars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port chosen by the OS) serving the starwars conformance schema
/// with <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/> at <c>/graphql</c>; every request gets a
/// fresh copy of the data.
/// </summary>
public sealed class StarWarsHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StarWarsHttpServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        Client = new HttpClient { BaseAddress = endpoint };
    }

    /// <summary>The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql.</summary>
    public Uri Endpoint { get; }

    /// <summary>A client whose base address is <see cref="Endpoint"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts a server; <paramref name="configure"/> adjusts the HTTP options.</summary>
    public static async Task<StarWarsHttpServer> StartAsync(Action<GraphQLHttpOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(new GraphQLService(StarWarsSchema.Build()));
        builder.Services.Configure<GraphQLHttpOptions>(options =>
        {
            options.UserContextFactory = _ => StarWarsSchema.NewUserContext();
            configure?.Invoke(options);
        });

        var app = builder.Build();
        app.MapGraphQL();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new StarWarsHttpServer(app, new Uri(new Uri(address), "/graphql"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One <see cref="StarWarsHttpServer"/> with default options, shared by a test class.</summary>
public sealed class StarWarsHttpServerFixture : IAsyncLifetime
{
    public StarWarsHttpServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await StarWarsHttpServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
