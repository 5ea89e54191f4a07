using System.Text.Json;

namespace GraphIntel.Testing.Fuzz;

/// <summary>What the GraphQL endpoint must do with any request, as a check over HTTP (the tests and the long run share it).</summary>
public static class EndpointProperties
{
    /// <summary>
    /// Sends <paramref name="fuzz"/> to /graphql on <paramref name="http"/>; the failure, or null when it was answered
    /// cleanly: not a 5xx; a JSON body with data or errors, every error with a message; or, for what never reaches the
    /// endpoint, Kestrel's own empty 4xx (over-long URI or header) and the GraphiQL page for a browser's GET.
    /// </summary>
    public static async Task<string?> AnsweredCleanly(HttpClient http, FuzzRequest fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), "/graphql" + (fuzz.QueryString is null ? "" : "?" + fuzz.QueryString));
        if (fuzz.Method == "POST")
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            if (fuzz.ContentEncoding is not null) request.Content.Headers.TryAddWithoutValidation("Content-Encoding", fuzz.ContentEncoding);
        }
        if (fuzz.Accept is not null) request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"HTTP {status}: {text}";
        // Kestrel's own refusals, before any endpoint runs (a request line or header too long): a status, no body.
        if (status is 400 or 414 or 431 && text.Length == 0) return null;
        // A browser's GET (Accept: text/html) is answered with the GraphiQL page.
        if (status == 200 && fuzz.Method == "GET" && response.Content.Headers.ContentType?.MediaType == "text/html") return null;
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return $"HTTP {status} with a body that is not JSON: {text}";
        }
        if (status == 200 && (body.TryGetProperty("data", out _) || body.TryGetProperty("errors", out _))) return null;
        if (!body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return $"HTTP {status} without GraphQL errors: {text}";
        foreach (var error in errors.EnumerateArray())
        {
            if (!error.TryGetProperty("message", out var message) || message.GetString() is not { Length: > 0 }) return $"HTTP {status}, an error without a message: {text}";
        }
        return null;
    }

}
