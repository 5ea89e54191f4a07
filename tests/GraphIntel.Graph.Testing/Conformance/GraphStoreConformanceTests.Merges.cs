using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Merges never create what a direct write would refuse: the relationships a merge moves are checked as moved, and the
/// merge is refused (every problem listed, nothing written or audited) or written with an audit entry per moved record.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    [StoreFact]
    public async Task A_merge_that_would_make_self_loops_is_refused_naming_each_relationship_and_its_merge_and_writes_nothing()
    {
        // JA split from the UTO and rebranded as TTT; KIB is allied with and under the Taliban's umbrella.
        EntityMerge[] merges = [new(Ja, Uto), new(Ja, Ttt), new(Taliban, Kib)];
        var survivorOf = merges.ToDictionary(m => m.MergedId, m => m.SurvivorId);
        string Moved(string id) => survivorOf.GetValueOrDefault(id, id);
        // Brute force over the fixture: every relationship whose two ends the merges make one entity.
        var loops = Relationships.Where(r => Moved(r.FromId) == Moved(r.ToId)).ToList();
        Assert.Equal(4, loops.Count);
        var before = await SnapshotJson();
        var auditBefore = RecordJson.Serialize(await Store.GetAuditAsync(new AuditQuery { First = 1000 }));

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet { Merges = merges }, Editor("duplicates")));

        foreach (var loop in loops)
        {
            var problem = Assert.Single(error.Problems, p => p.RecordId == loop.Id);
            foreach (var end in new[] { loop.FromId, loop.ToId }.Where(survivorOf.ContainsKey))
                Assert.Contains($"{end} into {survivorOf[end]}", problem.Message);
            Assert.Contains($"the relationship connects {Moved(loop.FromId)} to itself", problem.Message);
        }
        Assert.Equal(loops.Count, error.Problems.Count);
        Assert.False(error.IsTransient);
        Assert.Equal(before, await SnapshotJson());
        Assert.Equal(auditBefore, RecordJson.Serialize(await Store.GetAuditAsync(new AuditQuery { First = 1000 })));

        // What the merge would have moved JA -SPLIT_FROM-> UTO to, a direct write refuses the same way.
        var direct = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet
        {
            Relationships = [loops.Single(r => r.Id == JaSplitFromUto) with { ToId = Ja }],
        }, Editor()));
        Assert.Contains(direct.Problems, p => p.RecordId == JaSplitFromUto && p.Message == $"the relationship connects {Ja} to itself");
    }

    [StoreFact]
    public async Task A_merge_audits_each_relationship_and_estimate_it_moves_with_before_and_after()
    {
        const string duplicate = "org/ja-moved";
        var outgoing = new Relationship("rel/moved-out", RelationshipType.OperatesIn, duplicate, Badakhshan, Validity.Unknown, ClaimStatus.Asserted,
            [CiteAlpha("Jamaat Ansarullah is active in Badakhshan")]);
        var incoming = new Relationship("rel/moved-in", RelationshipType.Hosts, Taliban, duplicate, Validity.Unknown, ClaimStatus.Asserted,
            [CiteBeta("The Taliban have hosted Tehrik-e Taliban Tajikistan fighters since September 2021.")]);
        var retracted = new Relationship("rel/moved-retracted", RelationshipType.AlliedWith, duplicate, Kib, Validity.Unknown, ClaimStatus.Asserted,
            [CiteBeta("Katibat Imam al-Bukhari fights alongside the Taliban.")]);
        var estimate = new StrengthEstimate("est/moved", duplicate, 100, 200, null, null, ClaimStatus.Asserted,
            [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]);
        await Store.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity(duplicate, EntityKind.Organization, "Jamoat Ansorulloh", [], [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup }],
            Relationships = [outgoing, incoming, retracted],
            StrengthEstimates = [estimate],
        }, Editor("add duplicate", 11));
        await Store.ApplyAsync(new ChangeSet { Retractions = [retracted.Id] }, Editor("misread", 12));
        retracted = retracted with { Status = ClaimStatus.Retracted };
        var newest = (await Store.GetAuditAsync(new AuditQuery { First = 1 }))[0].Sequence;

        await Store.ApplyAsync(new ChangeSet { Merges = [new EntityMerge(Ja, duplicate)] }, Editor("same group", 13));

        // One entry per changed record, oldest first: the merged entity, the survivor, then what moved.
        var written = (await Store.GetAuditAsync(new AuditQuery { First = 1000 })).Where(e => e.Sequence > newest).Reverse().ToList();
        Assert.Equal([duplicate, Ja, incoming.Id, outgoing.Id, retracted.Id, estimate.Id], written.Select(e => e.TargetId));
        Assert.Equal([AuditActions.Merge, AuditActions.Update, AuditActions.Merge, AuditActions.Merge, AuditActions.Merge, AuditActions.Merge],
            written.Select(e => e.Action));
        Assert.All(written, e => Assert.Equal("same group", e.Reason));
        Assert.All(written, e => Assert.Equal("editor", e.Actor));
        (string Before, string After) Expected<T>(T before, T after) => (RecordJson.Serialize(before), RecordJson.Serialize(after));
        var moves = new Dictionary<string, (string Before, string After)>
        {
            [outgoing.Id] = Expected(outgoing, outgoing with { FromId = Ja }),
            [incoming.Id] = Expected(incoming, incoming with { ToId = Ja }),
            [retracted.Id] = Expected(retracted, retracted with { FromId = Ja }),
            [estimate.Id] = Expected(estimate, estimate with { OrganizationId = Ja }),
        };
        foreach (var entry in written.Skip(2)) Assert.Equal(moves[entry.TargetId], (entry.Before!, entry.After!));
        Assert.Equal(moves[incoming.Id].After, RecordJson.Serialize((await Store.GetRelationshipsByIdAsync([incoming.Id]))[incoming.Id]));

        // A move is part of the merge: like the merge, it cannot be reverted.
        var moveEntry = written.Single(e => e.TargetId == outgoing.Id).Sequence;
        var refused = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet { RevertAuditSequence = moveEntry }, Editor("undo", 14)));
        Assert.Contains(refused.Problems, p => p.Message.Contains("merge"));
    }
}
