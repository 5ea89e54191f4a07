namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>A response grew past its byte limit while being written; nothing of it was sent.</summary>
internal sealed class ResponseTooLargeException(long limitBytes)
    : Exception($"The response is larger than the limit of {limitBytes} bytes.")
{
    /// <summary>The limit, in bytes.</summary>
    public long LimitBytes { get; } = limitBytes;
}
