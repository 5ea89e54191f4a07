using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Writes that mix records new to the store with stored ones, as bulk loads and edits do: what a store writes
/// differently for a record it knows to be new (Neo4j creates it outright) must read back exactly as a rewrite would.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    /// <summary>
    /// The oracle for "citations of a source": every citation of every record the store holds (its export), grouped by
    /// source, as (source, supported record, quote, supports) in a fixed order.
    /// </summary>
    private async Task<string[]> CitationsOfRecordsAsync(params string[] sourceIds)
    {
        var snapshot = await Store.ExportAsync();
        return snapshot.Entities.SelectMany(e => e.Citations.Select(c => (c, e.Id)))
            .Concat(snapshot.Relationships.SelectMany(r => r.Citations.Select(c => (c, r.Id))))
            .Concat(snapshot.StrengthEstimates.SelectMany(x => x.Citations.Select(c => (c, x.Id))))
            .Where(t => sourceIds.Contains(t.c.SourceId))
            .Select(t => $"{t.c.SourceId} | {t.Id} | {t.c.Quote} | {t.c.Supports}")
            .Order(StringComparer.Ordinal).ToArray();
    }

    private async Task<string[]> CitationsBySourceAsync(params string[] sourceIds) =>
        (await Store.GetCitationsBySourceAsync(sourceIds)).Values.SelectMany(list => list)
            .Select(c => $"{c.Citation.SourceId} | {c.SupportsId} | {c.Citation.Quote} | {c.Citation.Supports}")
            .Order(StringComparer.Ordinal).ToArray();

    [StoreFact]
    public async Task Citations_by_source_follow_one_write_of_new_records_and_rewrites_of_stored_ones()
    {
        var ja = Entities.Single(e => e.Id == Ja);
        var rewritten = ja with { Citations = [CiteBeta("Mahdi Arsalan remained leader of Jamaat Ansarullah until 2015.", "leader")] };
        var newEntity = new Entity("org/new-front", EntityKind.Organization, "New Front", [], [CiteBeta("The Taliban movement dominates Afghanistan.")])
            { OrganizationKind = OrganizationKind.ArmedGroup };
        var newRelationship = new Relationship("rel/new-front-allied-taliban", RelationshipType.AlliedWith, newEntity.Id, Taliban, Validity.Unknown,
            ClaimStatus.Asserted, [CiteBeta("fights alongside the Taliban"), CiteAlpha("ISIS-K operates in Badakhshan too")]);
        var newEstimate = new StrengthEstimate("est/new-front", newEntity.Id, 100, 200, null, null, ClaimStatus.Asserted, [CiteAlpha("ISIS-K has nearly 6,000 fighters.")]);
        var movedCitation = Relationships.Single(r => r.Id == JaInBadakhshan) with { Citations = [CiteBeta("The Taliban movement dominates Afghanistan.")] };

        var summary = await Store.ApplyAsync(new ChangeSet
        {
            Entities = [rewritten, newEntity],
            Relationships = [newRelationship, movedCitation],
            StrengthEstimates = [newEstimate],
        }, Editor("mixed write"));

        Assert.Equal((1, 1), (summary[RecordKinds.Entity].Created, summary[RecordKinds.Entity].Updated));
        Assert.Equal((1, 1), (summary[RecordKinds.Relationship].Created, summary[RecordKinds.Relationship].Updated));
        // Brute force: the fixture's citations with the rewritten records' replaced and the new records' added.
        var expected = Entities.Where(e => e.Id != Ja).Append(rewritten).Append(newEntity).SelectMany(e => e.Citations.Select(c => (c, e.Id)))
            .Concat(Relationships.Where(r => r.Id != JaInBadakhshan).Append(movedCitation).Append(newRelationship).SelectMany(r => r.Citations.Select(c => (c, r.Id))))
            .Concat(StrengthEstimates.Append(newEstimate).SelectMany(x => x.Citations.Select(c => (c, x.Id))))
            .Select(t => $"{t.c.SourceId} | {t.Id} | {t.c.Quote} | {t.c.Supports}")
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, await CitationsBySourceAsync(Alpha, Beta));
        Assert.Equal(expected, await CitationsOfRecordsAsync(Alpha, Beta));
    }

    [StoreFact]
    public async Task A_merge_in_the_write_that_creates_the_merged_entity_moves_its_cited_facts_to_the_survivor()
    {
        var duplicate = new Entity("org/ja-duplicate", EntityKind.Organization, "Jamoat Ansorulloh", [],
            [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup };
        var relationship = new Relationship("rel/ja-duplicate-in-badakhshan", RelationshipType.OperatesIn, duplicate.Id, Badakhshan, Validity.Unknown,
            ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah is active in Badakhshan")]);
        var estimate = new StrengthEstimate("est/ja-duplicate", duplicate.Id, 50, null, null, null, ClaimStatus.Asserted, [CiteBeta("ISIS-K is a bitter rival of the Taliban.")]);

        await Store.ApplyAsync(new ChangeSet
        {
            Entities = [duplicate], Relationships = [relationship], StrengthEstimates = [estimate], Merges = [new EntityMerge(Ja, duplicate.Id)],
        }, Editor("created and merged at once"));

        Assert.Equal(Ja, (await Store.GetRelationshipsByIdAsync([relationship.Id]))[relationship.Id].FromId);
        Assert.Equal(Ja, (await Store.GetStrengthEstimatesByIdAsync([estimate.Id]))[estimate.Id].OrganizationId);
        Assert.Equal(Ja, (await Store.GetEntitiesAsync([duplicate.Id]))[duplicate.Id].Id);
        var bySource = await CitationsBySourceAsync(Alpha, Beta);
        Assert.Equal(await CitationsOfRecordsAsync(Alpha, Beta), bySource);
        Assert.DoesNotContain(bySource, c => c.Contains(duplicate.Id, StringComparison.Ordinal));
        Assert.Contains($"{Alpha} | {relationship.Id} | Jamaat Ansarullah is active in Badakhshan | ", bySource);
        Assert.Contains($"{Beta} | {estimate.Id} | ISIS-K is a bitter rival of the Taliban. | ", bySource);
    }

    [StoreFact]
    public async Task A_load_of_new_records_audits_each_once_in_order_and_a_repeat_writes_and_audits_nothing()
    {
        var entities = Enumerable.Range(0, 30).Select(i => new Entity($"org/load-{i:00}", EntityKind.Organization, $"Load Group {i:00}", [],
            [CiteAlpha("Jamaat Ansarullah is active in Badakhshan")]) { OrganizationKind = OrganizationKind.ArmedGroup }).ToList();
        var relationships = entities.Select((e, i) => new Relationship($"rel/load-{i:00}", RelationshipType.OperatesIn, e.Id, Badakhshan,
            Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("ISIS-K operates in Badakhshan too")])).ToList();
        var load = new ChangeSet { Entities = entities, Relationships = relationships };
        var newest = (await Store.GetAuditAsync(new AuditQuery { First = 1 }))[0].Sequence;

        var first = await Store.ApplyAsync(load, Editor("bulk load"));
        var second = await Store.ApplyAsync(load, Editor("bulk load again", 11));

        Assert.Equal((30, 0), (first[RecordKinds.Entity].Created, first[RecordKinds.Entity].Unchanged));
        Assert.Equal((30, 0), (first[RecordKinds.Relationship].Created, first[RecordKinds.Relationship].Unchanged));
        Assert.Equal((0, 30), (second[RecordKinds.Entity].Created, second[RecordKinds.Entity].Unchanged));
        Assert.Equal((0, 30), (second[RecordKinds.Relationship].Created, second[RecordKinds.Relationship].Unchanged));
        var written = (await Store.GetAuditAsync(new AuditQuery { First = 1000 })).Where(e => e.Sequence > newest).Reverse().ToList();
        Assert.Equal(entities.Select(e => e.Id).Concat(relationships.Select(r => r.Id)), written.Select(e => e.TargetId));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => newest + i), written.Select(e => e.Sequence));
        Assert.All(written, e => Assert.Equal((AuditActions.Create, "bulk load", (string?)null), (e.Action, e.Reason, e.Before)));
        Assert.Equal(entities.Select(RecordJson.Serialize).Concat(relationships.Select(RecordJson.Serialize)), written.Select(e => e.After));
        Assert.Equal(relationships.Select(RecordJson.Serialize),
            (await Store.GetRelationshipsByIdAsync(relationships.Select(r => r.Id).ToArray())).Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(RecordJson.Serialize));
    }
}
