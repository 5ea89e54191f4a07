using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphIntel.Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// A Neo4j Query API server for tests, where no Neo4j 5 exists: it speaks the wire format of Neo4j's Query API manual
/// (docs-query-api, modules/ROOT/pages/*.adoc; each part below names its section) and runs every statement on a real
/// Neo4j 3.x through that server's transactional endpoint (<c>/db/data/transaction</c>), translating requests and
/// answers both ways. Written from the manual, not from the client under test.
/// <para>What it serves: discovery (endpoints.adoc, "Discovery API"); <c>POST /db/{db}/query/v2</c> (query.adoc);
/// explicit transactions <c>POST …/query/v2/tx</c>, <c>POST …/tx/{id}</c>, <c>POST …/tx/{id}/commit</c>,
/// <c>DELETE …/tx/{id}</c> with the <c>neo4j-cluster-affinity</c> header (transactions.adoc); plain JSON and JSON with
/// type information, <c>application/vnd.neo4j.query</c>, for parameters and results (result-formats.adoc, typed-json.adoc);
/// errors as <c>{"errors":[{"code","message"}]}</c> (transactions.adoc, "Transaction expiration"; authentication-authorization.adoc).</para>
/// <para>Limits of the translation: 3.x's row format gives a node or relationship as its property map, so the shim
/// answers those as a Map; a number with a fraction or exponent is a Float, any other an Integer.</para>
/// </summary>
internal sealed class QueryApiShim : IAsyncDisposable
{
    public const string TypedMediaType = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly WebApplication _app;
    private readonly HttpClient _neo4j;
    private readonly Uri _backend;
    private readonly ConcurrentDictionary<string, Uri> _transactions = new();
    private int _nextTransaction;

    private QueryApiShim(WebApplication app, Uri backend, string advertisedVersion, bool advertiseTransactional)
    {
        _app = app;
        _backend = backend;
        AdvertisedVersion = advertisedVersion;
        AdvertiseTransactional = advertiseTransactional;
        _neo4j = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        // transactions.adoc: the header "identifies the cluster member handling the transaction" (base64 of its address there).
        Affinity = Convert.ToBase64String(Encoding.UTF8.GetBytes($"shim-{Guid.NewGuid():N}"));
    }

    /// <summary>The shim's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; private set; } = null!;
    public string AdvertisedVersion { get; }
    public bool AdvertiseTransactional { get; }
    /// <summary>The value of <see cref="AffinityHeader"/> this "cluster member" sends; requests of a transaction must bring it back.</summary>
    public string Affinity { get; }
    /// <summary>The status of an answer that reports errors: 202 as the manual's query.adoc says of every answer; tests vary it.</summary>
    public HttpStatusCode ErrorStatus { get; set; } = HttpStatusCode.Accepted;
    /// <summary>Answers a statement with this error instead of running it (code, message), when it returns one.</summary>
    public Func<string, (string Code, string Message)?>? Inject { get; set; }
    /// <summary>False: <c>GET /</c> answers 404, as Aura serves no discovery document.</summary>
    public bool ServeDiscovery { get; set; } = true;
    /// <summary>Every request: method, path, affinity header sent, content type.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Affinity, string? ContentType)> Requests { get; } = new();
    /// <summary>Transactions open now.</summary>
    public int OpenTransactions => _transactions.Count;

