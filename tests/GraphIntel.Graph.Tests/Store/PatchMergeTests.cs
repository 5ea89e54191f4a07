using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;

namespace GraphIntel.Graph.Tests.Store;

/// <summary>
/// A relationship patch changes only what it names (issue #12): the stored attestations, lifecycle end and participation
/// survive a patch that does not name them; attestations are added and removed only when named. (Through HTTP:
/// Api.Tests TimeTests; participation and lifecycle ends cannot be written through the API, so they are checked here.)
/// </summary>
public sealed class PatchMergeTests
{
    private static readonly Citation Quote = new("source/a", "a quote");
    private static readonly Validity When = Validity.Parse("2019/[..2021-08]");

    private static Relationship Stored() =>
        new("rel/x", RelationshipType.ParticipatedIn, "org/a", "event/b", When, ClaimStatus.Disputed, [Quote])
        {
            Note = "kept",
            Participation = new Participation(ParticipantRole.Perpetrator, Attribution.Claimed),
            Attestations = [new Attestation(PartialDate.Parse("2020"), "source/a")],
            EndedBy = new LifecycleEnd(PartialDate.Parse("2021-08"), "event/c", "dissolved"),
        };

    private static RelationshipPatch Patch() => new("rel/x", RelationshipType.ParticipatedIn, "org/a", "event/b", When);

    [Fact]
    public void A_patch_naming_one_citation_keeps_participation_lifecycle_end_attestations_note_and_status()
    {
        var problems = new List<ValidationProblem>();
        var merged = PatchMerge.Apply(Stored(), Patch() with { AddCitations = [new Citation("source/a", "another quote")] }, null, problems);
        Assert.Empty(problems);
        var stored = Stored();
        Assert.Equal(stored.Participation, merged.Participation);
        Assert.Equal(stored.EndedBy, merged.EndedBy);
        Assert.Equal(stored.Attestations, merged.Attestations);
        Assert.Equal((stored.Note, stored.Status, stored.Validity), (merged.Note, merged.Status, merged.Validity));
        Assert.Equal(2, merged.Citations.Count);
    }

    [Fact]
    public void Attestations_are_added_once_and_removed_only_when_held()
    {
        var problems = new List<ValidationProblem>();
        var added = PatchMerge.Apply(Stored(), Patch() with
        {
            AddAttestations = [new Attestation(PartialDate.Parse("2020"), "source/a"), new Attestation(PartialDate.Parse("2021-03"), "source/a")],
        }, null, problems);
        Assert.Empty(problems);
        Assert.Equal(["2020", "2021-03"], added.Attestations.Select(a => a.Date.ToString()));

        var removed = PatchMerge.Apply(added, Patch() with { RemoveAttestations = [new Attestation(PartialDate.Parse("2020"), "source/a")] }, null, problems);
        Assert.Empty(problems);
        Assert.Equal(["2021-03"], removed.Attestations.Select(a => a.Date.ToString()));

        PatchMerge.Apply(removed, Patch() with { RemoveAttestations = [new Attestation(PartialDate.Parse("2020"), "source/a")] }, null, problems);
        var problem = Assert.Single(problems);
        Assert.Contains("no such attestation", problem.Message);
    }
}
