using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>The valid mini data set reads without problems into the change set a load applies.</summary>
public sealed class DatasetReaderTests : IDisposable
{
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    [Fact]
    public void A_valid_data_set_has_no_problems()
    {
        Assert.Empty(_dataset.Problems());
    }

    [Fact]
    public void Sources_carry_their_metadata_and_document_text()
    {
        var source = Assert.Single(_dataset.Read().ChangeSet.Sources);
        Assert.Equal("source/doc", source.Id);
        Assert.Equal("A document", source.Title);
        Assert.Equal(new PartialDate(2024, 3), source.Published);
        Assert.Null(source.Publisher);
        Assert.Contains("Hafiz Saeed Khan was killed", source.Text);
    }

    [Fact]
    public void Entities_keep_kind_dates_and_cited_support()
    {
        var entities = _dataset.Read().ChangeSet.Entities.ToDictionary(e => e.Id);
        Assert.Equal(["org/isis-k", "org/taliban", "person/hafiz-saeed-khan", "place/nangarhar"], entities.Keys.Order());
        var isisK = entities["org/isis-k"];
        Assert.Equal(EntityKind.Organization, isisK.Kind);
        Assert.Equal(OrganizationKind.ArmedGroup, isisK.OrganizationKind);
        Assert.Equal(new PartialDate(2015), isisK.Founded);
        Assert.Equal("founded", isisK.Citations[0].Supports);
        Assert.Equal(EntityKind.Place, entities["place/nangarhar"].Kind);
    }

    [Fact]
    public void Aliases_facts_are_merged_into_their_entity_with_citations_supporting_an_alias()
    {
        var isisK = _dataset.Read().ChangeSet.Entities.Single(e => e.Id == "org/isis-k");
        Assert.Equal(["ISIS-K", "IS-K"], isisK.Aliases);
        var aliasCitation = isisK.Citations[^1];
        Assert.Equal(("source/doc", "Some call the group IS-K;", "alias"), (aliasCitation.SourceId, aliasCitation.Quote, aliasCitation.Supports));
    }

    [Fact]
    public void Facts_without_ids_get_ids_derived_from_their_content()
    {
        var changes = _dataset.Read().ChangeSet;
        Assert.Equal(
            ["rel/LEADS/person/hafiz-saeed-khan/org/isis-k/2015-2016", "rel/RIVAL_OF/org/taliban/org/isis-k/2015-"],
            changes.Relationships.Select(r => r.Id));
        Assert.Equal("est/org/isis-k/2024/anvar-yuldoshev", Assert.Single(changes.StrengthEstimates).Id);
    }

    [Fact]
    public void Leadership_terms_keep_role_end_reason_and_interval()
    {
        var leads = _dataset.Read().ChangeSet.Relationships.Single(r => r.Type == RelationshipType.Leads);
        Assert.Equal(("emir", "killed"), (leads.Role, leads.EndReason));
        Assert.Equal(Validity.Between(new PartialDate(2015), new PartialDate(2016)), leads.Validity);
        Assert.Equal(ClaimStatus.Asserted, leads.Status);
    }

    [Fact]
    public void An_explicit_fact_id_is_kept()
    {
        _dataset.Write("seed/data/facts/base.yaml", TempDataset.FactsYaml.Replace("  - type: RIVAL_OF", "  - id: rel/taliban-vs-isis-k\n    type: RIVAL_OF"));
        var result = _dataset.Read();
        Assert.Empty(result.Problems);
        Assert.Contains(result.ChangeSet.Relationships, r => r.Id == "rel/taliban-vs-isis-k");
    }

    [Fact]
    public void The_summary_counts_sources_entities_by_kind_facts_by_type_and_citations()
    {
        var summary = _dataset.Read().Summary;
        Assert.Equal(
            "3 files; 1 source; 4 entities (2 organizations, 1 person, 1 place); 3 facts (1 RIVAL_OF, 1 LEADS, 1 strength estimate); 8 citations",
            summary.ToString());
    }
}
