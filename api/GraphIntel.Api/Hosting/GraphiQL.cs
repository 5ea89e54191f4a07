using System.Reflection;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// Serves the GraphiQL IDE to browsers that open the GraphQL endpoint (GET with Accept text/html and no query),
/// from assets embedded at build time (npm graphiql, react, react-dom), so it works offline.
/// </summary>
internal static class GraphiQL
{
    private const string AssetPrefix = "/graphiql/";
    private static readonly Assembly Assembly = typeof(GraphiQL).Assembly;

    public static IApplicationBuilder UseGraphiQL(this IApplicationBuilder app, string endpoint = "/graphql") => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments(AssetPrefix.TrimEnd('/'), out var rest))
        {
            await ServeAssetAsync(context, rest.Value?.TrimStart('/') ?? "").ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(request.Method) && request.Path.Equals(endpoint, StringComparison.Ordinal) &&
            !request.Query.ContainsKey("query") && Explorer.AcceptsHtml(request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(endpoint);
            await context.Response.WriteAsync(Page(endpoint), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    });

    /// <summary>Whether the IDE's assets were embedded (npm was available at build time).</summary>
    public static bool IsBundled => Assembly.GetManifestResourceInfo("graphiql/graphiql.min.js") is not null;

    private static async Task ServeAssetAsync(HttpContext context, string name)
    {
        await using var stream = Assembly.GetManifestResourceStream("graphiql/" + name);
        if (stream is null || name.Contains('/'))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=86400";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The page's Content-Security-Policy: scripts only from this origin plus the page's own inline script (by its
    /// SHA-256), requests only to this origin, no plugins, no framing; styles may be inline (GraphiQL sets them).
    /// </summary>
    public static string ContentSecurityPolicy(string endpoint) =>
        $"default-src 'none'; script-src 'self' 'sha256-{InlineScriptHash(endpoint)}'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string InlineScriptHash(string endpoint) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(InlineScript(endpoint))));

    private static string InlineScript(string endpoint) => $$"""

          const fetcher = GraphiQL.createFetcher({ url: '{{endpoint}}' });
          const defaultQuery = `# GraphIntel. Writes need an API key: add {"Authorization": "Bearer <key>"} under Headers.
      {
        organization(name: "ISIS-K") {
          id name aliases
          leadershipHistory { person { name } from to endReason }
          umbrella { type to { name } status citations { source { title } quote } }
        }
      }
      `;
          // A link from the explorer ("Open in GraphiQL") carries its query and variables in the fragment: #query=…&variables=…
          const shared = new URLSearchParams(location.hash.slice(1));
          ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
            fetcher, defaultQuery, defaultEditorToolsVisibility: true,
            query: shared.get('query') ?? undefined, variables: shared.get('variables') ?? undefined,
          }));

      """;

    private static string Page(string endpoint) => IsBundled
        ? """
          <!doctype html>
          <html lang="en">
          <head>
            <meta charset="utf-8">
            <title>GraphIntel — GraphiQL</title>
            <link rel="stylesheet" href="/graphiql/graphiql.min.css">
            <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
          </head>
          <body>
            <div id="graphiql">Loading GraphiQL…</div>
            <script src="/graphiql/react.production.min.js"></script>
            <script src="/graphiql/react-dom.production.min.js"></script>
            <script src="/graphiql/graphiql.min.js"></script>
            <script>
          """ + InlineScript(endpoint) + """
          </script>
          </body>
          </html>
          """
        : """
          <!doctype html>
          <html lang="en"><head><meta charset="utf-8"><title>GraphIntel</title></head>
          <body><p>The GraphiQL IDE was not bundled: npm was not available when the API was built
          (api/GraphIntel.Api/graphiql). The GraphQL endpoint itself works: POST queries here.</p></body></html>
          """;
}
