using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    [StoreFact]
    public async Task GetRelationships_answers_every_requested_id_including_unknown_ones()
    {
        var byEntity = await Store.GetRelationshipsAsync([Ja, Kib, "org/nope"], RelationshipFilter.Default);

        Assert.Equal(Sorted(Ja, Kib, "org/nope"), byEntity.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(byEntity["org/nope"]);
        Assert.Equal(Sorted(JaSplitFromUto, JaRebrandedAsTtt, ArsalanLeadsJa, ArsalanLeadsJaDisputed, TabarovLeadsJa, JaInBadakhshan), Ids(byEntity[Ja]));
        Assert.Equal(Sorted(KibUnderIsisK, KibUnderTaliban, KibAlliedTaliban), Ids(byEntity[Kib]));
    }

    [StoreFact]
    public async Task GetRelationships_returns_every_field_as_written()
    {
        var expected = Relationships.Single(r => r.Id == ArsalanLeadsJa);
        var actual = (await RelationshipsOf(Arsalan, RelationshipFilter.Default)).Single(r => r.Id == ArsalanLeadsJa);

        Assert.Equal(RecordJson.Serialize(expected), RecordJson.Serialize(actual));
        Assert.Equal("emir", actual.Role);
        Assert.Equal("killed", actual.EndReason);
        Assert.Equal(Validity.Between(Date("2010"), Date("2014-06")), actual.Validity);
    }

    [StoreFact]
    public async Task GetRelationships_follows_the_direction_asked_for()
    {
        var outgoing = await RelationshipsOf(Ja, new RelationshipFilter { Direction = Direction.Outgoing });
        var incoming = await RelationshipsOf(Ja, new RelationshipFilter { Direction = Direction.Incoming });

        Assert.Equal(Sorted(JaSplitFromUto, JaRebrandedAsTtt, JaInBadakhshan), Ids(outgoing));
        Assert.Equal(Sorted(ArsalanLeadsJa, ArsalanLeadsJaDisputed, TabarovLeadsJa), Ids(incoming));
    }

    [StoreFact]
    public async Task GetRelationships_filters_by_type_and_keeps_disputed_claims_side_by_side()
    {
        var umbrella = await RelationshipsOf(Kib, new RelationshipFilter { Types = [RelationshipType.UnderUmbrellaOf] });

        Assert.Equal(Sorted(KibUnderIsisK, KibUnderTaliban), Ids(umbrella));
        Assert.All(umbrella, r => Assert.Equal(ClaimStatus.Disputed, r.Status));
        Assert.Equal([Beta], umbrella.Single(r => r.Id == KibUnderTaliban).Citations.Select(c => c.SourceId));
    }

    [StoreTheory]
    // LEADS Arsalan→JA 2010/2014-06: it began some day of 2010 and ended some day of June 2014, so the first day of
    // 2010 and the last of June 2014 are only POSSIBLE (it may have begun later, ended earlier); the year and the month
    // of its ends are KNOWN (it held on some day of each). Under the pre-#12 reading both days were "covered".
    [InlineData("2009-12-31", "EXCLUDED")]
    [InlineData("2009", "EXCLUDED")]
    [InlineData("2010-01-01", "POSSIBLE")]
    [InlineData("2010", "KNOWN")]
    [InlineData("2012-02-29", "KNOWN")]
    [InlineData("2014-06-30", "POSSIBLE")]
    [InlineData("2014-06", "KNOWN")]
    [InlineData("2014", "KNOWN")]
    [InlineData("2014-07-01", "EXCLUDED")]
    [InlineData("2014-07", "EXCLUDED")]
    [InlineData("2015", "EXCLUDED")]
    public async Task AsOf_decides_a_closed_interval_at_every_precision(string asOf, string status)
    {
        await AssertStatusAsync(Arsalan, ArsalanLeadsJa, asOf, status);
    }

    [StoreTheory]
    // AFFILIATE_OF from 2015-01, end unknown: unknown is not "ongoing" (#12), so after January 2015 it is only POSSIBLE.
    [InlineData("2014-12-31", "EXCLUDED")]
    [InlineData("2014-12", "EXCLUDED")]
    [InlineData("2015-01-01", "POSSIBLE")]
    [InlineData("2015-01", "KNOWN")]
    [InlineData("2015", "KNOWN")]
    [InlineData("2099", "POSSIBLE")]
    public async Task AsOf_reads_an_unknown_end_as_unknown_not_ongoing(string asOf, string status)
    {
        await AssertStatusAsync(IsisK, IsisKAffiliateOfIs, asOf, status);
        // Relationships without any dates are POSSIBLE at every date: returned only when POSSIBLE facts are asked for.
        await AssertStatusAsync(IsisK, IsisKInBadakhshan, asOf, "POSSIBLE");
    }

    /// <summary>
    /// The fact stands as <paramref name="status"/> on <paramref name="asOf"/>: a KNOWN read returns it only when KNOWN,
    /// a POSSIBLE read unless EXCLUDED.
    /// </summary>
    private async Task AssertStatusAsync(string entityId, string relationshipId, string asOf, string status)
    {
        var known = await RelationshipsOf(entityId, new RelationshipFilter { AsOf = Date(asOf) });
        var possible = await RelationshipsOf(entityId, new RelationshipFilter { AsOf = Date(asOf), Certainty = TemporalCertainty.Possible });
        Assert.Equal(status == "KNOWN", known.Any(r => r.Id == relationshipId));
        Assert.Equal(status != "EXCLUDED", possible.Any(r => r.Id == relationshipId));
    }

    [StoreFact]
    public async Task Succession_shows_the_gap_and_the_overlap()
    {
        var leads = new[] { RelationshipType.Leads };
        Assert.Empty(await RelationshipsOf(Ja, new RelationshipFilter { Types = leads, AsOf = Date("2014-09"), Statuses = [ClaimStatus.Asserted], Certainty = TemporalCertainty.Possible }));
        // Arsalan's disputed term ended in 2015 and Tabarov's began in 2015: both held on some day of 2015 (KNOWN), but
        // in June 2015 each only POSSIBLY (the pre-#12 reading had both "in force" in June).
        var in2015 = await RelationshipsOf(Ja, new RelationshipFilter { Types = leads, AsOf = Date("2015") });
        Assert.Equal(Sorted(ArsalanLeadsJaDisputed, TabarovLeadsJa), Ids(in2015));
        Assert.Empty(await RelationshipsOf(Ja, new RelationshipFilter { Types = leads, AsOf = Date("2015-06") }));
        var june2015 = await RelationshipsOf(Ja, new RelationshipFilter { Types = leads, AsOf = Date("2015-06"), Certainty = TemporalCertainty.Possible });
        Assert.Equal(Sorted(ArsalanLeadsJaDisputed, TabarovLeadsJa), Ids(june2015));
    }

    [StoreFact]
    public async Task Statuses_filter_and_default_to_everything_but_retracted()
    {
        var disputed = await RelationshipsOf(Kib, new RelationshipFilter { Statuses = [ClaimStatus.Disputed] });
        Assert.Equal(Sorted(KibUnderIsisK, KibUnderTaliban), Ids(disputed));

        await Store.ApplyAsync(new ChangeSet { Retractions = [KibAlliedTaliban] }, Editor("wrong group"));

        Assert.Equal(Sorted(KibUnderIsisK, KibUnderTaliban), Ids(await RelationshipsOf(Kib, RelationshipFilter.Default)));
        var retracted = await RelationshipsOf(Kib, new RelationshipFilter { Statuses = [ClaimStatus.Retracted] });
        Assert.Equal([KibAlliedTaliban], Ids(retracted));
        var all = await RelationshipsOf(Kib, new RelationshipFilter { Statuses = Enum.GetValues<ClaimStatus>() });
        Assert.Equal(3, all.Count);
    }

    [StoreFact]
    public async Task GetRelationshipsById_includes_retracted_and_omits_unknown()
    {
        await Store.ApplyAsync(new ChangeSet { Retractions = [JaInBadakhshan] }, Editor());

        var byId = await Store.GetRelationshipsByIdAsync([JaInBadakhshan, JaSplitFromUto, "rel/nope"]);

        Assert.Equal(Sorted(JaInBadakhshan, JaSplitFromUto), byId.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(ClaimStatus.Retracted, byId[JaInBadakhshan].Status);
        Assert.Equal(RelationshipType.SplitFrom, byId[JaSplitFromUto].Type);
    }

    [StoreFact]
    public async Task Strength_estimates_by_organization_and_by_id()
    {
        var byOrg = await Store.GetStrengthEstimatesAsync([IsisK, Ja]);
        Assert.Empty(byOrg[Ja]);
        Assert.Equal(Sorted(IsisKEstimateAlpha, IsisKEstimateUn), byOrg[IsisK].Select(s => s.Id).Order(StringComparer.Ordinal).ToArray());

        var un = (await Store.GetStrengthEstimatesByIdAsync([IsisKEstimateUn, "est/nope"])).Values.Single();
        Assert.Equal(RecordJson.Serialize(StrengthEstimates.Single(s => s.Id == IsisKEstimateUn)), RecordJson.Serialize(un));

        await Store.ApplyAsync(new ChangeSet { Retractions = [IsisKEstimateUn] }, Editor());
        Assert.Equal([IsisKEstimateAlpha], (await Store.GetStrengthEstimatesAsync([IsisK]))[IsisK].Select(s => s.Id));
        Assert.Equal(2, (await Store.GetStrengthEstimatesAsync([IsisK], includeRetracted: true))[IsisK].Count);
        Assert.Equal(ClaimStatus.Retracted, (await Store.GetStrengthEstimatesByIdAsync([IsisKEstimateUn]))[IsisKEstimateUn].Status);
    }

    [StoreFact]
    public async Task Sources_and_their_citations()
    {
        var listed = await Store.ListSourcesAsync();
        Assert.Equal([Alpha, Beta], listed.Select(s => s.Id));
        Assert.Equal(RecordJson.Serialize(BetaSource), RecordJson.Serialize(listed[1]));

        var byId = await Store.GetSourcesAsync([Alpha, "source/nope"]);
        Assert.Equal(RecordJson.Serialize(AlphaSource), RecordJson.Serialize(Assert.Single(byId).Value));

        var citations = await Store.GetCitationsBySourceAsync([Beta, "source/nope"]);
        Assert.Empty(citations["source/nope"]);
        var supported = citations[Beta].Select(c => c.SupportsId).Order(StringComparer.Ordinal).ToArray();
        var expected = Entities.Where(e => e.Citations.Any(c => c.SourceId == Beta)).Select(e => e.Id)
            .Concat(Relationships.Where(r => r.Citations.Any(c => c.SourceId == Beta)).Select(r => r.Id))
            .Concat(StrengthEstimates.Where(s => s.Citations.Any(c => c.SourceId == Beta)).Select(s => s.Id))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, supported);
        Assert.All(citations[Beta], c => Assert.Equal(Beta, c.Citation.SourceId));
        Assert.Contains(citations[Beta], c => c.SupportsId == Sharifov && c.Citation.Supports == "alias");
    }

    [StoreFact]
    public async Task Statistics_count_what_is_stored()
    {
        var stats = await Store.GetStatisticsAsync();

        Assert.Equal(2, stats.Sources);
        Assert.Equal(7, stats.EntitiesByKind[EntityKind.Organization]);
        Assert.Equal(3, stats.EntitiesByKind[EntityKind.Person]);
        Assert.Equal(1, stats.EntitiesByKind[EntityKind.Place]);
        Assert.Equal(3, stats.RelationshipsByType[RelationshipType.Leads]);
        Assert.Equal(Relationships.Count(r => r.Status == ClaimStatus.Disputed), stats.RelationshipsByStatus[ClaimStatus.Disputed]);
        Assert.Equal(2, stats.StrengthEstimates);
        var citations = Entities.Sum(e => e.Citations.Count) + Relationships.Sum(r => r.Citations.Count) + StrengthEstimates.Sum(s => s.Citations.Count);
        Assert.Equal(citations, stats.Citations);
    }

    [StoreFact]
    public async Task Statistics_list_every_kind_type_and_status_with_zero_for_none()
    {
        var stats = await Store.GetStatisticsAsync();

        Assert.Equal(Enum.GetValues<EntityKind>().Order(), stats.EntitiesByKind.Keys.Order());
        Assert.Equal(Enum.GetValues<RelationshipType>().Order(), stats.RelationshipsByType.Keys.Order());
        Assert.Equal(Enum.GetValues<ClaimStatus>().Order(), stats.RelationshipsByStatus.Keys.Order());
        var absent = Enum.GetValues<RelationshipType>().First(t => Relationships.All(r => r.Type != t));
        Assert.Equal(0, stats.RelationshipsByType[absent]);
        Assert.Equal(Relationships.Count, stats.RelationshipsByType.Values.Sum());
    }
}
