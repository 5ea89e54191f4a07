using GraphIntel.Api.Errors;

namespace GraphIntel.Api.Auth;

/// <summary>
/// Identifies the caller of the GraphQL and export endpoints by its API key (<c>Authorization: Bearer &lt;key&gt;</c> or
/// <c>X-Api-Key</c>). An unknown key is refused with 401; no key is anonymous, refused with 401 only when reads require
/// a key. Roles are checked where they matter: mutations need the editor role.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRegistry registry)
{
    public const string PrincipalItem = "GraphIntel.ApiPrincipal";

    public async Task InvokeAsync(HttpContext context)
    {
        var key = ReadKey(context.Request);
        if (key is not null)
        {
            var principal = registry.Find(key);
            if (principal is null)
            {
                await RefuseAsync(context, "The API key is not valid.", ErrorCodes.Unauthenticated).ConfigureAwait(false);
                return;
            }
            context.Items[PrincipalItem] = principal;
        }
        else if (registry.RequireKeyForReads && !IsBrowserPage(context.Request))
        {
            await RefuseAsync(context,
                "This API requires an API key: send it as `Authorization: Bearer <key>` or as the `X-Api-Key` header.",
                ErrorCodes.Unauthenticated).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    public static ApiPrincipal? PrincipalOf(HttpContext context) => context.Items[PrincipalItem] as ApiPrincipal;

    /// <summary>The key the request presents (<c>Authorization: Bearer</c>, else <c>X-Api-Key</c>), or null.</summary>
    public static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString() is { Length: > 7 } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return auth[7..].Trim();
        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }

    /// <summary>The GraphiQL page itself is static; the queries it sends carry the key the user typed. (Exports are reads: never exempt.)</summary>
    private static bool IsBrowserPage(HttpRequest request) =>
        request.Path.StartsWithSegments("/graphql") && HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query");

    private static Task RefuseAsync(HttpContext context, string message, string code)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return HttpRefusal.WriteAsync(context.Response, message, code, context.RequestAborted);
    }
}
