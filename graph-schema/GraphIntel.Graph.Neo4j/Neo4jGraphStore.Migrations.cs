using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// The gram backfill (<see cref="DataMigration.LinkNameGrams"/>): links names stored without (:Gram) links to
    /// their grams, <see cref="Neo4jOptions.WriteBatchSize"/> names per transaction, until none is left. Idempotent: a
    /// batch commits whole or not at all, and linked names are never picked again, so an interrupted backfill simply
    /// resumes (the migration is recorded only once it has finished).
    /// </summary>
    private async Task LinkNamesWithoutGramsAsync(CancellationToken ct)
    {
        var linked = new HashSet<(string EntityId, string Name)>();
        while (true)
        {
            var page = await RunAsync(Statements.NamesWithoutGrams, new() { ["take"] = _options.WriteBatchSize }, ct).ConfigureAwait(false);
            if (page.Rows.Count == 0) return;
            var rows = new List<Dictionary<string, object?>>(page.Rows.Count);
            foreach (var row in page.Rows)
            {
                var (entityId, name) = (row[0].GetString()!, row[1].GetString()!);
                if (!linked.Add((entityId, name)))
                {
                    throw new GraphStoreException(
                        $"the name gram backfill (migration 4) linked the name '{name}' of {entityId} to its grams, yet Neo4j still " +
                        "lists it among the names without grams; stopping instead of looping", isTransient: false);
                }
                rows.Add(new() { ["entityId"] = entityId, ["name"] = name, ["grams"] = NameGrams.OfName(row[2].GetString()!) });
            }
            var grams = Neo4jRows.DistinctGrams(rows);
            await _client.RunAsync(AdvancingGeneration(
                [
                    new Statement(Statements.UpsertGrams, new Dictionary<string, object?> { ["grams"] = grams }),
                    new Statement(Statements.LinkNameGrams, new Dictionary<string, object?> { ["rows"] = rows }),
                ]), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The clash-key backfill (<see cref="DataMigration.SetNameClashKeys"/>): sets the confusable clash key of every
    /// (:Name) stored without one, a batch per transaction, until none is left; an interrupted run resumes.
    /// </summary>
    private async Task SetNameClashKeysAsync(CancellationToken ct)
    {
        while (true)
        {
            var page = await RunAsync(Statements.NamesWithoutClashKeys, new() { ["take"] = _options.WriteBatchSize }, ct).ConfigureAwait(false);
            if (page.Rows.Count == 0) return;
            var rows = page.Rows.Select(row => new Dictionary<string, object?>
            {
                ["entityId"] = row[0].GetString(),
                ["name"] = row[1].GetString(),
                ["clashKey"] = Names.ConfusableSkeleton.ClashKey(row[1].GetString()!),
            }).ToList();
            await _client.RunAsync(AdvancingGeneration([new Statement(Statements.SetClashKeys, new Dictionary<string, object?> { ["rows"] = rows })]), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The gram-word backfill (<see cref="DataMigration.SetNameGramWords"/>): gives every (:Name) stored without them
    /// its gram words (<see cref="NameGrams.Tokens"/>, what the full-text index of 4.4+ reads), a batch per transaction,
    /// until none is left; an interrupted run resumes. A name whose key is empty gets an empty string, so it is not
    /// picked again.
    /// </summary>
    private async Task SetNameGramWordsAsync(CancellationToken ct)
    {
        while (true)
        {
            var page = await RunAsync(Statements.NamesWithoutGramWords, new() { ["take"] = _options.WriteBatchSize }, ct).ConfigureAwait(false);
            if (page.Rows.Count == 0) return;
            var rows = page.Rows.Select(row => new Dictionary<string, object?>
            {
                ["entityId"] = row[0].GetString(),
                ["name"] = row[1].GetString(),
                ["gramWords"] = NameGrams.Tokens(row[2].GetString() ?? ""),
            }).ToList();
            await _client.RunAsync(AdvancingGeneration([new Statement(Statements.SetNameGramWords, new Dictionary<string, object?> { ["rows"] = rows })]), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The time-profile backfill (<see cref="DataMigration.SetTimeProfiles"/>): relationships, then entities, stored with
    /// the old overlap days get the profile of their stored interval (<see cref="Neo4jRows.ProfileProperties"/>) and lose
    /// the old days, a batch per transaction, until none is left; an interrupted run resumes.
    /// </summary>
    private async Task SetTimeProfilesAsync(CancellationToken ct)
    {
        while (true)
        {
            var page = await RunAsync(Statements.RelationshipsWithoutProfiles, new() { ["take"] = _options.WriteBatchSize }, ct).ConfigureAwait(false);
            if (page.Rows.Count == 0) break;
            var rows = page.Rows.Select(row => new Dictionary<string, object?>
            {
                ["id"] = row[0].GetString(),
                ["fromId"] = row[1].GetString(),
                ["profile"] = Neo4jRows.ProfileProperties(Model.TemporalProfile.Of(new Model.Validity(Neo4jRows.Bound(row[2]), Neo4jRows.Bound(row[3])), [])),
            }).ToList();
            await _client.RunAsync(AdvancingGeneration([new Statement(Statements.SetRelationshipProfiles, new Dictionary<string, object?> { ["rows"] = rows })]), ct).ConfigureAwait(false);
        }
        while (true)
        {
            var page = await RunAsync(Statements.EntitiesWithoutProfiles, new() { ["take"] = _options.WriteBatchSize }, ct).ConfigureAwait(false);
            if (page.Rows.Count == 0) return;
            var rows = page.Rows.Select(row => new Dictionary<string, object?>
            {
                ["id"] = row[0].GetString(),
                ["profile"] = Neo4jRows.ProfileProperties(Model.TemporalProfile.Of(Model.Validity.Between(Neo4jRows.Date(row[1]), Neo4jRows.Date(row[2])), [])),
            }).ToList();
            await _client.RunAsync(AdvancingGeneration([new Statement(Statements.SetEntityProfiles, new Dictionary<string, object?> { ["rows"] = rows })]), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The listing-key backfill (<see cref="DataMigration.SetSortKeys"/>): every entity, a batch per transaction in
    /// Cypher's id order, gets the key of <see cref="Neo4jRows.SortKey"/> (earlier keys were the folded name, in UTF-16
    /// order) when its stored key differs; an interrupted run starts over and finds the keys it wrote already right.
    /// </summary>
    private async Task SetSortKeysAsync(CancellationToken ct)
    {
        string? afterId = null;
        while (true)
        {
            var page = await RunAsync(Statements.EntitiesAfterId, new() { ["afterId"] = afterId, ["take"] = _options.WriteBatchSize }, ct).ConfigureAwait(false);
            if (page.Rows.Count == 0) return;
            // Only keys that differ are written: a store whose keys are already right (a new one, an import) is left as it
            // is, write generation included.
            var rows = page.Rows
                .Select(row => (Id: row[0].GetString()!, Stored: row[2].GetString(), Key: Neo4jRows.SortKey(row[1].GetString()!, row[0].GetString()!)))
                .Where(r => r.Stored != r.Key)
                .Select(r => new Dictionary<string, object?> { ["id"] = r.Id, ["sortKey"] = r.Key })
                .ToList();
            if (rows.Count > 0)
                await _client.RunAsync(AdvancingGeneration([new Statement(Statements.SetSortKeys, new Dictionary<string, object?> { ["rows"] = rows })]), ct).ConfigureAwait(false);
            afterId = page.Rows[^1][0].GetString();
        }
    }
}
