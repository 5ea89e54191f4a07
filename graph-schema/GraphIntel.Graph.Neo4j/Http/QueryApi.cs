using System.Net.Http.Headers;
using System.Text.Json;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>
/// Neo4j's Query API (<c>/db/{database}/query/v2</c>): one statement per request, <c>{"statement", "parameters"}</c>
/// in, <c>{"data": {"fields", "values"}}</c> or <c>{"errors": […]}</c> out, in JSON with type information both ways
/// (<see cref="TypedJson"/>). One statement runs in the implicit transaction of one request. Several run in an explicit
/// transaction: <c>POST …/query/v2/tx</c> opens it with the first statement and answers <c>transaction.id</c> and the
/// <c>neo4j-cluster-affinity</c> header; each further statement is a <c>POST …/tx/{id}</c>, the last one a
/// <c>POST …/tx/{id}/commit</c>, every one of them carrying that header back (in a cluster it names the member that
/// holds the transaction); a failure rolls it back (<c>DELETE …/tx/{id}</c>). Requests name no access mode, so the
/// server routes them to the writer (the leader in a cluster), and every read sees every committed write.
/// </summary>
internal sealed class QueryApi(Uri endpoint, Neo4jHttpClient client)
{
    public const string AffinityHeader = "neo4j-cluster-affinity";
    private static readonly MediaTypeWithQualityHeaderValue Accept = new(TypedJson.MediaType);

    public Uri Endpoint { get; } = endpoint;

    public async Task<IReadOnlyList<StatementResult>> RunAsync(IReadOnlyList<Statement> statements, CancellationToken ct)
    {
        if (statements.Count == 0) return [];
        if (statements.Count == 1)
        {
            var (result, _, _) = await PostAsync(Endpoint, statements[0], affinity: null, ct).ConfigureAwait(false);
            return [result];
        }
        var results = new List<StatementResult>(statements.Count);
        var (first, transaction, affinity) = await PostAsync(new Uri(Endpoint + "/tx"), statements[0], affinity: null, ct).ConfigureAwait(false);
        var id = transaction ?? throw new GraphStoreException(
            $"Neo4j at {client.Options.Url} opened a transaction without naming it (no transaction.id)", isTransient: false);
        var transactionUri = new Uri(Endpoint + "/tx/" + Uri.EscapeDataString(id));
        var committed = false;
        try
        {
            results.Add(first);
            for (var i = 1; i < statements.Count - 1; i++)
                results.Add((await PostAsync(transactionUri, statements[i], affinity, ct).ConfigureAwait(false)).Result);
            results.Add((await PostAsync(new Uri(transactionUri + "/commit"), statements[^1], affinity, ct).ConfigureAwait(false)).Result);
            committed = true;
            return results;
        }
        finally
        {
            if (!committed) await client.RollBackAsync(transactionUri, r => SetAffinity(r, affinity)).ConfigureAwait(false);
        }
    }

    /// <summary>One statement; returns its result, the transaction id the body names (if any) and the affinity header.</summary>
    private async Task<(StatementResult Result, string? Transaction, string? Affinity)> PostAsync(
        Uri uri, Statement statement, string? affinity, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Accept.Add(Accept);
        client.Authorize(request);
        SetAffinity(request, affinity);
        request.Content = new ByteArrayContent(Serialize(statement));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(TypedJson.MediaType);
        using var response = await client.SendAsync(request, ct, errorsInBody: true).ConfigureAwait(false);
        var answeredAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        using var doc = await client.ReadJsonAsync(response, ct).ConfigureAwait(false);
        var body = doc.RootElement;
        if (Neo4jHttpClient.FirstError(body) is { } error) throw error;
        var transaction = body.TryGetProperty("transaction", out var tx) && tx.TryGetProperty("id", out var id) ? id.GetString() : null;
        affinity = answeredAffinity ?? affinity;
        try
        {
            return (ReadResult(body, uri), transaction, affinity);
        }
        catch when (transaction is not null && uri.AbsolutePath.EndsWith("/tx", StringComparison.Ordinal))
        {
            // The answer that opened a transaction cannot be read: the caller never learns its id, so close it here.
            await client.RollBackAsync(new Uri(Endpoint + "/tx/" + Uri.EscapeDataString(transaction)), r => SetAffinity(r, affinity)).ConfigureAwait(false);
            throw;
        }
    }

