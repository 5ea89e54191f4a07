using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Tests.Store;

public sealed class ChangeSetValidatorTests
{
    /// <summary>A store's contents held in memory: the lookup answers from these records exactly as a backend would.</summary>
    private sealed class StoredContents : IChangeSetLookup
    {
        public List<Source> Sources { get; } = [];
        public List<Entity> Entities { get; } = [];
        public List<string> FactIds { get; } = [];
        public Dictionary<string, string> Merged { get; } = [];

        public Task<IReadOnlyDictionary<string, ExistingEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
        {
            var result = new Dictionary<string, ExistingEntity>();
            foreach (var id in ids)
            {
                if (Entities.FirstOrDefault(e => e.Id == id) is { } e) result[id] = new ExistingEntity(id, e.Kind);
                else if (Merged.TryGetValue(id, out var survivor)) result[id] = new ExistingEntity(id, Entities.Single(x => x.Id == survivor).Kind, survivor);
            }
            return Task.FromResult<IReadOnlyDictionary<string, ExistingEntity>>(result);
        }

        public Task<IReadOnlyDictionary<string, string>> GetSourceTextsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(Sources.Where(s => ids.Contains(s.Id)).ToDictionary(s => s.Id, s => s.Text));

        public Task<IReadOnlySet<string>> GetExistingFactIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlySet<string>>(FactIds.Where(ids.Contains).ToHashSet());

        public Task<IReadOnlyList<NameClaim>> GetNameClaimsAsync(IReadOnlyCollection<string> clashKeys, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<NameClaim>>(Entities
                .SelectMany(e => e.Names.Select(n => new NameClaim(e.Id, e.Kind, n)))
                .Where(c => clashKeys.Contains(ConfusableSkeleton.ClashKey(c.Name)))
                .ToList());
    }

    private static readonly StoredContents Empty = new();

    private static StoredContents WithFixture()
    {
        var store = new StoredContents();
        store.Sources.AddRange([AlphaSource, BetaSource]);
        store.Entities.AddRange(Entities);
        store.FactIds.AddRange(Relationships.Select(r => r.Id).Concat(StrengthEstimates.Select(s => s.Id)));
        return store;
    }

    private static Entity Org(string id, string name, params string[] aliases) =>
        new(id, EntityKind.Organization, name, aliases, [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup };

    private static Relationship Rel(string id, RelationshipType type, string from, string to) =>
        new(id, type, from, to, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]);

    private static Task<IReadOnlyList<ValidationProblem>> Validate(ChangeSet set, IChangeSetLookup? store = null) =>
        ChangeSetValidator.ValidateAsync(set, store ?? WithFixture());

    [Fact]
    public async Task The_fixture_is_valid_on_an_empty_store_and_again_on_itself()
    {
        Assert.Empty(await ChangeSetValidator.ValidateAsync(WholeGraph, Empty));
        Assert.Empty(await Validate(WholeGraph));
    }

    [Fact]
    public async Task An_attestation_must_rest_on_a_cited_source_and_fall_inside_the_interval()
    {
        var fact = Rel("rel/attested", RelationshipType.AlliedWith, Ja, Kib) with { Validity = Validity.Parse("2015/[..2018-06]") };
        var set = new ChangeSet
        {
            Relationships =
            [
                fact with { Attestations = [new Attestation(PartialDate.Parse("2016"), Alpha)] },
                fact with { Id = "rel/uncited", Attestations = [new Attestation(PartialDate.Parse("2016"), Beta)] },
                fact with { Id = "rel/too-late", Attestations = [new Attestation(PartialDate.Parse("2018-07"), Alpha)] },
                fact with
                {
                    Id = "rel/after-death", Validity = Validity.Parse("2015/.."), Attestations = [new Attestation(PartialDate.Parse("2017"), Alpha)],
                    EndedBy = new LifecycleEnd(PartialDate.Parse("2016-03"), "event/killed", "killed"),
                },
            ],
        };

        var problems = await Validate(set);

        Assert.DoesNotContain(problems, p => p.RecordId == "rel/attested");
        Assert.Contains(problems, p => p.RecordId == "rel/uncited" && p.Message.Contains("rests on source 'source/beta', which the fact does not cite"));
        Assert.Contains(problems, p => p.RecordId == "rel/too-late" && p.Message.Contains("the attestation of 2018-07 (source 'source/alpha') falls outside the fact's interval 2015/[..2018-06]"));
        Assert.Contains(problems, p => p.RecordId == "rel/after-death" && p.Message.Contains("falls outside the fact's interval 2015/[..2016-03]"));
    }

