namespace GraphIntel.Graph.Model;

/// <summary>
/// Which LEADS roles are offices one person holds at a time, so that a successor's start ends the predecessor's term
/// (<see cref="Lifecycles"/>). The leader of an organization is one office whatever the title (leader, emir, amir,
/// head, chief); president and vice-president are each their own office. Every other role (deputy, commander,
/// minister, a role not given) may be held by several people at once and bounds nothing.
/// </summary>
public static class SingleHolderRoles
{
    /// <summary>The office's key for each title that names a single-holder office.</summary>
    private static readonly Dictionary<string, string> Offices = new(StringComparer.Ordinal)
    {
        ["leader"] = "leader",
        ["emir"] = "leader",
        ["amir"] = "leader",
        ["head"] = "leader",
        ["chief"] = "leader",
        ["president"] = "president",
        ["vice-president"] = "vice-president",
    };

    /// <summary>
    /// The office <paramref name="role"/> names ("leader", "president", "vice-president"), or null when it is not a
    /// single-holder office. Case, surrounding space and "vice president" for "vice-president" do not matter.
    /// </summary>
    public static string? OfficeOf(string? role)
    {
        if (string.IsNullOrWhiteSpace(role)) return null;
        var key = string.Join('-', role.Trim().ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));
        return Offices.GetValueOrDefault(key);
    }
}
