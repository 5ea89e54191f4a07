using System.Text;
using System.Text.Json;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>The <c>extensions.code</c> values of trusted documents (persisted operations used as an allow-list).</summary>
public static class TrustedDocumentErrorCodes
{
    /// <summary>Only trusted documents run here, and the request's document text is not one of them (nor may it be registered).</summary>
    public const string Required = "TRUSTED_DOCUMENT_REQUIRED";

    /// <summary>The hash (<c>documentId</c> or <c>extensions.persistedQuery.sha256Hash</c>) names no trusted document.</summary>
    public const string NotFound = "TRUSTED_DOCUMENT_NOT_FOUND";
}

/// <summary>How trusted documents are used (<see cref="GraphQLHttpOptions.TrustedDocuments"/>).</summary>
public enum TrustedDocumentMode
{
    /// <summary>None are loaded; requests are what they were.</summary>
    Off,

    /// <summary>Trusted documents run by hash; any other document is accepted as well.</summary>
    Allow,

    /// <summary>Only trusted documents run (by hash, or sent in full); anything else is refused before parsing.</summary>
    Require,
}

/// <summary>A trusted-document file (or manifest entry) that cannot be used: what and where, one line.</summary>
public sealed class TrustedDocumentException(string message) : Exception(message);

/// <summary>
/// Trusted documents: the operations a client's build produced, registered by the SHA-256 of their exact text (UTF-8,
/// lowercase hex — what clients send as <c>extensions.persistedQuery.sha256Hash</c> or as <c>documentId</c>
/// <c>sha256:&lt;hex&gt;</c>). Loaded once at startup from a folder of <c>.graphql</c> files (one document each) or a
/// JSON manifest (Apollo's <c>persisted-query-manifest.json</c>, or a flat <c>{ "&lt;sha256&gt;": "&lt;document&gt;" }</c>
/// map); every document is parsed and validated against the schema then, and the first that fails stops the load with
/// its file, line and column. Immutable afterwards.
/// </summary>
public sealed class TrustedDocumentStore
{
    /// <summary>The manifest format Apollo's <c>@apollo/generate-persisted-query-manifest</c> writes.</summary>
    public const string ApolloManifestFormat = "apollo-persisted-query-manifest";

    private readonly Dictionary<string, string> _documents;

    private TrustedDocumentStore(Dictionary<string, string> documents, string source)
    {
        _documents = documents;
        Source = source;
    }

    /// <summary>Where the documents came from (the folder or manifest path).</summary>
    public string Source { get; }

    /// <summary>How many distinct documents are trusted.</summary>
    public int Count => _documents.Count;

    /// <summary>The hashes of the trusted documents (64 lowercase hex digits each).</summary>
    public IEnumerable<string> Hashes => _documents.Keys;

    /// <summary>The document whose SHA-256 is <paramref name="sha256Hash"/> (64 lowercase hex digits).</summary>
    public bool TryGet(string sha256Hash, out string document)
    {
        if (_documents.TryGetValue(sha256Hash, out var found))
        {
            document = found;
            return true;
        }
        document = "";
        return false;
    }

    /// <summary>Whether <paramref name="sha256Hash"/> is the hash of a trusted document.</summary>
    public bool Contains(string sha256Hash) => _documents.ContainsKey(sha256Hash);