    private static void SetAffinity(HttpRequestMessage request, string? affinity)
    {
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
    }

    private StatementResult ReadResult(JsonElement body, Uri uri)
    {
        if (!body.TryGetProperty("data", out var data) || !data.TryGetProperty("fields", out var fields) || !data.TryGetProperty("values", out var values))
            throw new GraphStoreException($"Neo4j at {client.Options.Url} answered {uri} with neither data (fields, values) nor errors", isTransient: false);
        var columns = fields.EnumerateArray().Select(f => f.GetString()!).ToArray();
        var rows = new List<JsonElement[]>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            var row = new JsonElement[columns.Length];
            var i = 0;
            foreach (var cell in value.EnumerateArray())
            {
                if (i == row.Length) throw new GraphStoreException($"Neo4j at {client.Options.Url} answered a row longer than its {columns.Length} fields", isTransient: false);
                row[i] = TypedJson.ToPlain(cell, $"row {rows.Count}, field {columns[i]}");
                i++;
            }
            if (i != row.Length) throw new GraphStoreException($"Neo4j at {client.Options.Url} answered a row of {i} values for {columns.Length} fields", isTransient: false);
            rows.Add(row);
        }
        return new StatementResult(columns, rows);
    }

    private static byte[] Serialize(Statement statement)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("statement", statement.Text);
            w.WritePropertyName("parameters");
            w.WriteStartObject();
            foreach (var (name, value) in statement.Parameters)
            {
                w.WritePropertyName(name);
                TypedJson.Write(w, value);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

/// <summary>Which protocol to speak, from the options and the discovery document.</summary>
internal static class Neo4jDiscovery
{
    /// <summary>The first Neo4j version with the Query API's explicit transactions (its changelog: 5.26).</summary>
    public static readonly Neo4jVersion ExplicitQueryTransactions = new(5, 26);

    /// <summary>
    /// The protocol and its endpoint (for the transactional endpoint: the URL that opens a transaction).
    /// <paramref name="transaction"/> is the transactional endpoint discovery found (4+: a template; 3.x: from the data document).
    /// </summary>
    public static (Neo4jProtocol Protocol, Uri Endpoint) Choose(Neo4jOptions options, JsonElement root, string? transaction, Neo4jVersion version)
    {
        // 2026.09 renames the template "query" to "query_api"; both are URL templates with {databaseName}.
        var query = (root.TryGetProperty("query_api", out var q2) && q2.ValueKind == JsonValueKind.String ? q2.GetString() : null)
            ?? (root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null);
        var useQuery = options.Protocol switch
        {
            Neo4jProtocol.Query => true,
            Neo4jProtocol.Transactional => false,
            _ => query is not null && (transaction is null || version.CompareTo(ExplicitQueryTransactions) >= 0),
        };
        if (useQuery) return (Neo4jProtocol.Query, QueryEndpoint(options, query));
        if (transaction is null)
            throw new GraphStoreException(
                $"{options.Url} does not look like Neo4j's transactional endpoint: GET / names neither a 'transaction' nor a 'data' URL" +
                (options.Protocol == Neo4jProtocol.Transactional ? $" ({Neo4jOptions.SectionName}:Protocol is Transactional)" : ""), isTransient: false);
        return (Neo4jProtocol.Transactional, new Uri(Expand(transaction, options.Database)));
    }

    /// <summary>The Query API's endpoint: from discovery's template, else at its documented path under the URL.</summary>
    public static Uri QueryEndpoint(Neo4jOptions options, string? template) =>
        new(Expand(template ?? new Uri(options.Url, "db/{databaseName}/query/v2").ToString(), options.Database));

    private static string Expand(string template, string database) =>
        template.Replace("{databaseName}", Uri.EscapeDataString(database), StringComparison.Ordinal);
}
