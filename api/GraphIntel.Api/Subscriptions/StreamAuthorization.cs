using System.Text.Json;
using GraphIntel.Api.Auth;

namespace GraphIntel.Api.Subscriptions;

/// <summary>
/// Who a WebSocket connection is: the API key of the upgrade request (checked by <see cref="ApiKeyMiddleware"/>), else
/// the one its <c>connection_init</c> payload carries as <c>apiKey</c> or <c>Authorization: "Bearer …"</c> (browsers
/// cannot set headers on a WebSocket). The same policy as a query: anonymous only where reads need no key.
/// </summary>
internal static class StreamAuthorization
{
    public static bool Authorize(HttpContext context, JsonElement? payload, ApiKeyRegistry registry)
    {
        if (ApiKeyMiddleware.PrincipalOf(context) is not null) return true;
        if (KeyIn(payload) is { } key)
        {
            if (registry.Find(key) is not { } principal) return false;
            context.Items[ApiKeyMiddleware.PrincipalItem] = principal;
            return true;
        }
        return !registry.RequireKeyForReads;
    }

    private static string? KeyIn(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } p) return null;
        if (p.TryGetProperty("apiKey", out var apiKey) && apiKey.ValueKind == JsonValueKind.String) return apiKey.GetString();
        if (p.TryGetProperty("Authorization", out var auth) && auth.ValueKind == JsonValueKind.String
            && auth.GetString() is { Length: > 7 } text && text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return text[7..].Trim();
        return null;
    }
}
