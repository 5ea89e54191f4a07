using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// The stored records a write needs to resolve patches and reverts and to guard source texts. Each backend answers
/// over the transaction (or under the write lock) it is about to write in, so what is merged is what is replaced.
/// </summary>
public interface IStoredRecords
{
    /// <summary>Entities by exact id (an id merged away is absent); unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, Entity>> GetEntityRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Relationships by id, retracted ones included.</summary>
    Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Every relationship with either end among these entity ids, retracted ones included (for lifecycle ends).</summary>
    Task<IReadOnlyList<Relationship>> GetRelationshipsOfAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct);

    /// <summary>Strength estimates by id, retracted ones included.</summary>
    Task<IReadOnlyDictionary<string, StrengthEstimate>> GetEstimateRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Sources by id.</summary>
    Task<IReadOnlyDictionary<string, Source>> GetSourceRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Every stored citation of these sources, with the id of the record it supports.</summary>
    Task<IReadOnlyList<SourceCitation>> GetCitationsOfSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken ct);

    /// <summary>The audit entry with this sequence number, or null.</summary>
    Task<AuditEntry?> GetAuditEntryAsync(long sequence, CancellationToken ct);
}
