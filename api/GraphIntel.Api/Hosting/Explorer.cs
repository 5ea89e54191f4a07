using System.Collections.Frozen;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// Serves the analyst explorer at /explore: the bundle built from explorer/ (TypeScript, esbuild) at build time and
/// embedded in the assembly as explorer/&lt;file&gt; (GraphIntel.Api.csproj), so it works offline. /explore (any query
/// string) is the page; its files are /explore/&lt;file&gt;; nothing else under /explore exists. When the build could
/// not make the bundle (no Node.js or npm), the page says what was missing instead.
/// </summary>
internal static class Explorer
{
    public const string PathBase = "/explore";

    /// <summary>
    /// Everything from this origin's files, nothing inline (the bundle sets no inline script or style), requests only to
    /// this origin (the GraphQL endpoint), images also as data:/blob: URLs (the PNG and SVG exports), no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string ResourcePrefix = "explorer/";
    private const string PageName = "index.html";

    /// <summary>Written by the build next to the bundle when it could not make it: what was missing and what to do.</summary>
    private const string NotBuiltResource = "explorer-not-built.txt";

    private sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

    private static readonly Assembly Assembly = typeof(Explorer).Assembly;

    /// <summary>The embedded files by name, read once: the bundle is a few hundred kB and never changes while running.</summary>
    private static readonly FrozenDictionary<string, Asset> Assets = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[ResourcePrefix.Length..], Load, StringComparer.Ordinal);

    /// <summary>Whether the bundle was built and embedded (Node.js and npm were there at build time).</summary>
    public static bool IsBuilt => Assets.ContainsKey(PageName) && Assets.ContainsKey("explorer.js");

    /// <summary>Why the bundle is missing, as the build recorded it.</summary>
    public static string NotBuiltReason
    {
        get
        {
            using var stream = Assembly.GetManifestResourceStream(NotBuiltResource);
            if (stream is null) return "its files are missing from the GraphIntel.Api assembly. Rebuild the API with Node.js 20+ and npm installed.";
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Trim();
        }
    }

    /// <summary>Whether the request comes from a browser navigating to a page (it accepts HTML).</summary>
    public static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseExplorer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(PathBase, StringComparison.Ordinal, out var rest))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        await ServeAsync(context, rest.Value is null or "" or "/" ? PageName : rest.Value[1..]).ConfigureAwait(false);
    });

    private static async Task ServeAsync(HttpContext context, string name)
    {
        var response = context.Response;
        var page = name == PageName;
        if (!Assets.TryGetValue(name, out var asset) && !(page && !IsBuilt))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (asset is null)
        {
            asset = new Asset(System.Text.Encoding.UTF8.GetBytes(NotBuiltPage(NotBuiltReason)), ContentTypeOf(PageName), EntityTagHeaderValue.Any);
            response.Headers.CacheControl = "no-store";
        }
        else
        {
            // The file names carry no content hash, so a browser revalidates every time and gets 304 until a rebuild.
            response.Headers.CacheControl = "no-cache";
            response.Headers.ETag = asset.ETag.ToString();
            if (IsCurrent(context.Request, asset.ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsHead(method)) return;
        await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsCurrent(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));

    /// <summary>The page /explore shows when the build could not make the bundle: the reason, and where the API still is.</summary>
    public static string NotBuiltPage(string reason) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>GraphIntel explorer — not built</title></head>
        <body>
        <main>
        <h1>GraphIntel explorer</h1>
        <p>The explorer was not built: {WebUtility.HtmlEncode(reason)}</p>
        <p>The GraphQL API works without it: <a href="/graphql">/graphql</a> (GraphiQL in a browser).</p>
        </main>
        </body>
        </html>
        """;

    private static Asset Load(string resourceName)
    {
        using var stream = Assembly.GetManifestResourceStream(resourceName)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var etag = new EntityTagHeaderValue(new StringSegment('"' + Convert.ToBase64String(SHA256.HashData(content), 0, 16) + '"'));
        return new Asset(content, ContentTypeOf(resourceName), etag);
    }

    private static string ContentTypeOf(string name) => System.IO.Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".json" or ".map" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };
}
