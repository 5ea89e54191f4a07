using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>
/// The id of a fact: its explicit <c>id</c>, else derived from its content as the data-set README specifies:
/// <c>rel/&lt;type&gt;/&lt;from&gt;/&lt;to&gt;/&lt;validFrom&gt;-&lt;validTo&gt;</c> and <c>est/&lt;org&gt;/&lt;asOf&gt;/&lt;estimatedBy&gt;</c>,
/// computed by <see cref="FactIdentity"/>, the one derivation the API's assertions use too.
/// </summary>
internal static class FactIds
{
    /// <summary>The id, whether it was derived, or null when the fields it derives from are missing.</summary>
    public static (string Id, bool Derived)? Of(RelationshipDraft r)
    {
        if (r.ExplicitId is { } explicitId) return (explicitId.Value, false);
        if (r.Type is not { } type || r.From is not { } from || r.To is not { } to) return null;
        return (FactIdentity.Relationship(type, from.Value, to.Value, r.Validity), true);
    }

    public static (string Id, bool Derived)? Of(EstimateDraft e)
    {
        if (e.ExplicitId is { } explicitId) return (explicitId.Value, false);
        if (e.Organization is not { } organization) return null;
        return (FactIdentity.Estimate(organization.Value, e.AsOf, e.EstimatedBy), true);
    }
}
