using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    [StoreFact]
    public async Task The_fixture_write_is_counted_and_audited_per_record()
    {
        var audit = await Store.GetAuditAsync(new AuditQuery { First = 1000 });
        var records = 2 + Entities.Count + Relationships.Count + StrengthEstimates.Count;

        Assert.Equal(records, audit.Count);
        Assert.All(audit, a => Assert.Equal(AuditActions.Create, a.Action));
        Assert.All(audit, a => Assert.Equal("conformance", a.Actor));
        Assert.All(audit, a => Assert.Equal(Context.At, a.At));
        Assert.All(audit, a => Assert.Equal("fixture", a.Reason));
        Assert.All(audit, a => Assert.Null(a.Before));
        var ja = Assert.Single(audit, a => a.TargetId == Ja);
        Assert.Equal(RecordJson.Serialize(Entities.Single(e => e.Id == Ja)), ja.After);
        Assert.True(audit.Zip(audit.Skip(1)).All(p => p.First.Sequence > p.Second.Sequence), "audit entries come newest first");
    }

    [StoreFact]
    public async Task Reapplying_the_same_change_set_changes_nothing_and_audits_nothing()
    {
        var auditBefore = await Store.GetAuditAsync(new AuditQuery { First = 1000 });

        var summary = await Store.ApplyAsync(WholeGraph, Editor("again"));

        Assert.False(summary.ChangedAnything);
        Assert.Equal(new WriteCounts(0, 0, Entities.Count), summary[RecordKinds.Entity]);
        Assert.Equal(new WriteCounts(0, 0, Relationships.Count), summary[RecordKinds.Relationship]);
        Assert.Equal(new WriteCounts(0, 0, StrengthEstimates.Count), summary[RecordKinds.StrengthEstimate]);
        Assert.Equal(new WriteCounts(0, 0, 2), summary[RecordKinds.Source]);
        Assert.Equal(auditBefore.Count, (await Store.GetAuditAsync(new AuditQuery { First = 1000 })).Count);
    }

    [StoreFact]
    public async Task An_update_is_counted_and_audited_with_before_and_after()
    {
        var ja = Entities.Single(e => e.Id == Ja);
        var changed = ja with { Aliases = ["JA", "Jamoat Ansorulloh"], Description = "Tajik jihadist group, later TTT" };
        var fresh = new Entity("place/kunar", EntityKind.Place, "Kunar", [], [CiteAlpha("Badakhshan is a province")]);

        var summary = await Store.ApplyAsync(new ChangeSet { Entities = [changed, fresh, Entities.Single(e => e.Id == Ttt)] }, Editor("aliases"));

        Assert.Equal(new WriteCounts(1, 1, 1), summary[RecordKinds.Entity]);
        Assert.Equal(["JA", "Jamoat Ansorulloh"], (await Store.GetEntitiesAsync([Ja]))[Ja].Aliases);
        Assert.Equal(Ja, (await Store.FindByNameAsync("Jamoat Ansorulloh"))[0].Entity.Id);
        var entry = (await Store.GetAuditAsync(new AuditQuery { TargetId = Ja }))[0];
        Assert.Equal(AuditActions.Update, entry.Action);
        Assert.Equal("editor", entry.Actor);
        Assert.Equal("aliases", entry.Reason);
        Assert.Equal(RecordJson.Serialize(ja), entry.Before);
        Assert.Equal(RecordJson.Serialize(changed), entry.After);
    }

    [StoreFact]
    public async Task A_refused_change_set_reports_every_problem_and_writes_nothing()
    {
        var before = await SnapshotJson();
        var auditCount = (await Store.GetAuditAsync(new AuditQuery { First = 1000 })).Count;
        var bad = new ChangeSet
        {
            Entities =
            [
                new Entity("org/new", EntityKind.Organization, "New Group", [], [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup },
                new Entity("org/unquoted", EntityKind.Organization, "Unquoted", [], [CiteAlpha("words that are not in the source")]) { OrganizationKind = OrganizationKind.ArmedGroup },
            ],
            Relationships =
            [
                new Relationship("rel/backwards", RelationshipType.Leads, Ja, Arsalan, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Mahdi Arsalan led")]),
                new Relationship("rel/dangling", RelationshipType.AlliedWith, "org/new", "org/ghost", Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Mahdi Arsalan led")]),
            ],
        };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(bad, Editor()));

        Assert.Contains(error.Problems, p => p.RecordId == "org/unquoted" && p.Message.Contains("does not occur"));
        Assert.Contains(error.Problems, p => p.RecordId == "rel/backwards" && p.Message.Contains("LEADS"));
        Assert.Contains(error.Problems, p => p.RecordId == "rel/dangling" && p.Message.Contains("org/ghost"));
        Assert.False(error.IsTransient);
        Assert.Equal(before, await SnapshotJson());
        Assert.Equal(auditCount, (await Store.GetAuditAsync(new AuditQuery { First = 1000 })).Count);
        Assert.Empty(await Store.GetEntitiesAsync(["org/new"]));
    }

    [StoreFact]
    public async Task Retraction_keeps_the_fact_marked_retracted_and_is_audited_once()
    {
        var first = await Store.ApplyAsync(new ChangeSet { Retractions = [KibUnderIsisK, IsisKEstimateAlpha] }, Editor("misread source"));
        var again = await Store.ApplyAsync(new ChangeSet { Retractions = [KibUnderIsisK] }, Editor("misread source"));

        Assert.Equal(new WriteCounts(0, 2, 0), first[RecordKinds.Retraction]);
        Assert.Equal(new WriteCounts(0, 0, 1), again[RecordKinds.Retraction]);
        Assert.Equal(ClaimStatus.Retracted, (await Store.GetRelationshipsByIdAsync([KibUnderIsisK]))[KibUnderIsisK].Status);
        var audit = await Store.GetAuditAsync(new AuditQuery { TargetId = KibUnderIsisK });
        Assert.Equal([AuditActions.Retract, AuditActions.Create], audit.Select(a => a.Action));
        Assert.Contains("\"DISPUTED\"", audit[0].Before);
        Assert.Contains("\"RETRACTED\"", audit[0].After);

        var missing = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet { Retractions = ["rel/nope"] }, Editor()));
        Assert.Equal("rel/nope", Assert.Single(missing.Problems).RecordId);
    }

    [StoreFact]
    public async Task Merge_moves_names_facts_and_citations_and_the_old_id_keeps_resolving()
    {
        const string duplicate = "org/jamoat-ansorulloh";
        await Store.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity(duplicate, EntityKind.Organization, "Jamoat Ansorulloh", ["Ansarullah Jamaat"], [CiteBeta("Mahdi Arsalan remained leader of Jamaat Ansarullah until 2015.")]) { OrganizationKind = OrganizationKind.ArmedGroup }],
            Relationships = [new Relationship("rel/dup-in-badakhshan", RelationshipType.BasedIn, duplicate, Badakhshan, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah is active in Badakhshan")])],
            StrengthEstimates = [new StrengthEstimate("est/dup", duplicate, 100, 200, null, null, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")])],
        }, Editor("add duplicate", 11));

        var summary = await Store.ApplyAsync(new ChangeSet { Merges = [new EntityMerge(Ja, duplicate)] }, Editor("same group", 12));

        Assert.Equal(new WriteCounts(1, 0, 0), summary[RecordKinds.Merge]);
        var resolved = await Store.GetEntitiesAsync([duplicate, Ja]);
        Assert.Equal(Ja, resolved[duplicate].Id);
        Assert.Equal(Ja, resolved[Ja].Id);
        Assert.Contains("Jamoat Ansorulloh", resolved[Ja].Aliases);
        Assert.Contains("Ansarullah Jamaat", resolved[Ja].Aliases);
        Assert.Contains(resolved[Ja].Citations, c => c.SourceId == Beta);
        Assert.Equal(Ja, (await Store.FindByNameAsync("Jamoat Ansorulloh"))[0].Entity.Id);

        var moved = (await Store.GetRelationshipsByIdAsync(["rel/dup-in-badakhshan"]))["rel/dup-in-badakhshan"];
        Assert.Equal(Ja, moved.FromId);
        Assert.Contains(await RelationshipsOf(duplicate, RelationshipFilter.Default), r => r.Id == "rel/dup-in-badakhshan");
        Assert.Equal(Ja, (await Store.GetStrengthEstimatesByIdAsync(["est/dup"]))["est/dup"].OrganizationId);
        Assert.Contains((await Store.GetStrengthEstimatesAsync([duplicate]))[duplicate], s => s.Id == "est/dup");
        var neighbours = await Store.GetNeighborhoodAsync(duplicate, 1, RelationshipFilter.Default);
        Assert.Contains(Ja, Ids(neighbours.Nodes));
        Assert.DoesNotContain(duplicate, Ids(neighbours.Nodes));
        Assert.Contains(neighbours.Relationships, r => r.Id == "rel/dup-in-badakhshan");
        Assert.Contains((await Store.ExportAsync()).Merges, m => m == new EntityMerge(Ja, duplicate));

        var audit = await Store.GetAuditAsync(new AuditQuery { TargetId = duplicate });
        Assert.Equal(AuditActions.Merge, audit[0].Action);
        Assert.Equal("same group", audit[0].Reason);

        var again = await Store.ApplyAsync(new ChangeSet { Merges = [new EntityMerge(Ja, duplicate)] }, Editor("same group", 13));
        Assert.Equal(new WriteCounts(0, 0, 1), again[RecordKinds.Merge]);
        Assert.Equal(audit.Count, (await Store.GetAuditAsync(new AuditQuery { TargetId = duplicate })).Count);
    }

    [StoreFact]
    public async Task Writes_may_name_a_merged_id_and_land_on_the_survivor()
    {
        const string duplicate = "org/ja-duplicate";
        await Store.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity(duplicate, EntityKind.Organization, "Jamaat Ansarullah (duplicate)", [], [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup }],
            Merges = [new EntityMerge(Ja, duplicate)],
        }, Editor());

        await Store.ApplyAsync(new ChangeSet
        {
            Relationships = [new Relationship("rel/via-old-id", RelationshipType.OperatesIn, duplicate, Badakhshan, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah is active in Badakhshan")])],
        }, Editor());

        Assert.Equal(Ja, (await Store.GetRelationshipsByIdAsync(["rel/via-old-id"]))["rel/via-old-id"].FromId);
        var refused = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity(duplicate, EntityKind.Organization, "Again", [], [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup }],
        }, Editor()));
        Assert.Contains(refused.Problems, p => p.RecordId == duplicate && p.Message.Contains(Ja));
    }

    [StoreFact]
    public async Task Audit_filters_by_target_and_actor_and_pages_backwards()
    {
        await Store.ApplyAsync(new ChangeSet { Retractions = [JaInBadakhshan] }, Editor());

        var byActor = await Store.GetAuditAsync(new AuditQuery { Actor = "editor" });
        Assert.Equal([JaInBadakhshan], byActor.Select(a => a.TargetId));

        var all = await Store.GetAuditAsync(new AuditQuery { First = 1000 });
        var firstPage = await Store.GetAuditAsync(new AuditQuery { First = 5 });
        var secondPage = await Store.GetAuditAsync(new AuditQuery { First = 5, Before = firstPage[^1].Sequence });
        Assert.Equal(all.Take(10).Select(a => a.Sequence), firstPage.Concat(secondPage).Select(a => a.Sequence));
        Assert.Equal(all[0], firstPage[0]);
    }

    [StoreFact]
    public async Task Export_round_trips_into_a_fresh_store()
    {
        await Store.ApplyAsync(new ChangeSet { Retractions = [KibAlliedTaliban] }, Editor());
        // Time as #12 stores it: bounds, attestations and a lifecycle end travel with the export.
        // (the lifecycle end derived from the killing, written with the term, an event with a participation).
        var tabarov = Relationships.Single(r => r.Id == TabarovLeadsJa) with
        {
            Validity = Validity.Parse("[2014-09..2015]/[..2016-12]"),
            Attestations = [new Attestation(PartialDate.Parse("2015-06"), Alpha)],
        };
        await Store.ApplyAsync(new ChangeSet { Entities = [KillingOn("2016-07")], Relationships = [tabarov, VictimOfKilling] }, Editor("time"));
        var exported = await Store.ExportAsync();
        var ended = tabarov with { EndedBy = new LifecycleEnd(PartialDate.Parse("2016-07"), Killing, "killed") };
        Assert.Equal(RecordJson.Serialize(ended), RecordJson.Serialize(exported.Relationships.Single(r => r.Id == TabarovLeadsJa)));
        Assert.Equal(2, exported.Sources.Count);
        Assert.Equal(Entities.Count + 1, exported.Entities.Count);
        Assert.Equal(Relationships.Count + 1, exported.Relationships.Count);
        Assert.Equal(StrengthEstimates.Count, exported.StrengthEstimates.Count);
        var json = RecordJson.Serialize(exported);

        var copy = await NewStoreAsync();
        await copy.ApplyAsync(new ChangeSet
        {
            Sources = exported.Sources,
            Entities = exported.Entities,
            Relationships = exported.Relationships,
            StrengthEstimates = exported.StrengthEstimates,
        }, Context);

        Assert.Equal(json, await SnapshotJson(copy));
        Assert.Equal(json, RecordJson.Serialize(RecordJson.Deserialize<GraphSnapshot>(json)));
    }
}
