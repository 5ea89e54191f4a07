using GraphIntel.GraphQL.AspNetCore;
using Microsoft.AspNetCore.Http;

namespace GraphIntel.Testing.Fuzz;

/// <summary>
/// What the GraphQL-over-HTTP request reader (<c>GraphQLHttpRequestReader</c>) must do with any request, as a check that
/// returns the failure (null when the property holds): read the parameters (a non-null query), or refuse with a
/// problem of a 4xx status and a message — never throw. Runs the reader on ASP.NET Core's own
/// <see cref="DefaultHttpContext"/>, in process (linked into the tests and the benchmarks, which see its internals).
/// </summary>
public static class RequestReaderProperties
{
    private static readonly GraphQLHttpOptions Options = new();

    /// <summary>Reads <paramref name="fuzz"/> as the endpoint does (GET: the query string; POST: the raw body, then its JSON).</summary>
    public static async Task<string?> ReadsOrRefusesWithA4xx(FuzzRequest fuzz)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = fuzz.Method;
        request.ContentType = fuzz.ContentType;
        if (fuzz.ContentEncoding is not null) request.Headers.ContentEncoding = fuzz.ContentEncoding;
        if (fuzz.Accept is not null) request.Headers.Accept = fuzz.Accept;
        request.Body = new MemoryStream(fuzz.Body);
        request.ContentLength = fuzz.Body.Length;
        if (fuzz.QueryString is not null) request.QueryString = new QueryString("?" + fuzz.QueryString);
        try
        {
            if (fuzz.Method == "GET") return Check(GraphQLHttpRequestReader.ReadQueryString(request, Options));
            var (body, problem) = await GraphQLHttpRequestReader.ReadRawBodyAsync(request, Options, CancellationToken.None);
            return problem is not null ? Check((null, problem)) : Check(GraphQLHttpRequestReader.ParseBody(body));
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name} escaped the request reader: {e.Message}\n{e.StackTrace}";
        }
    }

    private static string? Check((GraphQLHttpRequestParameters? Parameters, GraphQLHttpRequestProblem? Problem) read) => read switch
    {
        ({ Query: not null }, null) => null,
        (null, { StatusCode: >= 400 and < 500, Message.Length: > 0 }) => null,
        _ => $"neither parameters with a query nor a 4xx problem with a message: {read}",
    };
}
