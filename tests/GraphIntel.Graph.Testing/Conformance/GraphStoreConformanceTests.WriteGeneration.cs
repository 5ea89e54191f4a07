using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// The store's write generation (<see cref="WriteGeneration"/>), what caches in other processes rely on: every kind of
/// write that changes data moves it, in the write's own transaction; reads, writes that change nothing and refused writes
/// don't; a store made again from nothing never repeats an earlier store's pair.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    /// <summary>Runs <paramref name="write"/> and asserts the generation moved, the store's id staying the same.</summary>
    private async Task Moves(string what, Func<Task> write)
    {
        var before = await Store.GetWriteGenerationAsync();
        await write();
        var after = await Store.GetWriteGenerationAsync();
        Assert.True(before != after, $"{what}: the write generation stayed at {before}");
        Assert.Equal(before.StoreId, after.StoreId);
    }

    /// <summary>Runs <paramref name="action"/> and asserts the generation did not move.</summary>
    private async Task Stays(string what, Func<Task> action)
    {
        var before = await Store.GetWriteGenerationAsync();
        await action();
        Assert.True(before == await Store.GetWriteGenerationAsync(), $"{what}: the write generation moved from {before}");
    }

    [StoreFact]
    public async Task Every_kind_of_write_moves_the_write_generation()
    {
        var written = await Store.GetWriteGenerationAsync();
        Assert.NotEqual(string.Empty, written.StoreId); // the fixture was written
        const string duplicate = "org/ja-copy";
        var ja = Entities.Single(e => e.Id == Ja);
        var kib = Relationships.Single(r => r.Id == KibAlliedTaliban);

        await Moves("a source write", () => Store.ApplyAsync(new ChangeSet { Sources = [BetaSource with { Title = "Beta field notes, revised" }] }, Editor("source")));
        await Moves("a source patch", () => Store.ApplyAsync(new ChangeSet { SourcePatches = [new SourcePatch(Beta) { Publisher = "Beta Press" }] }, Editor("publisher")));
        await Moves("an entity update", () => Store.ApplyAsync(new ChangeSet { Entities = [ja with { Description = "renamed in 2021" }] }, Editor("entity")));
        await Moves("a new entity", () => Store.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity(duplicate, EntityKind.Organization, "Jamoat Ansorulloh", [], [CiteBeta("Mahdi Arsalan remained leader of Jamaat Ansarullah until 2015.")]) { OrganizationKind = OrganizationKind.ArmedGroup }],
        }, Editor("create")));
        await Moves("an entity patch", () => Store.ApplyAsync(new ChangeSet { EntityPatches = [new EntityPatch(Ja, EntityKind.Organization) { AddAliases = ["J.A."] }] }, Editor("alias")));
        await Moves("a relationship write", () => Store.ApplyAsync(new ChangeSet
        {
            Relationships = [new Relationship("rel/copy-in-badakhshan", RelationshipType.OperatesIn, duplicate, Badakhshan, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah is active in Badakhshan")])],
        }, Editor("relationship")));
        await Moves("a relationship patch", () => Store.ApplyAsync(new ChangeSet
        {
            RelationshipPatches = [new RelationshipPatch(kib.Id, kib.Type, kib.FromId, kib.ToId, kib.Validity) { Note = "two sources" }],
        }, Editor("note")));
        await Moves("an estimate write", () => Store.ApplyAsync(new ChangeSet
        {
            StrengthEstimates = [StrengthEstimates.Single(x => x.Id == IsisKEstimateUn) with { Note = "UN range" }],
        }, Editor("estimate")));
        await Moves("a retraction", () => Store.ApplyAsync(new ChangeSet { Retractions = [IsisKRivalOfTaliban, IsisKEstimateAlpha] }, Editor("retract")));
        await Moves("a merge (the merged entity is deleted)", () => Store.ApplyAsync(new ChangeSet { Merges = [new EntityMerge(Ja, duplicate)] }, Editor("merge")));
        var retraction = (await Store.GetAuditAsync(new AuditQuery { TargetId = IsisKRivalOfTaliban }))[0];
        await Moves("a revert", () => Store.ApplyAsync(new ChangeSet { RevertAuditSequence = retraction.Sequence }, Editor("undo")));
        var text = AlphaSource.Text.Replace("ISIS-K, also called IS-K or ISIS Khorasan,", "ISIS-K, also called ISKP,");
        await Moves("a source text change with a citation retraction", () => Store.ApplyAsync(new ChangeSet
        {
            SourcePatches = [new SourcePatch(Alpha) { Text = text }],
            EntityPatches = [new EntityPatch(IsisK, EntityKind.Organization) { AddCitations = [CiteAlpha("ISIS-K has nearly 6,000 fighters.")] }],
            CitationRetractions = [IsisK],
        }, Editor("ISKP")));
        await Moves("a seed load of the data set again", () => Store.ApplyAsync(WholeGraph, Editor("seed load")));
    }

    [StoreFact]
    public async Task Reads_and_writes_that_change_nothing_leave_the_write_generation_as_it_is()
    {
        await Stays("reads", async () =>
        {
            await Store.GetEntitiesAsync([Ja, Kib, "org/unknown"]);
            await Store.FindByNameAsync("Jamat Ansarulah");
            await Store.ListEntitiesAsync(new EntityQuery { First = 5 });
            await Store.GetRelationshipsAsync([Ja], RelationshipFilter.Default);
            await Store.GetRelationshipsByIdAsync([KibUnderIsisK]);
            await Store.GetStrengthEstimatesAsync([IsisK], includeRetracted: true);
            await Store.GetStrengthEstimatesByIdAsync([IsisKEstimateUn]);
            await Store.GetLineageAsync(Ttt, LineageDirection.Both, RelationshipFilter.Default, 5);
            await Store.FindPathsAsync(Kib, Ttt, RelationshipFilter.Default, 4, 5);
            await Store.GetNeighborhoodAsync(IsisK, 2, RelationshipFilter.Default);
            await Store.GetSourcesAsync([Alpha]);
            await Store.ListSourcesAsync();
            await Store.ListSourcesAsync(new SourceQuery { First = 1 });
            await Store.GetCitationsBySourceAsync([Alpha, Beta]);
            await Store.GetAuditAsync(new AuditQuery());
            await Store.GetStatisticsAsync();
            await Store.GetCardinalitiesAsync();
            await Store.ExportAsync();
            await Store.CheckHealthAsync();
            await Store.InitializeAsync(); // nothing left to migrate
        });
        await Stays("the same change set again", () => Store.ApplyAsync(WholeGraph, Editor("again")));
        await Store.ApplyAsync(new ChangeSet { Retractions = [KibUnderTaliban] }, Editor("retract"));
        await Stays("a retraction of a retracted fact", () => Store.ApplyAsync(new ChangeSet { Retractions = [KibUnderTaliban] }, Editor("again")));
    }

    [StoreFact]
    public async Task A_refused_write_leaves_the_write_generation_as_it_is()
    {
        await Stays("a refused change set", () => Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet
        {
            Entities = [Entities.Single(e => e.Id == Ja) with { Description = "changed" }],
            Relationships = [new Relationship("rel/dangling", RelationshipType.AlliedWith, Ja, "org/ghost", Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Mahdi Arsalan led")])],
        }, Editor())));
        var created = (await Store.GetAuditAsync(new AuditQuery { TargetId = Uto }))[0];
        await Stays("a refused revert", () => Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(new ChangeSet { RevertAuditSequence = created.Sequence }, Editor())));
    }

    [StoreFact]
    public async Task A_store_made_again_from_nothing_has_a_store_id_of_its_own()
    {
        var first = await Store.GetWriteGenerationAsync();

        var fresh = await NewStoreAsync(); // on Neo4j: the same database, emptied
        await fresh.ApplyAsync(WholeGraph, Context);
        var second = await fresh.GetWriteGenerationAsync();

        Assert.NotEqual(string.Empty, second.StoreId);
        Assert.NotEqual(first.StoreId, second.StoreId);
        Assert.NotEqual(first.ToString(), second.ToString());
    }
}