    /// <summary>
    /// Loads the documents at <paramref name="path"/>: a folder (every <c>*.graphql</c> file under it, one document
    /// each) or a <c>.json</c> manifest, each validated with <paramref name="service"/> (the schema and its extra rules,
    /// such as depth and cost limits).
    /// </summary>
    /// <exception cref="TrustedDocumentException">The path is missing or holds no documents, a file is not UTF-8 or not
    /// a manifest, a manifest id is not its document's SHA-256, or a document does not parse or validate (file:line:column).</exception>
    public static TrustedDocumentStore Load(string path, GraphQLService service)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(service);
        IEnumerable<(string Where, string Text, string? Id)> documents;
        if (Directory.Exists(path))
        {
            documents = Directory.EnumerateFiles(path, "*.graphql", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(file => (file, ReadText(file), (string?)null));
        }
        else if (File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            documents = ReadManifest(path);
        }
        else if (File.Exists(path))
        {
            throw new TrustedDocumentException($"{path} is neither a folder of .graphql files nor a .json manifest.");
        }
        else
        {
            throw new TrustedDocumentException($"{path} does not exist: give a folder of .graphql files or a .json manifest.");
        }

        var trusted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (where, text, id) in documents)
        {
            var hash = PersistedQueries.Sha256Hex(text);
            if (id is not null && !string.Equals(id, hash, StringComparison.Ordinal))
            {
                throw new TrustedDocumentException(
                    $"{where}: the id {Shorten(id)} is not the SHA-256 of the document ({hash}); only SHA-256 ids of the exact document text are supported.");
            }
            Validate(where, text, service);
            trusted.TryAdd(hash, text);
        }
        if (trusted.Count == 0)
        {
            throw new TrustedDocumentException($"{path} holds no documents (no .graphql files, or an empty manifest).");
        }
        return new TrustedDocumentStore(trusted, path);
    }

    /// <summary>Parses and validates one document as a request would be (its first operation selected), or says where it fails.</summary>
    private static void Validate(string where, string text, GraphQLService service)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(text, service.Options.ParseOptions);
        }
        catch (GraphQLException syntax)
        {
            throw Problem(where, syntax.Errors[0]);
        }
        var operation = document.Definitions.OfType<OperationDefinitionNode>().FirstOrDefault();
        var prepared = service.Prepare(new GraphQLRequest { Query = text, OperationName = operation?.Name?.Value });
        if (prepared.Errors is { Count: > 0 } errors)
        {
            throw Problem(where, errors[0]);
        }
    }

    private static TrustedDocumentException Problem(string where, GraphQLError error) =>
        new(error.Locations is [var location, ..] ? $"{where}:{location.Line}:{location.Column}: {error.Message}" : $"{where}: {error.Message}");

    private static string ReadText(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException invalid)
        {
            throw new TrustedDocumentException($"{file}: not UTF-8 (invalid bytes at offset {invalid.Index}).");
        }
    }

    /// <summary>
    /// The documents of a manifest: Apollo's (<c>{"format":"apollo-persisted-query-manifest","version":1,
    /// "operations":[{"id","name","type","body"}]}</c>) or a flat map of hash to document.
    /// </summary>
    private static List<(string Where, string Text, string? Id)> ReadManifest(string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(ReadText(path));
        }
        catch (JsonException invalid)
        {
            throw new TrustedDocumentException($"{path}:{invalid.LineNumber + 1}:{invalid.BytePositionInLine + 1}: not valid JSON.");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TrustedDocumentException($"{path}: a manifest is a JSON object (Apollo's persisted-query manifest, or {{ \"<sha256>\": \"<document>\" }}).");
            }
            var documents = new List<(string, string, string?)>();
            if (root.TryGetProperty("format", out var format))
            {
                if (format.ValueKind != JsonValueKind.String || format.GetString() != ApolloManifestFormat
                    || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetDouble() != 1)
                {
                    throw new TrustedDocumentException($"{path}: the manifest's format must be \"{ApolloManifestFormat}\" with version 1.");
                }
                if (!root.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
                {
                    throw new TrustedDocumentException($"{path}: the manifest has no \"operations\" array.");
                }
                var index = 0;
                foreach (var operation in operations.EnumerateArray())
                {
                    index++;
                    var name = operation.ValueKind == JsonValueKind.Object && operation.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                    var where = $"{path} operation {index}" + (name is null ? "" : $" ({name})");
                    if (operation.ValueKind != JsonValueKind.Object
                        || !operation.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                        || !operation.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String)
                    {
                        throw new TrustedDocumentException($"{where}: an operation needs a string \"id\" and a string \"body\".");
                    }
                    documents.Add((where, body.GetString()!, id.GetString()!));
                }
                return documents;
            }
            foreach (var entry in root.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    throw new TrustedDocumentException($"{path} entry {Shorten(entry.Name)}: the value must be the document text as a string.");
                }
                documents.Add(($"{path} entry {Shorten(entry.Name)}", entry.Value.GetString()!, entry.Name.StartsWith("sha256:", StringComparison.Ordinal) ? entry.Name[7..] : entry.Name));
            }
            return documents;
        }
    }

    private static string Shorten(string id) => id.Length > 80 ? $"\"{id[..77]}...\"" : $"\"{id}\"";
}