    [Theory]
    [InlineData("ja", "does not start with 'org/'")]
    [InlineData("person/ja", "does not start with 'org/'")]
    [InlineData("org/", "nothing after")]
    [InlineData("org/j a", "white space")]
    [InlineData("", "empty")]
    public async Task Entity_ids_carry_their_kind_prefix(string id, string expected)
    {
        var problems = await Validate(new ChangeSet { Entities = [Org(id, "Some Group")] });
        Assert.Contains(problems, p => p.RecordId == id && p.Message.Contains(expected));
    }

    [Fact]
    public async Task Every_problem_is_reported_not_only_the_first()
    {
        var set = new ChangeSet
        {
            Sources = [new Source("alpha", "", null, null, null, null, "")],
            Entities =
            [
                new Entity("org/no-kind", EntityKind.Organization, "No Kind", [], []),
                Org("org/dates", "Dates") with { Founded = PartialDate.Parse("2010"), Dissolved = PartialDate.Parse("2009") },
                new Entity("person/x", EntityKind.Person, " ", [""], [new Citation(Alpha, "nowhere at all in this text")]) { OrganizationKind = OrganizationKind.State },
            ],
            Relationships =
            [
                Rel("rel/kinds", RelationshipType.Leads, Ja, Arsalan),
                Rel("rel/ghost", RelationshipType.AlliedWith, "org/ghost", Ja),
                Rel("rel/self", RelationshipType.AlliedWith, Ja, Ja),
                Rel("rel/role", RelationshipType.MemberOf, Arsalan, Ja) with { Role = "emir", EndReason = "killed" },
                Rel("rel/interval", RelationshipType.AlliedWith, Ja, Kib) with { Validity = Validity.Between(PartialDate.Parse("2020-02"), PartialDate.Parse("2020-01")) },
                Rel("rel/dup", RelationshipType.AlliedWith, Ja, Kib),
                Rel("rel/dup", RelationshipType.AlliedWith, Ja, Taliban),
                Rel("rel/unknown-source", RelationshipType.AlliedWith, Ja, Kib) with { Citations = [new Citation("source/gamma", "anything")] },
                Rel("", RelationshipType.AlliedWith, Ja, Kib),
            ],
            StrengthEstimates =
            [
                new StrengthEstimate("est/range", IsisK, 500, 100, null, null, ClaimStatus.Asserted, [CiteAlpha("ISIS-K has nearly 6,000 fighters.")]),
                new StrengthEstimate("est/person", Arsalan, 1, 2, null, null, ClaimStatus.Asserted, [CiteAlpha("ISIS-K has nearly 6,000 fighters.")]),
                new StrengthEstimate("est/uncited", IsisK, 1, null, null, null, ClaimStatus.Asserted, []),
            ],
            Retractions = ["rel/nope", KibUnderIsisK],
            Merges = [new EntityMerge(Ja, Arsalan), new EntityMerge(Ja, Ja), new EntityMerge(Ja, "org/ghost")],
        };

        var problems = await Validate(set);
        string[] expected =
        [
            "alpha: the source id 'alpha' does not start with 'source/'",
            "alpha: the source has no title",
            "alpha: the source has no text",
            "org/no-kind: an organization needs an organizationKind",
            "org/no-kind: the entity has no citation",
            "org/dates: founded/dissolved: the interval ends (2009) before it starts (2010)",
            "person/x: the entity has no name",
            "person/x: an alias is empty",
            "person/x: organizationKind is for organizations, not a person",
            "person/x: citation 1: the quote \"nowhere at all in this text\" does not occur in source/alpha",
            "rel/kinds: org/ja -> person/mahdi-arsalan: LEADS connects person to organization, not organization to person",
            "rel/ghost: ALLIED_WITH from: entity org/ghost does not exist",
            "rel/self: the relationship connects org/ja to itself",
            "rel/role: role is for LEADS relationships, not MEMBER_OF",
            "rel/role: endReason is for LEADS relationships, not MEMBER_OF",
            "rel/interval: validity: the interval ends (2020-01) before it starts (2020-02)",
            "rel/dup: the relationship appears twice in the change set",
            "rel/unknown-source: citation 1 cites source/gamma, which is neither in the change set nor stored",
            ": the id is empty",
            "est/range: min (500) is greater than max (100)",
            "est/person: strength estimates are of organizations; person/mahdi-arsalan is a person",
            "est/uncited: the strength estimate has no citation",
            "rel/nope: cannot retract",
            "person/mahdi-arsalan: cannot merge a person into a organization",
            "org/ja: an entity cannot be merged into itself",
            "org/ghost: the merged entity org/ghost does not exist",
        ];
        foreach (var e in expected)
            Assert.True(problems.Any(p => p.ToString().StartsWith(e, StringComparison.Ordinal)), $"missing \"{e}\" in:\n{string.Join("\n", problems)}");
        Assert.DoesNotContain(problems, p => p.RecordId == KibUnderIsisK);
    }

