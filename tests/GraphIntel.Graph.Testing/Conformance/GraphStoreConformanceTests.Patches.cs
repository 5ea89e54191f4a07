using System.Text.RegularExpressions;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Writes change only what they name: patches merged with the stored record, citations accumulating, source texts
/// guarded, RETRACTED only through retraction, revival with a reason, derived ids never overwritten, refused writes
/// writing and auditing nothing, and revert. Expected values come from the fixture, never from the store.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private async Task<long> LastAuditSequence() => (await Store.GetAuditAsync(new AuditQuery { First = 1 }))[0].Sequence;

    /// <summary>Applies <paramref name="set"/>, expects a refusal, and checks that nothing was written or audited.</summary>
    private async Task<GraphValidationException> RefusedUnchanged(ChangeSet set, WriteContext? context = null)
    {
        var before = await SnapshotJson();
        var lastAudit = await LastAuditSequence();
        var refused = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(set, context ?? Editor()));
        Assert.Equal(before, await SnapshotJson());
        Assert.Equal(lastAudit, await LastAuditSequence());
        return refused;
    }

    [StoreFact]
    public async Task An_entity_patch_changes_only_what_it_names()
    {
        var ja = Entities.Single(e => e.Id == Ja);
        var extra = CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition in 2006.");

        var summary = await Store.ApplyAsync(new ChangeSet
        {
            EntityPatches = [new EntityPatch(Ja, EntityKind.Organization) { AddAliases = ["Jamoat Ansorulloh"], AddCitations = [extra, ja.Citations[0]] }],
        }, Editor("alias"));

        Assert.Equal(new WriteCounts(0, 1, 0), summary[RecordKinds.Entity]);
        var stored = (await Store.GetEntitiesAsync([Ja]))[Ja];
        Assert.Equal(ja.Name, stored.Name);
        Assert.Equal(["JA", "Jamoat Ansorulloh"], stored.Aliases);
        Assert.Equal(ja.Description, stored.Description);
        Assert.Equal(ja.Founded, stored.Founded);
        Assert.Equal(ja.OrganizationKind, stored.OrganizationKind);
        Assert.Equal([ja.Citations[0], extra], stored.Citations); // the same source and quote given again is one citation
        Assert.Equal(Ja, (await Store.FindByNameAsync("Jamoat Ansorulloh"))[0].Entity.Id);

        // Clearing is explicit: null clears a scalar, aliases go only when named.
        await Store.ApplyAsync(new ChangeSet
        {
            EntityPatches = [new EntityPatch(Ja, EntityKind.Organization) { Description = null, RemoveAliases = ["JA"] }],
        }, Editor("clear"));
        stored = (await Store.GetEntitiesAsync([Ja]))[Ja];
        Assert.Null(stored.Description);
        Assert.Equal(["Jamoat Ansorulloh"], stored.Aliases);
        Assert.Equal(ja.Founded, stored.Founded);
        Assert.Equal(2, stored.Citations.Count);
    }

    [StoreFact]
    public async Task Removing_an_alias_the_entity_does_not_hold_is_refused()
    {
        var refused = await RefusedUnchanged(new ChangeSet
        {
            EntityPatches = [new EntityPatch(Ja, EntityKind.Organization) { RemoveAliases = ["Jamoat"], Description = "changed" }],
        });
        Assert.Contains(refused.Problems, p => p.RecordId == Ja && p.Message.Contains("'Jamoat'") && p.Message.Contains("'JA'"));
    }

    [StoreFact]
    public async Task A_relationship_patch_keeps_its_citations_note_and_status_and_adds_the_new_citation()
    {
        var stored = Relationships.Single(r => r.Id == KibUnderIsisK);
        var added = CiteBeta("Katibat Imam al-Bukhari fights under the Taliban banner, not under ISIS-K.");

        await Store.ApplyAsync(new ChangeSet
        {
            RelationshipPatches = [new RelationshipPatch(KibUnderIsisK, stored.Type, stored.FromId, stored.ToId, stored.Validity) { AddCitations = [added] }],
        }, Editor("second source"));

        var after = (await Store.GetRelationshipsByIdAsync([KibUnderIsisK]))[KibUnderIsisK];
        Assert.Equal([.. stored.Citations, added], after.Citations);
        Assert.Equal(ClaimStatus.Disputed, after.Status);
        Assert.Equal(stored.Note, after.Note);

        var leads = Relationships.Single(r => r.Id == ArsalanLeadsJa);
        await Store.ApplyAsync(new ChangeSet
        {
            RelationshipPatches = [new RelationshipPatch(ArsalanLeadsJa, leads.Type, leads.FromId, leads.ToId, leads.Validity) { Note = "emir until killed" }],
        }, Editor("note"));
        var term = (await Store.GetRelationshipsByIdAsync([ArsalanLeadsJa]))[ArsalanLeadsJa];
        Assert.Equal(("emir", "killed", "emir until killed"), (term.Role, term.EndReason, term.Note));
        Assert.Equal(leads.Citations, term.Citations);
    }

    [StoreFact]
    public async Task A_patch_cannot_set_RETRACTED()
    {
        var r = Relationships.Single(x => x.Id == KibAlliedTaliban);
        var refused = await RefusedUnchanged(new ChangeSet
        {
            RelationshipPatches = [new RelationshipPatch(r.Id, r.Type, r.FromId, r.ToId, r.Validity) { Status = ClaimStatus.Retracted }],
        });
        Assert.Contains(refused.Problems, p => p.RecordId == r.Id && p.Message.Contains("RETRACTED"));
    }

    [StoreFact]
    public async Task Asserting_a_retracted_fact_again_needs_a_reason_and_is_audited_as_a_revival()
    {
        var r = Relationships.Single(x => x.Id == KibUnderTaliban);
        await Store.ApplyAsync(new ChangeSet { Retractions = [r.Id] }, Editor("misread"));
        var patch = new RelationshipPatch(r.Id, r.Type, r.FromId, r.ToId, r.Validity) { AddCitations = r.Citations };

        var refused = await RefusedUnchanged(new ChangeSet { RelationshipPatches = [patch] }, Editor(reason: null!));
        Assert.Contains(refused.Problems, p => p.RecordId == r.Id && p.Message.Contains("revives"));

        await Store.ApplyAsync(new ChangeSet { RelationshipPatches = [patch with { Status = ClaimStatus.Disputed }] }, Editor("re-read the source"));
        Assert.Equal(ClaimStatus.Disputed, (await Store.GetRelationshipsByIdAsync([r.Id]))[r.Id].Status);
        var entry = (await Store.GetAuditAsync(new AuditQuery { TargetId = r.Id }))[0];
        Assert.Equal((AuditActions.Revive, "re-read the source"), (entry.Action, entry.Reason));
    }

    [StoreFact]
    public async Task A_second_estimator_deriving_the_same_id_is_refused_never_written_over()
    {
        var asOf = PartialDate.Parse("2022-02");
        var cite = CiteBeta("UN monitors estimate ISIS-K at 4,000 to 6,000 fighters.");
        var id = FactIdentity.Estimate(IsisK, asOf, "U.N. Security Council");
        await Store.ApplyAsync(new ChangeSet
        {
            StrengthEstimatePatches = [new StrengthEstimatePatch(id, IsisK, asOf, "U.N. Security Council") { Min = 4000, Max = 6000, AddCitations = [cite] }],
        }, Editor());

        var otherId = FactIdentity.Estimate(IsisK, asOf, "u n security-council");
        Assert.Equal(id, otherId); // the premise: the two names slug alike
        var refused = await RefusedUnchanged(new ChangeSet
        {
            StrengthEstimatePatches = [new StrengthEstimatePatch(otherId, IsisK, asOf, "u n security-council") { Min = 1, Max = 2, AddCitations = [cite] }],
        });
        Assert.Contains(refused.Problems, p => p.RecordId == id && p.Message.Contains("'U.N. Security Council'"));
        var kept = (await Store.GetStrengthEstimatesByIdAsync([id]))[id];
        Assert.Equal(("U.N. Security Council", 4000, 6000), (kept.EstimatedBy, kept.Min, kept.Max));
    }

    /// <summary>The fixture's citations of <paramref name="sourceId"/> whose quotes <paramref name="text"/> lacks (white space runs alike).</summary>
    private static string[] StrandedBy(string sourceId, string text)
    {
        static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();
        var cited = Entities.Select(e => (e.Id, e.Citations)).Concat(Relationships.Select(r => (r.Id, r.Citations)))
            .Concat(StrengthEstimates.Select(s => (s.Id, s.Citations)));
        return cited.SelectMany(x => x.Citations.Where(c => c.SourceId == sourceId && !Squash(text).Contains(Squash(c.Quote), StringComparison.Ordinal)).Select(_ => x.Id))
            .Order(StringComparer.Ordinal).ToArray();
    }

    [StoreFact]
    public async Task A_source_text_that_loses_cited_passages_is_refused_listing_every_stranded_citation()
    {
        var text = AlphaSource.Text.Replace("Jamaat Ansarullah is active in Badakhshan, and ISIS-K operates in Badakhshan too.", "")
            .Replace("Badakhshan is a province in the north-east of Afghanistan.", "Badakhshan is in Afghanistan.");
        var expected = StrandedBy(Alpha, text);
        Assert.Equal(Sorted(Badakhshan, IsisKInBadakhshan, JaInBadakhshan), expected); // the premise, from the fixture

        var refused = await RefusedUnchanged(new ChangeSet { SourcePatches = [new SourcePatch(Alpha) { Text = text }] });
        Assert.Equal(expected, refused.Problems.Select(p => p.RecordId).Order(StringComparer.Ordinal).ToArray());

        // Retracting the facts is not enough while the place still cites the lost passage.
        await RefusedUnchanged(new ChangeSet { SourcePatches = [new SourcePatch(Alpha) { Text = text }], Retractions = [IsisKInBadakhshan, JaInBadakhshan] });

        var place = Entities.Single(e => e.Id == Badakhshan);
        await Store.ApplyAsync(new ChangeSet
        {
            SourcePatches = [new SourcePatch(Alpha) { Text = text }],
            Retractions = [IsisKInBadakhshan, JaInBadakhshan],
            EntityPatches = [new EntityPatch(Badakhshan, EntityKind.Place)
            {
                RemoveCitations = place.Citations, AddCitations = [CiteAlpha("Badakhshan is in Afghanistan.")],
            }],
        }, Editor("corrected transcription"));
        var source = (await Store.GetSourcesAsync([Alpha]))[Alpha];
        Assert.Equal(text, source.Text);
        Assert.Equal(AlphaSource.Title, source.Title); // a patch keeps what it does not name
        Assert.Equal(AlphaSource.Url, source.Url);
        var retracted = await Store.GetRelationshipsByIdAsync([IsisKInBadakhshan, JaInBadakhshan]);
        Assert.All(retracted.Values, r => Assert.Equal(ClaimStatus.Retracted, r.Status));
    }

    [StoreFact]
    public async Task Citation_retractions_drop_only_the_citations_a_new_source_text_loses()
    {
        var text = AlphaSource.Text.Replace("ISIS-K, also called IS-K or ISIS Khorasan,", "ISIS-K, also called ISKP,");
        Assert.Equal([IsisK], StrandedBy(Alpha, text)); // the premise

        await RefusedUnchanged(new ChangeSet { SourcePatches = [new SourcePatch(Alpha) { Text = text }], CitationRetractions = [Ja] });
        // Its only citation lost, the entity would have none left: refused too.
        var refused = await RefusedUnchanged(new ChangeSet { SourcePatches = [new SourcePatch(Alpha) { Text = text }], CitationRetractions = [IsisK] });
        Assert.Contains(refused.Problems, p => p.RecordId == IsisK && p.Message.Contains("no citation"));

        var kept = CiteAlpha("ISIS-K has nearly 6,000 fighters.");
        await Store.ApplyAsync(new ChangeSet
        {
            SourcePatches = [new SourcePatch(Alpha) { Text = text }],
            EntityPatches = [new EntityPatch(IsisK, EntityKind.Organization) { AddCitations = [kept] }],
            CitationRetractions = [IsisK],
        }, Editor("ISKP"));
        var isisK = (await Store.GetEntitiesAsync([IsisK]))[IsisK];
        Assert.Equal([kept], isisK.Citations);
        Assert.Equal(Entities.Single(e => e.Id == IsisK).Aliases, isisK.Aliases);
    }

    [StoreFact]
    public async Task Whole_records_replace_what_patches_added_so_a_seed_load_converges_to_the_data_set()
    {
        var r = Relationships.Single(x => x.Id == KibUnderIsisK);
        await Store.ApplyAsync(new ChangeSet
        {
            EntityPatches = [new EntityPatch(Kib, EntityKind.Organization) { AddAliases = ["KIB"], Description = "Uzbek group" }],
            RelationshipPatches = [new RelationshipPatch(r.Id, r.Type, r.FromId, r.ToId, r.Validity)
                { AddCitations = [CiteBeta("Katibat Imam al-Bukhari fights alongside the Taliban.")], Note = "two sources" }],
        }, Editor("patch"));
        Assert.NotEqual(RecordJson.Serialize(Entities.Single(e => e.Id == Kib)), RecordJson.Serialize((await Store.GetEntitiesAsync([Kib]))[Kib]));

        await Store.ApplyAsync(WholeGraph, Editor("seed load"));

        var fresh = await NewStoreAsync();
        await fresh.ApplyAsync(WholeGraph, Context);
        var expected = await fresh.ExportAsync();
        var actual = await Store.ExportAsync();
        Assert.Equal(RecordJson.Serialize(expected.Entities), RecordJson.Serialize(actual.Entities));
        Assert.Equal(RecordJson.Serialize(expected.Relationships), RecordJson.Serialize(actual.Relationships));
    }

    [StoreFact]
    public async Task A_refused_patch_among_good_ones_writes_and_audits_nothing()
    {
        var r = Relationships.Single(x => x.Id == KibAlliedTaliban);
        await RefusedUnchanged(new ChangeSet
        {
            EntityPatches = [new EntityPatch(Ja, EntityKind.Organization) { Description = "changed" }],
            RelationshipPatches = [new RelationshipPatch(r.Id, r.Type, r.FromId, r.ToId, r.Validity) { AddCitations = [CiteBeta("not in the text")] }],
            Retractions = [IsisKEstimateAlpha],
        });
    }

    [StoreFact]
    public async Task Revert_restores_the_before_state_is_audited_and_refuses_a_record_changed_since()
    {
        var ja = Entities.Single(e => e.Id == Ja);
        await Store.ApplyAsync(new ChangeSet
        {
            EntityPatches = [new EntityPatch(Ja, EntityKind.Organization) { Description = "vandalized", AddAliases = ["J.A."] }],
        }, Editor("oops"));
        var update = (await Store.GetAuditAsync(new AuditQuery { TargetId = Ja }))[0];
        Assert.Equal(AuditActions.Update, update.Action);

        await Store.ApplyAsync(new ChangeSet { RevertAuditSequence = update.Sequence }, Editor("undo vandalism"));

        Assert.Equal(RecordJson.Serialize(ja), RecordJson.Serialize((await Store.GetEntitiesAsync([Ja]))[Ja]));
        var revert = (await Store.GetAuditAsync(new AuditQuery { TargetId = Ja }))[0];
        Assert.Equal((AuditActions.Revert, "undo vandalism", update.After, update.Before), (revert.Action, revert.Reason, revert.Before, revert.After));

        // The record is no longer what that write left: reverting it again is refused, and so is the fixture's creation.
        var again = await RefusedUnchanged(new ChangeSet { RevertAuditSequence = update.Sequence }, Editor("again"));
        Assert.Contains(again.Problems, p => p.RecordId == Ja && p.Message.Contains("changed since"));
        var created = (await Store.GetAuditAsync(new AuditQuery { TargetId = Uto }))[0];
        await RefusedUnchanged(new ChangeSet { RevertAuditSequence = created.Sequence }, Editor("no delete"));
    }

    [StoreFact]
    public async Task Reverting_a_retraction_restores_the_fact_and_reverting_a_fact_creation_retracts_it()
    {
        await Store.ApplyAsync(new ChangeSet { Retractions = [KibUnderIsisK] }, Editor("misread"));
        var retraction = (await Store.GetAuditAsync(new AuditQuery { TargetId = KibUnderIsisK }))[0];
        await Store.ApplyAsync(new ChangeSet { RevertAuditSequence = retraction.Sequence }, Editor("it was right"));
        Assert.Equal(RecordJson.Serialize(Relationships.Single(r => r.Id == KibUnderIsisK)),
            RecordJson.Serialize((await Store.GetRelationshipsByIdAsync([KibUnderIsisK]))[KibUnderIsisK]));

        var creation = (await Store.GetAuditAsync(new AuditQuery { TargetId = TalibanHostsTtt }))[0];
        Assert.Equal(AuditActions.Create, creation.Action);
        await Store.ApplyAsync(new ChangeSet { RevertAuditSequence = creation.Sequence }, Editor("unsupported"));
        Assert.Equal(ClaimStatus.Retracted, (await Store.GetRelationshipsByIdAsync([TalibanHostsTtt]))[TalibanHostsTtt].Status);
        Assert.Equal(AuditActions.Revert, (await Store.GetAuditAsync(new AuditQuery { TargetId = TalibanHostsTtt }))[0].Action);
    }

    [StoreFact]
    public async Task Reverting_an_unknown_audit_entry_is_refused()
    {
        var refused = await RefusedUnchanged(new ChangeSet { RevertAuditSequence = 987654 });
        Assert.Contains("no audit entry", refused.Problems[0].Message);
    }
}
