namespace GraphIntel.Graph.Model;

/// <summary>
/// A source's url is a link an analyst may open: an absolute http or https URL. Every other scheme
/// (<c>javascript:</c>, <c>data:</c>, <c>file:</c>, <c>vbscript:</c>, …) and relative or malformed text is refused.
/// </summary>
public static class SourceUrls
{
    /// <summary>Why <paramref name="url"/> is refused, as a sentence; null when it is absent or an absolute http(s) URL.</summary>
    public static string? Check(string? url)
    {
        if (url is null) return null;
        if (url.Length == 0 || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return $"the source url \"{url}\" is empty or holds white space or control characters; it must be an absolute http or https URL";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return $"the source url \"{url}\" is not an absolute URL; it must be an absolute http or https URL";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return $"the source url \"{url}\" has the scheme '{uri.Scheme}:'; only http and https URLs are allowed";
        if (string.IsNullOrEmpty(uri.Host))
            return $"the source url \"{url}\" names no host; it must be an absolute http or https URL";
        return null;
    }
}