    [Fact]
    public async Task Endpoints_may_be_in_the_set_or_the_store_and_merged_ids_count_as_their_survivor()
    {
        var store = WithFixture();
        store.Merged["org/old-ja"] = Ja;
        var set = new ChangeSet
        {
            Entities = [Org("org/new", "New Front")],
            Relationships = [Rel("rel/a", RelationshipType.AlliedWith, "org/new", Ja), Rel("rel/b", RelationshipType.SplitFrom, "org/new", "org/old-ja")],
        };

        Assert.Empty(await Validate(set, store));
        var self = await Validate(new ChangeSet { Relationships = [Rel("rel/c", RelationshipType.AlliedWith, "org/old-ja", Ja)] }, store);
        Assert.Contains(self, p => p.RecordId == "rel/c" && p.Message.Contains("itself"));
        var write = await Validate(new ChangeSet { Entities = [Org("org/old-ja", "Old")] }, store);
        Assert.Contains(write, p => p.RecordId == "org/old-ja" && p.Message.Contains("merged into 'org/ja'"));
    }

    [Fact]
    public async Task Quotes_are_checked_against_stored_sources_and_sources_in_the_set()
    {
        var gamma = new Source("source/gamma", "Gamma", null, null, null, null, "The Gamma Brigade\n   was founded in Kunduz.");
        var cited = Org("org/gamma", "Gamma Brigade") with { Citations = [new Citation("source/gamma", "Gamma Brigade was founded"), CiteBeta("fights under the Taliban banner")] };

        Assert.Empty(await Validate(new ChangeSet { Sources = [gamma], Entities = [cited] }));
        var wrongCase = cited with { Citations = [new Citation("source/gamma", "gamma brigade was founded")] };
        Assert.Single(await Validate(new ChangeSet { Sources = [gamma], Entities = [wrongCase] }));
    }

    [Fact]
    public async Task A_name_may_belong_to_one_entity_per_kind_across_set_and_store()
    {
        var clash = await Validate(new ChangeSet { Entities = [Org("org/other", "Other", "ISIS–K")] });
        Assert.Contains(clash, p => p.RecordId == "org/other" && p.Message.Contains("org/isis-k"));

        var inSet = await Validate(new ChangeSet { Entities = [Org("org/x", "Same Name"), Org("org/y", "same  name")] });
        Assert.Equal(["org/x", "org/y"], inSet.Select(p => p.RecordId).Order());

        // Across kinds a name may repeat (a province and a front named after it), and an entity may rename itself.
        Assert.Empty(await Validate(new ChangeSet { Entities = [Org("org/badakhshan", "Badakhshan")] }));
        Assert.Empty(await Validate(new ChangeSet { Entities = [Entities.Single(e => e.Id == IsisK) with { Aliases = ["ISIS-K"] }] }));
        // Merging the two claimants in the same change set resolves the clash.
        Assert.Empty(await Validate(new ChangeSet { Entities = [Org("org/isis-k-dup", "IS-K")], Merges = [new EntityMerge(IsisK, "org/isis-k-dup")] }));
    }

    [Fact]
    public async Task Merges_check_both_ends()
    {
        var store = WithFixture();
        store.Merged["org/old"] = Ja;
        Assert.Empty(await Validate(new ChangeSet { Merges = [new EntityMerge(Ja, "org/old")] }, store)); // already done: unchanged
        var elsewhere = await Validate(new ChangeSet { Merges = [new EntityMerge(Kib, "org/old")] }, store);
        Assert.Contains(elsewhere, p => p.Message.Contains("already merged into 'org/ja'"));
        var intoMerged = await Validate(new ChangeSet { Merges = [new EntityMerge("org/old", Kib)] }, store);
        Assert.Contains(intoMerged, p => p.Message.Contains("was itself merged"));
        var missing = await Validate(new ChangeSet { Merges = [new EntityMerge("org/none", Kib)] }, store);
        Assert.Contains(missing, p => p.Message.Contains("the merge survivor: entity org/none does not exist"));
    }
}
