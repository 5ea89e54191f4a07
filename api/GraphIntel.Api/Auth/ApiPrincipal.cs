namespace GraphIntel.Api.Auth;

/// <summary>Who a request is: the name of its API key and the key's roles.</summary>
internal sealed record ApiPrincipal(string Name, IReadOnlySet<string> Roles)
{
    public bool IsEditor => Roles.Contains(GraphIntel.Api.Auth.Roles.Editor);
}
