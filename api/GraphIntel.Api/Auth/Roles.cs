namespace GraphIntel.Api.Auth;

/// <summary>The roles a key may carry.</summary>
internal static class Roles
{
    /// <summary>May write: create, assert, retract, merge.</summary>
    public const string Editor = "editor";
    /// <summary>May read when reads require a key.</summary>
    public const string Reader = "reader";

    /// <summary>Every role there is.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Editor, Reader };
}
