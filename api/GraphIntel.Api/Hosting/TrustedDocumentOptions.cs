using GraphIntel.Api.Auth;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// Trusted documents (section <c>GraphIntel:TrustedDocuments</c>): the operations a dashboard's build produced, loaded
/// at startup from a folder of <c>.graphql</c> files or a JSON manifest and run by hash (see
/// <see cref="TrustedDocumentStore"/>); in <see cref="TrustedDocumentMode.Require"/> they are the only operations the API runs.
/// </summary>
internal sealed class TrustedDocumentOptions
{
    public const string SectionName = "GraphIntel:TrustedDocuments";

    /// <summary>Off (the default), Allow (trusted documents run by hash, others too) or Require (only trusted documents run).</summary>
    public TrustedDocumentMode Mode { get; set; } = TrustedDocumentMode.Off;

    /// <summary>A folder of <c>.graphql</c> files (searched recursively) or a <c>.json</c> manifest; relative to the content root.</summary>
    public string? Path { get; set; }

    /// <summary>In Require mode, callers whose API key has this role may still send any document (GraphiQL for operators). Empty: nobody.</summary>
    public string? BypassRole { get; set; }

    /// <summary>The options of <paramref name="configuration"/>, checked: a mode and a path that go together, a known role.</summary>
    public static TrustedDocumentOptions Bind(IConfiguration configuration)
    {
        var options = new TrustedDocumentOptions();
        try
        {
            configuration.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupConfigurationException(
                $"{SectionName}: {e.Message.Split('\n')[0]} ({nameof(Mode)} is one of {string.Join(", ", Enum.GetNames<TrustedDocumentMode>())}).", e);
        }
        if (options.Mode != TrustedDocumentMode.Off && string.IsNullOrWhiteSpace(options.Path))
        {
            throw new StartupConfigurationException(
                $"{SectionName}:{nameof(Mode)} is {options.Mode}, so {SectionName}:{nameof(Path)} must name a folder of .graphql files or a .json manifest.");
        }
        if (!string.IsNullOrEmpty(options.BypassRole) && !Roles.All.Contains(options.BypassRole))
        {
            throw new StartupConfigurationException(
                $"{SectionName}:{nameof(BypassRole)} is '{options.BypassRole}'; roles are {string.Join(", ", Roles.All.Order(StringComparer.Ordinal))} (or empty for nobody).");
        }
        return options;
    }

    /// <summary>
    /// Loads the documents (validated with <paramref name="service"/>) into <paramref name="http"/>; a document that can't
    /// be used stops the API naming its file, line and column.
    /// </summary>
    public void Apply(GraphQLHttpOptions http, GraphQLService service, string contentRoot)
    {
        http.TrustedDocumentMode = Mode;
        if (Mode == TrustedDocumentMode.Off) return;
        var path = System.IO.Path.GetFullPath(Path!, contentRoot);
        try
        {
            http.TrustedDocuments = TrustedDocumentStore.Load(path, service);
        }
        catch (TrustedDocumentException e)
        {
            throw new StartupConfigurationException($"{SectionName}:{nameof(Path)}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"{SectionName}:{nameof(Path)}: cannot read {path}: {e.Message}", e);
        }
        if (Mode == TrustedDocumentMode.Require && !string.IsNullOrEmpty(BypassRole))
        {
            var role = BypassRole;
            http.TrustedDocumentBypass = context => ApiKeyMiddleware.PrincipalOf(context)?.Roles.Contains(role) == true;
        }
    }
}