    /// <summary>
    /// Starts a shim on 127.0.0.1 over the Neo4j 3.x at <paramref name="neo4j"/>. Discovery reports
    /// <paramref name="advertisedVersion"/> (default: the real server's, so the store picks statements that run on it) and,
    /// with <paramref name="advertiseTransactional"/>, a transactional endpoint template too (which this shim does not serve).
    /// </summary>
    public static async Task<QueryApiShim> StartAsync(Uri neo4j, string? advertisedVersion = null, bool advertiseTransactional = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var shim = new QueryApiShim(app, neo4j, advertisedVersion ?? await RealVersionAsync(neo4j), advertiseTransactional);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                // A fault of the shim itself: said as the server error it is, with its cause, so a test shows it.
                await WriteAsync(context, HttpStatusCode.InternalServerError, new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject { ["code"] = "Neo.DatabaseError.General.UnknownError", ["message"] = $"shim: {e}" }),
                }, typed: false);
            }
        });
        app.MapGet("/", shim.DiscoveryAsync);
        app.MapPost("/db/{database}/query/v2", (HttpContext c, string database) => shim.ImplicitAsync(c, database));
        app.MapPost("/db/{database}/query/v2/tx", (HttpContext c, string database) => shim.BeginAsync(c, database));
        app.MapPost("/db/{database}/query/v2/tx/{id}", (HttpContext c, string database, string id) => shim.ContinueAsync(c, database, id, commit: false));
        app.MapPost("/db/{database}/query/v2/tx/{id}/commit", (HttpContext c, string database, string id) => shim.ContinueAsync(c, database, id, commit: true));
        app.MapDelete("/db/{database}/query/v2/tx/{id}", (HttpContext c, string database, string id) => shim.RollbackAsync(c, database, id));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        shim.Url = new Uri(address.TrimEnd('/') + "/");
        return shim;
    }

    private static async Task<string> RealVersionAsync(Uri neo4j)
    {
        using var http = new HttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(neo4j, "/db/data/")));
        return doc.RootElement.GetProperty("neo4j_version").GetString()!;
    }

    // endpoints.adoc, "Discovery API": URL templates with {databaseName}, the version and edition.
    private Task DiscoveryAsync(HttpContext context)
    {
        Record(context);
        if (!ServeDiscovery) // as on Aura (endpoints.adoc: the discovery API is "not on Aura")
        {
            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
            return Task.CompletedTask;
        }
        var root = new JsonObject
        {
            ["query"] = $"{Url}db/{{databaseName}}/query/v2",
            ["neo4j_version"] = AdvertisedVersion,
            ["neo4j_edition"] = "community",
        };
        if (AdvertiseTransactional) root["transaction"] = $"{Url}db/{{databaseName}}/tx";
        return WriteAsync(context, HttpStatusCode.OK, root, typed: false);
    }

    // query.adoc: one statement in an implicit transaction.
    private async Task ImplicitAsync(HttpContext context, string database)
    {
        var (request, typed) = await ReadRequestAsync(context);
        if (!KnownDatabase(database)) { await NoDatabaseAsync(context, database, typed); return; }
        var statement = request?["statement"]?.GetValue<string>();
        if (string.IsNullOrEmpty(statement))
        {
            await ErrorAsync(context, "Neo.ClientError.Request.Invalid", "a statement is required", typed);
            return;
        }
        var (answer, _) = await RunOnBackendAsync(HttpMethod.Post, new Uri(_backend, "/db/data/transaction/commit"), request, typed, context);
        await AnswerAsync(context, answer, typed, transaction: null);
    }

    // transactions.adoc, "Create a transaction": the body may hold a statement, an empty one, or nothing.
    private async Task BeginAsync(HttpContext context, string database)
    {
        var (request, typed) = await ReadRequestAsync(context);
        if (!KnownDatabase(database)) { await NoDatabaseAsync(context, database, typed); return; }
        var (answer, location) = await RunOnBackendAsync(HttpMethod.Post, new Uri(_backend, "/db/data/transaction"), request, typed, context);
        string? id = null;
        if (location is not null && !HasErrors(answer))
        {
            id = "tx" + Interlocked.Increment(ref _nextTransaction).ToString(CultureInfo.InvariantCulture);
            _transactions[id] = location;
        }
        context.Response.Headers[AffinityHeader] = Affinity;
        await AnswerAsync(context, answer, typed, id);
    }

    // transactions.adoc, "Execute queries" and "Commit a transaction": each request brings the affinity header back.
    private async Task ContinueAsync(HttpContext context, string database, string id, bool commit)
    {
        var (request, typed) = await ReadRequestAsync(context);
        if (!KnownDatabase(database)) { await NoDatabaseAsync(context, database, typed); return; }
        if (!AffinityMatches(context) || !_transactions.TryGetValue(id, out var backendTransaction))
        {
            await NotFoundAsync(context, id, typed);
            return;
        }
        var (answer, _) = await RunOnBackendAsync(HttpMethod.Post, commit ? new Uri(backendTransaction + "/commit") : backendTransaction, request, typed, context);
        // 3.x rolls a transaction back on any error, and a commit ends it: then the answer names no transaction
        // (transactions.adoc: "If a response does not contain the transaction key, the corresponding transaction has been closed").
        var open = !commit && !HasErrors(answer);
        if (!open && _transactions.TryRemove(id, out _) && HasErrors(answer))
        {
            // An injected error never reached 3.x, whose transaction is still open: close it as the error would have.
            using var rollback = new HttpRequestMessage(HttpMethod.Delete, backendTransaction);
            using var _ = await _neo4j.SendAsync(rollback);
        }
        context.Response.Headers[AffinityHeader] = Affinity;
        await AnswerAsync(context, answer, typed, open ? id : null);
    }

    // transactions.adoc, "Rollback a transaction": DELETE with the affinity header.
    private async Task RollbackAsync(HttpContext context, string database, string id)
    {
        Record(context);
        var typed = Accepts(context);
        if (!KnownDatabase(database)) { await NoDatabaseAsync(context, database, typed); return; }
        if (!AffinityMatches(context) || !_transactions.TryRemove(id, out var backendTransaction))
        {
            await NotFoundAsync(context, id, typed);
            return;
        }
        using var rollback = new HttpRequestMessage(HttpMethod.Delete, backendTransaction);
        using var _ = await _neo4j.SendAsync(rollback);
        context.Response.Headers[AffinityHeader] = Affinity;
        await WriteAsync(context, HttpStatusCode.Accepted, new JsonObject { ["data"] = new JsonObject { ["fields"] = new JsonArray(), ["values"] = new JsonArray() } }, typed);
    }

    private bool AffinityMatches(HttpContext context) => context.Request.Headers[AffinityHeader].ToString() == Affinity;

    private static bool KnownDatabase(string database) => database == "neo4j"; // 3.x has the one database

    private Task NoDatabaseAsync(HttpContext context, string database, bool typed) =>
        ErrorAsync(context, "Neo.ClientError.Database.DatabaseNotFound", $"Database does not exist. Database name: '{database}'.", typed);

    // transactions.adoc, "Transaction expiration and keep alive": the error for an unknown transaction or a missing header.
    private Task NotFoundAsync(HttpContext context, string id, bool typed) =>
        ErrorAsync(context, "Neo.ClientError.Request.Invalid",
            $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back or the routing header '{AffinityHeader}' was not provided.", typed);

    /// <summary>Runs the request's statement (if any) on the 3.x transactional endpoint; returns its answer and Location.</summary>
    private async Task<(JsonObject Answer, Uri? Location)> RunOnBackendAsync(HttpMethod method, Uri uri, JsonObject? request, bool typed, HttpContext context)
    {
        var statements = new JsonArray();
        if (request?["statement"]?.GetValue<string>() is { Length: > 0 } statement)
        {
            if (Inject?.Invoke(statement) is { } injected)
                return (new JsonObject { ["results"] = new JsonArray(), ["errors"] = new JsonArray(new JsonObject { ["code"] = injected.Code, ["message"] = injected.Message }) }, null);
            var parameters = request["parameters"] as JsonObject ?? new JsonObject();
            statements.Add(new JsonObject
            {
                ["statement"] = statement,
                // typed-json.adoc's example: "parameters" is an object whose every value is typed.
                ["parameters"] = typed ? new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, Untype(p.Value)))) : parameters.DeepClone(),
                ["resultDataContents"] = new JsonArray("row"),
            });
        }
        using var backend = new HttpRequestMessage(method, uri)
        {
            Content = new StringContent(new JsonObject { ["statements"] = statements }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        backend.Headers.Accept.ParseAdd("application/json");
        if (context.Request.Headers.Authorization.Count > 0) backend.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        using var response = await _neo4j.SendAsync(backend);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (answer, response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(_backend, l)) : null);
    }

    private static bool HasErrors(JsonObject answer) => answer["errors"] is JsonArray { Count: > 0 };

    /// <summary>A 3.x answer as the Query API's: data (fields, values) or errors; bookmarks; the transaction if open.</summary>
    private async Task AnswerAsync(HttpContext context, JsonObject answer, bool typed, string? transaction)
    {
        if (answer["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = errors[0]!;
            await ErrorAsync(context, first["code"]!.GetValue<string>(), first["message"]?.GetValue<string>() ?? "", typed);
            return;
        }
        var fields = new JsonArray();
        var values = new JsonArray();
        if (answer["results"] is JsonArray { Count: > 0 } results)
        {
            foreach (var column in results[0]!["columns"]!.AsArray()) fields.Add(column!.GetValue<string>());
            foreach (var data in results[0]!["data"]!.AsArray())
            {
                var row = new JsonArray();
                foreach (var value in data!["row"]!.AsArray()) row.Add(typed ? Type(value) : value?.DeepClone());
                values.Add(row);
            }
        }
        var body = new JsonObject
        {
            ["data"] = new JsonObject { ["fields"] = fields, ["values"] = values },
            ["bookmarks"] = new JsonArray($"FB:shim-{Interlocked.Increment(ref _nextTransaction)}"),
        };
        if (transaction is not null)
            body["transaction"] = new JsonObject { ["id"] = transaction, ["expires"] = DateTimeOffset.UtcNow.AddSeconds(60).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
        await WriteAsync(context, HttpStatusCode.Accepted, body, typed);
    }

    private Task ErrorAsync(HttpContext context, string code, string message, bool typed) =>
        WriteAsync(context, ErrorStatus, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) }, typed);

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, JsonObject body, bool typed)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = typed ? TypedMediaType : "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    // headers.adoc: Content-Type says how the request is written, Accept how the answer should be.
    private async Task<(JsonObject? Request, bool Typed)> ReadRequestAsync(HttpContext context)
    {
        Record(context);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var request = text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject();
        if (request?["parameters"] is JsonObject && (context.Request.ContentType ?? "").StartsWith(TypedMediaType, StringComparison.Ordinal) != Accepts(context))
            throw new InvalidOperationException("the shim answers in the format parameters were sent in; send both typed or both plain");
        return (request, Accepts(context));
    }

    private static bool Accepts(HttpContext context) => context.Request.Headers.Accept.ToString().Contains(TypedMediaType, StringComparison.Ordinal);

    private void Record(HttpContext context) => Requests.Enqueue((context.Request.Method, context.Request.Path.Value!,
        context.Request.Headers[AffinityHeader] is { Count: > 0 } a ? a.ToString() : null, context.Request.ContentType));

    // typed-json.adoc, "Type mapping": a typed parameter as the plain JSON 3.x takes.
    private static JsonNode? Untype(JsonNode? typed)
    {
        if (typed is not JsonObject o || o["$type"]?.GetValue<string>() is not { } type)
            throw new InvalidOperationException($"not a typed value: {typed?.ToJsonString()}");
        var value = o["_value"];
        return type switch
        {
            "Null" => null,
            "Boolean" => JsonValue.Create(value!.GetValue<bool>()),
            "Integer" => JsonValue.Create(long.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture)),
            "Float" => Float(value!.GetValue<string>()),
            "List" => new JsonArray(value!.AsArray().Select(Untype).ToArray()),
            "Map" => Map(value!.AsObject()),
            _ => JsonValue.Create(value!.GetValue<string>()), // String and the types 3.x has no parameters for
        };

        // A whole float written without a fraction ("1") must reach 3.x as a float: plain JSON tells floats by their form.
        static JsonNode Float(string text)
        {
            var d = double.Parse(text, CultureInfo.InvariantCulture);
            var json = d.ToString("R", CultureInfo.InvariantCulture);
            return JsonNode.Parse(json.IndexOfAny(['.', 'E']) < 0 ? json + ".0" : json)!;
        }

        static JsonObject Map(JsonObject typedMap)
        {
            var map = new JsonObject();
            foreach (var (k, v) in typedMap) map[k] = Untype(v);
            return map;
        }
    }

    // typed-json.adoc, "Type mapping": a 3.x row value with its type.
    private static JsonObject Type(JsonNode? plain) => plain switch
    {
        null => Typed("Null", null),
        JsonArray list => Typed("List", new JsonArray(list.Select(item => (JsonNode)Type(item)).ToArray())),
        JsonObject map => Typed("Map", new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Type(p.Value))))),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Typed("String", value.GetValue<string>()),
            JsonValueKind.True or JsonValueKind.False => Typed("Boolean", value.GetValue<bool>()),
            JsonValueKind.Number when value.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 => Typed("Integer", value.ToJsonString()),
            JsonValueKind.Number => Typed("Float", value.ToJsonString()),
            var kind => throw new InvalidOperationException($"no typed form for a {kind}"),
        },
        _ => throw new InvalidOperationException("unknown JSON node"),
    };

    private static JsonObject Typed(string type, JsonNode? value) => new() { ["$type"] = type, ["_value"] = value };

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _transactions.Keys)
            if (_transactions.TryRemove(id, out var open))
            {
                using var rollback = new HttpRequestMessage(HttpMethod.Delete, open);
                using var _ = await _neo4j.SendAsync(rollback);
            }
        _neo4j.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
